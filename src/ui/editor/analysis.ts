/**
 * The editor's view model, recomputed on every keystroke: text → bytes (parseHex) and where each byte
 * sits in the text (hexmap) → what the receiving endpoint makes of them (inspectBytes) → the frames
 * with their field maps, the coloured byte ranges and the problems to mark.
 *
 * Bounded: the work per keystroke is a few linear passes over the text and the bytes (parse, map,
 * decode); everything that grows with the number of fields or frames is capped (64 frames get field
 * maps and colours; a payload is one coloured range however long it is).
 */
import {
  errorText,
  inspectBytes,
  parseHex,
  wireFields,
  type DecodedFrame,
  type Direction,
  type FieldSpan,
  type Inspection,
  type ProtocolError,
} from '../../protocol/index.ts';
import { type Lang } from '../../i18n/index.ts';
import { renderText } from '../../i18n/text.ts';
import { mapHexText, strayChars, type HexMap, type HexMapScratch } from './hexmap.ts';

/** Bytes decoded at most; a bigger paste is counted and cut (and the learner is told). */
export const EDIT_LIMIT = 1 << 20;
/** Frames that get a field map, colours and a place in the frame list. */
export const FRAME_VIEW_LIMIT = 64;
/** Extra markers for stray characters after the first one. */
const STRAY_MARKERS = 50;

export { CATEGORY, type Category } from '../decoder/model.ts';
import { CATEGORY, INFLATE_LIMIT, type Category, type DeflateOption } from '../decoder/model.ts';

export interface FrameView {
  /** 0-based position among the frames of the text. */
  readonly index: number;
  /** Offset of its first byte in the input. */
  readonly offset: number;
  /** Bytes of the input that belong to it (fewer than its size when it is cut short). */
  readonly length: number;
  /** The engine's field map (empty for bytes the receiver never read). */
  readonly fields: readonly FieldSpan[];
  /** The decoded frame, when the receiver accepted one. */
  readonly frame: DecodedFrame | null;
  /**
   * ok: decoded; error: the receiver failed the connection on it; need: cut short;
   * unread: bytes after a failure, which the receiver never reads.
   */
  readonly status: 'ok' | 'error' | 'need' | 'unread';
}

export type InputProblem =
  | { readonly kind: 'not-hex'; readonly index: number; readonly char: string }
  | { readonly kind: 'odd-digits'; readonly index: number };

export interface Analysis {
  readonly text: string;
  readonly dir: Direction;
  /** permessage-deflate as if negotiated (RFC 7692), or null: what RSV1 means to the receiver. */
  readonly deflate: DeflateOption | null;
  readonly map: HexMap;
  readonly bytes: Uint8Array;
  readonly inspection: Inspection;
  readonly frames: readonly FrameView[];
  /** Decoded frames beyond FRAME_VIEW_LIMIT (decoded, but without colours or a field list). */
  readonly moreFrames: number;
  readonly input: InputProblem | null;
  readonly error: ProtocolError | null;
  /** Bytes in the text beyond EDIT_LIMIT, or beyond the receiver's frame limit: not decoded. */
  readonly cut: null | { readonly decoded: number; readonly total: number };
}

/** @param scratch reused storage for the byte map (see HexMapScratch): the previous analysis's map is then invalid. */
export function analyze(
  text: string,
  dir: Direction,
  scratch?: HexMapScratch,
  deflate: DeflateOption | null = null,
): Analysis {
  const parsed = parseHex(text, EDIT_LIMIT);
  const map = mapHexText(text, EDIT_LIMIT, scratch);
  let bytes = parsed.bytes;
  let input: InputProblem | null = null;
  let cut: Analysis['cut'] = null;
  if (!parsed.ok) {
    const e = parsed.error;
    if (e.kind === 'not-hex')
      input = {
        kind: 'not-hex',
        index: e.index,
        char: map.error?.kind === 'not-hex' ? map.error.char : e.char,
      };
    else if (e.kind === 'odd-digits') input = { kind: 'odd-digits', index: e.index };
  } else if (parsed.truncated) {
    cut = { decoded: bytes.length, total: parsed.truncated.total };
  }
  const inspection = inspectBytes(bytes, dir, deflate ? { deflate, maxMessageSize: INFLATE_LIMIT } : {});
  if (inspection.decodedBytes < bytes.length) {
    cut = { decoded: inspection.decodedBytes, total: cut?.total ?? bytes.length };
    bytes = bytes.subarray(0, inspection.decodedBytes);
  }
  const { frames: decoded, end } = inspection;
  const error = end.kind === 'error' ? end.error : null;
  const frames: FrameView[] = [];
  for (let i = 0; i < decoded.length && i < FRAME_VIEW_LIMIT; i++) {
    const f = decoded[i]!;
    frames.push({ index: i, offset: f.offset, length: f.size, fields: f.fields, frame: f, status: 'ok' });
  }
  if (decoded.length <= FRAME_VIEW_LIMIT) {
    const partial = end.kind === 'need' || end.kind === 'error' ? end.partial : null;
    if (error && !partial && frames.length) {
      // The violation is inside the last frame read (bad UTF-8, a bad close code…).
      frames[frames.length - 1] = { ...frames[frames.length - 1]!, status: 'error' };
    }
    if (partial) {
      // After a close frame the receiver reads nothing more (§5.5.1): what follows is not "cut short".
      const afterClose = end.kind === 'need' && decoded.some((f) => f.opcode === 0x8);
      frames.push({
        index: decoded.length,
        offset: partial.offset,
        length: bytes.length - partial.offset,
        fields: afterClose ? [] : partial.fields,
        frame: null,
        status: end.kind === 'error' ? 'error' : afterClose ? 'unread' : 'need',
      });
    }
    const failing = frames[frames.length - 1];
    if (error && failing) {
      // After a failure the receiver reads nothing more: the bytes after the failing frame are unread.
      const frameEnd = frameEndOf(failing);
      if (frameEnd < bytes.length) {
        frames[frames.length - 1] = { ...failing, length: frameEnd - failing.offset };
        frames.push({
          index: failing.index + 1,
          offset: frameEnd,
          length: bytes.length - frameEnd,
          fields: [],
          frame: null,
          status: 'unread',
        });
      }
    }
  }
  return {
    text,
    dir,
    deflate,
    map,
    bytes,
    inspection,
    frames,
    moreFrames: Math.max(0, decoded.length - FRAME_VIEW_LIMIT),
    input,
    error,
    cut,
  };
}

/** Where a frame ends according to its field map (its declared size), clipped to what is there. */
function frameEndOf(v: FrameView): number {
  let end = v.offset + v.length;
  const payload = v.fields.find((f) => f.id === 'payload');
  if (payload) end = Math.min(end, v.offset + payload.byteEnd);
  else {
    // No payload field: the header is cut short, or the receiver failed before the payload.
    const declared = declaredSize(v.fields);
    if (declared !== null) end = Math.min(end, v.offset + declared);
  }
  return end;
}

/** Header length + payload length, when the field map has both. */
export function declaredSize(fields: readonly FieldSpan[]): number | null {
  let headerEnd = 0;
  let length: number | null = null;
  let headerDone = false;
  for (const f of fields) {
    if (f.id === 'payload') return f.byteEnd;
    if (!f.complete) return null;
    headerEnd = Math.max(headerEnd, f.byteEnd);
    if (f.id === 'payload-len') {
      const len7 = Number(f.raw);
      if (len7 <= 125) length = len7;
      headerDone = true;
    }
    if (f.id === 'ext-len') length = Number(f.raw);
  }
  const masked = fields.find((f) => f.id === 'mask')?.raw === '1';
  if (!headerDone || length === null) return null;
  if (masked && !fields.some((f) => f.id === 'masking-key' && f.complete)) return null;
  return headerEnd + length;
}

/** The frame a byte belongs to (the last frame for a byte past the end). */
export function frameAtByte(a: Analysis, byte: number): FrameView | null {
  const fs = a.frames;
  if (!fs.length) return null;
  let lo = 0,
    hi = fs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (fs[mid]!.offset <= byte) lo = mid;
    else hi = mid - 1;
  }
  return fs[lo]!;
}

/** A run of bytes with one colour: absolute byte offsets, end exclusive. */
export interface ColourRun {
  readonly start: number;
  readonly end: number;
  readonly category: Category | 'unread';
}

/**
 * One run per field (not per byte): a 64 KiB payload is one run. Byte 0 (FIN, RSV1–3, opcode) is one
 * run, byte 1 (MASK, Payload len) another. Close code and reason colour their parts of the payload.
 */
export function colourRuns(a: Analysis): ColourRun[] {
  const runs: ColourRun[] = [];
  const total = a.bytes.length;
  for (const v of a.frames) {
    const end = Math.min(total, v.offset + v.length);
    if (v.status === 'unread') {
      if (v.offset < end) runs.push({ start: v.offset, end, category: 'unread' });
      continue;
    }
    const seen = new Set<number>();
    const push = (f: FieldSpan): void => {
      const s = v.offset + f.byteStart;
      const e = Math.min(end, v.offset + f.byteEnd);
      if (s >= e || seen.has(s)) return;
      seen.add(s);
      runs.push({ start: s, end: e, category: CATEGORY[f.id] });
    };
    for (const f of v.fields) {
      if (f.children?.length) {
        const covered = f.children.reduce((n, c) => Math.max(n, c.byteEnd), f.byteStart);
        for (const c of f.children) push(c);
        if (covered < f.byteEnd) push({ ...f, byteStart: covered });
      } else push(f);
    }
  }
  return runs;
}

export interface Problem {
  /** Text offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly kind: 'protocol' | 'input';
}

/** Text of the input problems; kept here so the marker and the status line say the same. */
export interface InputTexts {
  notHex(char: string): string;
  oddDigits(): string;
}

/** What Monaco marks: the receiver's error on its bytes, and every character parseHex cannot read. */
export function problemsOf(a: Analysis, lang: Lang, texts: InputTexts): Problem[] {
  const out: Problem[] = [];
  const { map } = a;
  if (a.input?.kind === 'not-hex') {
    out.push({
      start: a.input.index,
      end: a.input.index + a.input.char.length,
      message: texts.notHex(a.input.char),
      kind: 'input',
    });
    for (const s of strayChars(a.text, a.input.index + a.input.char.length, STRAY_MARKERS)) {
      out.push({
        start: s.index,
        end: s.index + s.char.length,
        message: texts.notHex(s.char),
        kind: 'input',
      });
    }
  } else if (a.input?.kind === 'odd-digits') {
    out.push({ start: a.input.index, end: a.input.index + 1, message: texts.oddDigits(), kind: 'input' });
  }
  const e = a.error;
  if (e && map.count > 0) {
    const [from, length] = blamed(a, e);
    const first = Math.min(from, a.bytes.length - 1, map.count - 1);
    const last = Math.min(first + Math.max(1, length), a.bytes.length, map.count) - 1;
    out.push({
      start: map.starts[first]!,
      end: map.ends[last]!,
      message: renderText(lang, errorText(e)),
      kind: 'protocol',
    });
  }
  return out;
}

/**
 * The bytes an error is about. The engine points at the first payload byte when DEFLATE data cannot be
 * inflated or inflates past the limit (RFC 7692 §6.2, RFC 6455 §10.4): zlib cannot say which byte is at
 * fault, so the whole compressed payload of that frame is marked.
 */
function blamed(a: Analysis, e: ProtocolError): [number, number] {
  const offset = e.offset ?? 0;
  if (e.rule === 'deflate-corrupt' || e.rule === 'inflated-too-big') {
    const v = frameAtByte(a, offset);
    const payload = v?.fields.find((f) => f.id === 'payload');
    if (v && payload && payload.byteEnd > payload.byteStart) {
      return [v.offset + payload.byteStart, payload.byteEnd - payload.byteStart];
    }
  }
  return [offset, e.length ?? 1];
}

/** The field map of the frame at `offset`, read fresh from the bytes (for a frame not in the analysis). */
export function fieldsAt(bytes: Uint8Array, offset: number): FieldSpan[] {
  return wireFields(bytes.subarray(offset));
}
