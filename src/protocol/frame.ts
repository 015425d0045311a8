/** RFC 6455 §5.2 base framing: opcodes, frame values and the encoder. */
import { maskInto, maskShort } from './mask.ts';

export const Opcode = {
  Continuation: 0x0,
  Text: 0x1,
  Binary: 0x2,
  Close: 0x8,
  Ping: 0x9,
  Pong: 0xa,
} as const;
export type KnownOpcode = (typeof Opcode)[keyof typeof Opcode];

/** Opcodes 0x8–0xF are control frames (§5.5). */
export const isControl = (opcode: number): boolean => (opcode & 0x8) !== 0;

export const isKnownOpcode = (opcode: number): opcode is KnownOpcode =>
  opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xa);

const OPCODE_NAMES: Record<KnownOpcode, string> = {
  0x0: 'continuation',
  0x1: 'text',
  0x2: 'binary',
  0x8: 'close',
  0x9: 'ping',
  0xa: 'pong',
};

export function opcodeName(opcode: number): string {
  return isKnownOpcode(opcode)
    ? OPCODE_NAMES[opcode]
    : `reserved ${isControl(opcode) ? 'control' : 'data'} 0x${opcode.toString(16)}`;
}

/** The three ways §5.2 writes a payload length: in the 7-bit field, or as 126 + 16 bits, or 127 + 64 bits. */
export type LengthForm = 7 | 16 | 64;

export const MAX_PAYLOAD_LENGTH = Number.MAX_SAFE_INTEGER;

export function minimalLengthForm(length: number): LengthForm {
  return length <= 125 ? 7 : length <= 0xffff ? 16 : 64;
}

export function headerLength(form: LengthForm, masked: boolean): number {
  return 2 + (form === 7 ? 0 : form === 16 ? 2 : 8) + (masked ? 4 : 0);
}

/** What a caller asks the encoder to put on the wire. Wrong-but-representable frames are allowed on purpose: lessons build them. */
export interface FrameSpec {
  readonly fin?: boolean;
  readonly rsv1?: boolean;
  readonly rsv2?: boolean;
  readonly rsv3?: boolean;
  /** 0x0–0xF; reserved values are encodable so a learner can see the peer reject them. */
  readonly opcode: number;
  /** The payload in clear text; the encoder masks a copy when `maskKey` is given. */
  readonly payload: Uint8Array;
  /** Four bytes; present means MASK = 1. */
  readonly maskKey?: Uint8Array | null;
  /** Override the minimal length form (to show the §5.2 minimal-encoding rule being broken). */
  readonly lengthForm?: LengthForm;
}

/** The header bytes (up to 14) of a frame: first two bytes, extended length, masking key. */
export function encodeHeader(spec: FrameSpec): Uint8Array {
  const length = spec.payload.length;
  const form = spec.lengthForm ?? minimalLengthForm(length);
  const masked = spec.maskKey != null;
  const out = new Uint8Array(headerLength(form, masked));
  writeHeader(out, spec, form, length);
  return out;
}

function writeHeader(out: Uint8Array, spec: FrameSpec, form: LengthForm, length: number): number {
  return putHeader(out, 0, firstByte(spec), length, form, spec.maskKey ?? null);
}

/** Byte 0 of a frame: FIN, RSV1–3 and the opcode. */
export function firstByte(spec: Pick<FrameSpec, 'fin' | 'rsv1' | 'rsv2' | 'rsv3' | 'opcode'>): number {
  return (
    (spec.fin === false ? 0 : 0x80) |
    (spec.rsv1 ? 0x40 : 0) |
    (spec.rsv2 ? 0x20 : 0) |
    (spec.rsv3 ? 0x10 : 0) |
    (spec.opcode & 0x0f)
  );
}

/**
 * Write a header at out[at…]: byte 0 as given, MASK and the payload length in `form`, the masking key
 * if there is one. Returns the header's length. The one header writer: the encoder and a Connection's
 * output both use it.
 */
export function putHeader(
  out: Uint8Array,
  at: number,
  b0: number,
  length: number,
  form: LengthForm,
  key: Uint8Array | null,
): number {
  out[at] = b0;
  const maskBit = key !== null ? 0x80 : 0;
  let p = at + 2;
  if (form === 7) {
    out[at + 1] = maskBit | (length & 0x7f);
  } else if (form === 16) {
    out[at + 1] = maskBit | 126;
    out[at + 2] = (length >>> 8) & 0xff;
    out[at + 3] = length & 0xff;
    p += 2;
  } else {
    out[at + 1] = maskBit | 127;
    const hi = Math.floor(length / 0x1_0000_0000);
    const lo = length >>> 0;
    out[at + 2] = (hi >>> 24) & 0xff;
    out[at + 3] = (hi >>> 16) & 0xff;
    out[at + 4] = (hi >>> 8) & 0xff;
    out[at + 5] = hi & 0xff;
    out[at + 6] = (lo >>> 24) & 0xff;
    out[at + 7] = (lo >>> 16) & 0xff;
    out[at + 8] = (lo >>> 8) & 0xff;
    out[at + 9] = lo & 0xff;
    p += 8;
  }
  if (key !== null) {
    out[p] = key[0]!;
    out[p + 1] = key[1]!;
    out[p + 2] = key[2]!;
    out[p + 3] = key[3]!;
    p += 4;
  }
  return p - at;
}

/**
 * The whole frame as the chunks a sender writes. Unmasked payloads are not copied (the header and the
 * caller's payload go out as two chunks, as ws's Sender does); a masked frame is one buffer, because
 * masking needs a copy anyway and the caller's payload must stay untouched.
 */
export function encodeFrameChunks(spec: FrameSpec): Uint8Array[] {
  // Each field read once, defaults inline: 5 of a 16-byte frame's ~50 ns went to the helpers before.
  const payload = spec.payload;
  const length = payload.length;
  const key = spec.maskKey ?? null;
  const lf = spec.lengthForm;
  const form: LengthForm = lf === undefined ? (length <= 125 ? 7 : length <= 0xffff ? 16 : 64) : lf;
  const b0 =
    (spec.fin === false ? 0 : 0x80) |
    (spec.rsv1 ? 0x40 : 0) |
    (spec.rsv2 ? 0x20 : 0) |
    (spec.rsv3 ? 0x10 : 0) |
    (spec.opcode & 0x0f);
  const hlen = (form === 7 ? 2 : form === 16 ? 4 : 10) + (key === null ? 0 : 4);
  if (key === null) {
    const header = small(hlen);
    putHeader(header, 0, b0, length, form, null);
    return length === 0 ? [header] : [header, payload];
  }
  const out = small(hlen + length);
  putHeader(out, 0, b0, length, form, key);
  if (length < 64) maskShort(out, hlen, payload, key, length);
  else maskInto(out, hlen, payload, key);
  return [out];
}

/**
 * n bytes for a frame: carved from a shared 64 KiB slab when small, as Node's Buffer pool does for ws's
 * headers (a view of the slab costs about half a fresh typed array: 16 vs 25–30 ns), else allocated.
 * A slab's bytes are handed out once and never written again.
 */
function small(n: number): Uint8Array {
  if (n > SLAB_MAX) return new Uint8Array(n);
  if (slabAt + n > SLAB) {
    slab = new ArrayBuffer(SLAB);
    slabAt = 0;
  }
  const out = new Uint8Array(slab, slabAt, n);
  slabAt += (n + 7) & ~7; // 8-byte aligned, so the word-at-a-time masking of longer frames stays aligned
  return out;
}

const SLAB = 64 * 1024;
const SLAB_MAX = 256;
let slab = new ArrayBuffer(SLAB);
let slabAt = 0;

/** The whole frame in one buffer. */
export function encodeFrame(spec: FrameSpec): Uint8Array {
  const chunks = encodeFrameChunks(spec);
  if (chunks.length === 1) return chunks[0]!;
  return concatBytes(chunks);
}

/** The chunks joined; a single chunk is returned as it is (no copy). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
