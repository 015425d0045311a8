/**
 * Terminal cells: how many columns a string takes in xterm (Hangul and other East Asian wide characters
 * take two), wrapping with a hanging indent, and making untrusted text safe to write to a terminal.
 * Pure, so the line editor and the event printer lay text out the way xterm will.
 */
import { visibleText } from '../../protocol/visible.ts';

/** Columns one code point takes: 0 (combining, zero-width), 1, or 2 (East Asian wide, most emoji). */
export function charCells(cp: number): 0 | 1 | 2 {
  if (cp === 0) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += charCells(ch.codePointAt(0)!);
  return n;
}

/** Pad with spaces on the right (or left) to `width` columns. */
export function padCells(s: string, width: number, left = false): string {
  const pad = ' '.repeat(Math.max(0, width - cells(s)));
  return left ? pad + s : s + pad;
}

/**
 * Make untrusted text safe to write to a terminal, so a payload can never drive it (an ESC in an
 * echoed message must not clear the screen) nor hide or reorder what it shows: the web app's one
 * visibleText (C0 → Control Pictures, ␛ for ESC, DEL → ␡, C1, bidi and invisible format characters →
 * `<U+XXXX>`). Tabs and line breaks become a space first: every printed event is one logical line.
 */
export function printable(s: string): string {
  return visibleText(s.replace(/[\t\n\r]/g, ' '));
}

const isBlank = (ch: string): boolean => /\s/.test(ch);

/**
 * Greedy word wrap to `width` columns for the first line and `width - indent` for the rest (the caller
 * puts the indent in front). Breaks at spaces; a word longer than a line is cut (a column narrower than
 * one glyph still takes one). One pass over the text: the word carried to the next row is the only
 * part measured twice, so 100,000 characters cost about 100,000 steps, not a re-measure of all the rest
 * per row (security review M4: a 100 kB path took 2 s).
 */
export function wrapCells(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let avail = Math.max(1, width);
  let start = 0; // where the current row starts
  let used = 0; // columns of text[start, i)
  let lastSpace = -1; // the last ' ' in text[start, i), or -1
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const w = charCells(cp);
    const len = cp > 0xffff ? 2 : 1;
    if (used + w > avail) {
      // Row full. A glyph wider than the whole row goes on a row of its own; otherwise break after the
      // last space if the word at i started after it, else cut here.
      const alone = i === start;
      const atSpace = !alone && lastSpace > start && cp !== 0x20;
      const end = alone ? i + len : atSpace ? lastSpace : i;
      lines.push(text.slice(start, end).trimEnd());
      start = atSpace ? lastSpace + 1 : end;
      while (start < text.length && isBlank(text[start]!)) start++;
      // Measure the carried word again on its new row (it holds no ' ', so it is carried only once).
      i = start;
      used = 0;
      lastSpace = -1;
      avail = Math.max(1, width - indent);
      continue;
    }
    if (cp === 0x20) lastSpace = i;
    used += w;
    i += len;
  }
  const rest = text.slice(start);
  if (rest.length > 0 || lines.length === 0) lines.push(rest);
  return lines;
}
