/**
 * What the interop tests against the `ws` package share: bounded waiting, recorders of what each side
 * reported, an engine server and a ws server on 127.0.0.1 (port 0), an engine client, raw handshakes.
 * Everything that opens a socket registers its cleanup in `cleanups`; each test file drains it afterEach.
 */
import net from 'node:net';
import { WebSocket, WebSocketServer, type ClientOptions, type RawData } from 'ws';
import type { EngineEvent, ServerConnection } from '../../src/protocol/index.ts';
import {
  acceptSocket,
  connectClient,
  type AcceptOptions,
  type ConnectOptions,
  type SocketDriver,
} from '../../src/node/socket-driver.ts';

export const cleanups: (() => unknown)[] = [];

/** Run every registered cleanup, newest first (afterEach). */
export async function cleanUp(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

export const HOST = '127.0.0.1';
export const WAIT_MS = 5_000;
export const SIZES = [0, 125, 126, 65_535, 65_536, 1024 * 1024];

// ── bounded waiting ─────────────────────────────────────────────────────────

export function withTimeout<T>(promise: Promise<T>, label: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Everything one endpoint reported, in order, and a bounded wait for the first item that matches. */
export class Recorder<E extends { readonly type: string }> {
  readonly items: E[] = [];
  readonly #waiters = new Set<() => void>();
  readonly push = (item: E): void => {
    this.items.push(item);
    for (const w of [...this.#waiters]) w();
  };
  waitFor<T extends E['type']>(
    type: T,
    where: (item: Extract<E, { type: T }>) => boolean = () => true,
    ms = WAIT_MS,
  ): Promise<Extract<E, { type: T }>> {
    const find = () =>
      this.items.find(
        (i): i is Extract<E, { type: T }> => i.type === type && where(i as Extract<E, { type: T }>),
      );
    const found = find();
    if (found) return Promise.resolve(found);
    let check = (): void => {};
    const match = new Promise<Extract<E, { type: T }>>((resolve) => {
      check = () => {
        const f = find();
        if (f) resolve(f);
      };
      this.#waiters.add(check);
    });
    return withTimeout(match, `'${type}' (saw: ${this.items.map((i) => i.type).join(', ')})`, ms).finally(
      () => this.#waiters.delete(check),
    );
  }
  count(type: E['type']): number {
    return this.items.filter((i) => i.type === type).length;
  }
}

// ── the ws side, as events ──────────────────────────────────────────────────

export type WsEvent =
  | { type: 'open' }
  | { type: 'message'; data: Buffer; binary: boolean }
  | { type: 'ping'; data: Buffer }
  | { type: 'pong'; data: Buffer }
  | { type: 'close'; code: number; reason: string }
  | { type: 'error'; message: string; code: string | undefined };

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export function recordWs(ws: WebSocket): Recorder<WsEvent> {
  const r = new Recorder<WsEvent>();
  ws.on('open', () => r.push({ type: 'open' }));
  ws.on('message', (data, binary) => r.push({ type: 'message', data: toBuffer(data), binary }));
  ws.on('ping', (data) => r.push({ type: 'ping', data }));
  ws.on('pong', (data) => r.push({ type: 'pong', data }));
  ws.on('close', (code, reason) => r.push({ type: 'close', code, reason: reason.toString() }));
  // ws emits 'error' for protocol violations it detects; recorded, never thrown.
  ws.on('error', (err: Error & { code?: string }) =>
    r.push({ type: 'error', message: err.message, code: err.code }),
  );
  return r;
}

/** ws's underlying TCP socket, to put bytes on the wire that ws itself would never produce. */
export function rawSocketOf(ws: WebSocket): net.Socket {
  return (ws as unknown as { _socket: net.Socket })._socket;
}

export async function wsClient(
  url: string,
  protocols?: string[],
  options: ClientOptions = {},
): Promise<{ ws: WebSocket; rec: Recorder<WsEvent> }> {
  const ws = new WebSocket(url, protocols, options);
  const rec = recordWs(ws);
  cleanups.push(() => ws.terminate());
  await rec.waitFor('open');
  return { ws, rec };
}

// ── an engine server driven by the test ────────────────────────────────────

export interface Accepted {
  readonly driver: SocketDriver<ServerConnection>;
  readonly rec: Recorder<EngineEvent>;
}

export interface EngineServer {
  readonly url: string;
  readonly port: number;
  /** The next connection this server accepted (in order), with everything its engine reported. */
  accepted(): Promise<Accepted>;
  close(): Promise<void>;
}

export async function startEngineServer(options: AcceptOptions = {}): Promise<EngineServer> {
  const conns = new Recorder<{ type: 'conn' } & Accepted>();
  let taken = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const rec = new Recorder<EngineEvent>();
    const driver = acceptSocket(socket, { ...options, onEvent: rec.push });
    conns.push({ type: 'conn', driver, rec });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `ws://${HOST}:${port}/`,
    accepted: async () => {
      const n = taken++;
      await conns.waitFor('conn', () => conns.items.length > n);
      return conns.items[n]!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A raw TCP exchange: write `request`, collect everything until the peer closes. */
export function rawExchange(port: number, request: string): Promise<string> {
  return withTimeout(
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(port, HOST, () => socket.write(request));
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    }),
    'the server to answer and close',
  );
}

export function handshakeRequest(headers: Record<string, string>): string {
  const all: Record<string, string> = {
    Host: `${HOST}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`);
  return `GET /chat HTTP/1.1\r\n${lines.join('')}\r\n`;
}

/** A masked client frame built by hand (§5.2, §5.3), for bytes the engine's client would refuse to send. */
export function maskedFrame(
  b0: number,
  payload: Uint8Array,
  key = Uint8Array.of(0x37, 0xfa, 0x21, 0x3d),
): Uint8Array {
  if (payload.length > 125) throw new Error('short frames only');
  const out = new Uint8Array(6 + payload.length);
  out[0] = b0;
  out[1] = 0x80 | payload.length;
  out.set(key, 2);
  for (let i = 0; i < payload.length; i++) out[6 + i] = payload[i]! ^ key[i % 4]!;
  return out;
}

export const text = (bytes: string) => new TextEncoder().encode(bytes);
export const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

export interface WsServer {
  readonly port: number;
  /** The next server-side WebSocket, with what ws reported on it. */
  accepted(): Promise<{ ws: WebSocket; rec: Recorder<WsEvent> }>;
  close(): Promise<void>;
}

export async function startWsServer(
  options: ConstructorParameters<typeof WebSocketServer>[0] = {},
): Promise<WsServer> {
  const wss = new WebSocketServer({ host: HOST, port: 0, ...options });
  const conns = new Recorder<{ type: 'conn'; ws: WebSocket; rec: Recorder<WsEvent> }>();
  let taken = 0;
  wss.on('connection', (ws) => conns.push({ type: 'conn', ws, rec: recordWs(ws) }));
  await withTimeout(new Promise((resolve) => wss.once('listening', resolve)), 'ws server to listen');
  return {
    port: (wss.address() as net.AddressInfo).port,
    accepted: async () => {
      const n = taken++;
      await conns.waitFor('conn', () => conns.items.length > n);
      return conns.items[n]!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

export async function engineClient(
  port: number,
  protocols?: string[],
  options: Omit<ConnectOptions, 'port' | 'onEvent'> = {},
) {
  const rec = new Recorder<EngineEvent>();
  const result = await withTimeout(
    connectClient({ host: HOST, path: '/', ...options, port, protocols, onEvent: rec.push }),
    'the opening handshake',
  );
  if (!result.ok) throw new Error(`handshake failed: ${JSON.stringify(result.error)}`);
  cleanups.push(() => result.client.destroy());
  return { client: result.client, rec };
}
