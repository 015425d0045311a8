/**
 * TCP connections, told apart by their 4-tuple (addresses and ports of both ends), each with its two
 * directions reassembled (reassembly.ts) and the moments that shape it: SYN, FIN and RST, who sent
 * them, first and last packet. The client is the end that sent the SYN; when the capture started after
 * the SYN, the end that sent an HTTP request, else the end with the higher (ephemeral) port.
 */
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
    (side === 'a' ? this.#ab : this.#ba).add(s);
  }

  /** Both directions as streams: `a→b` and `b→a`. */
  streams(): { readonly ab: ReassembledStream; readonly ba: ReassembledStream } {
    return { ab: this.#ab.finish(), ba: this.#ba.finish() };
  }
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
