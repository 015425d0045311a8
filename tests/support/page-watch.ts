/**
 * Watches one page from before its first request: everything it fetched (and which of it was
 * JavaScript, workers included), and everything that must not happen — a page error, a console error
 * or warning (CSP violations are logged as console errors), HTTP ≥ 400, a failed request, or a request
 * to any origin but the site's own.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';

/** The built site the tests serve: $WS101_DIST (a parallel build), else the repo's dist/. */
export function siteDist(): string {
  const dir = process.env.WS101_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
  if (!existsSync(`${dir}/index.html`)) {
    throw new Error(`${dir} has no index.html: run \`npx vite build\` before the e2e tests.`);
  }
  return dir;
}

export interface PageWatch {
  readonly problems: string[];
  /** Every request URL, in order. */
  readonly requests: string[];
  /** JavaScript fetched: scripts, module preloads and worker scripts (same-origin URLs). */
  readonly scripts: Set<string>;
  /** URLs of the dedicated workers the page started. */
  readonly workers: string[];
  /** Resolves once no request has started or been in flight for `quietMs` (at most `maxMs`). */
  idle(quietMs?: number, maxMs?: number): Promise<void>;
}

export function watchPage(page: Page, origin: string): PageWatch {
  const problems: string[] = [];
  const requests: string[] = [];
  const scripts = new Set<string>();
  const workers: string[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();

  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  };
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', onConsole);
  page.on('worker', (w) => {
    workers.push(w.url());
    if (w.url().startsWith(`${origin}/`)) scripts.add(w.url());
    w.on('console', onConsole);
  });
  page.on('request', (r) => {
    inFlight++;
    lastActivity = Date.now();
    const url = r.url();
    requests.push(url);
    const ok = url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
    if (!ok) problems.push(`request to another origin: ${url}`);
  });
  const settled = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', (r) => {
    settled();
    // A fetch cut short by a navigation (net::ERR_ABORTED) is the browser doing its job.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    const url = r.url();
    const type = r.request().resourceType();
    // Module preloads are reported as 'script' or 'other' depending on the path that fetched them;
    // the file name settles it.
    if (url.startsWith(`${origin}/`) && (type === 'script' || new URL(url).pathname.endsWith('.js'))) {
      scripts.add(url);
    }
  });

  return {
    problems,
    requests,
    scripts,
    workers,
    async idle(quietMs = 500, maxMs = 10_000) {
      const until = Date.now() + maxMs;
      while (Date.now() < until) {
        if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
