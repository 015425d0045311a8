/**
 * The plumbing the four HTTP lanes share: byte accounting, the connections the server holds open, the
 * headers every request carries, and upstream messages as POSTs. How a technique asks for events lives
 * in `polling.ts` and `stream.ts`; the connections themselves in `http.ts`.
 */
import { headerValue, type HeaderField, type HttpRequest } from '../../protocol/index.ts';
import type { TcpEndpoint } from '../tcp.ts';
import { HttpClientConn, type HttpHost } from './http.ts';
import { Http2Framing } from './http2.ts';
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
  /** Upstream over HTTP: a POST on a connection of its own (the others may be busy holding a response). */
  #upstream: HttpClientConn | null = null;

  /** The HTTP/2 switch (settings.http2): the lane counts HTTP/2 framing for the messages it sends. */
  readonly #http2 = this.race.settings.http2 ? new Http2Framing() : null;

  account(headers: number, payload: number, http2: (f: Http2Framing) => number): void {
    this.stats.headerBytes += this.#http2 ? http2(this.#http2) : headers;
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
    const keep = this.race.settings.keepAlive;
    if (!this.#upstream || this.#upstream.closed || !keep || this.#upstream.busy) {
      this.#upstream = new HttpClientConn(
        this,
        (req, _body, out) => {
          if (req.method !== 'POST') return;
          this.upstreamArrived(sentAtHeader(req));
          out.empty();
        },
        keep,
      );
      // Over HTTP/2 the POST is one more stream of the lane's one connection, not a connection of its
      // own. The simulated TCP still opens one (its 3 + 4 handshake segments stay in tcpBytes).
      if (this.#http2) this.stats.connections--;
    }
    const body = upstreamBytes(message);
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
