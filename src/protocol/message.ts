/**
 * A data message as it is received (§5.4, §6.2): the payload of its frames — inflated first when the
 * message is compressed — gathered, charged against the endpoint's limit, and (for text) validated as
 * UTF-8 while it arrives. It holds no object per fragment (security review M1).
 */
import { concatBytes } from './frame.ts';
import { Utf8Stream } from './utf8.ts';

export const DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

/**
 * Bytes each fragment of a message is charged on top of its payload when checking maxMessageSize.
 * Payload bytes alone left fragments free: 3.3 M empty continuation frames (20 MB on the wire) grew a
 * server by ~710 MiB and never reached the limit (security review M1). 16 B is about what one frame
 * costs to decode (its header and event), and it bounds a message to maxMessageSize / 16 fragments
 * (1 M at 16 MiB) while Autobahn's finest case, 9.3.1 (4 MiB in 65,536 fragments of 64 B), costs 5 MiB.
 */
export const FRAGMENT_OVERHEAD = 16;

/**
 * The payload of a binary message, gathered without one object per piece (review M1). A typed array
 * costs ~190 B of heap besides its bytes, so a piece of KEEP bytes or more is kept as it is (≤ 5 %
 * extra, and no copy); smaller ones are copied into a block that doubles up to BLOCK bytes and then
 * starts the next one. `bytes()` joins the lot once.
 */
export class FragmentBytes {
  readonly #parts: Uint8Array[] = [];
  #block: Uint8Array = EMPTY;
  #used = 0;

  push(payload: Uint8Array): void {
    if (payload.length >= KEEP) {
      this.#seal();
      this.#parts.push(payload);
      return;
    }
    if (payload.length <= this.#block.length - this.#used) {
      this.#block.set(payload, this.#used); // the common case, without a subarray view per fragment
      this.#used += payload.length;
      return;
    }
    let from = 0;
    while (from < payload.length) {
      if (this.#used === this.#block.length) this.#grow(payload.length - from);
      const n = Math.min(payload.length - from, this.#block.length - this.#used);
      this.#block.set(payload.subarray(from, from + n), this.#used);
      this.#used += n;
      from += n;
    }
  }

  bytes(): Uint8Array {
    this.#seal();
    if (this.#parts.length === 0) return EMPTY;
    return this.#parts.length === 1 ? this.#parts[0]! : concatBytes(this.#parts);
  }

  /** Room for at least one more byte: double the block while it is small, else start a new one. */
  #grow(want: number): void {
    if (this.#block.length >= BLOCK) {
      this.#seal();
      this.#block = new Uint8Array(BLOCK);
      return;
    }
    const next = new Uint8Array(Math.min(BLOCK, Math.max(64, this.#block.length * 2, this.#used + want)));
    next.set(this.#block.subarray(0, this.#used));
    this.#block = next;
  }

  #seal(): void {
    if (this.#used === 0) return;
    this.#parts.push(this.#block.subarray(0, this.#used));
    this.#block = EMPTY;
    this.#used = 0;
  }
}

const KEEP = 4 * 1024;
const BLOCK = 16 * 1024;
const EMPTY = new Uint8Array(0);

/**
 * A message whose frames are still arriving: its size so far (payload bytes after inflation), its frame
 * count, and its content — the bytes of a binary message, the validated text of a text message.
 */
export class IncomingMessage {
  size = 0;
  frames = 0;
  readonly #bytes: FragmentBytes | null;
  readonly #utf8: Utf8Stream | null;

  constructor(
    readonly binary: boolean,
    /** RSV1 was set on the first frame: every frame's payload is inflated before it lands here. */
    readonly compressed: boolean,
  ) {
    this.#bytes = binary ? new FragmentBytes() : null;
    this.#utf8 = binary ? null : new Utf8Stream();
  }

  /** Add payload bytes; false when they make the text invalid UTF-8 (with `last`: leave it unfinished). */
  push(payload: Uint8Array, last: boolean): boolean {
    this.size += payload.length;
    if (this.#bytes) {
      this.#bytes.push(payload);
      return true;
    }
    return this.#utf8!.push(payload, last);
  }

  /** What the size and frame count cost against a limit (FRAGMENT_OVERHEAD per frame once fragmented). */
  get cost(): number {
    return this.frames > 1 ? this.size + this.frames * FRAGMENT_OVERHEAD : this.size;
  }

  data(): string | Uint8Array {
    return this.#bytes ? this.#bytes.bytes() : this.#utf8!.text();
  }
}
