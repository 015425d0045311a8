/**
 * HTTP/1.1 connections over the simulated TCP, as the race's HTTP lanes use them: a server end that
 * answers at once or holds the response open and streams, and a client end that sends one request at a
 * time. Every head and body is real bytes (`sim/http1.ts`), every message an arrow on the lane's
 * timeline. The same lanes over HTTP/2 use `http2.ts` instead, behind the same `ResponseWriter`. What a
 * lane does with them lives in `http-lane.ts`, `polling.ts` and `stream.ts`.
 */
import { concatBytes, type HeaderField, type HttpRequest, type HttpResponse } from '../../protocol/index.ts';
import { MessageReader, chunk, requestBytes, responseHead } from '../http1.ts';
import type { TcpEndpoint } from '../tcp.ts';
import type { HttpEvent, Timeline } from '../timeline.ts';
import type { LaneStats, RaceContext } from './lane.ts';
import type { ServerEvent } from './settings.ts';

/** What an HTTP connection needs from the lane it runs in (an `HttpLane`). */
export interface HttpHost {
  readonly race: RaceContext;
  readonly timeline: Timeline;
  readonly stats: LaneStats;
  openTcp(): { client: TcpEndpoint; server: TcpEndpoint };
  /**
   * Count bytes sent: `headers` of framing (HTTP/1.1 heads and chunk lines; HTTP/2 frame headers, HPACK
   * blocks and connection frames) and `payload` of events or upstream messages.
   */
  account(headers: number, payload: number): void;
  /** The server now holds this connection open (counted once), or no longer does. */
  holdServer(ep: TcpEndpoint): void;
  releaseServer(ep: TcpEndpoint): void;
}

export interface ResponseHandler {
  head?(res: HttpResponse): void;
  data?(data: Uint8Array): void;
  end?(): void;
}

export type ServerHandler = (req: HttpRequest, body: Uint8Array, out: ResponseWriter) => void;

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * How the race's server answers one request, whatever the HTTP version: a whole response at once, or
 * a head and then pieces as events come. HTTP/1.1 (`HttpServerSide`) and HTTP/2 (`http2.ts`) say it in
 * their own bytes.
 */
export abstract class ResponseWriter {
  /** Whether more can still be written to this response. */
  abstract get open(): boolean;
  /** A complete response. `payload` counts the bytes of events in `body`. */
  abstract full(
    status: number,
    reason: string,
    headers: HeaderField[],
    body: Uint8Array,
    payload: number,
  ): void;
  /** Start a response whose body goes on piece by piece. */
  abstract streamHead(headers: HeaderField[]): void;
  /** One piece of a streamed body; `payload` counts the bytes of events in it. */
  abstract chunk(data: Uint8Array, payload: number): void;
  /** End this response abruptly from the server's side (as a proxy's idle timeout would). */
  abstract drop(): void;

  /** 200 with the events as a JSON array: their bytes are payload, the brackets and commas framing. */
  json(events: readonly ServerEvent[]): void {
    const body = enc.encode(`[${events.map((e) => dec.decode(e.body)).join(',')}]`);
    const payload = events.reduce((n, e) => n + e.body.length, 0);
    this.full(200, 'OK', [{ name: 'Content-Type', value: 'application/json' }], body, payload);
  }

  /** 204: answered, nothing to carry. */
  empty(headers: HeaderField[] = []): void {
    this.full(204, 'No Content', headers, new Uint8Array(0), 0);
  }
}

/** An HTTP message leaves `from` now: its arrow on the timeline (TCP fills in segments and arrival). */
function recordHttp(
  lane: HttpHost,
  message: HttpRequest | HttpResponse,
  bytes: Uint8Array,
  conn: number,
  from: 'client' | 'server',
): HttpEvent {
  const t = lane.race.clock.now;
  return lane.timeline.append({
    kind: 'http',
    layer: 'http',
    t,
    conn,
    from,
    to: from === 'client' ? 'server' : 'client',
    sendT: t,
    arriveT: t,
    message,
    bytes,
    segments: [],
  });
}

/** The server end of one HTTP/1.1 connection: write a response at once, or hold it open and stream. */
export class HttpServerSide extends ResponseWriter {
  constructor(
    private readonly lane: HttpHost,
    readonly tcp: TcpEndpoint,
    readonly keepAlive: boolean,
  ) {
    super();
  }

  get open(): boolean {
    return this.tcp.canWrite;
  }

  full(status: number, reason: string, headers: HeaderField[], body: Uint8Array, payload: number): void {
    const all = [...headers, { name: 'Content-Length', value: String(body.length) }];
    if (!this.keepAlive) all.push({ name: 'Connection', value: 'close' });
    const head = responseHead(status, reason, all);
    this.lane.account(head.bytes.length + body.length - payload, payload);
    this.#send(head.message, concatBytes([head.bytes, body]));
    if (!this.keepAlive) this.drop();
  }

  streamHead(headers: HeaderField[]): void {
    const head = responseHead(200, 'OK', [...headers, { name: 'Transfer-Encoding', value: 'chunked' }]);
    this.lane.account(head.bytes.length, 0);
    this.#send(head.message, head.bytes);
  }

  chunk(data: Uint8Array, payload: number): void {
    const c = chunk(data);
    this.lane.account(c.length - payload, payload);
    this.tcp.write(c);
  }

  /** Close the connection from the server's side (after any response already written). */
  drop(): void {
    this.tcp.close();
    this.lane.releaseServer(this.tcp);
  }

  #send(message: HttpResponse, bytes: Uint8Array): void {
    this.tcp.write(bytes, recordHttp(this.lane, message, bytes, this.tcp.conn, 'server'));
  }
}

/** The client end of one HTTP connection: one request at a time (HTTP/1.1 without pipelining). */
export class HttpClientConn {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  established = false;
  closed = false;
  busy = false;
  #reader = new MessageReader<HttpResponse>('client');
  #handlers: ResponseHandler[] = [];
  #queue: Uint8Array[] = [];

  constructor(
    private readonly lane: HttpHost,
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
    const ev = recordHttp(this.lane, r.message, r.bytes, this.client.conn, 'client');
    if (this.established) this.client.write(r.bytes, ev);
    else this.#queue.push(r.bytes);
  }
}
