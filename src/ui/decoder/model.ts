/**
 * The decoder's view model: text typed by a learner → the engine's inspection → cards (one per frame)
 * with rows (the field tree) and byte segments (the coloured hex pane), linked by field keys.
 * Pure: no DOM, no Svelte. All protocol knowledge comes from `src/protocol`; this file only arranges it.
 */
import {
  inspectBytes,
  parseHex,
  toHex,
  type DecodedFrame,
  type Direction,
  type FieldId,
  type FieldSpan,
  type InspectOptions,
  type Inspection,
  type ProtocolError,
} from '../../protocol/index.ts';
import { URL_HEX_LIMIT } from '../route.ts';

/** At most this many bytes are decoded; the rest of a huge paste is counted, not decoded. */
export const DECODE_LIMIT = 1 << 20;
/** The hex pane renders one element per byte, so only this many bytes get one. */
export const HEX_VIEW_LIMIT = 4096;
/** Field tables are rendered for this many frames at most. */
export const CARD_LIMIT = 64;
/**
 * With permessage-deflate, a message may inflate to at most this many bytes (then 1009, RFC 6455 §10.4):
 * 1 MiB of DEFLATE can stand for a gigabyte, which a tab must not try to hold. 8 MiB still shows any
 * message a learner pastes, and a decompression bomb stops within a few milliseconds.
 */
export const INFLATE_LIMIT = 8 << 20;

/** permessage-deflate as if negotiated with these parameters, once its codec is loaded. */
export type DeflateOption = NonNullable<InspectOptions['deflate']>;

/** The field palette (global.css `.cat-*`), by field: the decoder, the inspector and the editor share it. */
export type Category = 'b0' | 'b1' | 'len' | 'key' | 'payload' | 'code' | 'reason' | 'none';

export const CATEGORY: Record<FieldId, Category> = {
  fin: 'b0',
  rsv1: 'b0',
  rsv2: 'b0',
  rsv3: 'b0',
  opcode: 'b0',
  mask: 'b1',
  'payload-len': 'b1',
  'ext-len': 'len',
  'masking-key': 'key',
  payload: 'payload',
  'close-code': 'code',
  'close-reason': 'reason',
  // permessage-deflate's children of a compressed payload (virtual: what the bytes stand for).
  'deflate-window': 'payload',
  inflated: 'payload',
  'deflate-tail': 'payload',
};

export interface FieldRow {
  /** Unique in the whole view: card id + field id. */
  readonly key: string;
  readonly field: FieldSpan;
  readonly depth: number;
  readonly ancestors: readonly string[];
  readonly category: Category;
}

export interface Segment {
  /** Byte range relative to the card's first byte, end exclusive (already clipped to what is shown). */
  readonly start: number;
  readonly end: number;
  readonly category: Category;
  /** The innermost fields these bytes belong to… */
  readonly keys: readonly string[];
  /** …plus their parents: the rows lit when these bytes are hovered. */
  readonly rowKeys: readonly string[];
  /** The bytes lit with them: the union of those innermost fields' spans. */
  readonly linkStart: number;
  readonly linkEnd: number;
  /** Part of the bytes the receiver's error points at. */
  readonly error: boolean;
  /** The bytes as "48 65 6c": one text node per segment, not one element per byte. */
  readonly hex: string;
}

export type CardKind = 'frame' | 'partial' | 'unread';

export interface Card {
  readonly id: string;
  readonly kind: CardKind;
  /** 1-based frame number as shown to the learner (for partial frames: the number it would have). */
  readonly number: number;
  /** Offset of the card's first byte in the input. */
  readonly offset: number;
  /** Bytes of the input this card covers. */
  readonly bytes: Uint8Array;
  /** How many of them the hex pane renders (the global HEX_VIEW_LIMIT budget). */
  readonly shown: number;
  readonly rows: readonly FieldRow[];
  readonly segments: readonly Segment[];
  readonly frame: DecodedFrame | null;
  /** The frame came after a close frame: the receiver discards it (§5.5.1). */
  readonly ignored: boolean;
}

export type InputState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly truncated: null | { readonly limit: number; readonly total: number } }
  | {
      readonly kind: 'not-hex' | 'odd-digits';
      readonly index: number;
      readonly char: string;
      readonly line: number;
      readonly column: number;
    };

export interface Decoding {
  readonly input: InputState;
  readonly bytes: Uint8Array;
  readonly inspection: Inspection;
  readonly cards: readonly Card[];
  /** Decoded frames without a card (beyond CARD_LIMIT). */
  readonly hiddenFrames: number;
  /** Bytes the hex pane renders, of `bytes.length`. */
  readonly hexShown: number;
  /** A fragmented message was started (FIN = 0) and not finished. */
  readonly messageOpen: boolean;
  readonly error: ProtocolError | null;
}

export function decodeInput(text: string, dir: Direction, deflate: DeflateOption | null = null): Decoding {
  const parsed = parseHex(text, DECODE_LIMIT);
  let bytes = parsed.bytes;
  let input: InputState;
  if (!parsed.ok) {
    if (parsed.error.kind === 'too-long') {
      // parseHex reports a limit through `truncated`; this kind is not produced for a parse with a limit.
      input = { kind: 'ok', truncated: { limit: parsed.error.limit, total: parsed.error.total } };
    } else {
      const index = parsed.error.index;
      const { line, column } = lineColumn(text, index);
      const cp = text.codePointAt(index);
      const char = cp === undefined ? '' : String.fromCodePoint(cp);
      input = { kind: parsed.error.kind, index, char, line, column };
    }
  } else if (bytes.length === 0) {
    input = { kind: 'empty' };
  } else {
    input = { kind: 'ok', truncated: parsed.truncated };
  }
  const inspection = inspectBytes(bytes, dir, deflate ? { deflate, maxMessageSize: INFLATE_LIMIT } : {});
  if (inspection.decodedBytes < bytes.length && input.kind === 'ok') {
    // The engine stopped at its frame limit: say so the same way as for a cut paste.
    input = {
      kind: 'ok',
      truncated: { limit: inspection.decodedBytes, total: input.truncated?.total ?? bytes.length },
    };
    bytes = bytes.subarray(0, inspection.decodedBytes);
  }
  return { input, bytes, inspection, ...arrange(bytes, inspection) };
}

/**
 * zlib's word (pako keeps zlib's messages, inflate.c) for a back-reference to bytes before the start of
 * what it has inflated: the only way DEFLATE data that is valid on its connection fails to inflate when
 * the window it was compressed against is missing.
 */
const TOO_FAR_BACK = /distance too far back/i;

/**
 * The bytes' first compressed message refers to an earlier message that is not in them (RFC 7692
 * §7.2.3.2, context takeover): its sender keeps its LZ77 window across messages, so on its connection the
 * receiver inflates it from the window it kept, while this decoder starts from an empty one. Then the
 * engine's 1002 (§6.2) is the decoder's lack of history, not a fault in the bytes; say that instead.
 * A message after another one in the bytes, or a sender without context takeover, keeps the 1002.
 */
export function windowNotInBytes(d: Decoding, dir: Direction, deflate: DeflateOption | null): boolean {
  const error = d.error;
  if (!deflate || !error || error.rule !== 'deflate-corrupt') return false;
  const p = deflate.params;
  if (dir === 'c2s' ? p.clientNoContextTakeover : p.serverNoContextTakeover) return false;
  const detail = error.message.params?.['detail'];
  if (typeof detail !== 'string' || !TOO_FAR_BACK.test(detail)) return false;
  const at = error.offset ?? Number.POSITIVE_INFINITY;
  const starts = d.inspection.frames.filter((f) => f.offset <= at && f.deflate?.window != null);
  return starts.length === 1 && starts[0]!.deflate!.window === 'empty';
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1,
    lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function arrange(
  bytes: Uint8Array,
  inspection: Inspection,
): Pick<Decoding, 'cards' | 'hiddenFrames' | 'hexShown' | 'messageOpen' | 'error'> {
  const { frames, end } = inspection;
  const error = end.kind === 'error' ? end.error : null;
  let errStart = error?.offset ?? -1;
  let errEnd = error && error.offset !== undefined ? error.offset + Math.max(1, error.length ?? 1) : -1;
  // DEFLATE data that cannot be inflated, or inflates past the limit (RFC 7692 §6.2, RFC 6455 §10.4):
  // the engine points at the payload's first byte, since zlib cannot say which byte is at fault, so
  // the whole compressed payload is the error's.
  if (error && (error.rule === 'deflate-corrupt' || error.rule === 'inflated-too-big')) {
    const f = frames.find((x) => x.offset <= errStart && errStart < x.offset + x.size);
    const payload = f?.fields.find((x) => x.id === 'payload');
    if (f && payload) {
      errStart = f.offset + payload.byteStart;
      errEnd = f.offset + payload.byteEnd;
    }
  }
  let budget = HEX_VIEW_LIMIT;
  const cards: Card[] = [];

  const add = (
    id: string,
    kind: CardKind,
    number: number,
    offset: number,
    length: number,
    fields: readonly FieldSpan[],
    frame: DecodedFrame | null,
    ignored: boolean,
  ): void => {
    const shown = Math.min(length, budget);
    budget -= shown;
    const rows = flatten(id, fields);
    const segments = segmentsOf(
      bytes.subarray(offset, offset + shown),
      rows,
      shown,
      length,
      errStart - offset,
      errEnd - offset,
    );
    cards.push({
      id,
      kind,
      number,
      offset,
      bytes: bytes.subarray(offset, offset + length),
      shown,
      rows,
      segments,
      frame,
      ignored,
    });
  };

  let closeSeen = false;
  let messageOpen = false;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    const ignored = closeSeen;
    if (!ignored) {
      if (f.opcode === 0x1 || f.opcode === 0x2) messageOpen = !f.fin;
      else if (f.opcode === 0x0 && f.fin) messageOpen = false;
      else if (f.opcode === 0x8) closeSeen = true;
    }
    if (i < CARD_LIMIT) add(`f${i}`, 'frame', i + 1, f.offset, f.size, f.fields, f, ignored);
  }
  const last = frames[frames.length - 1];
  const next = last ? last.offset + last.size : 0;
  if ((end.kind === 'need' || end.kind === 'error') && end.partial) {
    const p = end.partial;
    add('p', 'partial', frames.length + 1, p.offset, bytes.length - p.offset, p.fields, null, false);
  } else if (end.kind === 'error' && next < bytes.length) {
    add('u', 'unread', frames.length + 1, next, bytes.length - next, [], null, false);
  }
  let hexShown = 0;
  for (const c of cards) hexShown += c.shown;
  return {
    cards,
    hiddenFrames: Math.max(0, frames.length - CARD_LIMIT),
    hexShown,
    messageOpen: messageOpen && !closeSeen,
    error,
  };
}

function flatten(cardId: string, fields: readonly FieldSpan[]): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (list: readonly FieldSpan[], depth: number, ancestors: readonly string[]): void => {
    for (const field of list) {
      const key = `${cardId}:${field.id}`;
      rows.push({ key, field, depth, ancestors, category: CATEGORY[field.id] });
      if (field.children?.length) walk(field.children, depth + 1, [...ancestors, key]);
    }
  };
  walk(fields, 0, []);
  return rows;
}

/**
 * Cut [0, shown) at every field edge (and the error's edges): each piece belongs to one set of
 * innermost fields. Byte 0 is one piece owned by FIN, RSV1–3 and opcode together.
 */
function segmentsOf(
  bytes: Uint8Array,
  rows: readonly FieldRow[],
  shown: number,
  length: number,
  errStart: number,
  errEnd: number,
): Segment[] {
  // A compressed payload's children (the inflated bytes, the window, the tail) are what the bytes stand
  // for, not bytes of their own: the DEFLATE bytes stay the payload's, and the children light up with it.
  const leaves = rows.filter((r) => !r.field.virtual && !r.field.children?.some((c) => !c.virtual));
  const clip = (n: number): number => Math.max(0, Math.min(shown, n));
  const cuts = new Set<number>([0, shown, clip(errStart), clip(errEnd)]);
  for (const r of leaves) {
    cuts.add(clip(r.field.byteStart));
    cuts.add(clip(r.field.byteEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!,
      b = points[i + 1]!;
    if (a >= b) continue;
    const owners = leaves.filter((r) => r.field.byteStart <= a && r.field.byteEnd >= b);
    const keys = owners.map((r) => r.key);
    const rowKeys = [...new Set(owners.flatMap((r) => [...r.ancestors, r.key]))];
    let linkStart = a,
      linkEnd = b;
    for (const r of owners) {
      linkStart = Math.min(linkStart, r.field.byteStart);
      linkEnd = Math.max(linkEnd, Math.min(length, r.field.byteEnd));
    }
    out.push({
      start: a,
      end: b,
      category: owners[0]?.category ?? 'none',
      keys,
      rowKeys,
      linkStart,
      linkEnd,
      error: a < errEnd && b > errStart,
      hex: toHex(bytes.subarray(a, b)),
    });
  }
  return out;
}

/** What the lit bytes and rows are: from hovering, focusing or selecting a field or its bytes. */
export interface Highlight {
  readonly card: string;
  readonly rowKeys: readonly string[];
  readonly start: number;
  readonly end: number;
}

export function highlightOfRow(card: Card, row: FieldRow): Highlight {
  return {
    card: card.id,
    rowKeys: [row.key],
    start: row.field.byteStart,
    end: Math.min(card.bytes.length, row.field.byteEnd),
  };
}

export function highlightOfSegment(card: Card, seg: Segment): Highlight {
  return { card: card.id, rowKeys: seg.rowKeys, start: seg.linkStart, end: seg.linkEnd };
}

/** The `hex` link parameter for this input, bounded to URL_HEX_LIMIT characters. */
export function shareParam(text: string, decoding: Decoding): { param: string; cut: boolean } {
  const { input, bytes } = decoding;
  if (input.kind === 'ok' || input.kind === 'empty') {
    const maxBytes = URL_HEX_LIMIT / 2;
    return {
      param: toHex(bytes.subarray(0, maxBytes), ''),
      cut: bytes.length > maxBytes || (input.kind === 'ok' && input.truncated !== null),
    };
  }
  // Not hex: keep what was typed (bounded) so the link reproduces the same lesson.
  const head = text.length > URL_HEX_LIMIT * 4 ? text.slice(0, URL_HEX_LIMIT * 4) : text;
  const squeezed = head.replace(/\s+/g, ' ').trim();
  const kept = squeezed.slice(0, URL_HEX_LIMIT);
  return { param: encodeURIComponent(kept), cut: squeezed.length > URL_HEX_LIMIT || head !== text };
}

/** Human-facing byte span of a field: bit span inside one byte, or a byte range. */
export type SpanLabel =
  | { readonly kind: 'bit'; readonly byte: number; readonly bit: number }
  | { readonly kind: 'bits'; readonly byte: number; readonly from: number; readonly to: number }
  | { readonly kind: 'byte'; readonly byte: number }
  | { readonly kind: 'bytes'; readonly from: number; readonly to: number }
  | { readonly kind: 'none' };

export function spanOf(f: FieldSpan): SpanLabel {
  if (f.bitLength < 8 && f.byteEnd - f.byteStart === 1) {
    const bit = f.bitStart - f.byteStart * 8;
    return f.bitLength === 1
      ? { kind: 'bit', byte: f.byteStart, bit }
      : { kind: 'bits', byte: f.byteStart, from: bit, to: bit + f.bitLength - 1 };
  }
  if (f.byteEnd <= f.byteStart) return { kind: 'none' };
  if (f.byteEnd - f.byteStart === 1) return { kind: 'byte', byte: f.byteStart };
  return { kind: 'bytes', from: f.byteStart, to: f.byteEnd - 1 };
}

/** Where a field's bits sit in its byte: the byte's 8 bits with the field's own marked. */
export function bitsOf(
  f: FieldSpan,
  frameBytes: Uint8Array,
): { bits: string; from: number; to: number } | null {
  if (f.bitLength >= 8 || f.byteEnd - f.byteStart !== 1) return null;
  const byte = frameBytes[f.byteStart];
  if (byte === undefined) return null;
  const from = f.bitStart - f.byteStart * 8;
  return { bits: byte.toString(2).padStart(8, '0'), from, to: from + f.bitLength };
}

/** A short text excerpt around `index`, for pointing at a bad character. */
export function excerptAround(
  text: string,
  index: number,
  radius = 16,
): { before: string; at: string; after: string } {
  const start = Math.max(0, index - radius);
  const width = (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  const end = Math.min(text.length, index + width + radius);
  const clean = (s: string): string => s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
  return {
    before: (start > 0 ? '…' : '') + clean(text.slice(start, index)),
    at: clean(text.slice(index, index + width)),
    after: clean(text.slice(index + width, end)) + (end < text.length ? '…' : ''),
  };
}
