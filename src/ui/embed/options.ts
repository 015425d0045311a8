/**
 * The presentation parameters of a link: `theme`, `scale`, `font`, `lang`, `autoplay`. They come from
 * anyone's URL, so each is read strictly and clamped: garbage is ignored (the page looks as it would
 * without the parameter), never an error or a console message.
 */
import { isLang, type Lang } from '../../i18n/index.ts';
import { isTheme, type Theme } from '../styles/scheme.ts';

export const SCALE_MIN = 0.75;
export const SCALE_MAX = 2.5;
export const FONT_MIN = 12;
export const FONT_MAX = 40;

export interface Presentation {
  /** Multiplies the root font size (so every rem grows with it), or null. */
  readonly scale: number | null;
  /** The root font size in px, replacing the browser's default, or null. */
  readonly font: number | null;
  /** A forced colour scheme, or null to follow `prefers-color-scheme`. */
  readonly theme: Theme | null;
  readonly lang: Lang | null;
  /** Embedded playground and comparison: play at once instead of waiting at the start for the presenter. */
  readonly autoplay: boolean;
}

/** "1.5", "2", ".8", "20px" (for font): a plain decimal, nothing else (no "1e3", "0x10", "Infinity"). */
function decimal(v: string | undefined, unit = ''): number | null {
  if (v === undefined) return null;
  const s = v.trim().toLowerCase();
  const body = unit && s.endsWith(unit) ? s.slice(0, -unit.length) : s;
  if (!/^(?:\d{1,4}(?:\.\d{1,4})?|\.\d{1,4})$/.test(body)) return null;
  const n = Number(body);
  return Number.isFinite(n) && n > 0 ? n : null;
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export const NO_PRESENTATION: Presentation = {
  scale: null,
  font: null,
  theme: null,
  lang: null,
  autoplay: false,
};

/**
 * The presentation after following a link with these parameters. A parameter the link names (validly)
 * sets its value; one it leaves out, or garbles, keeps the value from before, so moving around the
 * site keeps a projector's theme and size. `theme=auto` and `scale=1` go back to the defaults.
 */
export function readPresentation(
  params: Readonly<Record<string, string>>,
  before: Presentation = NO_PRESENTATION,
): Presentation {
  const scale = decimal(params.scale);
  const font = decimal(params.font, 'px');
  const theme = params.theme?.trim().toLowerCase();
  const lang = params.lang?.trim().toLowerCase();
  const autoplay = params.autoplay?.trim().toLowerCase();
  return {
    scale: scale === null ? before.scale : scale === 1 ? null : clamp(scale, SCALE_MIN, SCALE_MAX),
    font: font === null ? before.font : clamp(font, FONT_MIN, FONT_MAX),
    theme: isTheme(theme) ? theme : theme === 'auto' ? null : before.theme,
    lang: isLang(lang) ? lang : before.lang,
    autoplay: autoplay === undefined ? before.autoplay : autoplay === '1' || autoplay === 'true',
  };
}

/**
 * The root element's font size for these parameters, or '' for the stylesheet's. `scale` alone is a
 * percentage, so it multiplies the reader's own default size instead of replacing it.
 */
export function rootFontSize(p: Presentation): string {
  if (p.font !== null) return `${Math.round(p.font * (p.scale ?? 1) * 100) / 100}px`;
  if (p.scale !== null) return `${Math.round(p.scale * 10000) / 100}%`;
  return '';
}
