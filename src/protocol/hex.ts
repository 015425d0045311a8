/**
 * The one hex parser: what a learner types or pastes (or a URL carries) → bytes.
 * Whitespace, commas, colons and a leading 0x per byte are ignored; `#` starts a comment to the end of the line.
 * Errors are values naming where the input went wrong, never exceptions.
 */
export type HexError =
  | { readonly kind: 'not-hex'; readonly index: number; readonly char: string }
  | { readonly kind: 'odd-digits'; readonly index: number }
  | { readonly kind: 'too-long'; readonly limit: number; readonly total: number };

export type HexParse =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly truncated: null | { limit: number; total: number };
    }
  | { readonly ok: false; readonly error: HexError; readonly bytes: Uint8Array };

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) DIGIT[48 + i] = i;
for (let i = 0; i < 6; i++) {
  DIGIT[65 + i] = 10 + i;
  DIGIT[97 + i] = 10 + i;
}

/**
 * @param limit bytes kept at most; the rest is counted, reported as `truncated`, and not decoded
 *   (so a pasted megabyte string cannot freeze the page).
 */
export function parseHex(input: string, limit = Number.MAX_SAFE_INTEGER): HexParse {
  const cap = Math.min(limit, Math.ceil(input.length / 2));
  const out = new Uint8Array(cap);
  let n = 0,
    total = 0,
    hi = -1,
    hiIndex = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < input.length && input.charCodeAt(i) !== 0x0a) i++;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x3a) continue;
    if (c === 0x30 && hi < 0 && (input.charCodeAt(i + 1) | 0x20) === 0x78 /* x */) {
      i++; // "0x" prefix
      continue;
    }
    const d = c < 128 ? DIGIT[c]! : -1;
    if (d < 0) {
      return { ok: false, error: { kind: 'not-hex', index: i, char: input[i]! }, bytes: out.subarray(0, n) };
    }
    if (hi < 0) {
      hi = d;
      hiIndex = i;
    } else {
      if (n < cap) out[n++] = (hi << 4) | d;
      total++;
      hi = -1;
    }
  }
  if (hi >= 0) return { ok: false, error: { kind: 'odd-digits', index: hiIndex }, bytes: out.subarray(0, n) };
  return { ok: true, bytes: out.subarray(0, n), truncated: total > n ? { limit, total } : null };
}

export function toHex(bytes: Uint8Array, separator = ' '): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = bytes[i]!.toString(16).padStart(2, '0');
  return parts.join(separator);
}
