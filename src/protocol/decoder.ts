/**
 * Incremental RFC 6455 §5.2 frame decoder.
 *
 * Bytes arrive in whatever chunks TCP delivers: a header may be cut anywhere. The decoder keeps a
 * list of chunks and reads from it without copying until a payload is complete (the shape of ws's
 * Receiver). Each `next()` returns a frame, the number of bytes it still needs, or the rule broken.
 * It never throws on input and never loops without consuming.
 */
import { protocolError, type ProtocolError } from './errors.ts';
import {
  isControl,
  isKnownOpcode,
  headerLength,
  minimalLengthForm,
  opcodeName,
  type LengthForm,
} from './frame.ts';
import { applyMask, maskInto } from './mask.ts';
import { encodeHeader } from './frame.ts';
import type { DeflateNote } from './deflate/note.ts';
import { frameFields, type FieldSpan } from './fields.ts';
import { textsOf } from './text.ts';

/** English sources of the values the decoder puts into rule texts (translated by the same ids). */
export const DECODER_TEXTS = {
  'length.126': '126 (a 16-bit length follows)',
  'length.127': '127 (a 64-bit length follows)',
  'length.form7': '7-bit field',
  'length.form16': '16-bit form',
} as const;
export type DecoderTextId = keyof typeof DECODER_TEXTS;
const say = textsOf<typeof DECODER_TEXTS>();

export interface FrameRules {
  /** true: frames must be masked (a server receiving); false: must not be (a client receiving); null: either. */
  readonly expectMasked: boolean | null;
  /** RSV bits claimed by negotiated extensions (0x40 = RSV1, 0x20 = RSV2, 0x10 = RSV3); 0 without extensions. */
  readonly allowedRsv: number;
  /** Largest payload this endpoint accepts in one frame (bytes). */
  readonly maxPayload: number;
}

export const DEFAULT_RULES: FrameRules = {
  expectMasked: null,
  allowedRsv: 0,
  maxPayload: Number.MAX_SAFE_INTEGER,
};

export interface FrameHeader {
  readonly fin: boolean;
  readonly rsv1: boolean;
  readonly rsv2: boolean;
  readonly rsv3: boolean;
  readonly opcode: number;
  readonly masked: boolean;
  readonly lengthForm: LengthForm;
  readonly payloadLength: number;
  readonly headerLength: number;
  readonly maskKey: Uint8Array | null;
}

export type HeaderParse =
  | { readonly kind: 'header'; readonly header: FrameHeader }
  | { readonly kind: 'need'; readonly need: number }
  | { readonly kind: 'error'; readonly error: ProtocolError };

/**
 * Parse a header from buf[start, end). Rules are checked as soon as the bytes that carry them are
 * present, so a learner sees "ping with length 126" rejected before the extended length arrives.
 * `at` is the stream offset of buf[start], used to point errors at the offending byte.
 */
export function parseHeader(
  buf: Uint8Array,
  start: number,
  end: number,
  rules: FrameRules,
  at = 0,
): HeaderParse {
  const avail = end - start;
  if (avail < 1) return { kind: 'need', need: 2 };
  const b0 = buf[start]!;
  const fin = (b0 & 0x80) !== 0;
  const opcode = b0 & 0x0f;
  const rsv = b0 & 0x70 & ~rules.allowedRsv;
  const control = isControl(opcode);
  // RFC 7692 §6: with permessage-deflate, RSV1 means "compressed" — which a control frame never is.
  if (control && b0 & 0x40 && rules.allowedRsv & 0x40) {
    return {
      kind: 'error',
      error: protocolError('rsv1-on-control', { opcodeName: opcodeName(opcode) }, { offset: at, length: 1 }),
    };
  }
  if (rsv !== 0) {
    const bit = rsv & 0x40 ? 1 : rsv & 0x20 ? 2 : 3;
    return {
      kind: 'error',
      error: protocolError('rsv-without-extension', { bit }, { offset: at, length: 1 }),
    };
  }
  if (!isKnownOpcode(opcode)) {
    return {
      kind: 'error',
      error: protocolError('unknown-opcode', { opcode: opcode.toString(16) }, { offset: at, length: 1 }),
    };
  }
  if (control && !fin) {
    return {
      kind: 'error',
      error: protocolError(
        'control-frame-fragmented',
        { opcodeName: opcodeName(opcode) },
        { offset: at, length: 1 },
      ),
    };
  }
  if (avail < 2) return { kind: 'need', need: 2 - avail };
  const b1 = buf[start + 1]!;
  const masked = (b1 & 0x80) !== 0;
  if (rules.expectMasked !== null && masked !== rules.expectMasked) {
    const id = rules.expectMasked ? 'unmasked-client-frame' : 'masked-server-frame';
    return { kind: 'error', error: protocolError(id, {}, { offset: at + 1, length: 1 }) };
  }
  const len7 = b1 & 0x7f;
  if (control && len7 > 125) {
    return {
      kind: 'error',
      error: protocolError(
        'control-frame-too-long',
        {
          length: say(len7 === 126 ? 'length.126' : 'length.127'),
        },
        { offset: at + 1, length: 1 },
      ),
    };
  }
  const lengthForm: LengthForm = len7 === 126 ? 16 : len7 === 127 ? 64 : 7;
  const hlen = headerLength(lengthForm, masked);
  if (avail < hlen) return { kind: 'need', need: hlen - avail };
  let payloadLength = len7;
  let p = start + 2;
  if (lengthForm === 16) {
    payloadLength = (buf[p]! << 8) | buf[p + 1]!;
    p += 2;
  } else if (lengthForm === 64) {
    const hiHi = buf[p]!;
    if (hiHi & 0x80) {
      return { kind: 'error', error: protocolError('length-msb-set', {}, { offset: at + 2, length: 8 }) };
    }
    const hi = ((hiHi << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!) >>> 0;
    const lo = ((buf[p + 4]! << 24) | (buf[p + 5]! << 16) | (buf[p + 6]! << 8) | buf[p + 7]!) >>> 0;
    // Lengths past 2^53 cannot be a real payload here; they are reported as too big below.
    payloadLength = hi >= 0x200000 ? Number.POSITIVE_INFINITY : hi * 0x1_0000_0000 + lo;
    p += 8;
  }
  if (lengthForm !== 7) {
    const minimal = minimalLengthForm(payloadLength);
    if (minimal !== lengthForm && payloadLength !== Number.POSITIVE_INFINITY) {
      return {
        kind: 'error',
        error: protocolError(
          'non-minimal-length',
          {
            length: payloadLength,
            form: lengthForm,
            minimal: say(minimal === 7 ? 'length.form7' : 'length.form16'),
          },
          { offset: at + 1, length: 1 + (lengthForm === 16 ? 2 : 8) },
        ),
      };
    }
  }
  if (payloadLength > rules.maxPayload) {
    return {
      kind: 'error',
      error: protocolError(
        'message-too-big',
        { length: Number.isFinite(payloadLength) ? payloadLength : '≥ 2^53', max: rules.maxPayload },
        { offset: at + 1, length: p - start - 1 },
      ),
    };
  }
  let maskKey: Uint8Array | null = null;
  if (masked) {
    maskKey = new Uint8Array(4);
    maskKey[0] = buf[p]!;
    maskKey[1] = buf[p + 1]!;
    maskKey[2] = buf[p + 2]!;
    maskKey[3] = buf[p + 3]!;
  }
  return {
    kind: 'header',
    header: {
      fin,
      rsv1: (b0 & 0x40) !== 0,
      rsv2: (b0 & 0x20) !== 0,
      rsv3: (b0 & 0x10) !== 0,
      opcode,
      masked,
      lengthForm,
      payloadLength,
      headerLength: hlen,
      maskKey,
    },
  };
}

/** A frame as it was read off the wire: its header, its payload in clear, where it started. */
export class DecodedFrame {
  #fields: FieldSpan[] | undefined;
  constructor(
    readonly header: FrameHeader,
    /** Unmasked payload (for a compressed frame, the DEFLATE bytes: see `deflate`). */
    readonly payload: Uint8Array,
    /** Stream offset of the frame's first byte. */
    readonly offset: number,
    /** Part of a compressed message (RFC 7692): what permessage-deflate made of the payload. */
    readonly deflate: DeflateNote | null = null,
  ) {}
  /** The same frame, with what permessage-deflate made of its payload. */
  withDeflate(note: DeflateNote): DecodedFrame {
    return new DecodedFrame(this.header, this.payload, this.offset, note);
  }
  get fin(): boolean {
    return this.header.fin;
  }
  get opcode(): number {
    return this.header.opcode;
  }
  get size(): number {
    return this.header.headerLength + this.header.payloadLength;
  }
  /** The frame's bytes exactly as they were on the wire (re-masked when the frame was masked). */
  wireBytes(): Uint8Array {
    const h = this.header;
    const head = encodeHeader({ ...h, payload: this.payload, lengthForm: h.lengthForm });
    const out = new Uint8Array(head.length + this.payload.length);
    out.set(head);
    out.set(this.payload, head.length);
    if (h.maskKey) applyMask(out.subarray(head.length), h.maskKey);
    return out;
  }
  /** Field map (bit/byte spans, raw values, meanings), computed on first use: the hot path never pays for it. */
  get fields(): FieldSpan[] {
    return (this.#fields ??= frameFields(
      encodeHeader({ ...this.header, payload: this.payload }),
      this.payload,
      true,
      this.deflate,
    ));
  }
}

export type DecodeStep =
  | { readonly kind: 'frame'; readonly frame: DecodedFrame }
  | { readonly kind: 'need'; readonly need: number }
  | { readonly kind: 'error'; readonly error: ProtocolError };

const HEADER_MAX = 14;

export class FrameDecoder {
  #chunks: Uint8Array[] = [];
  #ci = 0; // index of the first chunk with unread bytes
  #pos = 0; // read position inside that chunk
  #buffered = 0;
  #consumed = 0; // stream offset of the next unread byte
  #header: FrameHeader | null = null;
  #frameStart = 0;
  #failed: DecodeStep | null = null;
  readonly #scratch = new Uint8Array(HEADER_MAX);

  constructor(public rules: FrameRules = DEFAULT_RULES) {}

  /** Bytes received but not yet returned as part of a frame. */
  get buffered(): number {
    return this.#buffered;
  }
  /** Stream offset of the next byte to decode. */
  get offset(): number {
    return this.#consumed;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0 || this.#failed) return;
    if (this.#ci > 32 && this.#ci * 2 > this.#chunks.length) {
      this.#chunks = this.#chunks.slice(this.#ci);
      this.#ci = 0;
    }
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
  }

  next(): DecodeStep {
    if (this.#failed) return this.#failed;
    let header = this.#header;
    if (header === null) {
      if (this.#buffered === 0) return { kind: 'need', need: 2 };
      const first = this.#chunks[this.#ci]!;
      const inFirst = first.length - this.#pos;
      let res: HeaderParse;
      if (inFirst >= HEADER_MAX || inFirst === this.#buffered) {
        res = parseHeader(first, this.#pos, first.length, this.rules, this.#consumed);
      } else {
        const n = Math.min(HEADER_MAX, this.#buffered);
        this.#peekInto(this.#scratch, n);
        res = parseHeader(this.#scratch, 0, n, this.rules, this.#consumed);
      }
      if (res.kind === 'need') return res;
      if (res.kind === 'error') return (this.#failed = res);
      header = this.#header = res.header;
      this.#frameStart = this.#consumed;
      this.#skip(header.headerLength);
    }
    const len = header.payloadLength;
    if (this.#buffered < len) return { kind: 'need', need: len - this.#buffered };
    const payload = this.#take(len, header.maskKey);
    this.#header = null;
    return { kind: 'frame', frame: new DecodedFrame(header, payload, this.#frameStart) };
  }

  #peekInto(dst: Uint8Array, n: number): void {
    let ci = this.#ci,
      pos = this.#pos,
      filled = 0;
    while (filled < n) {
      const c = this.#chunks[ci]!;
      const k = Math.min(n - filled, c.length - pos);
      dst.set(c.subarray(pos, pos + k), filled);
      filled += k;
      ci++;
      pos = 0;
    }
  }

  #skip(n: number): void {
    this.#buffered -= n;
    this.#consumed += n;
    while (n > 0) {
      const c = this.#chunks[this.#ci]!;
      const left = c.length - this.#pos;
      if (n < left) {
        this.#pos += n;
        return;
      }
      n -= left;
      this.#chunks[this.#ci] = EMPTY; // let the chunk be collected
      this.#ci++;
      this.#pos = 0;
    }
  }

  /**
   * The next n bytes, unmasked. A large unmasked payload inside one chunk is a view, no copy; every
   * other payload is copied exactly once, unmasking on the way (unmasking the caller's buffer in
   * place would change bytes the caller may still show — the simulator draws the segments it delivered).
   * Short payloads are copied byte by byte: a typed-array view costs more than copying 64 bytes.
   */
  #take(n: number, key: Uint8Array | null): Uint8Array {
    // One shared empty payload: a flood of empty frames allocates nothing for them (review M1).
    if (n === 0) return EMPTY;
    const first = this.#chunks[this.#ci]!;
    const pos = this.#pos;
    let out: Uint8Array;
    if (first.length - pos >= n) {
      if (key) {
        out = new Uint8Array(n);
        maskInto(out, 0, first, key, pos, n);
      } else if (n < SMALL) {
        out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = first[pos + i]!;
      } else {
        out = first.subarray(pos, pos + n);
      }
    } else {
      out = new Uint8Array(n);
      this.#peekInto(out, n);
      if (key) applyMask(out, key);
    }
    this.#skip(n);
    return out;
  }
}

const EMPTY = new Uint8Array(0);
const SMALL = 64;

export type { FieldSpan };
