/**
 * A scripted HTTP/2 connection on which WebSockets run as streams (RFC 8441), built from real bytes: the
 * HTTP/2 frames from ./frames.ts, the header blocks from ./hpack.ts, and every WebSocket frame inside DATA
 * made and read by the RFC 6455 engine (`Connection`), one engine pair per stream.
 *
 * The story, one round trip per flight:
 *   1. client: preface, SETTINGS, and an ordinary GET on stream 1 (a page load shares the connection);
 *   2. server: SETTINGS with SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (RFC 8441 §3), SETTINGS ACK, the page;
 *   3. client: SETTINGS ACK, then — only now that it has seen the setting (§3: a client may use the extended
 *      CONNECT once it has received it) — two extended CONNECTs, streams 3 and 5 (odd: RFC 9113 §5.1.1);
 *   4. server: `:status 200` on both (§5: 200, not 101; no Sec-WebSocket-Accept);
 *   5. client: a masked text frame in DATA on each stream (RFC 6455 framing is unchanged, masking too);
 *   6. server: the echo / a news item, unmasked;
 *   7. client: a close frame on stream 3; RST_STREAM (CANCEL) on stream 5, the abrupt end (§5.1: the
 *      HTTP/2 equivalent of a TCP RST);
 *   8. server: the close reply with END_STREAM (§5.1: the orderly end of the stream replaces TCP's FIN);
 *   9. client: an empty DATA with END_STREAM closes its half of stream 3.
 *
 * The header values are the ones RFC 8441 §5.1's example uses. The scheme is `https`, as a browser sends it:
 * browsers speak HTTP/2 only over TLS. The export writes what a tap sees after TLS is taken off (as
 * Wireshark shows with a key log); the TLS records themselves are not simulated.
 */
import { Connection, type DecodedFrame, FrameDecoder } from '../../protocol/index.ts';
import { SeededRandom } from '../rng.ts';
import {
  CONNECTION_PREFACE,
  ErrorCode,
  Setting,
  dataFrame,
  encodeFrame,
  headersFrame,
  rstStreamFrame,
  settingsAck,
  settingsFrame,
  windowUpdateFrame,
  type H2Frame,
} from './frames.ts';
import { HpackEncoder, type EncodedField, type HeaderPair } from './hpack.ts';

export type Side = 'client' | 'server';

/** One HTTP/2 frame as sent, with what it carries spelled out for a view. */
export interface SentFrame {
  readonly frame: H2Frame;
  /** The frame's bytes on the wire (9-octet header + payload). */
  readonly bytes: Uint8Array;
  /** HEADERS: the fields, and how HPACK wrote each one. */
  readonly headers?: readonly HeaderPair[];
  readonly hpack?: readonly EncodedField[];
  /** DATA on a WebSocket stream: the RFC 6455 frames inside, as the engine decodes them. */
  readonly websocket?: readonly DecodedFrame[];
}

export interface Flight {
  /** Virtual time (ms) at which the sender writes it. */
  readonly t: number;
  readonly from: Side;
  /** The connection preface, for the client's first flight. */
  readonly preface: boolean;
  readonly frames: readonly SentFrame[];
  readonly bytes: Uint8Array;
}

export interface H2Session {
  readonly flights: readonly Flight[];
  /** Stream ids of the two WebSockets, in the order opened. */
  readonly websocketStreams: readonly number[];
}

export interface SessionOptions {
  readonly authority?: string;
  readonly seed?: number;
  /** One-way latency in ms between the flights. */
  readonly latency?: number;
}

export const AUTHORITY = 'server.example.com';
export const ORIGIN = 'http://www.example.com';

/** RFC 8441 §4–5: the request that opens a WebSocket on a stream. */
export function extendedConnect(path: string, authority = AUTHORITY): HeaderPair[] {
  return [
    { name: ':method', value: 'CONNECT' },
    { name: ':protocol', value: 'websocket' },
    { name: ':scheme', value: 'https' },
    { name: ':path', value: path },
    { name: ':authority', value: authority },
    { name: 'sec-websocket-protocol', value: 'chat, superchat' },
    { name: 'sec-websocket-extensions', value: 'permessage-deflate' },
    { name: 'origin', value: ORIGIN },
    { name: 'sec-websocket-version', value: '13' },
  ];
}

export const CONNECT_OK: readonly HeaderPair[] = [
  { name: ':status', value: '200' },
  { name: 'sec-websocket-protocol', value: 'chat' },
];

const utf8 = new TextEncoder();

export function websocketOverH2Session(options: SessionOptions = {}): H2Session {
  const authority = options.authority ?? AUTHORITY;
  const latency = options.latency ?? 20;
  const random = new SeededRandom(options.seed ?? 8441);
  const rand = (n: number): Uint8Array => random.bytes(n);
  // One HPACK context per direction for the whole connection (RFC 7541 §2.2).
  const clientHpack = new HpackEncoder();
  const serverHpack = new HpackEncoder();
  const flights: Flight[] = [];
  let step = 0;

  const flight = (from: Side, frames: SentFrame[], preface = false): void => {
    const parts = [...(preface ? [CONNECTION_PREFACE] : []), ...frames.map((f) => f.bytes)];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    flights.push({ t: step++ * latency, from, preface, frames, bytes });
  };
  const plain = (frame: H2Frame): SentFrame => ({ frame, bytes: encodeFrame(frame) });
  const headers = (
    hpack: HpackEncoder,
    stream: number,
    fields: readonly HeaderPair[],
    end = false,
  ): SentFrame => {
    const block = hpack.encode(fields);
    const frame = headersFrame(stream, block.bytes, end);
    return { frame, bytes: encodeFrame(frame), headers: fields, hpack: block.fields };
  };
  const data = (stream: number, ws: Uint8Array[], end = false): SentFrame => {
    const payload = concat(ws);
    const frame = dataFrame(stream, payload, end);
    const decoder = new FrameDecoder();
    decoder.push(payload);
    const websocket: DecodedFrame[] = [];
    for (let r = decoder.next(); r.kind === 'frame'; r = decoder.next()) websocket.push(r.frame);
    return { frame, bytes: encodeFrame(frame), websocket };
  };

  // The RFC 6455 engines, one pair per WebSocket stream; they start OPEN because the 200 replaced the 101.
  const ws = new Map<number, { client: Connection; server: Connection }>();
  for (const s of [3, 5])
    ws.set(s, {
      client: new Connection('client', { random: rand }, 'OPEN'),
      server: new Connection('server', { random: rand }, 'OPEN'),
    });
  const out = (c: Connection): Uint8Array[] => c.dataToSend();
  const deliver = (to: Connection, bytes: Uint8Array[]): void => {
    for (const b of bytes) to.receiveData(b);
  };

  // 1.
  flight(
    'client',
    [
      plain(settingsFrame([[Setting.ENABLE_PUSH, 0]])),
      headers(
        clientHpack,
        1,
        [
          { name: ':method', value: 'GET' },
          { name: ':scheme', value: 'https' },
          { name: ':path', value: '/' },
          { name: ':authority', value: authority },
        ],
        true,
      ),
    ],
    true,
  );
  // 2.
  const page = utf8.encode('<!doctype html><title>chat</title><script src="chat.js"></script>\n');
  flight('server', [
    plain(
      settingsFrame([
        [Setting.MAX_CONCURRENT_STREAMS, 100],
        [Setting.ENABLE_CONNECT_PROTOCOL, 1],
      ]),
    ),
    plain(settingsAck()),
    headers(serverHpack, 1, [
      { name: ':status', value: '200' },
      { name: 'content-type', value: 'text/html' },
    ]),
    { ...plain(dataFrame(1, page, true)) },
  ]);
  // 3.
  flight('client', [
    plain(settingsAck()),
    // §6.9: the page's bytes count against the connection's receive window; give them back.
    plain(windowUpdateFrame(0, page.length)),
    headers(clientHpack, 3, extendedConnect('/chat', authority)),
    headers(clientHpack, 5, extendedConnect('/news', authority)),
  ]);
  // 4.
  flight('server', [headers(serverHpack, 3, CONNECT_OK), headers(serverHpack, 5, CONNECT_OK)]);
  // 5.
  const c3 = ws.get(3)!;
  const c5 = ws.get(5)!;
  c3.client.sendText('hello');
  c5.client.sendText('subscribe');
  const hello = out(c3.client);
  const subscribe = out(c5.client);
  flight('client', [data(3, hello), data(5, subscribe)]);
  // 6.
  deliver(c3.server, hello);
  deliver(c5.server, subscribe);
  c3.server.sendText('hello');
  c5.server.sendText('news 1');
  const echo = out(c3.server);
  const news = out(c5.server);
  flight('server', [data(3, echo), data(5, news)]);
  // 7.
  deliver(c3.client, echo);
  deliver(c5.client, news);
  c3.client.sendClose(1000);
  const close = out(c3.client);
  flight('client', [data(3, close), plain(rstStreamFrame(5, ErrorCode.CANCEL))]);
  // 8. The server engine answers the close frame by itself (§5.5.1).
  deliver(c3.server, close);
  const reply = out(c3.server);
  flight('server', [data(3, reply, true)]);
  // 9.
  deliver(c3.client, reply);
  flight('client', [data(3, [], true)]);

  return { flights, websocketStreams: [3, 5] };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
