/**
 * TCP connections, told apart by their 4-tuple (addresses and ports of both ends), each with its two
 * directions reassembled (reassembly.ts) and the moments that shape it: SYN, FIN and RST, who sent
 * them, first and last packet. The client is the end that sent the SYN; when the capture started after
 * the SYN, the end that sent an HTTP request, else the end with the higher (ephemeral) port.
 */
import { MAX_HEAD_BYTES } from '../protocol/index.ts';
import type { TcpSegment } from './layers.ts';
import { DirectionReassembler, type ReassembledStream } from './reassembly.ts';

export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

export type Side = 'a' | 'b';

export interface TcpMoments {
  readonly syn: boolean;
  readonly fin: { readonly a: number | null; readonly b: number | null };
  readonly rst: { readonly by: Side; readonly timeUs: number } | null;
}

/** One TCP connection as captured, before its directions are named client and server. */
export class TcpConnection {
  readonly id: number;
  /** The end that sent the first packet seen, and the other end. */
  readonly a: Endpoint;
  readonly b: Endpoint;
  readonly firstUs: number;
  lastUs: number;
  readonly firstPacket: number;
  packets = 0;
  /** Which end sent a SYN without ACK (the active opener, RFC 9293 §3.5), if seen. */
  opener: Side | null = null;
  readonly #ab = new DirectionReassembler();
  readonly #ba = new DirectionReassembler();
  finA: number | null = null;
  finB: number | null = null;
  rst: { by: Side; timeUs: number } | null = null;
  readonly ipVersion: 4 | 6;
  #named = false;

  constructor(id: number, s: TcpSegment) {
    this.id = id;
    this.a = { address: s.src, port: s.srcPort };
    this.b = { address: s.dst, port: s.dstPort };
    this.firstUs = s.timeUs;
    this.lastUs = s.timeUs;
    this.firstPacket = s.packet;
    this.ipVersion = s.ipVersion;
  }

  sideOf(s: TcpSegment): Side {
    return s.src === this.a.address && s.srcPort === this.a.port ? 'a' : 'b';
  }

  add(s: TcpSegment): void {
    const side = this.sideOf(s);
    this.packets++;
    this.lastUs = Math.max(this.lastUs, s.timeUs);
    if (s.syn && !s.ackFlag && this.opener === null) this.opener = side;
    if (s.fin) {
      if (side === 'a') this.finA ??= s.timeUs;
      else this.finB ??= s.timeUs;
    }
    if (s.rst && !this.rst) this.rst = { by: side, timeUs: s.timeUs };
    const offset = (side === 'a' ? this.#ab : this.#ba).add(s);
    // Named by the opener's first bytes: TLS, or an HTTP request that asks for no WebSocket, keeps only
    // what analyze.ts reads to name it; a possible WebSocket (or anything unclear) keeps everything.
    if (!this.#named && side === this.opener && s.payload.length > 0) {
      this.#named = true;
      if (offset === 0 && notWebSocket(s.payload)) {
        this.#ab.keepOnly(SNIFF_BYTES);
        this.#ba.keepOnly(SNIFF_BYTES);
      }
    }
  }

  /** Both directions as streams: `a→b` and `b→a`. */
  streams(): { readonly ab: ReassembledStream; readonly ba: ReassembledStream } {
    return { ab: this.#ab.finish(), ba: this.#ba.finish() };
  }
}

/** Bytes of each direction's start read to name what a connection carries (an HTTP head and then some). */
export const SNIFF_BYTES = MAX_HEAD_BYTES + 1024;

const CRLFCRLF = [13, 10, 13, 10];

/**
 * A connection's first segment says it is no WebSocket: a TLS handshake record (content type 22,
 * version 3.x, RFC 8446 §5.1), or an HTTP request whose whole head is here and never says "websocket".
 */
export function notWebSocket(first: Uint8Array): boolean {
  if (first.length >= 2 && first[0] === 0x16 && first[1] === 0x03) return true;
  const n = Math.min(first.length, MAX_HEAD_BYTES);
  let end = -1;
  for (let i = 0; i + 3 < n && end < 0; i++) if (CRLFCRLF.every((b, k) => first[i + k] === b)) end = i;
  if (end < 0 || !/^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/.test(latin1(first, Math.min(end, 256)))) return false;
  return !/websocket/i.test(latin1(first, end));
}

function latin1(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[i]!);
  return s;
}

const keyOf = (x: string, xp: number, y: string, yp: number): string =>
  x < y || (x === y && xp < yp) ? `${x}|${xp}|${y}|${yp}` : `${y}|${yp}|${x}|${xp}`;

/** Every TCP connection in a capture, in order of first appearance. */
export class ConnectionTable {
  readonly #byKey = new Map<string, TcpConnection>();
  readonly list: TcpConnection[] = [];

  add(s: TcpSegment): void {
    const key = keyOf(s.src, s.srcPort, s.dst, s.dstPort);
    let c = this.#byKey.get(key);
    // A new SYN on a tuple whose connection has ended (FIN both ways or RST) is a new connection.
    if (c && s.syn && !s.ackFlag && (c.rst || (c.finA !== null && c.finB !== null))) c = undefined;
    if (!c) {
      c = new TcpConnection(this.list.length + 1, s);
      this.#byKey.set(key, c);
      this.list.push(c);
    }
    c.add(s);
  }
}
