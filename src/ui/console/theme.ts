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

export function terminalTheme(root: Element = document.documentElement): ITheme {
  const s = getComputedStyle(root);
  const text = token(s, '--text', '#16191f');
  const muted = token(s, '--text-muted', '#4a5261');
  const bg = token(s, '--surface', '#ffffff');
  return {
    background: bg,
    foreground: text,
    cursor: token(s, '--accent', '#1d4ed8'),
    cursorAccent: bg,
    selectionBackground: token(s, '--info-line', '#b9cdf5'),
    selectionForeground: text,
    black: text,
    red: token(s, '--danger-text', '#a11616'),
    green: token(s, '--ok-text', '#166534'),
    yellow: token(s, '--warn-text', '#92400e'),
    blue: token(s, '--c-b0', '#1d4ed8'),
    magenta: token(s, '--c-b1', '#6d28d9'),
    cyan: token(s, '--c-reason', '#0369a1'),
    white: text,
    brightBlack: muted,
    brightRed: token(s, '--danger-text', '#a11616'),
    brightGreen: token(s, '--ok-text', '#166534'),
    brightYellow: token(s, '--warn-text', '#92400e'),
    brightBlue: token(s, '--accent', '#1d4ed8'),
    brightMagenta: token(s, '--c-b1', '#6d28d9'),
    brightCyan: token(s, '--c-reason', '#0369a1'),
    brightWhite: text,
    scrollbarSliderBackground: `color-mix(in srgb, ${muted} 35%, transparent)`,
  };
}

/**
 * The site's monospace stack. (A Korean coding font first would close the small gaps around Hangul,
 * but such fonts draw →, “ ”, § and – two cells wide, so they overlap their neighbours: worse.)
 */
export function monoFont(root: Element = document.documentElement): string {
  return token(getComputedStyle(root), '--font-mono', 'monospace');
}
