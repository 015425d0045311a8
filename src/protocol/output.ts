/**
 * What a Connection writes, gathered in pooled blocks — the shape of Node's Buffer pool, from which
 * ws's Sender draws its headers. A small frame is written straight into the current block and costs
 * no buffer of its own, and frames written between two `take()`s leave as one chunk. A large unmasked
 * payload is never copied: it goes out by reference after its header, as ws's Sender writes them.
 *
 * Each frame written is reported as a `SentFrame` event whose `frame` (a DecodedFrame with its field
 * map) and `bytes` are made only when someone reads them: a socket driver never does, the simulator and
 * the views do. Profiled (npm run bench, 16-byte frames through a client Connection): building those
 * eagerly — a header object, a frame, a key, the spec, the chunk arrays — was 1.3 µs of a frame's
 * 1.4 µs, 28 % of it in the garbage collector.
 */
import { DecodedFrame, type FrameHeader } from './decoder.ts';
import type { DeflateNote } from './deflate/note.ts';
import { headerLength, putHeader, type LengthForm } from './frame.ts';
import { maskInto, type MaskKeys } from './mask.ts';

/** A block's size: 745 frames of 16 bytes, masked (22 bytes each), between two allocations. */
const BLOCK = 16 * 1024;
/** Unmasked payloads this long or longer go out by reference; shorter ones are copied into the block. */
const BY_REFERENCE = 4 * 1024;
const EMPTY = new Uint8Array(0);

export class Output {
  #block: Uint8Array = EMPTY;
  /** The block's own ArrayBuffer (blocks start at byte 0 of it): views made from it skip two getters. */
  #buffer: ArrayBufferLike = EMPTY.buffer;
  /** Write position in the block. */
  #at = 0;
  /** First byte of the block not yet handed out. */
  #from = 0;
  /** Chunks that precede the block's unsent bytes (a by-reference payload, a full block); usually none. */
  #chunks: Uint8Array[] | null = null;
  #offset = 0;

  /** Stream offset of the next byte written. */
  get offset(): number {
    return this.#offset;
  }

  /**
   * Bytes written since the last `take()`, in order; small writes joined. The usual case — frames
   * written into the block since the last call — is one view in a fresh array literal: making the
   * view from the cached buffer and skipping a push into an emptied array halved this call's cost.
   */
  take(): Uint8Array[] {
    const pending = this.#chunks;
    if (pending === null) {
      const n = this.#at - this.#from;
      if (n === 0) return [];
      const bytes = new Uint8Array(this.#buffer, this.#from, n);
      this.#from = this.#at;
      return [bytes];
    }
    this.#seal();
    this.#chunks = null;
    return pending;
  }

  /** Bytes as they are (an HTTP head, raw bytes): by reference, after what the block holds so far. */
  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#seal();
    (this.#chunks ??= []).push(bytes);
    this.#offset += bytes.length;
  }

  /**
   * Write one frame: byte 0 as given, the payload (in clear) in the given length form, masked with a
   * fresh key from `keys` when there are keys (a client, §5.3) — the key is drawn straight into the
   * header and the payload XORed from there.
   */
  frame(
    b0: number,
    payload: Uint8Array,
    form: LengthForm,
    keys: MaskKeys | null,
    deflate: DeflateNote | null = null,
  ): SentFrame {
    const n = payload.length;
    const hlen = (form === 7 ? 2 : form === 16 ? 4 : 10) + (keys === null ? 0 : 4);
    const offset = this.#offset;
    if (keys === null && byReference(false, n)) {
      const block = this.#room(hlen);
      const start = this.#at;
      putHeader(block, start, b0, n, form, null);
      this.#at += hlen;
      this.#offset += hlen;
      this.append(payload);
      return deflate
        ? new SentCompressedFrame(block, start, payload, offset, deflate)
        : new SentFrame(block, start, payload, offset);
    }
    const block = this.#room(hlen + n);
    const start = this.#at;
    const at = start + hlen;
    if (keys === null) {
      putHeader(block, start, b0, n, form, null);
      if (n < 64) for (let i = 0; i < n; i++) block[at + i] = payload[i]!;
      else block.set(payload, at);
    } else {
      putHeaderMasked(block, start, b0, n, form);
      keys.writeTo(block, at - 4);
      maskFrom(block, at, payload, n);
    }
    this.#at = at + n;
    this.#offset += hlen + n;
    return deflate
      ? new SentCompressedFrame(block, start, payload, offset, deflate)
      : new SentFrame(block, start, payload, offset);
  }

  /** A block with `n` contiguous free bytes at `#at`: the current one, or a fresh one. */
  #room(n: number): Uint8Array {
    if (this.#block.length - this.#at >= n) return this.#block;
    this.#seal();
    // A frame larger than half a block gets a block of its own: the rest would mostly go to waste.
    this.#block = new Uint8Array(n > BLOCK / 2 ? n : BLOCK);
    this.#buffer = this.#block.buffer;
    this.#at = 0;
    this.#from = 0;
    return this.#block;
  }

  #seal(): void {
    if (this.#at === this.#from) return;
    (this.#chunks ??= []).push(new Uint8Array(this.#buffer, this.#from, this.#at - this.#from));
    this.#from = this.#at;
  }
}

/** bytes[from, from + n) as a view: the constructor is half the cost of `subarray` (16 vs 28 ns, Node 20). */
function view(bytes: Uint8Array, from: number, n: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + from, n);
}

/** A masked header without its key (written next, from the pool): MASK = 1 and the payload length. */
function putHeaderMasked(out: Uint8Array, at: number, b0: number, length: number, form: LengthForm): void {
  if (form === 7) {
    out[at] = b0;
    out[at + 1] = 0x80 | length;
    return;
  }
  putHeader(out, at, b0, length, form, null);
  out[at + 1]! |= 0x80;
}

/** out[at, at + n) = payload XOR the key that sits in out[at - 4, at) (§5.3). */
function maskFrom(out: Uint8Array, at: number, payload: Uint8Array, n: number): void {
  if (n >= 64) {
    maskInto(out, at, payload, view(out, at - 4, 4));
    return;
  }
  const k0 = out[at - 4]!,
    k1 = out[at - 3]!,
    k2 = out[at - 2]!,
    k3 = out[at - 1]!;
  let i = 0;
  for (const end = n & ~3; i < end; i += 4) {
    out[at + i] = payload[i]! ^ k0;
    out[at + i + 1] = payload[i + 1]! ^ k1;
    out[at + i + 2] = payload[i + 2]! ^ k2;
    out[at + i + 3] = payload[i + 3]! ^ k3;
  }
  for (; i < n; i++) out[at + i] = payload[i]! ^ out[at - 4 + (i & 3)]!;
}

/**
 * The `frame-out` event: one frame this endpoint wrote. The block it was written into is never written
 * again, so the header (length form, mask key) is read back from it when first asked for; the event
 * itself holds four values (a smaller object is a measurably cheaper one at a frame per 60 ns).
 */
export class SentFrame {
  readonly #block: Uint8Array;
  readonly #start: number;
  readonly #payload: Uint8Array;
  readonly #offset: number;

  constructor(block: Uint8Array, start: number, payload: Uint8Array, offset: number) {
    this.#block = block;
    this.#start = start;
    this.#payload = payload;
    this.#offset = offset;
  }

  /** On the prototype, not in each event: one field less per frame written. */
  get type(): 'frame-out' {
    return 'frame-out';
  }

  /** The frame as sent: header, clear payload, stream offset (the same value a receiver decodes). */
  get frame(): DecodedFrame {
    return new DecodedFrame(this.#header(), this.#payload, this.#offset, this.deflate);
  }

  /** What permessage-deflate made of the frame (a subclass for compressed frames). */
  get deflate(): DeflateNote | null {
    return null;
  }

  /** The frame's bytes on the wire, as one chunk or as header + payload (sent by reference). */
  get bytes(): readonly Uint8Array[] {
    const h = this.#header();
    const b = this.#block;
    const s = this.#start;
    if (byReference(h.masked, h.payloadLength)) return [view(b, s, h.headerLength), this.#payload];
    return [view(b, s, h.headerLength + h.payloadLength)];
  }

  #header(): FrameHeader {
    const b = this.#block;
    const s = this.#start;
    const b0 = b[s]!;
    const masked = (b[s + 1]! & 0x80) !== 0;
    const len7 = b[s + 1]! & 0x7f;
    const form: LengthForm = len7 === 126 ? 16 : len7 === 127 ? 64 : 7;
    const hlen = headerLength(form, masked);
    return {
      fin: (b0 & 0x80) !== 0,
      rsv1: (b0 & 0x40) !== 0,
      rsv2: (b0 & 0x20) !== 0,
      rsv3: (b0 & 0x10) !== 0,
      opcode: b0 & 0x0f,
      masked,
      lengthForm: form,
      payloadLength: this.#payload.length,
      headerLength: hlen,
      maskKey: masked ? b.slice(s + hlen - 4, s + hlen) : null,
    };
  }
}

/** A frame of a compressed message: the same event, with the note its field map shows (RFC 7692 §7.2.1). */
class SentCompressedFrame extends SentFrame {
  readonly #deflate: DeflateNote;

  constructor(block: Uint8Array, start: number, payload: Uint8Array, offset: number, deflate: DeflateNote) {
    super(block, start, payload, offset);
    this.#deflate = deflate;
  }

  override get deflate(): DeflateNote {
    return this.#deflate;
  }
}

/** Whether a payload goes out by reference (after its header) rather than copied into the block. */
function byReference(masked: boolean, length: number): boolean {
  return !masked && length >= BY_REFERENCE;
}
