/**
 * The plumbing the four HTTP lanes share: byte accounting, the connections the server holds open, the
 * headers every request carries, upstream messages as POSTs, and the HTTP version they speak: HTTP/1.1
 * connections (`http.ts`), or with the HTTP/2 switch one HTTP/2 connection for the whole lane
 * (`http2.ts`). How a technique asks for events lives in `polling.ts` and `stream.ts`.
 */
import { headerValue, type HeaderField, type HttpRequest } from '../../protocol/index.ts';
import type { TcpEndpoint } from '../tcp.ts';
import { HttpClientConn, type HttpHost, type ResponseHandler, type ResponseWriter } from './http.ts';
import { Http2Connection } from './http2.ts';
import { Lane } from './lane.ts';
import { upstreamBytes, type UpstreamMessage } from './messages.ts';
import { cookieHeader } from './settings.ts';

/** The send time an upstream POST carries in its X-Sent-At header (our own client always sets it). */
function sentAtHeader(req: HttpRequest): number {
  const value = headerValue(req.headers, 'X-Sent-At');
  const sentAt = Number(value);
  if (value === null || !Number.isFinite(sentAt))
    throw new Error(`transport race: POST ${req.target} without a usable X-Sent-At (a bug)`);
  return sentAt;
}

/** Shared plumbing of the four HTTP techniques. */
export abstract class HttpLane extends Lane implements HttpHost {
  #held = new Set<TcpEndpoint>();
  /** Upstream over HTTP/1.1: a POST on a connection of its own (the others may be busy holding a response). */
  #upstream: HttpClientConn | null = null;
  /** With the HTTP/2 switch: the lane's one connection, every request a stream of it (opened on first use). */
  #h2: Http2Connection | null = null;

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

  /** The server's answer to a request of the technique (GET /events, /stream), on whichever connection. */
  protected abstract serve(req: HttpRequest, body: Uint8Array, out: ResponseWriter): void;

  /** Whether the lane speaks HTTP/2 (settings.http2). */
  protected get http2(): boolean {
    return this.race.settings.http2;
  }

  /** The server's one router: upstream POSTs, and the technique's own requests. */
  #route = (req: HttpRequest, body: Uint8Array, out: ResponseWriter): void => {
    if (req.method === 'POST' && req.target === '/messages') {
      this.upstreamArrived(sentAtHeader(req));
      out.empty();
    } else this.serve(req, body, out);
  };

  /** A new HTTP/1.1 connection whose server end answers through the router. */
  protected http1Conn(keepAlive: boolean): HttpClientConn {
    return new HttpClientConn(this, this.#route, keepAlive);
  }

  /** A request as a new stream of the lane's one HTTP/2 connection (opened by the first request). */
  protected h2Request(
    method: string,
    target: string,
    headers: HeaderField[],
    handler: ResponseHandler,
    body?: Uint8Array,
    payload = 0,
  ): void {
    this.#h2 ??= new Http2Connection(this, this.#route);
    this.#h2.request(method, target, headers, handler, body, payload);
  }

  protected requestHeaders(extra: HeaderField[] = []): HeaderField[] {
    return [
      { name: 'Host', value: 'race.ws101.example' },
      ...extra,
      ...cookieHeader(this.race.settings),
      { name: 'Connection', value: this.race.settings.keepAlive ? 'keep-alive' : 'close' },
    ];
  }

  override sendUpstream(message: UpstreamMessage, sentAt: number): void {
    this.stats.upstreamSent++;
    const body = upstreamBytes(message);
    const headers = this.requestHeaders([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Sent-At', value: String(sentAt) },
    ]);
    // Over HTTP/2 the POST is one more stream of the lane's one connection, beside any held response.
    if (this.http2) {
      this.h2Request('POST', '/messages', headers, {}, body, body.length);
      return;
    }
    const keep = this.race.settings.keepAlive;
    if (!this.#upstream || this.#upstream.closed || !keep || this.#upstream.busy)
      this.#upstream = this.http1Conn(keep);
    this.#upstream.request('POST', '/messages', headers, {}, body, body.length);
  }
}
