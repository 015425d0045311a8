/**
 * One direction of a TCP connection put back in order (RFC 9293 §3.4: sequence numbers count bytes):
 * segments in any arrival order, retransmitted, overlapping, or missing from the capture, become the
 * byte stream the receiver read — data pieces in stream order, and gaps, with their position and
 * length, where the capture lacks bytes. A gap is never filled or guessed: the WebSocket decoder
 * stops at it and says where it resumes.
 *
 * Sequence numbers are 32 bits and wrap (§3.4): each one is read as the 64-bit stream position nearest
 * the last one seen, which is right as long as no jump exceeds 2^31 bytes (the TCP window is far smaller).
 */

export interface DataPiece {
  readonly kind: 'data';
  /** Stream offset of the first byte (0 = the first byte after the SYN, or the first byte seen). */
  readonly offset: number;
  readonly bytes: Uint8Array;
  /** The packet that carried these bytes (the first copy, when retransmitted). */
  readonly packet: number;
  readonly timeUs: number;
}

export interface GapPiece {
  readonly kind: 'gap';
  readonly offset: number;
  readonly length: number;
}

export type StreamPiece = DataPiece | GapPiece;

export interface ReassembledStream {
  readonly pieces: readonly StreamPiece[];
  /** Bytes delivered (the stream's length minus its gaps). */
  readonly bytes: number;
  /** Payload bytes that arrived more than once (retransmissions and overlaps), ignored after the first. */
  readonly duplicateBytes: number;
  /** True when no SYN was seen: offset 0 is the first byte captured, not the first byte sent. */
  readonly startedLate: boolean;
  /** Stream offset of the FIN, when one was seen. */
  readonly finAt: number | null;
}

interface Held {
  readonly start: number;
  readonly bytes: Uint8Array;
  /** Sequence space the segment covers on the wire (more than `bytes` when the snapshot cut it). */
  readonly length: number;
  readonly packet: number;
  readonly timeUs: number;
  readonly order: number;
}

const TWO_32 = 4294967296;

export class DirectionReassembler {
  /** The raw sequence number and 64-bit position of the furthest point seen, for unwrapping. */
  #lastRaw: number | null = null;
  #lastAbs = 0;
  #isn: number | null = null;
  #held: Held[] = [];
  #fin: number | null = null;
  /**
   * Payload from this stream position on is counted, not held: a connection named TLS or plain HTTP
   * by its first bytes keeps only what naming it needs, so memory follows what the page shows, not
   * the file (a 99 MB capture peaked at 488 MB when every payload was kept). Null: everything is held.
   */
  #keepUpTo: number | null = null;
  /** Payload bytes counted past #keepUpTo (retransmissions included: they are not compared). */
  #dropped = 0;

  /**
   * Hold at most the stream's first `n` bytes from now on (and drop what is held beyond them). Only
   * once the SYN has named the stream's start; without it nothing is dropped.
   */
  keepOnly(n: number): void {
    if (this.#isn === null || this.#keepUpTo !== null) return;
    const cap = this.#isn + 1 + n;
    this.#keepUpTo = cap;
    const kept: Held[] = [];
    for (const h of this.#held) {
      if (h.start >= cap) this.#dropped += h.length;
      else kept.push(h);
    }
    this.#held = kept;
  }

  /** Read a 32-bit sequence number as the 64-bit position nearest the last one seen. */
  #unwrap(seq: number): number {
    if (this.#lastRaw === null) {
      this.#lastRaw = seq;
      this.#lastAbs = seq;
      return seq;
    }
    let diff = (seq - this.#lastRaw) % TWO_32;
    if (diff > 2147483647) diff -= TWO_32;
    else if (diff < -2147483648) diff += TWO_32;
    const abs = this.#lastAbs + diff;
    if (diff > 0) {
      this.#lastRaw = seq;
      this.#lastAbs = abs;
    }
    return abs;
  }

  /** One segment of this direction, in capture order; returns its stream offset once the SYN is known. */
  add(s: {
    readonly seq: number;
    readonly payload: Uint8Array;
    readonly length: number;
    readonly syn: boolean;
    readonly fin: boolean;
    readonly packet: number;
    readonly timeUs: number;
  }): number | null {
    let abs = this.#unwrap(s.seq);
    if (s.syn) {
      this.#isn = abs;
      abs += 1; // the SYN takes one sequence number; data (if any) follows it
    }
    if (s.fin && this.#fin === null) this.#fin = abs + s.length;
    const offset = this.#isn === null ? null : abs - (this.#isn + 1);
    if (this.#keepUpTo !== null && abs >= this.#keepUpTo) {
      this.#dropped += s.length;
      return offset;
    }
    if (s.length > 0)
      this.#held.push({
        start: abs,
        bytes: s.payload,
        length: s.length,
        packet: s.packet,
        timeUs: s.timeUs,
        order: this.#held.length,
      });
    return offset;
  }

  /** The stream as far as the capture holds it. */
  finish(): ReassembledStream {
    const held = this.#held.slice().sort((a, b) => a.start - b.start || a.order - b.order);
    const startedLate = this.#isn === null;
    const origin = this.#isn !== null ? this.#isn + 1 : (held[0]?.start ?? this.#fin ?? 0);
    const pieces: StreamPiece[] = [];
    let next = origin;
    let bytes = 0;
    let duplicateBytes = 0;
    for (const h of held) {
      const capturedEnd = h.start + h.bytes.length;
      const end = h.start + h.length;
      if (end <= next) {
        duplicateBytes += h.length;
        continue;
      }
      if (h.start > next) {
        pieces.push({ kind: 'gap', offset: next - origin, length: h.start - next });
        next = h.start;
      }
      duplicateBytes += next - h.start;
      if (capturedEnd > next) {
        pieces.push({
          kind: 'data',
          offset: next - origin,
          bytes: h.bytes.subarray(next - h.start),
          packet: h.packet,
          timeUs: h.timeUs,
        });
        bytes += capturedEnd - next;
        next = capturedEnd;
      }
      // The snapshot length cut this segment: the bytes it carried on the wire are a gap here.
      if (end > next) {
        pieces.push({ kind: 'gap', offset: next - origin, length: end - next });
        next = end;
      }
    }
    // A FIN beyond the last byte captured: the end of the stream is missing from the capture (unless
    // the bytes in between were counted and let go: keepOnly).
    if (this.#fin !== null && this.#fin > next && this.#keepUpTo === null) {
      pieces.push({ kind: 'gap', offset: next - origin, length: this.#fin - next });
    }
    return {
      pieces,
      bytes: bytes + this.#dropped,
      duplicateBytes,
      startedLate,
      finAt: this.#fin === null ? null : this.#fin - origin,
    };
  }
}
