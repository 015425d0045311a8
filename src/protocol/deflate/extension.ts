/**
 * permessage-deflate at work (RFC 7692 §6, §7.2): one endpoint's compressor for the messages it sends
 * and decompressor for the messages it receives, each with its LZ77 window kept between messages or
 * reset, as the negotiated parameters say. Compressing and inflating are synchronous; inflating hands
 * its output over in bounded pieces, so a limit can stop it in the middle of a frame.
 */
import type { Role } from '../events.ts';
import type { Compressor, DeflateCodec, Decompressor, InflateResult, InflateSink } from './codec.ts';
import type { DeflateWindow } from './note.ts';
import type { DeflateParams, WindowBits } from './params.ts';

/** zlib's default level: what ws (Node's zlib) and browsers use. */
export const DEFAULT_DEFLATE_LEVEL = 6;

/** The DEFLATE implementation and how hard to compress; the parameters come from the handshake. */
export interface DeflateSetup {
  readonly codec: DeflateCodec;
  /** zlib level, 0 (store) to 9 (smallest); 6 by default. */
  readonly level?: number;
}

/** §7.2.1: the empty stored block a sync flush ends with, removed by the sender, put back by the receiver. */
export const DEFLATE_TAIL: Uint8Array = Uint8Array.of(0x00, 0x00, 0xff, 0xff);

/** Inflated output is handed over (and checked against the message limit) in pieces of this size. */
export const INFLATE_PIECE = 64 * 1024;

export class PerMessageDeflate {
  readonly params: DeflateParams;
  readonly #setup: DeflateSetup;
  /** The window this endpoint compresses with, and the peer's. */
  readonly ownBits: WindowBits;
  readonly peerBits: WindowBits;
  readonly #ownResets: boolean;
  readonly #peerResets: boolean;
  // Made on first use: a compressor is ~128 KiB of zlib state, a decompressor the window (≤ 32 KiB).
  #compressor: Compressor | null = null;
  #decompressor: Decompressor | null = null;
  #sent = false;
  #received = false;

  constructor(role: Role, params: DeflateParams, setup: DeflateSetup) {
    this.params = params;
    this.#setup = setup;
    const client = role === 'client';
    this.ownBits = client ? params.clientMaxWindowBits : params.serverMaxWindowBits;
    this.peerBits = client ? params.serverMaxWindowBits : params.clientMaxWindowBits;
    this.#ownResets = client ? params.clientNoContextTakeover : params.serverNoContextTakeover;
    this.#peerResets = client ? params.serverNoContextTakeover : params.clientNoContextTakeover;
  }

  /**
   * §7.2.1: one message's payload compressed as `count` frame payloads. Each part is sync-flushed, so
   * each frame carries exactly its share of the message (what it inflates to is known), and the
   * trailing 00 00 ff ff comes off the last part only.
   */
  compress(
    payload: Uint8Array,
    count: number,
  ): { readonly parts: Uint8Array[]; readonly window: DeflateWindow } {
    const c = (this.#compressor ??= this.#setup.codec.compressor(
      this.ownBits,
      this.#setup.level ?? DEFAULT_DEFLATE_LEVEL,
    ));
    const window: DeflateWindow = !this.#sent ? 'empty' : this.#ownResets ? 'reset' : 'kept';
    const parts: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const from = Math.floor((payload.length * i) / count);
      const to = Math.floor((payload.length * (i + 1)) / count);
      parts.push(c.flush(payload.subarray(from, to)));
    }
    const last = parts[count - 1]!;
    if (endsWithTail(last)) parts[count - 1] = last.subarray(0, last.length - 4);
    // zlib flushes nothing at all when nothing came since its last flush (an empty message after
    // another): "append an empty DEFLATE block with no compression", then remove 4 octets — the one
    // octet 00 that §7.2.3.6 shows.
    else if (last.length === 0) parts[count - 1] = Uint8Array.of(0);
    this.#sent = true;
    if (this.#ownResets) c.reset();
    return { parts, window };
  }

  /** §7.2.2: a compressed message begins; the peer's window is reset first if it takes no context over. */
  beginMessage(): DeflateWindow {
    const window: DeflateWindow = !this.#received ? 'empty' : this.#peerResets ? 'reset' : 'kept';
    if (this.#received && this.#peerResets) this.#decompressor?.reset();
    this.#received = true;
    return window;
  }

  /** One frame's compressed bytes, with 00 00 ff ff appended after the message's last (§7.2.2). */
  inflate(data: Uint8Array, fin: boolean, sink: InflateSink): InflateResult {
    const d = (this.#decompressor ??= this.#setup.codec.decompressor(this.peerBits));
    const r = d.inflate(data, sink, INFLATE_PIECE);
    if (r.kind !== 'ok' || !fin) return r;
    return d.inflate(DEFLATE_TAIL, sink, INFLATE_PIECE);
  }
}

function endsWithTail(b: Uint8Array): boolean {
  const n = b.length;
  return n >= 4 && b[n - 4] === 0 && b[n - 3] === 0 && b[n - 2] === 0xff && b[n - 1] === 0xff;
}
