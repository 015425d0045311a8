/**
 * Where each byte of a hex text sits in that text: byte i → [starts[i], ends[i]) in UTF-16 offsets,
 * from its first hex digit to one past its second. The editor needs it to colour bytes, to put a
 * marker on the byte an error names, and to answer "which byte is under the pointer".
 *
 * The bytes themselves always come from `parseHex`, the one hex parser. This map follows exactly its
 * rules (whitespace, commas and colons ignored; `0x` before a byte ignored; `#` comments to the end of
 * the line; stop at the first non-hex character; a lone last digit is an error), and a unit test
 * checks the two agree on every input.
 */

export interface HexMap {
  /** Bytes mapped (what parseHex returns, up to its limit). */
  readonly count: number;
  /** Text offset of byte i's first digit. */
  readonly starts: Int32Array;
  /** Text offset one past byte i's second digit. */
  readonly ends: Int32Array;
  /** Where parseHex stops: the first character that is not hex, or a digit without a partner. */
  readonly error:
    | null
    | { readonly kind: 'not-hex'; readonly index: number; readonly char: string }
    | { readonly kind: 'odd-digits'; readonly index: number };
}

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) DIGIT[48 + i] = i;
for (let i = 0; i < 6; i++) {
  DIGIT[65 + i] = 10 + i;
  DIGIT[97 + i] = 10 + i;
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x3a;
}

/**
 * Reusable storage for the map's two arrays. A 200 KB text needs 800 KB of them; allocating that on
 * every keystroke made the garbage collector pause the page for 50–170 ms now and then. With a scratch,
 * the arrays are reused (and grown when the text grows): a map is then valid until the next call.
 */
export interface HexMapScratch {
  starts: Int32Array;
  ends: Int32Array;
}

export function mapHexText(text: string, limit = Number.MAX_SAFE_INTEGER, scratch?: HexMapScratch): HexMap {
  const cap = Math.min(limit, Math.ceil(text.length / 2));
  let starts: Int32Array, ends: Int32Array;
  if (scratch) {
    if (scratch.starts.length < cap) {
      const size = Math.max(cap, Math.ceil(scratch.starts.length * 1.5), 1024);
      scratch.starts = new Int32Array(size);
      scratch.ends = new Int32Array(size);
    }
    starts = scratch.starts;
    ends = scratch.ends;
  } else {
    starts = new Int32Array(cap);
    ends = new Int32Array(cap);
  }
  let n = 0,
    hiIndex = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      continue;
    }
    if (isSeparator(c)) continue;
    if (c === 0x30 && hiIndex < 0 && (text.charCodeAt(i + 1) | 0x20) === 0x78 /* x */) {
      i++;
      continue;
    }
    const d = c < 128 ? DIGIT[c]! : -1;
    if (d < 0) {
      const cp = text.codePointAt(i)!;
      return {
        count: n,
        starts,
        ends,
        error: { kind: 'not-hex', index: i, char: String.fromCodePoint(cp) },
      };
    }
    if (hiIndex < 0) hiIndex = i;
    else {
      if (n < cap) {
        starts[n] = hiIndex;
        ends[n] = i + 1;
        n++;
      }
      hiIndex = -1;
    }
  }
  if (hiIndex >= 0) return { count: n, starts, ends, error: { kind: 'odd-digits', index: hiIndex } };
  return { count: n, starts, ends, error: null };
}

/** The byte whose digits span `offset` (between its two digits counts), or -1. O(log n). */
export function byteAt(map: HexMap, offset: number): number {
  const i = firstEndingAfter(map, offset);
  return i < map.count && map.starts[i]! <= offset ? i : -1;
}

/** Index of the first byte that ends after `offset` (map.count if none). O(log n). */
export function firstEndingAfter(map: HexMap, offset: number): number {
  let lo = 0,
    hi = map.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface StrayChar {
  readonly index: number;
  readonly char: string;
}

/**
 * Characters that are not hex, not separators and not in comments, from `from` on: parseHex stops at
 * the first, the editor marks a few more so a learner sees every one to fix. At most `max`.
 */
export function strayChars(text: string, from: number, max: number): StrayChar[] {
  const out: StrayChar[] = [];
  for (let i = from; i < text.length && out.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      continue;
    }
    if (isSeparator(c)) continue;
    if (c === 0x30 && (text.charCodeAt(i + 1) | 0x20) === 0x78) {
      i++;
      continue;
    }
    if (c < 128 && DIGIT[c]! >= 0) continue;
    const cp = text.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    out.push({ index: i, char });
    i += char.length - 1;
  }
  return out;
}
