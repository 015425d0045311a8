/**
 * The DEFLATE (RFC 1951) implementation permessage-deflate runs on, as an interface: the engine never
 * imports one. Node and the tests pass `pakoCodec` (deflate/pako.ts); the page loads that module with
 * `import()` only when an extension is in play, so a bundler splits its ~12 KB (gzipped) of pako off the
 * first load. Both ends of the interface are synchronous.
 */
import type { WindowBits } from './params.ts';

export interface DeflateCodec {
  /** A raw DEFLATE compressor whose LZ77 window is 2^bits bytes; it keeps its window until `reset()`. */
  compressor(bits: WindowBits, level: number): Compressor;
  /** A raw DEFLATE decompressor with a 2^bits window; it keeps its window until `reset()`. */
  decompressor(bits: WindowBits): Decompressor;
}

export interface Compressor {
  /**
   * Compress `data` and end with a sync flush (Z_SYNC_FLUSH): the output stops at a byte boundary
   * with an empty stored block, `00 00 ff ff` (RFC 7692 §7.2.1).
   */
  flush(data: Uint8Array): Uint8Array;
  /** Forget the window: the next data refers to nothing before it (no context takeover). */
  reset(): void;
}

/** Inflated output as it comes; return false to stop inflating (the rest is never inflated). */
export type InflateSink = (piece: Uint8Array) => boolean;

export type InflateResult =
  | { readonly kind: 'ok' }
  /** The sink said stop. */
  | { readonly kind: 'stopped' }
  /** Not valid DEFLATE data, with the library's word for why. */
  | { readonly kind: 'corrupt'; readonly detail: string };

export interface Decompressor {
  /**
   * Inflate `data`, giving the output to `sink` in pieces of at most `piece` bytes as it is produced:
   * bounded memory whatever the ratio (a DEFLATE byte can stand for up to 258 bytes of output).
   */
  inflate(data: Uint8Array, sink: InflateSink, piece: number): InflateResult;
  reset(): void;
}
