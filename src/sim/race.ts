/**
 * The transport race: one seeded stream of server events delivered five ways side by side — short
 * polling, long polling, HTTP streaming (chunked), Server-Sent Events and WebSocket — each as real
 * traffic over the simulated TCP model (HTTP/1.1 heads and bodies byte for byte; WebSocket through
 * the real engine), with the costs counted as they happen.
 */
import {
  concatBytes,
  headerValue,
  type HeaderField,
  type HttpRequest,
  type HttpResponse,
} from '../protocol/index.ts';
import { VirtualClock } from './clock.ts';
import { MessageReader, chunk, requestBytes, responseHead } from './http1.ts';
import { SeededRandom } from './rng.ts';
import { HEADER_BYTES, Network, TcpEndpoint } from './tcp.ts';
import { Timeline } from './timeline.ts';
import { WsLink } from './ws-link.ts';

import { TECHNIQUES, type Technique } from './techniques.ts';

export { TECHNIQUES, type Technique };
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
};

export interface ServerEvent {
  readonly id: number;
  /** When the server has it, ms. */
  readonly t: number;
  readonly body: Uint8Array;
}

const enc = new TextEncoder();
/** "Cookie: session=" + CRLF: with this, `cookieBytes` is the whole header line on the wire. */
const COOKIE_LINE = 'Cookie: session=\r\n'.length;
const dec = new TextDecoder();

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
      body: enc.encode(JSON.stringify({ id: i + 1, price: 100 + ((i * 37) % 23) })),
    }));
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

const SNAPSHOT_KEYS = [
  'requests',
  'connections',
  'headerBytes',
  'payloadBytes',
  'tcpBytes',
  'emptyResponses',
  'delivered',
  'serverConnections',
  'maxServerConnections',
  'upstreamDelivered',
  'reconnects',
] as const;

export interface LatencySummary {
  mean: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { mean, p95, max: sorted[sorted.length - 1]! };
}

/** One technique's world: its own hosts, links, connections and timeline, on the race's clock. */
export abstract class Lane {
  readonly timeline = new Timeline();
  readonly net: Network;
  readonly rng: SeededRandom;
  readonly stats: LaneStats;
  #conn = 0;
  #seen = new Set<number>();
  /** Highest event id the client has: what a poll asks to continue after. */
  lastId = 0;

  constructor(
    readonly technique: Technique,
    readonly race: Race,
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

  /** Counters over time: one snapshot whenever any of them changed. */
  readonly history: Snapshot[] = [];
  /** When each delivered event reached the client (in delivery order, like `stats.latencies`). */
  readonly deliveredAt: number[] = [];

  /** Record the counters if they changed (called after every action of the race's clock). */
  snapshot(): void {
    const last = this.history[this.history.length - 1];
    if (last && SNAPSHOT_KEYS.every((k) => last[k] === this.stats[k])) return;
    const snap = { t: this.race.clock.now } as Record<string, number>;
    for (const k of SNAPSHOT_KEYS) snap[k] = this.stats[k];
    this.history.push(snap as unknown as Snapshot);
  }

  /** The counters as they stood at time t. */
  at(t: number): Snapshot {
    let lo = 0,
      hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid]!.t <= t) lo = mid + 1;
      else hi = mid;
    }
    return (
      this.history[lo - 1] ??
      ({ t: 0, ...Object.fromEntries(SNAPSHOT_KEYS.map((k) => [k, 0])) } as unknown as Snapshot)
    );
  }

  /** Latencies of the events delivered by time t. */
  latenciesAt(t: number): number[] {
    let n = 0;
    while (n < this.deliveredAt.length && this.deliveredAt[n]! <= t) n++;
    return this.stats.latencies.slice(0, n);
  }

  abstract start(): void;
  /** The server has a new event (called at its time). */
  abstract onServerEvent(ev: ServerEvent): void;
  /** The client application wants to send a message upstream. */
  abstract sendUpstream(body: Uint8Array, sentAt: number): void;

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

  /** Events the server has by now with id > after. */
  protected pending(after: number): ServerEvent[] {
    const now = this.race.clock.now;
    return this.race.events.filter((e) => e.id > after && e.t <= now);
  }
}

// ── HTTP/1.1 over the simulated TCP ─────────────────────────────────────────

interface ResponseHandler {
  head?(res: HttpResponse): void;
  data?(data: Uint8Array): void;
  end?(): void;
}

type ServerHandler = (req: HttpRequest, body: Uint8Array, out: HttpServerSide) => void;

/** The server end of one HTTP connection: write a response at once, or hold it open and stream. */
class HttpServerSide {
  constructor(
    private readonly lane: HttpLane,
    readonly tcp: TcpEndpoint,
    readonly keepAlive: boolean,
  ) {}
  get open(): boolean {
    return this.tcp.canWrite;
  }
  /** A complete response. `payload` counts the bytes of events in `body`. */
  full(status: number, reason: string, headers: HeaderField[], body: Uint8Array, payload: number): void {
    const all = [...headers, { name: 'Content-Length', value: String(body.length) }];
    if (!this.keepAlive) all.push({ name: 'Connection', value: 'close' });
    const head = responseHead(status, reason, all);
    this.lane.account(head.bytes.length + body.length - payload, payload);
    this.lane.http(head.message, concatBytes([head.bytes, body]), 'server', this.tcp);
    if (!this.keepAlive) {
      this.tcp.close();
      this.lane.releaseServer(this.tcp);
    }
  }
  /** Start a response whose body goes on chunk by chunk. */
  streamHead(headers: HeaderField[]): void {
    const head = responseHead(200, 'OK', [...headers, { name: 'Transfer-Encoding', value: 'chunked' }]);
    this.lane.account(head.bytes.length, 0);
    this.lane.http(head.message, head.bytes, 'server', this.tcp);
  }
  chunk(data: Uint8Array, payload: number): void {
    const c = chunk(data);
    this.lane.account(c.length - payload, payload);
    this.tcp.write(c);
  }
  drop(): void {
    this.tcp.close();
    this.lane.releaseServer(this.tcp);
  }
}

/** The client end of one HTTP connection: one request at a time (HTTP/1.1 without pipelining). */
class HttpClientConn {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  #reader = new MessageReader<HttpResponse>('client');
  #handlers: ResponseHandler[] = [];
  #queue: Uint8Array[] = [];
  established = false;
  closed = false;
  busy = false;
  onClosed?: () => void;

  constructor(
    private readonly lane: HttpLane,
    handler: ServerHandler,
    keepAlive: boolean,
  ) {
    const { client, server } = lane.openTcp();
    this.client = client;
    this.server = server;
    const serverSide = new HttpServerSide(lane, server, keepAlive);
    const requests = new MessageReader<HttpRequest>('server');
    let current: HttpRequest | null = null;
    let body: Uint8Array[] = [];
    server.callbacks = {
      onEstablished: () => lane.holdServer(server),
      onData: (bytes) => {
        for (const e of requests.push(bytes)) {
          if (e.kind === 'head') {
            current = e.message;
            body = [];
          } else if (e.kind === 'data') body.push(e.data);
          else if (e.kind === 'end' && current) {
            const req = current;
            current = null;
            handler(req, concatBytes(body), serverSide);
          }
        }
      },
      onEof: () => {
        server.close();
        lane.releaseServer(server);
      },
    };
    client.callbacks = {
      onEstablished: () => {
        this.established = true;
        for (const q of this.#queue) client.write(q);
        this.#queue = [];
      },
      onData: (bytes) => {
        for (const e of this.#reader.push(bytes)) {
          const h = this.#handlers[0];
          if (e.kind === 'head') h?.head?.(e.message);
          else if (e.kind === 'data') h?.data?.(e.data);
          else if (e.kind === 'end') {
            this.#handlers.shift();
            this.busy = this.#handlers.length > 0;
            h?.end?.();
          }
        }
      },
      onEof: () => {
        client.close();
        this.closed = true;
        // A response delimited by the close ends now.
        const h = this.#handlers.shift();
        h?.end?.();
        this.onClosed?.();
      },
    };
    server.listen();
    client.connect();
  }

  request(
    method: string,
    target: string,
    headers: HeaderField[],
    handler: ResponseHandler,
    body?: Uint8Array,
    payload = 0,
  ): void {
    const r = requestBytes(method, target, headers, body);
    this.lane.stats.requests++;
    this.lane.account(r.bytes.length - payload, payload);
    this.#handlers.push(handler);
    this.busy = true;
    const ev = this.lane.timeline.append({
      kind: 'http',
      layer: 'http',
      t: this.lane.race.clock.now,
      conn: this.client.conn,
      from: 'client',
      to: 'server',
      sendT: this.lane.race.clock.now,
      arriveT: this.lane.race.clock.now,
      message: r.message,
      bytes: r.bytes,
      segments: [],
    });
    if (this.established) this.client.write(r.bytes, ev);
    else this.#queue.push(r.bytes);
  }
}

/** Shared plumbing of the four HTTP techniques. */
abstract class HttpLane extends Lane {
  #held = new Set<TcpEndpoint>();
  account(headers: number, payload: number): void {
    this.stats.headerBytes += headers;
    this.stats.payloadBytes += payload;
  }
  holdServer(ep: TcpEndpoint): void {
    if (!this.#held.has(ep)) {
      this.#held.add(ep);
      this.held(1);
    }
  }
  releaseServer(ep: TcpEndpoint): void {
    if (this.#held.delete(ep)) this.held(-1);
  }
  http(message: HttpResponse, bytes: Uint8Array, from: 'server', tcp: TcpEndpoint): void {
    const t = this.race.clock.now;
    const ev = this.timeline.append({
      kind: 'http',
      layer: 'http',
      t,
      conn: tcp.conn,
      from,
      to: 'client',
      sendT: t,
      arriveT: t,
      message,
      bytes,
      segments: [],
    });
    tcp.write(bytes, ev);
  }
  protected requestHeaders(extra: HeaderField[] = []): HeaderField[] {
    const h: HeaderField[] = [{ name: 'Host', value: 'race.ws101.example' }, ...extra];
    if (this.race.settings.cookieBytes > 0)
      h.push({
        name: 'Cookie',
        value: `session=${'x'.repeat(Math.max(0, this.race.settings.cookieBytes - COOKIE_LINE))}`,
      });
    h.push({ name: 'Connection', value: this.race.settings.keepAlive ? 'keep-alive' : 'close' });
    return h;
  }
  /** The JSON array response of a poll: the events' bytes are payload, the brackets and commas framing. */
  protected eventsBody(events: readonly ServerEvent[]): { body: Uint8Array; payload: number } {
    const body = enc.encode(`[${events.map((e) => dec.decode(e.body)).join(',')}]`);
    return { body, payload: events.reduce((n, e) => n + e.body.length, 0) };
  }
  /** The connection to use for the next request: the same one while keep-alive holds it open. */
  protected reuse(conn: HttpClientConn | null, handler: ServerHandler): HttpClientConn {
    const keep = this.race.settings.keepAlive;
    return conn && !conn.closed && keep ? conn : new HttpClientConn(this, handler, keep);
  }
  /** GET /events?after=<last id>: count an empty answer, take the events, then `next()`. */
  protected getEvents(conn: HttpClientConn, next: () => void): void {
    let status = 0;
    const chunks: Uint8Array[] = [];
    conn.request(
      'GET',
      `/events?after=${this.lastId}`,
      this.requestHeaders([{ name: 'Accept', value: 'application/json' }]),
      {
        head: (res) => (status = res.status),
        data: (d) => chunks.push(d),
        end: () => {
          if (status === 204) this.stats.emptyResponses++;
          this.readEvents(concatBytes(chunks));
          next();
        },
      },
    );
  }
  protected readEvents(body: Uint8Array): void {
    try {
      const parsed = JSON.parse(dec.decode(body)) as { id: number }[];
      for (const e of parsed) this.deliver(e.id);
    } catch {
      /* an empty or cut body delivers nothing */
    }
  }
  /** Upstream over HTTP: a POST on a connection of its own (the others may be busy holding a response). */
  #upstream: HttpClientConn | null = null;
  override sendUpstream(body: Uint8Array, sentAt: number): void {
    this.stats.upstreamSent++;
    const keep = this.race.settings.keepAlive;
    if (!this.#upstream || this.#upstream.closed || !keep || this.#upstream.busy) {
      this.#upstream = new HttpClientConn(
        this,
        (req, reqBody, out) => {
          if (req.method === 'POST') {
            this.upstreamArrived(Number(headerValue(req.headers, 'X-Sent-At') ?? sentAt));
            out.full(204, 'No Content', [], new Uint8Array(0), 0);
            void reqBody;
          }
        },
        keep,
      );
    }
    this.#upstream.request(
      'POST',
      '/messages',
      this.requestHeaders([
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-Sent-At', value: String(sentAt) },
      ]),
      {},
      body,
      body.length,
    );
  }
}

class PollingLane extends HttpLane {
  #conn: HttpClientConn | null = null;
  #due = false;
  start(): void {
    const tick = (): void => {
      this.#poll();
      this.race.clock.after(this.race.settings.pollInterval, () => {
        tick();
        this.net.settle();
      });
    };
    tick();
  }
  #handler: ServerHandler = (req, _body, out) => {
    const after = Number(/after=(\d+)/.exec(req.target)?.[1] ?? 0);
    const events = this.pending(after);
    if (events.length === 0) {
      out.full(204, 'No Content', [{ name: 'Cache-Control', value: 'no-store' }], new Uint8Array(0), 0);
    } else {
      const { body, payload } = this.eventsBody(events);
      out.full(200, 'OK', [{ name: 'Content-Type', value: 'application/json' }], body, payload);
    }
  };
  #poll(): void {
    if (this.#conn && this.#conn.busy) {
      this.#due = true; // never two requests at once on one connection: poll again when it answers
      return;
    }
    this.#conn = this.reuse(this.#conn, this.#handler);
    this.getEvents(this.#conn, () => {
      if (this.#due) {
        this.#due = false;
        this.#poll();
      }
    });
  }
  onServerEvent(): void {
    /* the server only answers when asked */
  }
}

class LongPollingLane extends HttpLane {
  #conn: HttpClientConn | null = null;
  #waiting: { out: HttpServerSide; after: number; timer: number } | null = null;
  #timerSeq = 0;
  start(): void {
    this.#ask();
  }
  #handler: ServerHandler = (req, _body, out) => {
    const after = Number(/after=(\d+)/.exec(req.target)?.[1] ?? 0);
    const events = this.pending(after);
    if (events.length > 0) {
      const { body, payload } = this.eventsBody(events);
      out.full(200, 'OK', [{ name: 'Content-Type', value: 'application/json' }], body, payload);
      return;
    }
    // Hold the request until an event comes or the timeout passes.
    const timer = ++this.#timerSeq;
    this.#waiting = { out, after, timer };
    this.race.clock.after(this.race.settings.longPollTimeout, () => {
      if (this.#waiting?.timer !== timer) return;
      this.#waiting = null;
      out.full(204, 'No Content', [], new Uint8Array(0), 0);
      this.net.settle();
    });
  };
  #ask(): void {
    this.#conn = this.reuse(this.#conn, this.#handler);
    this.getEvents(this.#conn, () => {
      if (this.race.clock.now < this.race.settings.duration) this.#ask(); // at once: the next question is already on its way
    });
  }
  onServerEvent(): void {
    const w = this.#waiting;
    if (!w || !w.out.open) return;
    const events = this.pending(w.after);
    if (events.length === 0) return;
    this.#waiting = null;
    const { body, payload } = this.eventsBody(events);
    w.out.full(200, 'OK', [{ name: 'Content-Type', value: 'application/json' }], body, payload);
  }
}

/** HTTP streaming and SSE: one response that never ends, an event per chunk. */
class StreamLane extends HttpLane {
  #out: HttpServerSide | null = null;
  #sentUpTo = 0;
  #lastId = 0;
  #retry: number;
  constructor(technique: 'streaming' | 'sse', race: Race) {
    super(technique, race);
    this.#retry = race.settings.sseRetry;
  }
  get sse(): boolean {
    return this.technique === 'sse';
  }
  start(): void {
    this.#open();
    const drop = this.race.settings.sseDropAt;
    if (this.sse && drop !== null) {
      this.race.clock.at(drop, () => {
        this.#out?.drop();
        this.#out = null;
        this.net.settle();
      });
    }
  }
  #open(): void {
    const conn = new HttpClientConn(
      this,
      (req, _body, out) => {
        this.#out = out;
        const resumeAfter = Number(headerValue(req.headers, 'Last-Event-ID') ?? this.#sentUpTo);
        out.streamHead(
          this.sse
            ? [
                { name: 'Content-Type', value: 'text/event-stream' },
                { name: 'Cache-Control', value: 'no-store' },
              ]
            : [{ name: 'Content-Type', value: 'application/x-ndjson' }],
        );
        if (this.sse) out.chunk(enc.encode(`retry: ${this.race.settings.sseRetry}\n\n`), 0);
        this.#sentUpTo = resumeAfter;
        this.#flush();
      },
      true,
    );
    const sse = new SseParser();
    const headers = this.requestHeaders([
      { name: 'Accept', value: this.sse ? 'text/event-stream' : 'application/x-ndjson' },
    ]);
    if (this.sse && this.#lastId > 0) headers.push({ name: 'Last-Event-ID', value: String(this.#lastId) });
    conn.request('GET', this.sse ? '/events' : '/stream', headers, {
      data: (d) => {
        if (!this.sse) {
          for (const line of dec.decode(d).split('\n')) if (line) this.#take(line);
          return;
        }
        for (const ev of sse.push(dec.decode(d))) {
          if (ev.retry !== null) this.#retry = ev.retry;
          if (ev.id !== null) this.#lastId = Number(ev.id);
          if (ev.data !== null) this.#take(ev.data);
        }
      },
    });
    conn.onClosed = () => {
      if (!this.sse || this.race.clock.now >= this.race.settings.duration) return;
      // HTML §9.2: the EventSource reconnects after the reconnection time, sending Last-Event-ID.
      this.race.clock.after(this.#retry, () => {
        this.stats.reconnects++;
        this.#open();
        this.net.settle();
      });
    };
  }
  #take(json: string): void {
    try {
      const e = JSON.parse(json) as { id: number };
      this.deliver(e.id);
    } catch {
      /* not an event */
    }
  }
  #flush(): void {
    const out = this.#out;
    if (!out?.open) return;
    for (const e of this.pending(this.#sentUpTo)) {
      const text = dec.decode(e.body);
      out.chunk(enc.encode(this.sse ? `id: ${e.id}\ndata: ${text}\n\n` : `${text}\n`), e.body.length);
      this.#sentUpTo = e.id;
    }
  }
  onServerEvent(): void {
    this.#flush();
  }
}

/** Parses a text/event-stream as the HTML standard's EventSource does (§9.2.6). */
export class SseParser {
  #buf = '';
  #data: string[] = [];
  #id: string | null = null;
  #retry: number | null = null;
  push(text: string): { data: string | null; id: string | null; retry: number | null }[] {
    this.#buf += text;
    const out: { data: string | null; id: string | null; retry: number | null }[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.#buf);
      if (!m) break;
      const line = this.#buf.slice(0, m.index);
      this.#buf = this.#buf.slice(m.index + m[0].length);
      if (line === '') {
        if (this.#data.length || this.#retry !== null || this.#id !== null) {
          out.push({
            data: this.#data.length ? this.#data.join('\n') : null,
            id: this.#id,
            retry: this.#retry,
          });
        }
        this.#data = [];
        this.#id = null;
        this.#retry = null;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') this.#data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.#id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    }
    return out;
  }
}

class WebSocketLane extends Lane {
  #link: WsLink | null = null;
  #sentUpTo = 0;
  start(): void {
    this.openTcp(); // counted: the WebSocket's one TCP connection (WsLink makes the endpoints)
    const link = new WsLink(
      this.net,
      this.rng,
      1,
      'client',
      'server',
      {
        host: 'race.ws101.example',
        path: '/events',
        extraHeaders:
          this.race.settings.cookieBytes > 0
            ? [
                {
                  name: 'Cookie',
                  value: `session=${'x'.repeat(Math.max(0, this.race.settings.cookieBytes - COOKIE_LINE))}`,
                },
              ]
            : [],
      },
      {},
      {
        onEvent: (l, side, e) => {
          if (side === 'server' && e.type === 'state' && e.to === 'OPEN') {
            this.held(1);
            this.#flush();
          }
          if (side === 'client' && e.type === 'message' && typeof e.data === 'string') {
            try {
              this.deliver((JSON.parse(e.data) as { id: number }).id);
            } catch {
              /* not an event */
            }
          }
          if (side === 'server' && e.type === 'message' && typeof e.data === 'string') {
            const sentAt = Number(/"sentAt":([\d.]+)/.exec(e.data)?.[1]);
            if (Number.isFinite(sentAt)) this.upstreamArrived(sentAt);
          }
          if (e.type === 'frame-out') {
            const f = e.frame;
            this.stats.headerBytes += f.header.headerLength;
            this.stats.payloadBytes += f.payload.length;
          }
          if (e.type === 'http-out') this.stats.headerBytes += e.bytes.length;
          void l;
        },
      },
    );
    this.stats.requests++;
    this.#link = link;
    link.start();
  }
  #flush(): void {
    const s = this.#link?.server;
    if (!s || s.state !== 'OPEN') return;
    for (const e of this.pending(this.#sentUpTo)) {
      s.sendText(dec.decode(e.body));
      this.#sentUpTo = e.id;
    }
    this.#link!.pump('server');
  }
  onServerEvent(): void {
    this.#flush();
  }
  sendUpstream(body: Uint8Array, sentAt: number): void {
    const c = this.#link?.client;
    if (!c || c.state !== 'OPEN') return;
    this.stats.upstreamSent++;
    const text = dec.decode(body).replace(/}$/, `,"sentAt":${sentAt}}`);
    c.sendText(text);
    this.#link!.pump('client');
  }
}

export class Race {
  readonly clock = new VirtualClock();
  readonly settings: RaceSettings;
  readonly events: ServerEvent[];
  readonly lanes: Lane[];

  constructor(settings: Partial<RaceSettings> = {}, techniques: readonly Technique[] = TECHNIQUES) {
    this.settings = { ...DEFAULT_RACE, ...settings };
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
    const every = this.settings.upstreamEvery;
    if (every > 0) {
      for (let t = every, n = 1; t < this.settings.duration; t += every, n++) {
        const body = enc.encode(JSON.stringify({ msg: n }));
        this.clock.at(t, () => {
          for (const lane of this.lanes) {
            lane.sendUpstream(body, t);
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
  async run(until = this.settings.duration): Promise<void> {
    await this.clock.runUntil(until);
    for (const lane of this.lanes) lane.timeline.commit();
  }
}
