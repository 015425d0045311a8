/**
 * One technique's world and its bookkeeping: its own hosts, links, connections and timeline on the
 * race's clock; the counters that make the comparison (`LaneStats`) and their history over time. A lane
 * knows the race only as `RaceContext`; how a technique moves events is up to its subclass.
 */
import type { DeflateCodec } from '../../protocol/index.ts';
import type { VirtualClock } from '../clock.ts';
import { SeededRandom } from '../rng.ts';
import { upperBound } from '../sorted.ts';
import { HEADER_BYTES, Network, TcpEndpoint } from '../tcp.ts';
import { TECHNIQUES, type Technique } from '../techniques.ts';
import { Timeline } from '../timeline.ts';
import type { UpstreamMessage } from './messages.ts';
import type { RaceSettings, ServerEvent } from './settings.ts';

/** What a lane reads from the race it runs in: the shared clock, the settings, the event schedule. */
export interface RaceContext {
  readonly clock: VirtualClock;
  /** The DEFLATE codec for a race with `wsDeflate` (loaded by the caller: sim/deflate-codec.ts). */
  readonly codec: DeflateCodec | null;
  readonly settings: RaceSettings;
  readonly events: readonly ServerEvent[];
}

export interface LaneStats {
  readonly technique: Technique;
  /** HTTP requests sent (WebSocket: the one Upgrade request). */
  requests: number;
  /** TCP connections opened. */
  connections: number;
  /** Bytes of HTTP heads, chunk framing, SSE fields, WebSocket frame headers and handshake. */
  headerBytes: number;
  /** Bytes of the events themselves (and of upstream messages). */
  payloadBytes: number;
  /** IP + TCP headers: 40 bytes a segment. */
  tcpBytes: number;
  segments: number;
  /** Responses that carried no event (204, or an empty long-poll answer). */
  emptyResponses: number;
  /** Delivery latency per event delivered, ms (server has it → client application gets it). */
  latencies: number[];
  delivered: number;
  /** Most TCP connections the server held open at once, and how many now. */
  maxServerConnections: number;
  serverConnections: number;
  upstreamSent: number;
  upstreamDelivered: number;
  upstreamLatencies: number[];
  /** SSE: reconnections after the stream dropped. */
  reconnects: number;
}

/** The counters that change over a run, as they stood at time `t`. */
export interface Snapshot {
  readonly t: number;
  readonly requests: number;
  readonly connections: number;
  readonly headerBytes: number;
  readonly payloadBytes: number;
  readonly tcpBytes: number;
  readonly emptyResponses: number;
  readonly delivered: number;
  readonly serverConnections: number;
  readonly maxServerConnections: number;
  readonly upstreamDelivered: number;
  readonly reconnects: number;
}

/** The counters of `stats` at time `t`, copied field by field (the type check sees every one). */
function snapshotOf(t: number, s: LaneStats): Snapshot {
  return {
    t,
    requests: s.requests,
    connections: s.connections,
    headerBytes: s.headerBytes,
    payloadBytes: s.payloadBytes,
    tcpBytes: s.tcpBytes,
    emptyResponses: s.emptyResponses,
    delivered: s.delivered,
    serverConnections: s.serverConnections,
    maxServerConnections: s.maxServerConnections,
    upstreamDelivered: s.upstreamDelivered,
    reconnects: s.reconnects,
  };
}

/** Whether two snapshots hold the same counters (whatever their times). */
function sameCounters(a: Snapshot, b: Snapshot): boolean {
  for (const k of Object.keys(a) as (keyof Snapshot)[]) if (k !== 't' && a[k] !== b[k]) return false;
  return true;
}

/** One technique's world: its own hosts, links, connections and timeline, on the race's clock. */
export abstract class Lane {
  readonly timeline = new Timeline();
  readonly net: Network;
  readonly rng: SeededRandom;
  readonly stats: LaneStats;
  /** Counters over time: one snapshot whenever any of them changed. */
  readonly history: Snapshot[] = [];
  /** When each delivered event reached the client (in delivery order, like `stats.latencies`). */
  readonly deliveredAt: number[] = [];
  /** Highest event id the client has: what a poll asks to continue after. */
  lastId = 0;
  #conn = 0;
  #seen = new Set<number>();
  /** The counters before anything happened: all zero. */
  readonly #start: Snapshot;

  constructor(
    readonly technique: Technique,
    readonly race: RaceContext,
  ) {
    const s = race.settings;
    this.net = new Network(
      race.clock,
      this.timeline,
      new Map(),
      { latency: s.latency, bandwidth: s.bandwidth },
      { mss: 1460, msl: 1000 },
    );
    this.rng = new SeededRandom(s.seed * 31 + TECHNIQUES.indexOf(technique) + 1);
    this.stats = {
      technique,
      requests: 0,
      connections: 0,
      headerBytes: 0,
      payloadBytes: 0,
      tcpBytes: 0,
      segments: 0,
      emptyResponses: 0,
      latencies: [],
      delivered: 0,
      maxServerConnections: 0,
      serverConnections: 0,
      upstreamSent: 0,
      upstreamDelivered: 0,
      upstreamLatencies: [],
      reconnects: 0,
    };
    this.#start = snapshotOf(0, this.stats);
    this.timeline.subscribe((events, from) => {
      for (let i = from; i < events.length; i++) {
        const e = events[i]!;
        if (e.kind === 'segment') {
          this.stats.segments++;
          this.stats.tcpBytes += HEADER_BYTES;
        }
      }
    });
  }

  /** Record the counters if they changed (called after every action of the race's clock). */
  snapshot(): void {
    const snap = snapshotOf(this.race.clock.now, this.stats);
    const last = this.history[this.history.length - 1];
    if (!last || !sameCounters(last, snap)) this.history.push(snap);
  }

  /** The counters as they stood at time t. */
  at(t: number): Snapshot {
    return this.history[upperBound(this.history, t, (s) => s.t) - 1] ?? this.#start;
  }

  /** Latencies of the events delivered by time t. */
  latenciesAt(t: number): number[] {
    return this.stats.latencies.slice(
      0,
      upperBound(this.deliveredAt, t, (at) => at),
    );
  }

  abstract start(): void;
  /** The server has a new event (called at its time). */
  abstract onServerEvent(ev: ServerEvent): void;
  /** The client application wants to send a message upstream. */
  abstract sendUpstream(message: UpstreamMessage, sentAt: number): void;

  /** A heartbeat is due (settings.heartbeat): only WebSocket and SSE send one; the other lanes ignore it. */
  heartbeat(): void {}

  /** A new TCP connection: the server side counts what it holds. */
  openTcp(): { client: TcpEndpoint; server: TcpEndpoint } {
    const conn = ++this.#conn;
    const client = new TcpEndpoint('client', conn, this.net, this.rng);
    const server = new TcpEndpoint('server', conn, this.net, this.rng);
    client.peer = server;
    server.peer = client;
    this.stats.connections++;
    return { client, server };
  }

  protected held(delta: 1 | -1): void {
    this.stats.serverConnections += delta;
    this.stats.maxServerConnections = Math.max(this.stats.maxServerConnections, this.stats.serverConnections);
  }

  /** The client application received event `id` now. */
  protected deliver(id: number): void {
    if (this.#seen.has(id)) return;
    this.#seen.add(id);
    const ev = this.race.events[id - 1];
    if (!ev) return;
    this.stats.delivered++;
    this.stats.latencies.push(this.race.clock.now - ev.t);
    this.deliveredAt.push(this.race.clock.now);
    this.lastId = Math.max(this.lastId, id);
  }

  protected upstreamArrived(sentAt: number): void {
    this.stats.upstreamDelivered++;
    this.stats.upstreamLatencies.push(this.race.clock.now - sentAt);
  }

  /**
   * Events the server has by now with id > after. The schedule is sorted by time and event `id` sits at
   * index id − 1, so they are one slice: from index `after` to the first event still in the future.
   */
  protected pending(after: number): ServerEvent[] {
    return this.race.events.slice(
      after,
      upperBound(this.race.events, this.race.clock.now, (e) => e.t),
    );
  }
}
