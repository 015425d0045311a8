/**
 * The terminal's colours come from the site's colour tokens (global.css), read at run time, so the
 * console follows light and dark with the rest of the page and keeps the tokens' WCAG AA contrast.
 * The ANSI slots print.ts writes are mapped to roles here: red = violation, green = delivered message,
 * yellow = close frame, blue = WebSocket, magenta = HTTP, bright black = muted (TCP, hints).
 */
import type { ITheme } from '@xterm/xterm';

function token(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/**
 * A colour token as xterm can read it. The tokens are `light-dark(…, …)` (global.css), which only a
 * property that is a colour resolves, for the scheme in force (forced `data-theme` included): so the
 * token is put on a probe's `color` and read back as `rgb()`, then written as #rrggbb.
 */
function colour(probe: HTMLElement, name: string, fallback: string): string {
  probe.style.color = fallback;
  probe.style.color = `var(${name}, ${fallback})`;
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
  if (!m) return fallback;
  return `#${m
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')}`;
}

export function terminalTheme(root: Element = document.documentElement): ITheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  (root === document.documentElement ? document.body : root).append(probe);
  try {
    return themeFrom(probe);
  } finally {
    probe.remove();
  }
}

function themeFrom(p: HTMLElement): ITheme {
  const c = (name: string, fallback: string): string => colour(p, name, fallback);
  const text = c('--text', '#16191f');
  const muted = c('--text-muted', '#4a5261');
  const bg = c('--surface', '#ffffff');
  return {
    background: bg,
    foreground: text,
    cursor: c('--accent', '#1d4ed8'),
    cursorAccent: bg,
    selectionBackground: c('--info-line', '#b9cdf5'),
    selectionForeground: text,
    black: text,
    red: c('--danger-text', '#a11616'),
    green: c('--ok-text', '#166534'),
    yellow: c('--warn-text', '#92400e'),
    blue: c('--c-b0', '#1d4ed8'),
    magenta: c('--c-b1', '#6d28d9'),
    cyan: c('--c-reason', '#0369a1'),
    white: text,
    brightBlack: muted,
    brightRed: c('--danger-text', '#a11616'),
    brightGreen: c('--ok-text', '#166534'),
    brightYellow: c('--warn-text', '#92400e'),
    brightBlue: c('--accent', '#1d4ed8'),
    brightMagenta: c('--c-b1', '#6d28d9'),
    brightCyan: c('--c-reason', '#0369a1'),
    brightWhite: text,
    scrollbarSliderBackground: `color-mix(in srgb, ${muted} 35%, transparent)`,
  };
}

/**
 * The site's monospace stack. (A Korean coding font first would close the gaps after Hangul, but such
 * fonts draw →, “ ”, § and – two cells wide, so they overlap their neighbours; hangul.ts adds a face for
 * Hangul alone instead.)
 */
export function monoFont(root: Element = document.documentElement): string {
  return token(getComputedStyle(root), '--font-mono', 'monospace');
}
