/**
 * The field tree's side: what of a frame can be edited, and the bytes an edit produces.
 *
 * A frame whose bytes are all there can be edited field by field even when the receiver rejects it
 * (that is the point: toggle MASK and watch §5.1 go away). Its values are read from the engine's
 * field map, and every edit is re-encoded by the engine (`encodeFrame`); no frame is built by hand.
 * When bytes are missing, only what they determine can be edited: the first byte's bits.
 */
import {
  PerMessageDeflate,
  applyMask,
  encodeFrame,
  encodeHeader,
  minimalLengthForm,
  type DeflateSetup,
  type DeflateParams,
  type Direction,
  type FieldSpan,
  type FrameSpec,
  type LengthForm,
} from '../../protocol/index.ts';
import type { FrameView } from './analysis.ts';

/** Everything the encoder needs to write the frame again. */
export interface FrameDraft {
  readonly fin: boolean;
  readonly rsv1: boolean;
  readonly rsv2: boolean;
  readonly rsv3: boolean;
  readonly opcode: number;
  /** Four bytes, or null for an unmasked frame. */
  readonly maskKey: Uint8Array | null;
  readonly lengthForm: LengthForm;
  /** In clear (unmasked). */
  readonly payload: Uint8Array;
}

/** The bits of the first byte: known as soon as that byte is there. */
export type FirstByte = Pick<FrameDraft, 'fin' | 'rsv1' | 'rsv2' | 'rsv3' | 'opcode'>;

export type Editable =
  | { readonly kind: 'none' }
  /** The frame is all there: every field can be edited. */
  | { readonly kind: 'full'; readonly draft: FrameDraft }
  /**
   * Bytes are missing: the first byte can be edited; `header` is known when the whole header is there
   * (then the payload present so far can become the whole payload).
   */
  | {
      readonly kind: 'partial';
      readonly first: FirstByte;
      readonly header: Omit<FrameDraft, 'payload'> | null;
      /** Payload bytes present (in clear), when the header is complete. */
      readonly present: Uint8Array | null;
      readonly declared: number | null;
    };

function get(fields: readonly FieldSpan[], id: FieldSpan['id']): FieldSpan | undefined {
  return fields.find((f) => f.id === id);
}

function firstByteOf(fields: readonly FieldSpan[]): FirstByte | null {
  const op = get(fields, 'opcode');
  if (!op) return null;
  return {
    fin: get(fields, 'fin')?.raw === '1',
    rsv1: get(fields, 'rsv1')?.raw === '1',
    rsv2: get(fields, 'rsv2')?.raw === '1',
    rsv3: get(fields, 'rsv3')?.raw === '1',
    opcode: parseInt(op.raw, 16),
  };
}

/** Read what can be edited from a frame's field map and its bytes on the wire. */
export function editableOf(view: FrameView, bytes: Uint8Array): Editable {
  if (view.status === 'unread') return { kind: 'none' };
  const fields = view.fields;
  const first = firstByteOf(fields);
  if (!first) return { kind: 'none' };
  const wire = bytes.subarray(view.offset, view.offset + view.length);
  const len = get(fields, 'payload-len');
  const ext = get(fields, 'ext-len');
  const masked = get(fields, 'mask')?.raw === '1';
  const keyField = get(fields, 'masking-key');
  const payload = get(fields, 'payload');
  let header: Omit<FrameDraft, 'payload'> | null = null;
  let declared: number | null = null;
  if (len && (!ext || ext.complete) && (!masked || keyField?.complete)) {
    const len7 = Number(len.raw);
    const lengthForm: LengthForm = len7 === 126 ? 16 : len7 === 127 ? 64 : 7;
    declared = ext ? Number(ext.raw) : len7;
    const maskKey = masked && keyField ? wire.slice(keyField.byteStart, keyField.byteEnd) : null;
    header = { ...first, maskKey, lengthForm };
  }
  if (header && payload) {
    // The decoded frame already holds the payload in clear (its own copy, never written to: the
    // encoder masks a copy); otherwise unmask the wire bytes (§5.3).
    let clear: Uint8Array;
    if (view.frame && payload.complete) clear = view.frame.payload;
    else {
      clear = wire.slice(payload.byteStart, Math.min(wire.length, payload.byteEnd));
      if (header.maskKey) applyMask(clear, header.maskKey);
    }
    if (payload.complete) return { kind: 'full', draft: { ...header, payload: clear } };
    return { kind: 'partial', first, header, present: clear, declared };
  }
  return { kind: 'partial', first, header, present: header ? new Uint8Array(0) : null, declared };
}

/** The length forms that can hold a payload of this length (7-bit: ≤ 125, 16-bit: ≤ 65535). */
export function formsFor(length: number): LengthForm[] {
  return length <= 125 ? [7, 16, 64] : length <= 0xffff ? [16, 64] : [64];
}

/** The form kept after an edit: the chosen one if it still holds the payload, else the smallest that does. */
export function fitForm(form: LengthForm, length: number): LengthForm {
  return formsFor(length).includes(form) ? form : minimalLengthForm(length);
}

export function specOf(d: FrameDraft): FrameSpec {
  return {
    fin: d.fin,
    rsv1: d.rsv1,
    rsv2: d.rsv2,
    rsv3: d.rsv3,
    opcode: d.opcode,
    payload: d.payload,
    maskKey: d.maskKey,
    lengthForm: fitForm(d.lengthForm, d.payload.length),
  };
}

/** The frame's bytes, as the engine encodes them. */
export function encodeDraft(d: FrameDraft): Uint8Array {
  return encodeFrame(specOf(d));
}

/** Header length of the encoded draft (where its payload line starts in the layout). */
export function headerLengthOf(d: FrameDraft): number {
  return encodeHeader({ ...specOf(d), payload: d.payload }).length;
}

/** The first byte for these bits, as the engine writes it. */
export function encodeFirstByte(b: FirstByte): number {
  return encodeHeader({ ...b, payload: new Uint8Array(0) })[0]!;
}

/** A fresh masking key (§5.3: unpredictable, from a strong source of entropy). */
export function randomKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(4));
}

/** UTF-8 of a payload typed as text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * A whole message's payload compressed as its sender would (RFC 7692 §7.2.1): the engine's
 * PerMessageDeflate on the sender's side of `dir` (the client for c2s), with its window bits, sync
 * flushed and the trailing 00 00 ff ff removed. A fresh compressor: the result refers to nothing sent
 * before, which a receiver accepts whether or not it keeps its window.
 */
export function compressPayload(
  payload: Uint8Array,
  dir: Direction,
  deflate: DeflateSetup & { readonly params: DeflateParams },
): Uint8Array {
  const sender = new PerMessageDeflate(dir === 'c2s' ? 'client' : 'server', deflate.params, deflate);
  return sender.compress(payload, 1).parts[0]!;
}
