/**
 * One WebSocket over one simulated TCP connection: the real client engine at one end, the real server
 * engine at the other, and everything they emit written to the wire and recorded in the Timeline.
 * The playground's World and the transport race both use it; what a server *does* is up to the hooks.
 */
import {
  ClientConnection,
  ServerConnection,
  concatBytes,
  type ClientOptions,
  type Connection,
  type EngineEvent,
  type ServerOptions,
} from '../protocol/index.ts';
import type { SeededRandom } from './rng.ts';
import { TcpEndpoint, type Network } from './tcp.ts';
import type { EndpointId, FrameEvent, HttpEvent, RawEvent } from './timeline.ts';

export type Side = 'client' | 'server';

const encoder = new TextEncoder();
const byteLength = (s: string): number => encoder.encode(s).length;

export interface WsLinkHooks {
  /** After an engine event has been recorded (the server's reactions go here). */
  onEvent?(link: WsLink, side: Side, event: EngineEvent): void;
}

export class WsLink {
  /**
   * DEFLATE bytes of the compressed message each side is receiving, so far: the message's event
   * records them beside its inflated length (RFC 7692 §6.2), for the log's "inflated from N to M".
   */
  readonly #compressedIn: Record<Side, number> = { client: 0, server: 0 };
  readonly clientTcp: TcpEndpoint;
  readonly serverTcp: TcpEndpoint;
  client: ClientConnection | null = null;
  server: ServerConnection | null = null;

  constructor(
    readonly net: Network,
    rng: SeededRandom,
    readonly conn: number,
    readonly clientId: EndpointId,
    readonly serverId: EndpointId,
    clientOptions: Omit<ClientOptions, 'random'>,
    serverOptions: Omit<ServerOptions, 'random'>,
    private readonly hooks: WsLinkHooks = {},
  ) {
    this.clientTcp = new TcpEndpoint(clientId, conn, net, rng);
    this.serverTcp = new TcpEndpoint(serverId, conn, net, rng);
    this.clientTcp.peer = this.serverTcp;
    this.serverTcp.peer = this.clientTcp;
    const random = (n: number): Uint8Array => rng.bytes(n);
    this.clientTcp.callbacks = {
      onEstablished: () => {
        this.client = new ClientConnection({ ...clientOptions, random });
        this.#state('client', 'NONE', 'CONNECTING');
        this.pump('client');
      },
      onData: (bytes) => {
        this.client?.receiveData(bytes);
        this.pump('client');
      },
      onEof: () => {
        this.client?.receiveEof();
        this.pump('client');
        this.clientTcp.close(); // the server closed first (§7.1.1); the client closes its half now
      },
      // A RST: TCP is gone without a close frame, so the engine reports 1006 (§7.1.5), sends nothing.
      onReset: () => {
        this.client?.receiveEof();
        this.pump('client');
      },
    };
    this.serverTcp.callbacks = {
      onEstablished: () => {
        this.server = new ServerConnection({ ...serverOptions, random });
        this.#state('server', 'NONE', 'CONNECTING');
      },
      onData: (bytes) => {
        const s = this.server;
        if (!s) return;
        s.receiveData(bytes);
        if (s.responsePending) s.sendResponse(s.accept(s.request!));
        this.pump('server');
      },
      onEof: () => {
        this.server?.receiveEof();
        this.pump('server');
        this.serverTcp.close();
      },
      onReset: () => {
        this.server?.receiveEof();
        this.pump('server');
      },
    };
  }

  /**
   * Give up on the connection from one side without a closing handshake (ws's `terminate()`): TCP is
   * aborted with a RST, and the engine, with no close frame received, reports 1006 (RFC 6455 §7.1.5).
   */
  abort(side: Side): void {
    (side === 'client' ? this.clientTcp : this.serverTcp).abort();
    (side === 'client' ? this.client : this.server)?.receiveEof();
    this.pump(side);
  }

  /** Open TCP; the handshake follows when it is established. */
  start(): void {
    this.serverTcp.listen();
    this.clientTcp.connect();
  }

  #state(side: Side, from: string, to: string): void {
    this.net.timeline.append({
      kind: 'state',
      layer: 'ws',
      t: this.net.clock.now,
      conn: this.conn,
      endpoint: side === 'client' ? this.clientId : this.serverId,
      from,
      to,
    });
  }

  /** Move everything an engine emitted onto the wire and into the timeline, then let the hooks react. */
  pump(side: Side): void {
    const engine: Connection | null = side === 'client' ? this.client : this.server;
    if (!engine) return;
    const tcp = side === 'client' ? this.clientTcp : this.serverTcp;
    const from = side === 'client' ? this.clientId : this.serverId;
    const to = side === 'client' ? this.serverId : this.clientId;
    const timeline = this.net.timeline;
    const conn = this.conn;
    for (let round = 0; round < 100; round++) {
      const events = engine.events();
      engine.dataToSend(); // the bytes are written below, event by event, so each can be followed
      if (events.length === 0) return;
      const t = this.net.clock.now;
      for (const e of events) {
        switch (e.type) {
          case 'http-out': {
            const ev: HttpEvent = timeline.append({
              kind: 'http',
              layer: 'http',
              t,
              conn,
              from,
              to,
              sendT: t,
              arriveT: t,
              message: e.message,
              bytes: e.bytes,
              segments: [],
            });
            tcp.write(e.bytes, ev);
            break;
          }
          case 'frame-out': {
            const bytes = concatBytes(e.bytes);
            const ev: FrameEvent = timeline.append({
              kind: 'frame',
              layer: 'ws',
              t,
              conn,
              from,
              to,
              sendT: t,
              arriveT: t,
              frame: e.frame,
              bytes,
              segments: [],
            });
            tcp.write(bytes, ev);
            break;
          }
          case 'raw-out': {
            const ev: RawEvent = timeline.append({
              kind: 'raw',
              layer: 'ws',
              t,
              conn,
              from,
              to,
              sendT: t,
              arriveT: t,
              bytes: e.bytes,
              segments: [],
            });
            tcp.write(e.bytes, ev);
            break;
          }
          case 'state':
            this.#state(side, e.from, e.to);
            break;
          case 'frame-in':
            // A frame of a compressed message carries its DEFLATE bytes as its payload (decoder.ts).
            if (e.frame.deflate) this.#compressedIn[side] += e.frame.payload.length;
            break;
          case 'message': {
            const compressed = this.#compressedIn[side];
            this.#compressedIn[side] = 0;
            if (!e.compressed) {
              timeline.append({ kind: 'engine', layer: 'ws', t, conn, endpoint: from, event: e });
              break;
            }
            const to = typeof e.data === 'string' ? byteLength(e.data) : e.data.length;
            const inflated = { from: compressed, to };
            timeline.append({ kind: 'engine', layer: 'ws', t, conn, endpoint: from, event: e, inflated });
            break;
          }
          case 'ping':
          case 'pong':
          case 'close-frame':
          case 'error':
          case 'closed':
            timeline.append({ kind: 'engine', layer: 'ws', t, conn, endpoint: from, event: e });
            break;
          case 'close-transport':
            tcp.close();
            break;
          default:
            break; // http-in: the sender's arrow already shows it
        }
        this.hooks.onEvent?.(this, side, e);
      }
    }
  }
}
