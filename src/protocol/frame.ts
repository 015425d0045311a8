/** RFC 6455 §5.2 base framing: opcodes, frame values and the encoder. */
import { maskInto } from './mask.ts';

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
  out[0] =
    ((spec.fin ?? true) ? 0x80 : 0) |
    (spec.rsv1 ? 0x40 : 0) |
    (spec.rsv2 ? 0x20 : 0) |
    (spec.rsv3 ? 0x10 : 0) |
    (spec.opcode & 0x0f);
  const maskBit = spec.maskKey != null ? 0x80 : 0;
  let p = 2;
  if (form === 7) {
    out[1] = maskBit | (length & 0x7f);
  } else if (form === 16) {
    out[1] = maskBit | 126;
    out[2] = (length >>> 8) & 0xff;
    out[3] = length & 0xff;
    p = 4;
  } else {
    out[1] = maskBit | 127;
    const hi = Math.floor(length / 0x1_0000_0000);
    const lo = length >>> 0;
    out[2] = (hi >>> 24) & 0xff;
    out[3] = (hi >>> 16) & 0xff;
    out[4] = (hi >>> 8) & 0xff;
    out[5] = hi & 0xff;
    out[6] = (lo >>> 24) & 0xff;
    out[7] = (lo >>> 16) & 0xff;
    out[8] = (lo >>> 8) & 0xff;
    out[9] = lo & 0xff;
    p = 10;
  }
  const key = spec.maskKey;
  if (key != null) {
    out[p] = key[0]!;
    out[p + 1] = key[1]!;
    out[p + 2] = key[2]!;
    out[p + 3] = key[3]!;
    p += 4;
  }
  return p;
}

/**
 * The whole frame as the chunks a sender writes. Unmasked payloads are not copied (the header and the
 * caller's payload go out as two chunks, as ws's Sender does); a masked frame is one buffer, because
 * masking needs a copy anyway and the caller's payload must stay untouched.
 */
export function encodeFrameChunks(spec: FrameSpec): Uint8Array[] {
  const length = spec.payload.length;
  const form = spec.lengthForm ?? minimalLengthForm(length);
  const masked = spec.maskKey != null;
  const hlen = headerLength(form, masked);
  if (!masked) {
    const header = new Uint8Array(hlen);
    writeHeader(header, spec, form, length);
    return length === 0 ? [header] : [header, spec.payload];
  }
  const out = new Uint8Array(hlen + length);
  writeHeader(out, spec, form, length);
  maskInto(out, hlen, spec.payload, spec.maskKey!);
  return [out];
}

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
