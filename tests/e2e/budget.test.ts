/**
 * The JavaScript budget, measured on the built site: what a first visit to the home page and to the
 * lesson list really fetches (scripts, module preloads, workers), gzipped at level 9 from dist/, must
 * stay within 120 KB. Monaco (~0.8 MB gzip) and xterm (~90 kB) are fetched only by the views that show
 * them. The figures are printed so CI output shows how close each route is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestPath } from '../../vite.config.ts';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { siteDist, watchPage, type PageWatch } from '../support/page-watch.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/** The "120 KB gzip", where 1 KB is 1000 bytes (not 1024). */
const BUDGET_BYTES = 120 * 1000;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;

/** The part of the build's manifest (build.manifest, written beside dist/ by vite.config.ts) this test reads. */
interface ManifestChunk {
  file: string;
  src?: string;
  css?: string[];
  assets?: string[];
}

// The heavy lazy modules, named by their source module rather than a guessed chunk file name.
const MONACO_SRC = 'src/ui/editor/monaco.ts';
const XTERM_SRC = 'src/ui/console/terminal.ts';
/** The build page's JavaScript editor: its chunk's assets hold TypeScript's worker (~1.5 MB gzip). */
const JS_EDITOR_SRC = 'src/ui/build/js-monaco.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
/** Files (relative to dist/) that belong to Monaco, resp. xterm: the chunk, its CSS and its assets. */
let monacoFiles: Set<string>;
let xtermFiles: Set<string>;
/** The build page's editor module and what it brings: TypeScript's language service and worker. */
let jsEditorFiles: Set<string>;
/** Each language's catalog chunk: a visitor fetches the words of the page's language only. */
let catalogFiles: Record<'en' | 'ko', Set<string>>;

function filesOf(manifest: Record<string, ManifestChunk>, src: string): Set<string> {
  const chunk = manifest[src];
  if (!chunk) {
    throw new Error(`${src} is not in the build's manifest: renamed? Update MONACO_SRC / XTERM_SRC here.`);
  }
  return new Set([chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]);
}

beforeAll(async () => {
  dist = siteDist();
  let manifest: Record<string, ManifestChunk>;
  const manifestPath = buildManifestPath(dist);
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    throw new Error(`${manifestPath} is missing: rebuild with the current vite.config.ts.`);
  }
  monacoFiles = filesOf(manifest, MONACO_SRC);
  xtermFiles = filesOf(manifest, XTERM_SRC);
  jsEditorFiles = filesOf(manifest, JS_EDITOR_SRC);
  catalogFiles = { en: filesOf(manifest, 'src/i18n/en.ts'), ko: filesOf(manifest, 'src/i18n/ko.ts') };
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  server = await startStaticServer({ root: dist });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  watch: PageWatch;
  /** dist-relative paths of every same-origin file the page fetched. */
  fetched(): string[];
}

/** A first visit in a fresh context (empty cache), watched from before the first request. */
async function visit(hash: string, ready: string, locale = 'en-US'): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  await page.goto(server.url(hash));
  await page.locator(ready).first().waitFor();
  await watch.idle();
  const rel = (url: string) => decodeURIComponent(new URL(url).pathname.slice(server.base.length));
  return {
    page,
    watch,
    fetched: () => watch.requests.filter((u) => u.startsWith(`${server.origin}/`)).map(rel),
  };
}

interface JsFigure {
  total: number;
  files: { name: string; gzip: number }[];
}

/** Every JS file the page fetched, gzipped at level 9 from disk. */
function jsFigure(v: Visit): JsFigure {
  const files = [...v.watch.scripts].map((url) => {
    const name = decodeURIComponent(new URL(url).pathname.slice(server.base.length));
    return { name, gzip: gzipSync(readFileSync(join(dist, name)), { level: 9 }).length };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return { total: files.reduce((n, f) => n + f.gzip, 0), files };
}

function report(label: string, f: JsFigure, budget?: number): void {
  const lines = f.files.map((x) => `  ${kb(x.gzip).padStart(10)}  ${x.name}`);
  const of = budget === undefined ? '' : ` of ${kb(budget)}`;
  console.log(
    `JS fetched by ${label} (gzip -9): ${kb(f.total)}${of}, ${f.files.length} files\n${lines.join('\n')}`,
  );
}

const hits = (fetched: string[], set: Set<string>) => fetched.filter((f) => set.has(f));

describe('first visit: JavaScript within 120 KB gzip, no Monaco, no xterm', () => {
  const routes = [
    { hash: '#/', ready: '[data-testid="home"]', lang: 'en' },
    { hash: '#/lessons', ready: '[data-testid="lessons"]', lang: 'en' },
    // A Korean browser: the Korean catalog (a little larger than the English one) instead of it.
    { hash: '#/', ready: '[data-testid="home"]', lang: 'ko' },
  ] as const;
  for (const { hash, ready, lang } of routes) {
    it(`${hash} (${lang})`, async () => {
      const v = await visit(hash, ready, lang === 'ko' ? 'ko-KR' : 'en-US');
      const f = jsFigure(v);
      report(`${hash} (${lang})`, f, BUDGET_BYTES);
      expect(f.files.length).toBeGreaterThan(0);
      expect(f.total, `${hash}: ${kb(f.total)} gzip > ${kb(BUDGET_BYTES)}`).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(hits(v.fetched(), monacoFiles), 'Monaco fetched').toEqual([]);
      expect(hits(v.fetched(), xtermFiles), 'xterm fetched').toEqual([]);
      expect(hits(v.fetched(), jsEditorFiles), 'the build page’s editor fetched').toEqual([]);
      expect(hits(v.fetched(), catalogFiles[lang]).length, `the ${lang} catalog`).toBeGreaterThan(0);
      expect(hits(v.fetched(), catalogFiles[lang === 'en' ? 'ko' : 'en']), 'the other catalog').toEqual([]);
      expect(v.watch.problems).toEqual([]);
      await v.page.context().close();
    });
  }
});

describe('the heavy parts arrive with the views that show them', () => {
  it('#/build fetches Monaco, the JavaScript editor and TypeScript’s worker (a file of the build), and not xterm', async () => {
    const v = await visit('#/build', '[data-testid="build"]');
    await v.page.locator('[data-testid="build-editor"][data-phase="ready"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        () =>
          v.watch.workers.filter((w) => w.startsWith(`${server.origin}/`) && /ts\.worker-/.test(w)).length,
      )
      .toBeGreaterThan(0);
    await v.watch.idle();
    report('#/build with its editor', jsFigure(v));
    expect(hits(v.fetched(), monacoFiles).some((f) => f.endsWith('.js'))).toBe(true);
    // The worker started is the one the build's manifest gives the editor module, from this site.
    const workers = v.watch.workers.map((u) =>
      decodeURIComponent(new URL(u).pathname.slice(server.base.length)),
    );
    expect(workers.filter((f) => jsEditorFiles.has(f) && /ts\.worker-/.test(f)).length).toBe(1);
    expect(hits(v.fetched(), xtermFiles)).toEqual([]);
    expect(v.watch.problems).toEqual([]);
    await v.page.context().close();
  });

  it('#/playground fetches xterm and shows the terminal', async () => {
    const v = await visit('#/playground', '[data-testid="playground"]');
    await v.page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await v.watch.idle();
    report('#/playground', jsFigure(v));
    expect(hits(v.fetched(), xtermFiles).length).toBeGreaterThan(0);
    expect(hits(v.fetched(), monacoFiles)).toEqual([]);
    expect(v.watch.problems).toEqual([]);
    await v.page.context().close();
  });

  it('a lesson with a frame editor fetches Monaco only once the editor comes into view', async () => {
    const v = await visit('#/lessons/frame-anatomy', '[data-testid="lesson"]');
    const before = jsFigure(v);
    report('#/lessons/frame-anatomy before scrolling', before);
    expect(hits(v.fetched(), monacoFiles), 'Monaco fetched before the editor is near').toEqual([]);

    await v.page
      .locator('[data-testid="widget"][data-widget="frame-editor"]')
      .first()
      .scrollIntoViewIfNeeded();
    await v.page
      .locator('[data-testid="frame-editor"][data-phase="ready"]')
      .first()
      .waitFor({ timeout: 30_000 });
    // Monaco starts its editor worker when it first needs it, a moment after the editor is ready:
    // a file of the build, from the same origin.
    await expect
      .poll(() => v.watch.workers.filter((w) => w.startsWith(`${server.origin}/`)).length)
      .toBeGreaterThan(0);
    await v.watch.idle();
    report('#/lessons/frame-anatomy with the editor', jsFigure(v));
    const monaco = hits(v.fetched(), monacoFiles);
    expect(monaco.some((f) => f.endsWith('.js'))).toBe(true);
    // The frame editor is hex: TypeScript's language service and worker stay the build page's.
    expect(hits(v.fetched(), jsEditorFiles), 'the build page’s editor fetched').toEqual([]);
    expect(v.watch.problems).toEqual([]);
    await v.page.context().close();
  });
});
