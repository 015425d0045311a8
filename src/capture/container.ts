/**
 * Capture files, read incrementally: libpcap (both byte orders, µs and ns timestamps) and pcapng
 * (sections in either byte order, several interfaces with their link types and timestamp resolutions,
 * enhanced, simple and obsolete packet blocks; other blocks skipped by their length). The caller
 * pushes the file in chunks of any size and gets back the packets completed so far; at most one
 * record is ever buffered, so memory follows what the caller keeps, not the file.
 *
 * Format references: draft-ietf-opsawg-pcap (libpcap) and draft-ietf-opsawg-pcapng, whose block
 * layouts the offsets below follow. Nothing here throws on bad input: a length that cannot be right
 * stops reading with a `bad-record` problem, a file that ends inside a record with `truncated`.
 */
import { firstBytesHex, MAX_RECORD_BYTES, type CaptureProblem } from './problems.ts';

export type ContainerKind = 'pcap' | 'pcapng';

export interface CapturedPacket {
  /** 1-based, in file order: the number Wireshark and tshark show. */
  readonly number: number;
  /** Microseconds since the Unix epoch (fractional below a µs; ~0.25 µs precision for ns files). */
  readonly timeUs: number;
  /** LINKTYPE_* of the interface the packet was captured on. */
  readonly linkType: number;
  /** The captured bytes (a copy: the chunk it came from can be released). */
  readonly data: Uint8Array;
  /** Length on the wire; more than `data.length` when the snapshot length cut the packet. */
  readonly wireLength: number;
}

export type ContainerStep =
  | { readonly kind: 'packets'; readonly packets: readonly CapturedPacket[] }
  /** Reading stopped for good (a bad length, or not a capture at all). */
  | {
      readonly kind: 'stopped';
      readonly packets: readonly CapturedPacket[];
      readonly problem: CaptureProblem;
    };

const PCAP_US = 0xa1b2c3d4;
const PCAP_NS = 0xa1b23c4d;
const SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;

interface Interface {
  readonly linkType: number;
  readonly snapLength: number;
  /** if_tsresol: timestamp units per second (10^6 unless the IDB says otherwise). */
  readonly unitsPerSecond: number;
}

/** Is this the start of a pcap or pcapng file? (HAR and anything else are told apart by the caller.) */
export function containerKindOf(head: Uint8Array): ContainerKind | null {
  if (head.length < 4) return null;
  const be = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const le = ((head[3]! << 24) | (head[2]! << 16) | (head[1]! << 8) | head[0]!) >>> 0;
  if (be === PCAP_US || be === PCAP_NS || le === PCAP_US || le === PCAP_NS) return 'pcap';
  if (be === SHB) return 'pcapng';
  return null;
}

export class ContainerReader {
  kind: ContainerKind | null = null;
  /** Bytes not yet consumed: at most one partial record (plus the chunk just pushed). */
  #buf: Uint8Array = new Uint8Array(0);
  /** File offset of #buf[0]. */
  #base = 0;
  #count = 0;
  #stopped: CaptureProblem | null = null;
  // pcap
  #little = false;
  #pcapLink = 0;
  #pcapUnits = 1e6;
  #headerRead = false;
  // pcapng
  #interfaces: Interface[] = [];

  /** Packets read so far. */
  get packetCount(): number {
    return this.#count;
  }

  /** File offset up to which every record was read. */
  get offset(): number {
    return this.#base;
  }

  push(chunk: Uint8Array): ContainerStep {
    if (this.#stopped) return { kind: 'stopped', packets: [], problem: this.#stopped };
    if (this.#buf.length === 0) this.#buf = chunk;
    else {
      const joined = new Uint8Array(this.#buf.length + chunk.length);
      joined.set(this.#buf);
      joined.set(chunk, this.#buf.length);
      this.#buf = joined;
    }
    const packets: CapturedPacket[] = [];
    const problem = this.#drain(packets);
    if (problem) {
      this.#stopped = problem;
      this.#buf = new Uint8Array(0);
      return { kind: 'stopped', packets, problem };
    }
    // Keep only the unread tail, copied, so the pushed chunk is not held alive by a view into it.
    if (this.#buf.length > 0 && this.#buf.length < this.#buf.buffer.byteLength) this.#buf = this.#buf.slice();
    return { kind: 'packets', packets };
  }

  /** The file ended: a partial record left over means it was cut (`truncated`). */
  end(): CaptureProblem | null {
    if (this.#stopped) return this.#stopped;
    if (this.kind === null) {
      return { kind: 'not-a-capture', firstBytes: firstBytesHex(this.#buf) };
    }
    if (this.#buf.length > 0) return { kind: 'truncated', at: this.#base, packets: this.#count };
    return null;
  }

  #consume(n: number): void {
    this.#buf = this.#buf.subarray(n);
    this.#base += n;
  }

  #drain(out: CapturedPacket[]): CaptureProblem | null {
    if (this.kind === null) {
      if (this.#buf.length < 4) return null;
      this.kind = containerKindOf(this.#buf);
      if (this.kind === null) return { kind: 'not-a-capture', firstBytes: firstBytesHex(this.#buf) };
    }
    return this.kind === 'pcap' ? this.#drainPcap(out) : this.#drainPcapng(out);
  }

  // ── libpcap ─────────────────────────────────────────────────────────────

  #drainPcap(out: CapturedPacket[]): CaptureProblem | null {
    const b = this.#buf;
    if (!this.#headerRead) {
      if (b.length < 24) return null;
      const v = new DataView(b.buffer, b.byteOffset, 24);
      const magicBe = v.getUint32(0, false);
      this.#little = magicBe !== PCAP_US && magicBe !== PCAP_NS;
      const magic = v.getUint32(0, this.#little);
      this.#pcapUnits = magic === PCAP_NS ? 1e9 : 1e6;
      // The link type is the low 16 bits; the upper bits of the field carry FCS information.
      this.#pcapLink = v.getUint32(20, this.#little) & 0xffff;
      this.#headerRead = true;
      this.#consume(24);
    }
    // Bounded: each turn consumes a record or returns.
    for (;;) {
      const buf = this.#buf;
      if (buf.length < 16) return null;
      const v = new DataView(buf.buffer, buf.byteOffset, 16);
      const sec = v.getUint32(0, this.#little);
      const frac = v.getUint32(4, this.#little);
      const incl = v.getUint32(8, this.#little);
      const orig = v.getUint32(12, this.#little);
      if (incl > MAX_RECORD_BYTES)
        return { kind: 'bad-record', at: this.#base, length: incl, packets: this.#count };
      if (buf.length < 16 + incl) return null;
      out.push({
        number: ++this.#count,
        timeUs: sec * 1e6 + (frac * 1e6) / this.#pcapUnits,
        linkType: this.#pcapLink,
        data: buf.slice(16, 16 + incl),
        wireLength: Math.max(orig, incl),
      });
      this.#consume(16 + incl);
    }
  }

  // ── pcapng ──────────────────────────────────────────────────────────────

  #drainPcapng(out: CapturedPacket[]): CaptureProblem | null {
    for (;;) {
      const buf = this.#buf;
      if (buf.length < 12) return null;
      const v = new DataView(buf.buffer, buf.byteOffset, buf.length);
      const typeBe = v.getUint32(0, false);
      if (typeBe === SHB) {
        // A new section: its byte-order magic decides how everything up to the next SHB is read.
        const order = v.getUint32(8, false);
        if (order !== BYTE_ORDER_MAGIC && v.getUint32(8, true) !== BYTE_ORDER_MAGIC)
          return { kind: 'bad-record', at: this.#base, length: 0, packets: this.#count };
        this.#little = order !== BYTE_ORDER_MAGIC;
        this.#interfaces = [];
      }
      const type = v.getUint32(0, this.#little);
      const length = v.getUint32(4, this.#little);
      if (length < 12 || length % 4 !== 0 || length > MAX_RECORD_BYTES)
        return { kind: 'bad-record', at: this.#base, length, packets: this.#count };
      if (buf.length < length) return null;
      const body = new DataView(buf.buffer, buf.byteOffset + 8, length - 12);
      const problem = this.#block(type, body, buf.subarray(8, length - 4), out);
      if (problem) return problem;
      this.#consume(length);
    }
  }

  #block(type: number, v: DataView, body: Uint8Array, out: CapturedPacket[]): CaptureProblem | null {
    const le = this.#little;
    const bad = (): CaptureProblem => ({
      kind: 'bad-record',
      at: this.#base,
      length: body.length + 12,
      packets: this.#count,
    });
    switch (type) {
      case IDB: {
        if (body.length < 8) return bad();
        const linkType = v.getUint16(0, le);
        const snapLength = v.getUint32(4, le);
        this.#interfaces.push({ linkType, snapLength, unitsPerSecond: tsresol(v, 8, le) });
        return null;
      }
      case EPB:
      case OPB: {
        if (body.length < 20) return bad();
        const iface = type === EPB ? v.getUint32(0, le) : v.getUint16(0, le);
        const high = v.getUint32(4, le);
        const low = v.getUint32(8, le);
        const cap = v.getUint32(12, le);
        const orig = v.getUint32(16, le);
        const i = this.#interfaces[iface];
        if (!i || 20 + cap > body.length) return bad();
        out.push({
          number: ++this.#count,
          timeUs: ((high * 4294967296 + low) * 1e6) / i.unitsPerSecond,
          linkType: i.linkType,
          data: body.slice(20, 20 + cap),
          wireLength: Math.max(orig, cap),
        });
        return null;
      }
      case SPB: {
        // §4.4: no interface id (always the first), no timestamp, the captured length is implied.
        if (body.length < 4) return bad();
        const i = this.#interfaces[0];
        if (!i) return bad();
        const orig = v.getUint32(0, le);
        let cap = Math.min(orig, body.length - 4);
        if (i.snapLength > 0) cap = Math.min(cap, i.snapLength);
        out.push({
          number: ++this.#count,
          timeUs: 0,
          linkType: i.linkType,
          data: body.slice(4, 4 + cap),
          wireLength: orig,
        });
        return null;
      }
      default:
        return null; // SHB handled above; name resolution, statistics, custom blocks: not needed
    }
  }
}

/** if_tsresol (option 9) in an IDB's options: 10^-n, or 2^-n when the top bit is set; default µs. */
function tsresol(v: DataView, from: number, le: boolean): number {
  let o = from;
  // Bounded: each option advances by at least 4 bytes.
  while (o + 4 <= v.byteLength) {
    const code = v.getUint16(o, le);
    const len = v.getUint16(o + 2, le);
    if (code === 0) break;
    if (code === 9 && len >= 1 && o + 4 < v.byteLength) {
      const r = v.getUint8(o + 4);
      const exp = r & 0x7f;
      return r & 0x80 ? 2 ** Math.min(exp, 63) : 10 ** Math.min(exp, 18);
    }
    o += 4 + ((len + 3) & ~3);
  }
  return 1e6;
}
