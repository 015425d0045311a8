/**
 * The transport race: one seeded stream of server events delivered five ways side by side — short
 * polling, long polling, HTTP streaming (chunked), Server-Sent Events and WebSocket — each as real
 * traffic over the simulated TCP model (HTTP/1.1 heads and bodies, or HTTP/2 frames, byte for byte;
 * WebSocket through the real engine), with the costs counted as they happen.
 *
 * This module is the race's public face: `Race` runs the lanes on one clock, and everything a view or a
 * test needs is re-exported here. The folder's map:
 *   settings.ts   what to simulate, and the one event schedule
 *   messages.ts   the JSON the simulated application sends, and reading it back
 *   lane.ts       one technique's world and its counters over time;  summary.ts: delay statistics
 *   http.ts       HTTP/1.1 connections (server end, client end); http2.ts: one HTTP/2 connection
 *   http-lane.ts  what HTTP lanes share
 *   polling.ts    short and long polling;  stream.ts: streaming and SSE;  websocket.ts: WebSocket
 */
import type { DeflateCodec } from '../../protocol/index.ts';
import { VirtualClock } from '../clock.ts';
import { TECHNIQUES, type Technique } from '../techniques.ts';
import type { Lane, RaceContext } from './lane.ts';
import type { UpstreamMessage } from './messages.ts';
import { LongPollingLane, PollingLane } from './polling.ts';
import { DEFAULT_RACE, makeSchedule, type RaceSettings, type ServerEvent } from './settings.ts';
import { StreamLane } from './stream.ts';
import { WebSocketLane } from './websocket.ts';

export { TECHNIQUES, type Technique };
export {
  DEFAULT_RACE,
  makeSchedule,
  type RaceSettings,
  type Schedule,
  type ServerEvent,
} from './settings.ts';
export { Lane, type LaneStats, type Snapshot } from './lane.ts';
export { summarize, type LatencySummary } from './summary.ts';

export class Race implements RaceContext {
  readonly clock = new VirtualClock();
  readonly settings: RaceSettings;
  readonly events: ServerEvent[];
  readonly lanes: Lane[];
  readonly codec: DeflateCodec | null;

  /**
   * `codec` compresses the WebSocket lane when `settings.wsDeflate` is on; without one that lane
   * goes uncompressed (the engine is synchronous, so the caller loads the codec first).
   */
  constructor(
    settings: Partial<RaceSettings> = {},
    techniques: readonly Technique[] = TECHNIQUES,
    codec: DeflateCodec | null = null,
  ) {
    const merged = { ...DEFAULT_RACE, ...settings };
    // HTTP/2 has one connection for every request (RFC 9113 §9.1): there is no HTTP/2 without keep-alive.
    this.settings = merged.http2 ? { ...merged, keepAlive: true } : merged;
    this.codec = codec;
    this.events = makeSchedule(this.settings);
    this.clock.afterEach = () => {
      for (const lane of this.lanes) lane.snapshot();
    };
    this.lanes = techniques.map((t) => {
      switch (t) {
        case 'polling':
          return new PollingLane(t, this);
        case 'long-polling':
          return new LongPollingLane(t, this);
        case 'streaming':
        case 'sse':
          return new StreamLane(t, this);
        case 'websocket':
          return new WebSocketLane(t, this);
      }
    });
    for (const lane of this.lanes)
      this.clock.at(0, () => {
        lane.start();
        lane.net.settle();
      });
    for (const ev of this.events) {
      this.clock.at(ev.t, () => {
        for (const lane of this.lanes) {
          lane.onServerEvent(ev);
          lane.net.settle();
        }
      });
    }
    const beat = this.settings.heartbeat;
    if (beat > 0) {
      for (let t = beat; t < this.settings.duration; t += beat) {
        this.clock.at(t, () => {
          for (const lane of this.lanes) {
            lane.heartbeat();
            lane.net.settle();
          }
        });
      }
    }
    const every = this.settings.upstreamEvery;
    if (every > 0) {
      for (let t = every, n = 1; t < this.settings.duration; t += every, n++) {
        const message: UpstreamMessage = { msg: n };
        this.clock.at(t, () => {
          for (const lane of this.lanes) {
            lane.sendUpstream(message, t);
            lane.net.settle();
          }
        });
      }
    }
  }

  lane(t: Technique): Lane | undefined {
    return this.lanes.find((l) => l.technique === t);
  }

  /** Simulate up to `until` ms (the whole run by default). */
  run(until = this.settings.duration): void {
    this.clock.runUntil(until);
    for (const lane of this.lanes) lane.timeline.commit();
  }

  /** The same run in slices of the clock's pacer (the page paints between them); the same timeline. */
  async runPaced(until = this.settings.duration): Promise<void> {
    await this.clock.runPaced(until);
    for (const lane of this.lanes) lane.timeline.commit();
  }
}
