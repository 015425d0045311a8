/**
 * The hash router: `#/frame?hex=<hex>&dir=c2s|s2c` and friends. Hash routes work from any static
 * host. Parsing never throws: a garbled link becomes a notice the page shows, and the page still works.
 */
import type { Direction } from '../protocol/index.ts';

export type Page = 'home' | 'frame' | 'playground' | 'compare' | 'lessons' | 'lesson';

export type RouteNotice =
  | { readonly kind: 'unknown-route'; readonly path: string }
  | { readonly kind: 'bad-encoding' }
  | { readonly kind: 'bad-dir'; readonly value: string };

export interface Route {
  readonly page: Page;
  /** The `hex` parameter as text for the input, or null when the link carries none. */
  readonly hex: string | null;
  readonly dir: Direction;
  /** True when the link names the direction (so following it should switch the decoder). */
  readonly dirGiven: boolean;
  readonly notices: readonly RouteNotice[];
  /** For `#/lessons/<slug>`: the lesson's slug. */
  readonly slug: string | null;
  /** Every query parameter, decoded (views read their own; unknown ones are ignored). */
  readonly params: Readonly<Record<string, string>>;
  /** `?embed=1` or `#/embed/…`: only the widget, for an iframe in a slide deck. */
  readonly embed: boolean;
}

/** Links keep at most this many characters of hex (4 KiB): a URL is not a file format. */
export const URL_HEX_LIMIT = 4096;

/**
 * decodeURIComponent that does not throw: `%ZZ` or a lone `%E0` stay as typed, and `ok` says so.
 * `+` is a space, as in form encoding.
 */
export function decodeParam(raw: string): { value: string; ok: boolean } {
  const s = raw.replace(/\+/g, ' ');
  try {
    return { value: decodeURIComponent(s), ok: true };
  } catch {
    // Decode each well-formed run of %XX escapes on its own; leave the rest literally.
    const value = s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    return { value, ok: false };
  }
}

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)) || '/';
  const query = q < 0 ? '' : h.slice(q + 1);
  const notices: RouteNotice[] = [];
  let hex: string | null = null;
  let dir: Direction = 'c2s';
  let dirGiven = false;
  let badEncoding = false;

  // `#/embed/<widget>…` is the same page as `#/<widget>…`, shown without the site around it.
  const embedPath = /^\/embed(\/.*)?$/.exec(path);
  const viewPath = embedPath ? embedPath[1] || '/' : path;
  let page: Page = 'home';
  let slug: string | null = null;
  const lessonMatch = /^\/lessons\/([a-z0-9-]{1,64})\/?$/.exec(viewPath);
  if (viewPath === '/frame') page = 'frame';
  else if (viewPath === '/playground') page = 'playground';
  else if (viewPath === '/compare') page = 'compare';
  else if (viewPath === '/lessons' || viewPath === '/lessons/') page = 'lessons';
  else if (lessonMatch) {
    page = 'lesson';
    slug = lessonMatch[1]!;
  } else if (viewPath !== '/') {
    const shown = decodeParam(path).value;
    notices.push({ kind: 'unknown-route', path: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown });
  }
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decodeParam(eq < 0 ? pair : pair.slice(0, eq)).value;
    const param = decodeParam(eq < 0 ? '' : pair.slice(eq + 1));
    if (!(name in params)) params[name] = param.value;
    if (name === 'hex') {
      hex = param.value;
      if (!param.ok) badEncoding = true;
    } else if (name === 'dir') {
      const v = param.value.trim().toLowerCase();
      if (v === 'c2s' || v === 's2c') {
        dir = v;
        dirGiven = true;
      } else {
        notices.push({ kind: 'bad-dir', value: v.length > 40 ? `${v.slice(0, 40)}…` : v });
      }
    }
  }
  if (badEncoding) notices.push({ kind: 'bad-encoding' });
  const embed = embedPath !== null || params.embed === '1' || params.embed === 'true';
  if (hex !== null && /^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0) hex = spacedHex(hex);
  return { page, hex, dir, dirGiven, notices, slug, params, embed };
}

/** "810548" → "81 05 48": a compact link reads better in the input as pairs. */
function spacedHex(compact: string): string {
  return compact.replace(/(..)(?!$)/g, '$1 ').toLowerCase();
}

/** The hash for the decoder showing `hexParam` (already bounded) in direction `dir`. */
export function frameHash(hexParam: string, dir: Direction): string {
  return hexParam ? `#/frame?hex=${hexParam}&dir=${dir}` : `#/frame?dir=${dir}`;
}
