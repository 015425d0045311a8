/**
 * How bytes are laid out as text in the editor, and how an edit made in the field tree becomes the
 * smallest text edit: a learner's spacing, line breaks and `#` comments survive a toggle of FIN, and
 * undo puts back exactly what was there.
 *
 * Layout: each frame's header on a line of its own, then its payload 16 bytes per line (where the
 * field map says the header ends). The field map is the engine's (`wireFields`); nothing is decoded here.
 */
import { toHex, wireFields } from '../../protocol/index.ts';
import type { HexMap } from './hexmap.ts';

export const BYTES_PER_LINE = 16;
/** Frames laid out one by one; the rest of a long paste is laid out 16 bytes per line. */
const LAYOUT_FRAMES = 1000;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Where a frame's header ends and where the frame ends, from the engine's field map. */
export function frameExtent(bytes: Uint8Array, offset: number): { headerEnd: number; end: number } {
  const fields = wireFields(bytes.subarray(offset));
  let headerEnd = offset;
  let end = bytes.length;
  for (const f of fields) {
    if (f.id === 'payload') end = Math.min(bytes.length, offset + f.byteEnd);
    else headerEnd = Math.max(headerEnd, Math.min(bytes.length, offset + f.byteEnd));
  }
  if (!fields.some((f) => f.id === 'payload')) {
    // The header is cut short or the payload has not begun: the frame is everything that is there.
    end = bytes.length;
  }
  return { headerEnd, end: Math.max(end, headerEnd) };
}

/** Bytes [from, to) as lines of at most 16 "xx" separated by spaces. */
function lines16(bytes: Uint8Array, from: number, to: number, out: string[]): void {
  for (let o = from; o < to; o += BYTES_PER_LINE) {
    const row: string[] = [];
    for (let i = o; i < Math.min(to, o + BYTES_PER_LINE); i++) row.push(HEX[bytes[i]!]!);
    out.push(row.join(' '));
  }
}

/** The editor's text for these bytes: a header line per frame, then its payload 16 bytes per line. */
export function layoutBytes(bytes: Uint8Array): string {
  const out: string[] = [];
  let offset = 0;
  for (let n = 0; offset < bytes.length && n < LAYOUT_FRAMES; n++) {
    const { headerEnd, end } = frameExtent(bytes, offset);
    out.push(toHex(bytes.subarray(offset, headerEnd)));
    lines16(bytes, headerEnd, end, out);
    if (end <= offset) break;
    offset = end;
  }
  lines16(bytes, offset, bytes.length, out);
  return out.join('\n');
}

/** A single replacement in a text: [start, end) becomes `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The text edit that turns bytes [from, from + old.length) of the text into `next`.
 *
 * Only the bytes that differ are touched (common prefix and suffix are kept). When as many bytes are
 * replaced as there were, their digits are rewritten in place and everything between them (spaces,
 * line breaks, comments) stays. Otherwise the new bytes are written with the editor's layout:
 * `breakBefore(k)` says whether byte k of `next` starts a new line.
 *
 * @returns null when nothing changes.
 */
export function rewriteBytes(
  text: string,
  map: HexMap,
  from: number,
  old: Uint8Array,
  next: Uint8Array,
  breakBefore: (k: number) => boolean,
): TextEdit | null {
  let p = 0;
  const limit = Math.min(old.length, next.length);
  while (p < limit && old[p] === next[p]) p++;
  let s = 0;
  while (s < limit - p && old[old.length - 1 - s] === next[next.length - 1 - s]) s++;
  const oldMid = old.length - p - s;
  const newMid = next.length - p - s;
  if (oldMid === 0 && newMid === 0) return null;
  const first = from + p; // first old byte replaced (absolute index)
  const sep = (k: number): string => (breakBefore(k) ? '\n' : ' ');

  if (oldMid === newMid) {
    // Same count: new digits in the old places.
    const parts: string[] = [];
    let at = map.starts[first]!;
    const start = at;
    for (let j = 0; j < oldMid; j++) {
      const b = first + j;
      const hiAt = map.starts[b]!;
      const loAt = map.ends[b]! - 1;
      const hex = HEX[next[p + j]!]!;
      parts.push(text.slice(at, hiAt), hex[0]!, text.slice(hiAt + 1, loAt), hex[1]!);
      at = loAt + 1;
    }
    return { start, end: at, text: parts.join('') };
  }

  const tokens = (k0: number, k1: number, leading: boolean): string => {
    const parts: string[] = [];
    for (let k = k0; k < k1; k++) {
      if (k > k0 || leading) parts.push(sep(k));
      parts.push(HEX[next[k]!]!);
    }
    return parts.join('');
  };

  if (oldMid === 0) {
    // Pure insertion after byte first - 1 (or at the very start of the text).
    if (first > 0) {
      const at = map.ends[first - 1]!;
      return { start: at, end: at, text: tokens(p, p + newMid, true) };
    }
    const at = map.count > 0 ? map.starts[0]! : text.length;
    const trailing = map.count > 0 ? sep(p + newMid) : '';
    return { start: at, end: at, text: tokens(p, p + newMid, false) + trailing };
  }

  const lastOld = first + oldMid - 1;
  if (newMid === 0) {
    // Pure deletion: the separator before the first deleted byte goes with it.
    if (first > 0) return { start: map.ends[first - 1]!, end: map.ends[lastOld]!, text: '' };
    const end = lastOld + 1 < map.count ? map.starts[lastOld + 1]! : map.ends[lastOld]!;
    return { start: map.starts[first]!, end, text: '' };
  }
  return { start: map.starts[first]!, end: map.ends[lastOld]!, text: tokens(p, p + newMid, false) };
}

/** Line breaks of the editor's layout for a frame whose header is `headerLength` bytes. */
export function frameBreaks(headerLength: number): (k: number) => boolean {
  return (k) => k >= headerLength && (k - headerLength) % BYTES_PER_LINE === 0;
}
