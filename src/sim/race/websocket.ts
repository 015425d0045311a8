/**
 * WebSocket: one Upgrade request, then every event a text frame on the same connection, both ways —
 * through the real engines (`sim/ws-link.ts`), so every handshake byte and frame header is counted.
 */
import type { EngineEvent } from '../../protocol/index.ts';
import { WsLink, type Side } from '../ws-link.ts';
import { Lane } from './lane.ts';
import { readEventId, readSentAt, upstreamText, type UpstreamMessage } from './messages.ts';
import { cookieHeader } from './settings.ts';

const dec = new TextDecoder();

export class WebSocketLane extends Lane {
  #link: WsLink | null = null;
  /** Highest event id the server has sent. */
  #sentUpTo = 0;

  start(): void {
    this.openTcp(); // counted: the WebSocket's one TCP connection (WsLink makes the endpoints)
    // With compression on, the client offers what browsers offer and the server accepts it as ws does.
    const codec = this.race.settings.wsDeflate ? this.race.codec : null;
    const link = new WsLink(
      this.net,
      this.rng,
      1,
      'client',
      'server',
      {
        host: 'race.ws101.example',
        path: '/events',
        extraHeaders: cookieHeader(this.race.settings),
        ...(codec ? { deflate: { codec } } : {}),
      },
      codec ? { deflate: { codec } } : {},
      { onEvent: (_link, side, e) => this.#onEngineEvent(side, e) },
    );
    this.stats.requests++;
    this.#link = link;
    link.start();
  }

  onServerEvent(): void {
    this.#flush();
  }

  sendUpstream(message: UpstreamMessage, sentAt: number): void {
    const c = this.#link?.client;
    if (!c || c.state !== 'OPEN') return;
    this.stats.upstreamSent++;
    c.sendText(upstreamText(message, sentAt));
    this.#link!.pump('client');
  }

  /** RFC 6455 §5.5.2: the server pings; the client's engine answers with a pong by itself. */
  override heartbeat(): void {
    const s = this.#link?.server;
    if (!s || s.state !== 'OPEN') return;
    s.sendPing();
    this.#link!.pump('server');
  }

  /** What either engine did: count the bytes it wrote, and act on opening and on messages. */
  #onEngineEvent(side: Side, e: EngineEvent): void {
    if (side === 'server' && e.type === 'state' && e.to === 'OPEN') {
      this.held(1);
      this.#flush();
    }
    if (e.type === 'message') {
      // Both ends send text only (events down, upstream messages up): anything else is a bug.
      if (typeof e.data !== 'string') throw new Error('transport race: a binary WebSocket message (a bug)');
      if (side === 'client') this.deliver(readEventId(e.data));
      else this.upstreamArrived(readSentAt(e.data));
    }
    if (e.type === 'frame-out') {
      // A compressed frame's payload is its DEFLATE bytes: what went on the wire is what is counted.
      this.stats.headerBytes += e.frame.header.headerLength;
      this.stats.payloadBytes += e.frame.payload.length;
    }
    if (e.type === 'http-out') this.stats.headerBytes += e.bytes.length;
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
}
