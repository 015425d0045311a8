/**
 * Terminal cells: how many columns a string takes in xterm (Hangul and other East Asian wide characters
 * take two), wrapping with a hanging indent, and making untrusted text safe to write to a terminal.
 * Pure, so the line editor and the event printer lay text out the way xterm will.
 */

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
 * Replace control characters with visible stand-ins, so a payload can never drive the terminal
 * (an ESC in an echoed message must not clear the screen): C0 → Control Pictures (␛ for ESC),
 * DEL → ␡, C1 → �. Tabs and newlines become a space: every printed event is one logical line.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x09 || code === 0x0a || code === 0x0d) return ' ';
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** Cut `s` to at most `width` columns (never splitting a wide character). */
function takeCells(s: string, width: number): [head: string, rest: string] {
  let used = 0;
  let i = 0;
  for (const ch of s) {
    const w = charCells(ch.codePointAt(0)!);
    if (used + w > width) break;
    used += w;
    i += ch.length;
  }
  if (i === 0 && s.length > 0) i = s.codePointAt(0)! > 0xffff ? 2 : 1; // a column narrower than one glyph
  return [s.slice(0, i), s.slice(i)];
}

/**
 * Greedy word wrap to `width` columns for the first line and `width - indent` for the rest (the caller
 * puts the indent in front). Breaks at spaces; a word longer than a line is cut.
 */
export function wrapCells(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let rest = text;
  let avail = Math.max(1, width);
  while (cells(rest) > avail) {
    const [head, tail] = takeCells(rest, avail);
    const space = head.lastIndexOf(' ');
    if (space > 0 && tail.length > 0 && !tail.startsWith(' ')) {
      lines.push(head.slice(0, space).trimEnd());
      rest = head.slice(space + 1) + tail;
    } else {
      lines.push(head.trimEnd());
      rest = tail;
    }
    rest = rest.trimStart();
    avail = Math.max(1, width - indent);
  }
  if (rest.length > 0 || lines.length === 0) lines.push(rest);
  return lines;
}
