/**
 * Addresses around embedding: the iframe's `src` for a view, the full-site address for an embedded
 * view, and the presentation parameters (`theme`, `scale`, …) a view keeps when it rewrites its own
 * hash. Pure string work on hashes, so it is the same in every view and testable without a page.
 * Queries are split by route.ts's queryPairs, so a parameter is the same parameter here and there.
 */
import { hashPath, queryPairs, viewPathOf, type QueryPair } from '../route.ts';

/** docs/embedding.md as published with the site, relative to its base (embed/docs-page.ts writes it). */
export const EMBEDDING_DOCS_PATH = 'docs/embedding.html';

/** Parameters about how a page is shown, not what it shows: views keep them when they rewrite the hash. */
export const PRESENTATION_PARAMS = ['embed', 'theme', 'scale', 'font', 'lang', 'autoplay'] as const;
/** Of those, the ones that only make sense inside a frame (dropped when leaving for the full site). */
const FRAME_ONLY = new Set<string>(['embed', 'scale', 'font', 'autoplay']);

interface SplitHash {
  /** The view's path, without any `/embed` prefix: `/playground`. */
  readonly path: string;
  /** True for the `#/embed/<view>` form. */
  readonly embedPath: boolean;
  /** The query's pairs, names decoded (route.ts), values still encoded (a step's `%3B` stays `%3B`). */
  readonly pairs: readonly QueryPair[];
}

function splitHash(hash: string): SplitHash {
  const { view, embedPath } = viewPathOf(hashPath(hash));
  return { path: view, embedPath, pairs: queryPairs(hash) };
}

/** Pairs are written back with their names as they came (`%65mbed` stays `%65mbed`, and still means embed). */
function joinHash(path: string, pairs: readonly QueryPair[]): string {
  const query = pairs.map((p) => (p.raw === '' ? p.rawName : `${p.rawName}=${p.raw}`)).join('&');
  return `#${path}${query ? `?${query}` : ''}`;
}

const isPresentation = (name: string): boolean => (PRESENTATION_PARAMS as readonly string[]).includes(name);

/**
 * `next` (a view's own new hash, `#/frame?hex=…`) with what `current` says about presentation: the
 * `#/embed/…` form and the presentation parameters. A view that writes its state into the address keeps
 * an embedded widget embedded and a forced theme forced.
 */
export function keepPresentation(next: string, current: string): string {
  const cur = splitHash(current);
  const nxt = splitHash(next);
  const names = new Set(nxt.pairs.map((p) => p.name));
  const kept = cur.pairs.filter((p) => isPresentation(p.name) && !names.has(p.name));
  const path = cur.embedPath && nxt.path !== '/' ? `/embed${nxt.path}` : nxt.path;
  return joinHash(path, [...nxt.pairs, ...kept]);
}

/** The address without its hash (`https://host/ws101/`). */
export function pageBase(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/**
 * The same view on the full site: no `/embed`, no frame-only parameters (by decoded name, so
 * `%65mbed=1` goes too). The ↗ link must never open embedded again, so a path that is still an embed
 * path after one prefix is taken off (`#/embed/embed/frame`) loses every prefix.
 */
export function fullSiteHash(hash: string): string {
  let path = hashPath(hash);
  for (let v = viewPathOf(path); v.embedPath; v = viewPathOf(path)) path = v.view;
  return joinHash(
    path,
    queryPairs(hash).filter((p) => !FRAME_ONLY.has(p.name)),
  );
}

export interface EmbedChoice {
  readonly theme: 'auto' | 'light' | 'dark';
  /** 1 = as is (not written). */
  readonly scale: number;
}

/** The `#/embed/<view>…` hash for the view `hash` shows now, with the chosen theme and scale. */
export function embedHash(hash: string, choice: EmbedChoice): string {
  const { path, pairs } = splitHash(hash);
  const own = pairs.filter((p) => !isPresentation(p.name));
  const extra: QueryPair[] = [];
  const param = (name: string, raw: string): QueryPair => ({ name, rawName: name, raw });
  if (choice.theme !== 'auto') extra.push(param('theme', choice.theme));
  if (choice.scale !== 1) extra.push(param('scale', String(choice.scale)));
  return joinHash(path === '/' ? '/embed' : `/embed${path}`, [...own, ...extra]);
}

/** HTML attribute text: `&`, `"`, `<` and `>` escaped (a hash may carry any of them, encoded or not). */
function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SnippetOptions {
  readonly src: string;
  readonly width: number;
  readonly height: number;
  /** The frame's accessible name (WCAG 4.1.2: a frame needs a title). */
  readonly title: string;
}

/** The `<iframe>` element a teacher pastes into a slide. */
export function iframeSnippet(o: SnippetOptions): string {
  return (
    `<iframe src="${attr(o.src)}" width="${o.width}" height="${o.height}" title="${attr(o.title)}"` +
    ` loading="lazy" allow="clipboard-write" style="border:0"></iframe>`
  );
}
