/**
 * What permessage-deflate did to one frame, kept on the frame (DecodedFrame.deflate) for its field map:
 * the window the message began with, what the frame's compressed bytes inflate to (or were compressed
 * from, for a frame this endpoint sent), and whether the 00 00 ff ff tail belongs after it.
 */
import { concatBytes } from '../frame.ts';
import type { WindowBits } from './params.ts';

/**
 * A compressed message's LZ77 window as it began: `empty` for the first one, `reset` when the sender
 * compresses every message on its own (no context takeover), `kept` when it may refer to earlier ones.
 */
export type DeflateWindow = 'empty' | 'reset' | 'kept';

export type DeflateProblem = 'corrupt' | 'limit';

export class DeflateNote {
  readonly #pieces: readonly Uint8Array[];
  #joined: Uint8Array | null = null;

  constructor(
    /** On a message's first frame (RSV1 set): its window as it began. Null on the frames after it. */
    readonly window: DeflateWindow | null,
    /** The window of the compressor that made these bytes: 2^bits bytes. */
    readonly windowBits: WindowBits,
    /** The frame's share of the message, uncompressed, in the pieces it was inflated in. */
    pieces: readonly Uint8Array[],
    /** The message's last frame: its sender removed 00 00 ff ff and its receiver appends it (§7.2.1–2). */
    readonly tail: boolean,
    /** Inflating stopped in this frame: corrupt data (§6.2), or the size limit passed (1009). */
    readonly problem: DeflateProblem | null = null,
  ) {
    this.#pieces = pieces;
  }

  /** The uncompressed bytes (joined on first use). */
  get inflated(): Uint8Array {
    return (this.#joined ??= this.#pieces.length === 0 ? new Uint8Array(0) : concatBytes(this.#pieces));
  }

  get inflatedLength(): number {
    let n = 0;
    for (const p of this.#pieces) n += p.length;
    return n;
  }
}
