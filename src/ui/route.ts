/**
 * The hash router: `#/frame?hex=<hex>&dir=c2s|s2c` and friends. Hash routes work from any static
 * host. Parsing never throws: a garbled link becomes a notice the page shows, and the page still works.
 */
import type { Direction } from '../protocol/index.ts';

export type Page = 'home' | 'frame' | 'playground' | 'compare' | 'lessons' | 'lesson' | 'capture' | 'build';

export type RouteNotice =
  | { readonly kind: 'unknown-route'; readonly path: string }
  | { readonly kind: 'bad-encoding' }
  | { readonly kind: 'bad-dir'; readonly value: string }
  /** The link's `hex` is longer than URL_HEX_LIMIT characters: only that many were read. */
  | { readonly kind: 'hex-cut'; readonly length: number; readonly limit: number };

/** One `name=value` of a query: the name decoded, the value still encoded as it came. */
export interface QueryPair {
  /** The decoded name: `%65mbed` is `embed`, as every reader must see it. */
  readonly name: string;
  /** The name as it came (written back unchanged by views that rewrite the hash). */
  readonly rawName: string;
  /** The value as it came, not yet decoded: `run` is split at `;` before its steps are decoded. */
  readonly raw: string;
}

export interface Route {
  readonly page: Page;
  /** The `hex` parameter as text for the input, or null when the link carries none. */
  readonly hex: string | null;
  readonly dir: Direction;
  /** True when the link names the direction (so following it should switch the decoder). */
  readonly dirGiven: boolean;
  readonly notices: readonly RouteNotice[];
  /** For `#/lessons/<slug>`: the lesson's slug; for `#/build/<slug>`: the stage's (unchecked: the view knows the stages). */
  readonly slug: string | null;
  /** Every query parameter, decoded (views read their own; unknown ones are ignored). */
  readonly params: Readonly<Record<string, string>>;
  /** The query's pairs in order, values still encoded (for a reader that splits before decoding). */
  readonly pairs: readonly QueryPair[];
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

/** The path of a hash (`/playground` for `#/playground?run=…`), `/` when it has none. */
export function hashPath(hash: string): string {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  return (q < 0 ? h : h.slice(0, q)) || '/';
}

/**
 * The one query splitter: the `name=value` pairs after the hash's `?`, in order, empty pairs
 * skipped. Names are decoded here, once, so every reader agrees on them (`%65mbed=1` is `embed=1`
 * for the router, the embed links and the views alike). Values stay encoded: the reader decodes its
 * own, and `run` must be split at `;` before decoding, so that a `%3B` stays a `;` inside a step.
 */
export function queryPairs(hash: string): QueryPair[] {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const pairs: QueryPair[] = [];
  if (q < 0) return pairs;
  for (const pair of h.slice(q + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    pairs.push({ name: decodeParam(rawName).value, rawName, raw: eq < 0 ? '' : pair.slice(eq + 1) });
  }
  return pairs;
}

/** `#/embed/<view>…` is the view `/<view>` shown alone: the view's path, and whether it was embedded. */
export function viewPathOf(path: string): { readonly view: string; readonly embedPath: boolean } {
  const m = /^\/embed(\/.*)?$/.exec(path);
  return m ? { view: m[1] || '/', embedPath: true } : { view: path, embedPath: false };
}

export function parseRoute(hash: string): Route {
  const path = hashPath(hash);
  const notices: RouteNotice[] = [];
  let hex: string | null = null;
  let dir: Direction = 'c2s';
  let dirGiven = false;
  let badEncoding = false;

  // `#/embed/<widget>…` is the same page as `#/<widget>…`, shown without the site around it.
  const { view: viewPath, embedPath } = viewPathOf(path);
  let page: Page = 'home';
  let slug: string | null = null;
  const lessonMatch = /^\/lessons\/([a-z0-9-]{1,64})\/?$/.exec(viewPath);
  const buildMatch = /^\/build(?:\/([a-z0-9-]{1,64}))?\/?$/.exec(viewPath);
  if (viewPath === '/frame') page = 'frame';
  else if (viewPath === '/playground') page = 'playground';
  else if (viewPath === '/compare') page = 'compare';
  else if (viewPath === '/capture') page = 'capture';
  else if (viewPath === '/lessons' || viewPath === '/lessons/') page = 'lessons';
  else if (buildMatch) {
    page = 'build';
    slug = buildMatch[1] ?? null;
  } else if (lessonMatch) {
    page = 'lesson';
    slug = lessonMatch[1]!;
  } else if (viewPath !== '/') {
    const shown = decodeParam(path).value;
    notices.push({ kind: 'unknown-route', path: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown });
  }
  const params: Record<string, string> = {};
  const pairs = queryPairs(hash);
  for (const { name, raw } of pairs) {
    // Every value is decoded for `params`; a huge `run` is the playground's to bound (share.ts).
    const param = decodeParam(raw);
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
  // A link carries at most URL_HEX_LIMIT characters of hex (the writer cuts there, README says so):
  // a longer one is cut on reading too, and the page says so.
  if (hex !== null && hex.length > URL_HEX_LIMIT) {
    notices.push({ kind: 'hex-cut', length: hex.length, limit: URL_HEX_LIMIT });
    hex = hex.slice(0, URL_HEX_LIMIT);
  }
  const embed = embedPath || isEmbedValue(params.embed);
  if (hex !== null && /^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0) hex = spacedHex(hex);
  return { page, hex, dir, dirGiven, notices, slug, params, pairs, embed };
}

/** `embed=1` or `embed=true` (the name however it is percent-encoded: queryPairs decodes names). */
export const isEmbedValue = (value: string | undefined): boolean => value === '1' || value === 'true';

/** "810548" → "81 05 48": a compact link reads better in the input as pairs. */
function spacedHex(compact: string): string {
  return compact.replace(/(..)(?!$)/g, '$1 ').toLowerCase();
}

/** The hash for the decoder showing `hexParam` (already bounded) in direction `dir`. */
export function frameHash(hexParam: string, dir: Direction): string {
  return hexParam ? `#/frame?hex=${hexParam}&dir=${dir}` : `#/frame?dir=${dir}`;
}

/**
 * The decoder link for some bytes (the inspector's "open in the decoder"), or null when their hex would
 * not fit in a link (URL_HEX_LIMIT): a link that the decoder would cut is not offered.
 */
export function frameLink(bytes: Uint8Array, dir: Direction): string | null {
  if (bytes.length * 2 > URL_HEX_LIMIT) return null;
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return frameHash(hex, dir);
}
