/**
 * The DeflateCodec on pako 3 (a port of zlib 1.3 to JavaScript; the same code in the page and in Node),
 * through its zlib-level API: one z_stream per direction, sync-flushed, with the output buffer's size
 * chosen here so inflation stops at a bound. Chosen over fflate 0.8.3, whose Deflate.flush(true) writes a
 * misaligned empty stored block for some inputs (00 00 00 00 where 00 00 ff ff belongs: fflate issues
 * #267, PR #286) and which has no window-size setting; figures in the README.
 *
 * Not exported from src/protocol/index.ts: import it where compression is used, so a page that never
 * negotiates permessage-deflate never loads pako.
 */
import {
  ZStream,
  Z_BUF_ERROR,
  Z_DEFAULT_STRATEGY,
  Z_OK,
  Z_STREAM_END,
  Z_SYNC_FLUSH,
  zlibDeflate,
  zlibDeflateInit2,
  zlibDeflateReset,
  zlibInflate,
  zlibInflateInit2,
  zlibInflateReset,
  zlibInflateResetKeep,
} from 'pako';
import type { Compressor, DeflateCodec, Decompressor, InflateResult, InflateSink } from './codec.ts';
import type { WindowBits } from './params.ts';

/** zlib's default memLevel (8): 2^(8+9) = 128 KiB of hash tables per compressor. */
const MEM_LEVEL = 8;

/**
 * zlib refuses a raw 256-byte window (deflateInit2 with -8 fails since zlib 1.2.9) and pako follows it,
 * so 8 is used as 9, as ws does through Node's zlib. The inflater is given 9 as well: a peer on zlib
 * compresses with 9 when 8 was agreed.
 */
const zlibBits = (bits: WindowBits): number => (bits === 8 ? 9 : bits);

class PakoCompressor implements Compressor {
  readonly #strm = new ZStream();
  #out = new Uint8Array(1024);

  constructor(bits: WindowBits, level: number) {
    const status = zlibDeflateInit2(this.#strm, level, 8, -zlibBits(bits), MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (status !== Z_OK) throw new RangeError(`pako deflateInit2 failed (${status})`);
  }

  flush(data: Uint8Array): Uint8Array {
    const s = this.#strm;
    s.input = data;
    s.next_in = 0;
    s.avail_in = data.length;
    let used = 0;
    for (;;) {
      if (used === this.#out.length) this.#grow();
      s.output = this.#out as Uint8Array<ArrayBuffer>;
      s.next_out = used;
      s.avail_out = this.#out.length - used;
      const status = zlibDeflate(s, Z_SYNC_FLUSH);
      used = s.next_out;
      if (status !== Z_OK && status !== Z_BUF_ERROR) throw new Error(`pako deflate failed (${status})`);
      // Done when zlib stopped with room to spare: everything is flushed.
      if (s.avail_out !== 0) break;
    }
    s.input = EMPTY;
    return this.#out.slice(0, used);
  }

  reset(): void {
    zlibDeflateReset(this.#strm);
  }

  #grow(): void {
    const next = new Uint8Array(this.#out.length * 2);
    next.set(this.#out);
    this.#out = next;
  }
}

class PakoDecompressor implements Decompressor {
  readonly #strm = new ZStream();
  /** Inflated bytes land here; a full buffer is handed over whole, a partial one copied out. */
  #scratch: Uint8Array = EMPTY;
  /** Set once the stream has ended (a BFINAL block, RFC 7692 §7.2.3.4): the next data is a new stream. */
  #ended = false;

  constructor(bits: WindowBits) {
    const status = zlibInflateInit2(this.#strm, -zlibBits(bits));
    if (status !== Z_OK) throw new RangeError(`pako inflateInit2 failed (${status})`);
  }

  inflate(data: Uint8Array, sink: InflateSink, piece: number): InflateResult {
    const s = this.#strm;
    s.input = data;
    s.next_in = 0;
    s.avail_in = data.length;
    try {
      for (;;) {
        if (this.#ended) this.#restart();
        if (this.#scratch.length !== piece) this.#scratch = new Uint8Array(piece);
        const out = this.#scratch;
        s.output = out as Uint8Array<ArrayBuffer>;
        s.next_out = 0;
        s.avail_out = piece;
        const status = zlibInflate(s, Z_SYNC_FLUSH);
        if (status !== Z_OK && status !== Z_BUF_ERROR && status !== Z_STREAM_END) {
          return { kind: 'corrupt', detail: s.msg || `zlib status ${status}` };
        }
        if (s.next_out > 0) {
          let bytes: Uint8Array;
          if (s.next_out === piece) {
            bytes = out; // full: hand it over, and inflate into a new one next time
            this.#scratch = EMPTY;
          } else bytes = out.slice(0, s.next_out);
          if (!sink(bytes)) return { kind: 'stopped' };
        }
        if (status === Z_STREAM_END) {
          this.#ended = true;
          if (s.avail_in === 0) return { kind: 'ok' };
          continue; // what follows a final block is a new stream (the tail 00 00 ff ff, at least)
        }
        // All input used and room left in the output: this data has given all it has.
        if (s.avail_out > 0) return { kind: 'ok' };
      }
    } finally {
      s.input = EMPTY;
    }
  }

  /**
   * After a block with BFINAL set (RFC 7692 §7.2.3.4) the DEFLATE stream has ended and what follows is a
   * new one. Its window is kept (inflateResetKeep): a compressor that starts over with the old window as
   * its dictionary may still refer to it.
   */
  #restart(): void {
    zlibInflateResetKeep(this.#strm);
    this.#ended = false;
  }

  reset(): void {
    zlibInflateReset(this.#strm);
    this.#ended = false;
  }
}

const EMPTY = new Uint8Array(0);

export const pakoCodec: DeflateCodec = {
  compressor: (bits, level) => new PakoCompressor(bits, level),
  decompressor: (bits) => new PakoDecompressor(bits),
};
