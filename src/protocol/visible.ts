/**
 * Text from the wire or from a link, made safe to show: every character that is invisible, or that
 * changes how the text around it is drawn, becomes a visible stand-in. A payload's U+202E (RIGHT-TO-LEFT
 * OVERRIDE) would otherwise draw "txt.exe" as "exe.txt", and a zero-width space makes two strings that
 * look equal differ; Wireshark and code editors show such characters for the same reason.
 *
 * - C0 controls → Control Pictures (ESC is ␛), DEL → ␡. Tab, LF and CR are left to the caller, which
 *   knows whether its line may break (the console makes them spaces, the decoder shows ⏎).
 * - C1 controls, bidirectional controls (U+061C, U+200E/200F, U+202A–202E, U+2066–2069), zero-width and
 *   other invisible format characters (U+00AD, U+200B–200D, U+2060–2064, U+FEFF, the Unicode tags
 *   U+E0000–E007F, …) and the line/paragraph separators U+2028/2029 → `<U+202E>`, the code point named.
 * - A lone surrogate (not text, only half of one) → U+FFFD.
 *
 * One function for every place the web app shows such text (console, diagram labels, log, inspector,
 * decoder cards, link notices). Pure and linear: one pass, no backtracking.
 */

/** Code points shown as `<U+XXXX>`: invisible, or reordering what is drawn around them. */
function isHidden(cp: number): boolean {
  return (
    (cp >= 0x80 && cp <= 0x9f) || // C1 controls
    cp === 0xad || // soft hyphen
    cp === 0x34f || // combining grapheme joiner
    cp === 0x61c || // Arabic letter mark (bidi)
    cp === 0x115f ||
    cp === 0x1160 || // Hangul choseong/jungseong fillers
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/non-joiner/joiner, LRM, RLM
    (cp >= 0x2028 && cp <= 0x202e) || // line/paragraph separators, LRE, RLE, PDF, LRO, RLO
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x206f) || // LRI, RLI, FSI, PDI, deprecated format characters
    cp === 0x3164 || // Hangul filler
    cp === 0xfeff || // zero-width no-break space (BOM)
    cp === 0xffa0 || // halfwidth Hangul filler
    (cp >= 0xfff9 && cp <= 0xfffb) || // interlinear annotation
    (cp >= 0x1d173 && cp <= 0x1d17a) || // musical symbol format characters
    (cp >= 0xe0000 && cp <= 0xe007f) // tags (invisible ASCII)
  );
}

const hexName = (cp: number): string => `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;

/** `s` with its invisible and drawing-changing characters made visible (see above). */
export function visibleText(s: string): string {
  let out = '';
  let from = 0; // start of the run of ordinary characters not yet copied
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast path: printable ASCII and most of the BMP are copied in runs.
    if (c >= 0x20 && c < 0x7f) continue;
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        width = 2;
      } else cp = -1;
    } else if (c >= 0xdc00 && c <= 0xdfff) cp = -1;
    let shown: string | null = null;
    if (cp === -1) shown = '\ufffd';
    else if (cp < 0x20)
      shown = cp === 0x09 || cp === 0x0a || cp === 0x0d ? null : String.fromCharCode(0x2400 + cp);
    else if (cp === 0x7f) shown = '\u2421';
    else if (isHidden(cp)) shown = hexName(cp);
    if (shown !== null) {
      out += s.slice(from, i) + shown;
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
