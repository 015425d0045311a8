/**
 * Hangul in the terminal without a gap after every syllable.
 *
 * xterm gives a wide character two cells and, in its DOM renderer, pads the glyph with letter-spacing
 * up to that width. Its cells are as wide as the Latin monospace font's advance (DejaVu Sans Mono,
 * Menlo, Consolas: 0.55–0.6 em), but the Korean font the browser falls back to draws a syllable 1 em
 * wide, so 0.1–0.2 em of every two cells stayed empty: "콘 솔 : 클 라 이 언 트" (walkthrough 2.11).
 * Putting a Korean coding font first would fix Hangul but not the rest: such fonts draw →, “ ”, § and –
 * two cells wide, and those overlap their neighbours.
 *
 * So the terminal gets a font face of its own for Hangul only (a unicode-range), made from the
 * Korean fonts a system has (local()), scaled with size-adjust so that one syllable is exactly two of
 * this terminal's cells. The scale is measured, not assumed: the Latin cell and the Korean advance
 * differ from one system to the next. Everything else keeps the site's monospace stack.
 */

/** Precomposed syllables and the compatibility jamo: the Hangul that xterm counts as two cells. */
export const HANGUL_RANGE = 'U+3131-318E, U+AC00-D7A3';

/**
 * Korean fonts by the names local() knows them by (full name, then PostScript name): monospace coding
 * fonts first, then the system fonts of Linux (Noto CJK), macOS and iOS, Windows and Android.
 */
const KOREAN_LOCAL_FONTS = [
  'Noto Sans Mono CJK KR',
  'NotoSansMonoCJKkr-Regular',
  'D2Coding',
  'NanumGothicCoding',
  'Nanum Gothic Coding',
  'Noto Sans CJK KR',
  'NotoSansCJKkr-Regular',
  'Noto Sans KR',
  'NotoSansKR-Regular',
  'Apple SD Gothic Neo',
  'AppleSDGothicNeo-Regular',
  'Malgun Gothic',
  'MalgunGothic',
  'NanumGothic',
  'Nanum Gothic',
];

const FAMILY = 'ws101 terminal hangul';
const PROBE_FAMILY = 'ws101 terminal hangul probe';
const SIZE = 100;

const source = KOREAN_LOCAL_FONTS.map((name) => `local("${name}")`).join(', ');

/** Width of `text` at SIZE px in `family` (a CSS font-family list). */
function measure(family: string, text: string): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return 0;
  ctx.font = `${SIZE}px ${family}`;
  return ctx.measureText(text).width;
}

let pending: Promise<string | null> | null = null;

/**
 * The terminal's font-family list with the scaled Hangul face first, or null where the browser has
 * no FontFace API or no Korean font is found (the terminal then keeps `latinStack` as it is). The
 * face is made once per page.
 */
export function hangulFontFamily(latinStack: string): Promise<string | null> {
  return (pending ??= makeFace(latinStack).catch(() => null));
}

async function makeFace(latinStack: string): Promise<string | null> {
  if (typeof FontFace === 'undefined' || !document.fonts) return null;
  // xterm sizes its cells by the advance of "W" in its font.
  const cell = measure(latinStack, 'W');
  const probe = new FontFace(PROBE_FAMILY, source, { unicodeRange: HANGUL_RANGE });
  await probe.load(); // rejects when none of the local fonts exists
  document.fonts.add(probe);
  const syllable = measure(`"${PROBE_FAMILY}"`, '가');
  document.fonts.delete(probe);
  if (!(cell > 0) || !(syllable > 0)) return null;
  const scale = (2 * cell) / syllable;
  // size-adjust (CSS Fonts 5) is in every current browser but not yet in TypeScript's DOM types.
  const descriptors: FontFaceDescriptors & { readonly sizeAdjust: string } = {
    unicodeRange: HANGUL_RANGE,
    sizeAdjust: `${(scale * 100).toFixed(2)}%`,
  };
  const face = new FontFace(FAMILY, source, descriptors);
  await face.load();
  document.fonts.add(face);
  return `"${FAMILY}", ${latinStack}`;
}
