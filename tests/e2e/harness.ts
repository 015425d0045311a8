/**
 * E2E harness: the built dist/ served by vite's `preview()` on a free port, Debian's Chromium driven
 * by playwright-core, and a record of everything that must not happen (page errors, console errors
 * or warnings, HTTP ≥ 400). Run `vite build` first.
 */
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { distDir, previewDist } from '../support/preview.ts';

export interface Harness {
  readonly baseUrl: string;
  readonly problems: string[];
  /** Open the site at `hash` and wait for the element with test id `ready` (the decoder's verdict by default). */
  open(hash?: string, options?: BrowserContextOptions, ready?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const outDir = distDir();
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir} has no index.html: run \`npx vite build\` before the e2e tests.`);
  }
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  const { server, baseUrl } = await previewDist(outDir);
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  return {
    baseUrl,
    problems,
    async open(hash = '', options = {}, ready = 'verdict') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      page.on('requestfailed', (r) => {
        // A fetch cut short by a reload or navigation (net::ERR_ABORTED) is the browser doing its job.
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()}`);
      });
      await page.goto(baseUrl + hash);
      await page.getByTestId(ready).first().waitFor();
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The DEFLATE codec's scripts the page fetches, counted from now: pako's library chunk and the codec
 * built on it (both named pako-*.js by the bundler). Empty while nothing has needed compression.
 */
export function pakoRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/pako-[^/]*\.js$/.test(r.url())) seen.push(r.url());
  });
  return seen;
}
