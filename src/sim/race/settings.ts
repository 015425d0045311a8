/**
 * What a race is asked to simulate: its settings and defaults, the one schedule of server events every
 * lane is fed, and the request headers the settings imply. Plain data and pure functions: no clock, no
 * network.
 */
import type { HeaderField } from '../../protocol/index.ts';
import { SeededRandom } from '../rng.ts';
import { eventBytes } from './messages.ts';

export type Schedule = 'regular' | 'bursty' | 'random';

export interface RaceSettings {
  seed: number;
  schedule: Schedule;
  /** Mean server events per second. */
  rate: number;
  /** Virtual ms to simulate. */
  duration: number;
  /** Short polling: a request every `pollInterval` ms (fixed rate; never two at once on a connection). */
  pollInterval: number;
  /** Long polling: the server answers an idle request empty after this many ms. */
  longPollTimeout: number;
  /** One-way latency, ms (the round-trip time is twice this). */
  latency: number;
  /** Bytes per ms on each link. */
  bandwidth: number;
  /** Bytes of a Cookie header line on every request (0: none): what every polling request pays again. */
  cookieBytes: number;
  /** HTTP keep-alive: reuse one TCP connection, or open one per request. */
  keepAlive: boolean;
  /** The client also sends a message upstream every this many ms (0: never). */
  upstreamEvery: number;
  /** SSE `retry:` the server announces, ms. */
  sseRetry: number;
  /** The SSE stream is dropped at this time (as a proxy's idle timeout would); null: never. */
  sseDropAt: number | null;
  /**
   * The WebSocket lane offers permessage-deflate (as browsers do) and its server accepts: the frames
   * carry DEFLATE bytes, and the lane's payload counters count those (RFC 7692). Needs a codec (Race).
   */
  wsDeflate: boolean;
  /**
   * Each HTTP lane speaks HTTP/2 (RFC 9113) over one TCP connection: preface and SETTINGS, then every
   * request a stream of HEADERS (HPACK) and DATA frames, sent and read back byte for byte (race/http2.ts);
   * keep-alive is on (one connection). The WebSocket lane keeps its own HTTP/1.1 connection.
   */
  http2: boolean;
  /**
   * A heartbeat every this many ms (0: none): the WebSocket server sends a ping and the client's engine
   * answers with a pong (RFC 6455 §5.5.2, §5.5.3); the SSE server writes a comment line, ":" (HTML's
   * SSE authoring notes suggest one every 15 s or so, so that proxies do not close an idle stream).
   */
  heartbeat: number;
}

export const DEFAULT_RACE: RaceSettings = {
  seed: 7,
  schedule: 'bursty',
  rate: 1,
  duration: 30_000,
  pollInterval: 2000,
  longPollTimeout: 10_000,
  latency: 50,
  bandwidth: 1250,
  cookieBytes: 400,
  keepAlive: true,
  upstreamEvery: 0,
  sseRetry: 1000,
  sseDropAt: null,
  wsDeflate: false,
  http2: false,
  heartbeat: 0,
};

export interface ServerEvent {
  /** 1, 2, 3 … in order of time: event `id` is `events[id - 1]`. */
  readonly id: number;
  /** When the server has it, ms. */
  readonly t: number;
  /** The event as JSON text (`messages.ts`): the payload every lane carries. */
  readonly body: Uint8Array;
}

/** The event schedule every lane is fed: the same times and bodies for all five. */
export function makeSchedule(
  s: Pick<RaceSettings, 'seed' | 'schedule' | 'rate' | 'duration'>,
): ServerEvent[] {
  const rng = new SeededRandom(s.seed);
  const times: number[] = [];
  const mean = 1000 / Math.max(0.001, s.rate);
  const exp = (): number => -Math.log(1 - rng.next()) * mean;
  if (s.schedule === 'regular') {
    for (let t = mean / 2; t < s.duration; t += mean) times.push(t);
  } else if (s.schedule === 'random') {
    for (let t = exp(); t < s.duration; t += exp()) times.push(t);
  } else {
    // Bursts of 5 events 30 ms apart, bursts spaced so that the mean rate holds.
    for (let t = exp() * 5; t < s.duration; t += exp() * 5)
      for (let i = 0; i < 5 && t + 30 * i < s.duration; i++) times.push(t + 30 * i);
  }
  return times
    .sort((a, b) => a - b)
    .map((t, i) => ({
      id: i + 1,
      t: Math.round(t * 10) / 10,
      body: eventBytes({ id: i + 1, price: 100 + ((i * 37) % 23) }),
    }));
}

/** "Cookie: session=" + CRLF: with this, `cookieBytes` is the whole header line on the wire. */
const COOKIE_LINE = 'Cookie: session=\r\n'.length;

/**
 * The Cookie header every request carries (none when `cookieBytes` is 0): the polls' GETs and POSTs and
 * the WebSocket's one Upgrade request alike, so the lanes pay for the same session.
 */
export function cookieHeader(s: Pick<RaceSettings, 'cookieBytes'>): HeaderField[] {
  if (s.cookieBytes <= 0) return [];
  return [{ name: 'Cookie', value: `session=${'x'.repeat(Math.max(0, s.cookieBytes - COOKIE_LINE))}` }];
}
