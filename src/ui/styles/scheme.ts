/**
 * Light or dark: the reader's `prefers-color-scheme`, unless a link forces one with `theme=light|dark`,
 * which sets `<html data-theme>`. The CSS follows by itself (global.css: `light-dark()` + `color-scheme`);
 * Monaco and xterm take colours from script, so they ask here and listen for changes of either source.
 * Both sources are reactive values (ui/state/media.svelte.ts): read in a component, `isDark()` re-renders it.
 */
import { prefersDark, themeAttribute, watch } from '../state/media.svelte.ts';

export type Theme = 'light' | 'dark';

export const isTheme = (v: unknown): v is Theme => v === 'light' || v === 'dark';

/** The theme a link forces, or null when the page follows the reader's setting. */
export function forcedTheme(): Theme | null {
  const v = themeAttribute.current;
  return isTheme(v) ? v : null;
}

/** Force a theme (null: follow `prefers-color-scheme` again). */
export function forceTheme(theme: Theme | null): void {
  const root = document.documentElement;
  if (theme === null) delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Whether the page is dark now. `preferred` overrides the media query when there is no forced theme. */
export function isDark(preferred?: boolean): boolean {
  const forced = forcedTheme();
  if (forced) return forced === 'dark';
  return preferred ?? prefersDark.current;
}

/** Call `listener` whenever the page changes between light and dark; returns the unsubscribe. */
export function onThemeChange(listener: () => void): () => void {
  return watch(() => isDark(), listener);
}

/** The root font size over the browser's usual 16 px: `scale=`/`font=` and the reader's setting. */
export function remRatio(): number {
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px / 16 : 1;
}
