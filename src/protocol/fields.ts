/**
 * The field map of a frame: for every field of the RFC 6455 §5.2 diagram its byte span, bit span,
 * raw value and meaning, so a view can light up bytes and explain them (Wireshark's details + bytes
 * panes). Works on truncated input too: fields whose bytes are missing are marked incomplete.
 */
import { checkCloseCode, closeCodeLabel, closeCodeMeaning, type CloseTextId } from './close.ts';
import type { DeflateNote } from './deflate/note.ts';
import { isControl } from './frame.ts';
import { applyMask } from './mask.ts';
import { textsOf, type Text, type TextParam } from './text.ts';
import { decodeUtf8 } from './utf8.ts';

export type FieldId =
  | 'fin'
  | 'rsv1'
  | 'rsv2'
  | 'rsv3'
  | 'opcode'
  | 'mask'
  | 'payload-len'
  | 'ext-len'
  | 'masking-key'
  | 'payload'
  | 'close-code'
  | 'close-reason'
  // permessage-deflate (RFC 7692), children of a compressed payload: not bytes on the wire themselves.
  | 'deflate-window'
  | 'inflated'
  | 'deflate-tail';

export interface FieldSpan {
  readonly id: FieldId;
  readonly name: Text<FieldTextId>;
  /** Byte span relative to the frame's first byte, end exclusive. */
  readonly byteStart: number;
  readonly byteEnd: number;
  /** Bit span counted as in the RFC's diagram: bit 0 is the most significant bit of byte 0. */
  readonly bitStart: number;
  readonly bitLength: number;
  /** The raw value as a learner would write it: "1", "0x1", "126", "37 fa 21 3d". */
  readonly raw: string;
  readonly meaning: Text<FieldTextId | CloseTextId>;
  /** False when the input ends before this field does. */
  readonly complete: boolean;
  /**
   * Not bytes on the wire but what an extension made of them — the inflated payload, the LZ77 window,
   * the removed tail — spanning the wire bytes it comes from (or, if empty, the place it applies).
   */
  readonly virtual?: true;
  readonly children?: readonly FieldSpan[];
}

const PREVIEW_BYTES = 48;
const PREVIEW_CHARS = 200;

export function hexPreview(bytes: Uint8Array, max = PREVIEW_BYTES): string {
  const n = Math.min(bytes.length, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(bytes[i]!.toString(16).padStart(2, '0'));
  return parts.join(' ') + (bytes.length > max ? ` … (${bytes.length} bytes)` : '');
}

function bit(byte: number, i: number): number {
  return (byte >> (7 - i)) & 1;
}

/**
 * The English sources of every field name and meaning; their translations are keyed by the same ids
 * in src/i18n. Field names are the RFC's own labels from the §5.2 diagram.
 */
export const FIELD_TEXTS = {
  'frame.fin': 'FIN',
  'frame.fin.1': 'final fragment: this frame ends its message',
  'frame.fin.0': 'not final: continuation frames of the same message follow',
  'frame.rsv': 'RSV{n}',
  'frame.rsv.0': 'reserved for extensions; 0',
  'frame.rsv.1': 'set: only allowed if a negotiated extension defines RSV{n}',
  'frame.rsv1.1': 'set: only allowed if a negotiated extension defines RSV1 (e.g. permessage-deflate)',
  'frame.rsv1.deflate':
    'set: this message is compressed (permessage-deflate: RSV1 is “Per-Message Compressed”, RFC 7692 §6)',
  'frame.opcode': 'opcode',
  'frame.opcode.0x0': 'continuation frame: the next part of a fragmented message',
  'frame.opcode.0x1': 'text frame: the payload is UTF-8 text',
  'frame.opcode.0x2': 'binary frame: the payload is arbitrary bytes',
  'frame.opcode.0x8': 'close frame: starts the closing handshake',
  'frame.opcode.0x9': 'ping frame: the peer must answer with a pong',
  'frame.opcode.0xa': 'pong frame: answer to a ping (or an unsolicited heartbeat)',
  'frame.opcode.reservedData':
    'reserved data 0x{hex}: reserved for future use; a receiver fails the connection',
  'frame.opcode.reservedControl':
    'reserved control 0x{hex}: reserved for future use; a receiver fails the connection',
  'frame.mask': 'MASK',
  'frame.mask.1': 'masked: a 4-byte masking key follows; client→server frames MUST be masked',
  'frame.mask.0': 'not masked; server→client frames MUST NOT be masked',
  'frame.len': 'Payload len',
  'frame.len.7': 'the payload is {n} bytes (7-bit form, 0–125)',
  'frame.len.126': '126: the length is in the next 2 bytes (16-bit form)',
  'frame.len.127': '127: the length is in the next 8 bytes (64-bit form)',
  'frame.extLen': 'Extended payload length ({bits}-bit)',
  'frame.extLen.value': 'the payload is {n} bytes',
  'frame.cut': 'cut short: {have} of {total} bytes',
  'frame.maskingKey': 'Masking-key',
  'frame.maskingKey.xor': 'payload byte i is XORed with key byte i mod 4 (§5.3)',
  'frame.payload': 'Payload data',
  'frame.payload.unmasked': ' (shown unmasked)',
  'frame.payload.cut': 'cut short: {have} of {total} bytes{note}',
  'frame.payload.empty': 'empty payload',
  'frame.payload.close': 'close body{note}',
  'frame.payload.text': '{n} bytes: “{text}”{note}',
  'frame.payload.badUtf8': '{n} bytes of invalid UTF-8{note}',
  'frame.payload.binary': '{n} bytes of binary data{note}',
  'frame.closeCode': 'Status code',
  'frame.closeCode.short': 'a status code needs 2 bytes; 1 byte is invalid (§5.5.1)',
  'frame.closeCode.known': '{label}: {meaning}',
  'frame.closeCode.invalid': 'invalid in a close frame: {why}',
  'frame.closeReason': 'Reason',
  'frame.closeReason.badUtf8': 'not valid UTF-8 (§5.5.1 → 1007)',
  'frame.closeReason.text': '“{reason}”',
  'frame.payload.deflate': '{n} bytes of DEFLATE data, {inflated} bytes inflated{note}',
  'frame.deflateWindow': 'LZ77 window',
  'frame.deflateWindow.empty':
    'empty: the first compressed message, with nothing earlier to refer to ({size}-byte window)',
  'frame.deflateWindow.reset':
    'reset: compressed on its own (no context takeover), it refers to nothing sent before ({size}-byte window)',
  'frame.deflateWindow.kept':
    'kept: it may refer to up to {size} bytes of the messages before it (context takeover)',
  'frame.inflated': 'Inflated',
  'frame.inflated.text': '{n} bytes: “{text}”',
  'frame.inflated.binary': '{n} bytes of binary data',
  'frame.inflated.badUtf8': '{n} bytes, not valid UTF-8 as they stand',
  'frame.inflated.empty': 'nothing: an empty message or fragment',
  'frame.inflated.corrupt':
    'inflating failed here after {n} bytes: this is not valid DEFLATE data (RFC 7692 §6.2)',
  'frame.inflated.limit': 'inflating stopped here after {n} bytes: the message passed the size limit (1009)',
  'frame.deflateTail': 'Removed tail',
  'frame.deflateTail.value':
    'the sender removed 00 00 ff ff (an empty stored block) from the end; the receiver appends it before inflating (RFC 7692 §7.2.1, §7.2.2)',
} as const;
export type FieldTextId = keyof typeof FIELD_TEXTS;

const say = textsOf<typeof FIELD_TEXTS>();

const OPCODE_MEANING: Readonly<Record<number, `frame.opcode.0x${'0' | '1' | '2' | '8' | '9' | 'a'}`>> = {
  0x0: 'frame.opcode.0x0',
  0x1: 'frame.opcode.0x1',
  0x2: 'frame.opcode.0x2',
  0x8: 'frame.opcode.0x8',
  0x9: 'frame.opcode.0x9',
  0xa: 'frame.opcode.0xa',
};

/**
 * @param head the frame's bytes from its first byte; only the header part is read, and it may be cut short
 * @param payload the payload in clear (unmasked), possibly only its first bytes
 * @param payloadComplete whether `payload` is the whole payload
 */
export function frameFields(
  head: Uint8Array,
  payload: Uint8Array | null,
  payloadComplete: boolean,
  deflate: DeflateNote | null = null,
): FieldSpan[] {
  const out: FieldSpan[] = [];
  if (head.length < 1) return out;
  const b0 = head[0]!;
  const fin = bit(b0, 0);
  out.push({
    id: 'fin',
    name: say('frame.fin'),
    byteStart: 0,
    byteEnd: 1,
    bitStart: 0,
    bitLength: 1,
    raw: String(fin),
    complete: true,
    meaning: say(fin ? 'frame.fin.1' : 'frame.fin.0'),
  });
  for (const i of [1, 2, 3] as const) {
    const v = bit(b0, i);
    out.push({
      id: `rsv${i}`,
      name: say('frame.rsv', { n: i }),
      byteStart: 0,
      byteEnd: 1,
      bitStart: i,
      bitLength: 1,
      raw: String(v),
      complete: true,
      meaning: !v
        ? say('frame.rsv.0')
        : i === 1
          ? say(deflate?.window ? 'frame.rsv1.deflate' : 'frame.rsv1.1')
          : say('frame.rsv.1', { n: i }),
    });
  }
  const opcode = b0 & 0x0f;
  const known = OPCODE_MEANING[opcode];
  out.push({
    id: 'opcode',
    name: say('frame.opcode'),
    byteStart: 0,
    byteEnd: 1,
    bitStart: 4,
    bitLength: 4,
    raw: `0x${opcode.toString(16)}`,
    complete: true,
    meaning: known
      ? say(known)
      : say(isControl(opcode) ? 'frame.opcode.reservedControl' : 'frame.opcode.reservedData', {
          hex: opcode.toString(16),
        }),
  });
  if (head.length < 2) return out;
  const b1 = head[1]!;
  const masked = bit(b1, 0) === 1;
  out.push({
    id: 'mask',
    name: say('frame.mask'),
    byteStart: 1,
    byteEnd: 2,
    bitStart: 8,
    bitLength: 1,
    raw: masked ? '1' : '0',
    complete: true,
    meaning: say(masked ? 'frame.mask.1' : 'frame.mask.0'),
  });
  const len7 = b1 & 0x7f;
  out.push({
    id: 'payload-len',
    name: say('frame.len'),
    byteStart: 1,
    byteEnd: 2,
    bitStart: 9,
    bitLength: 7,
    raw: String(len7),
    complete: true,
    meaning:
      len7 <= 125 ? say('frame.len.7', { n: len7 }) : say(len7 === 126 ? 'frame.len.126' : 'frame.len.127'),
  });
  let p = 2;
  let length: number | null = len7 <= 125 ? len7 : null;
  if (len7 >= 126) {
    const n = len7 === 126 ? 2 : 8;
    const have = Math.min(n, head.length - p);
    let v = 0;
    for (let i = 0; i < have; i++) v = v * 256 + head[p + i]!;
    const complete = have === n;
    if (complete) length = v;
    out.push({
      id: 'ext-len',
      name: say('frame.extLen', { bits: n * 8 }),
      byteStart: p,
      byteEnd: p + n,
      bitStart: p * 8,
      bitLength: n * 8,
      raw: complete ? String(v) : hexPreview(head.subarray(p, p + have)),
      complete,
      meaning: complete ? say('frame.extLen.value', { n: v }) : say('frame.cut', { have, total: n }),
    });
    p += n;
  }
  if (masked && head.length > p) {
    const have = Math.min(4, head.length - p);
    out.push({
      id: 'masking-key',
      name: say('frame.maskingKey'),
      byteStart: p,
      byteEnd: p + 4,
      bitStart: p * 8,
      bitLength: 32,
      raw: hexPreview(head.subarray(p, p + have)),
      complete: have === 4,
      meaning: have === 4 ? say('frame.maskingKey.xor') : say('frame.cut', { have, total: 4 }),
    });
  }
  if (masked) p += 4;
  if (payload && length !== null && (payload.length > 0 || length === 0)) {
    out.push(
      deflate && payloadComplete
        ? compressedField(deflate, p, length, payload, masked)
        : payloadField(opcode, p, length, payload, payloadComplete, masked),
    );
  }
  return out;
}

/**
 * A compressed payload (RFC 7692 §7.2): the DEFLATE bytes, and as children what they stand for — the
 * window the message began with (first frame), the inflated bytes, the tail put back (last frame).
 */
function compressedField(
  note: DeflateNote,
  start: number,
  length: number,
  payload: Uint8Array,
  masked: boolean,
): FieldSpan {
  const end = start + length;
  const inflated = note.inflated;
  const at = (from: number, to: number) => ({
    byteStart: from,
    byteEnd: to,
    bitStart: from * 8,
    bitLength: (to - from) * 8,
    complete: true,
    virtual: true as const,
  });
  const children: FieldSpan[] = [];
  if (note.window) {
    const size = 2 ** note.windowBits;
    children.push({
      id: 'deflate-window',
      name: say('frame.deflateWindow'),
      ...at(start, start),
      raw: `2^${note.windowBits}`,
      meaning:
        note.window === 'kept'
          ? say('frame.deflateWindow.kept', { size })
          : say(note.window === 'empty' ? 'frame.deflateWindow.empty' : 'frame.deflateWindow.reset', {
              size,
            }),
    });
  }
  children.push({
    id: 'inflated',
    name: say('frame.inflated'),
    ...at(start, end),
    raw: hexPreview(inflated),
    meaning: inflatedMeaning(note, inflated),
  });
  if (note.tail && note.problem === null) {
    children.push({
      id: 'deflate-tail',
      name: say('frame.deflateTail'),
      ...at(end, end),
      raw: '00 00 ff ff',
      meaning: say('frame.deflateTail.value'),
    });
  }
  return {
    id: 'payload',
    name: say('frame.payload'),
    byteStart: start,
    byteEnd: end,
    bitStart: start * 8,
    bitLength: length * 8,
    raw: hexPreview(payload),
    complete: true,
    meaning: say('frame.payload.deflate', {
      n: length,
      inflated: inflated.length,
      note: masked ? say('frame.payload.unmasked') : '',
    }),
    children,
  };
}

function inflatedMeaning(note: DeflateNote, inflated: Uint8Array): Text<FieldTextId> {
  const n = inflated.length;
  if (note.problem === 'corrupt') return say('frame.inflated.corrupt', { n });
  if (note.problem === 'limit') return say('frame.inflated.limit', { n });
  if (n === 0) return say('frame.inflated.empty');
  // A frame's share of a text message may end inside a character: undecodable alone, fine together.
  const text = decodeUtf8(inflated);
  if (text === null)
    return say(isLikelyText(inflated) ? 'frame.inflated.badUtf8' : 'frame.inflated.binary', { n });
  if (!isPrintable(text)) return say('frame.inflated.binary', { n });
  return say('frame.inflated.text', {
    n,
    text: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
  });
}

/** Mostly printable ASCII: text cut mid-character rather than binary data. */
function isLikelyText(b: Uint8Array): boolean {
  let printable = 0;
  const n = Math.min(b.length, 256);
  for (let i = 0; i < n; i++) if ((b[i]! >= 0x20 && b[i]! < 0x7f) || b[i]! >= 0x80) printable++;
  return printable >= n * 0.9;
}

function payloadField(
  opcode: number,
  start: number,
  length: number,
  payload: Uint8Array,
  complete: boolean,
  masked: boolean,
): FieldSpan {
  const base = {
    id: 'payload' as const,
    name: say('frame.payload'),
    byteStart: start,
    byteEnd: start + length,
    bitStart: start * 8,
    bitLength: length * 8,
    raw: hexPreview(payload),
    complete,
  };
  const note: TextParam = masked ? say('frame.payload.unmasked') : '';
  if (!complete) {
    return { ...base, meaning: say('frame.payload.cut', { have: payload.length, total: length, note }) };
  }
  if (length === 0) return { ...base, meaning: say('frame.payload.empty') };
  if (opcode === 0x8)
    return {
      ...base,
      meaning: say('frame.payload.close', { note }),
      children: closeChildren(start, payload),
    };
  if (opcode === 0x1 || opcode === 0x0 || opcode === 0x9 || opcode === 0xa) {
    const text = decodeUtf8(payload);
    if (text !== null && (opcode === 0x1 || isPrintable(text))) {
      const shown = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
      return { ...base, meaning: say('frame.payload.text', { n: length, text: shown, note }) };
    }
  }
  return {
    ...base,
    meaning: say(opcode === 0x1 ? 'frame.payload.badUtf8' : 'frame.payload.binary', { n: length, note }),
  };
}

function isPrintable(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(s);
}

function closeChildren(start: number, payload: Uint8Array): FieldSpan[] {
  if (payload.length < 2) {
    return [
      {
        id: 'close-code',
        name: say('frame.closeCode'),
        byteStart: start,
        byteEnd: start + 2,
        bitStart: start * 8,
        bitLength: 16,
        raw: hexPreview(payload),
        complete: false,
        meaning: say('frame.closeCode.short'),
      },
    ];
  }
  const code = (payload[0]! << 8) | payload[1]!;
  const check = checkCloseCode(code);
  const meaning = closeCodeMeaning(code);
  const children: FieldSpan[] = [
    {
      id: 'close-code',
      name: say('frame.closeCode'),
      byteStart: start,
      byteEnd: start + 2,
      bitStart: start * 8,
      bitLength: 16,
      raw: String(code),
      complete: true,
      meaning: !check.ok
        ? say('frame.closeCode.invalid', { why: check.why })
        : meaning
          ? say('frame.closeCode.known', { label: closeCodeLabel(code), meaning })
          : closeCodeLabel(code),
    },
  ];
  if (payload.length > 2) {
    const reason = decodeUtf8(payload.subarray(2));
    children.push({
      id: 'close-reason',
      name: say('frame.closeReason'),
      byteStart: start + 2,
      byteEnd: start + payload.length,
      bitStart: (start + 2) * 8,
      bitLength: (payload.length - 2) * 8,
      raw: hexPreview(payload.subarray(2)),
      complete: true,
      meaning: reason === null ? say('frame.closeReason.badUtf8') : say('frame.closeReason.text', { reason }),
    });
  }
  return children;
}

/** Field map of raw wire bytes that may be cut short anywhere: the payload is unmasked for display. */
export function wireFields(raw: Uint8Array): FieldSpan[] {
  if (raw.length < 2) return frameFields(raw, null, false);
  const len7 = raw[1]! & 0x7f;
  const masked = (raw[1]! & 0x80) !== 0;
  const extra = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
  const hlen = 2 + extra + (masked ? 4 : 0);
  if (raw.length < hlen) return frameFields(raw, null, false);
  let length = len7;
  if (extra) {
    length = 0;
    for (let i = 0; i < extra; i++) length = length * 256 + raw[2 + i]!;
  }
  const avail = raw.subarray(hlen, hlen + Math.min(length, raw.length - hlen));
  const clear = avail.slice();
  if (masked) applyMask(clear, raw.subarray(hlen - 4, hlen));
  return frameFields(raw.subarray(0, hlen), clear, clear.length === length);
}
