/**
 * The frame editor's bench/e2e page on a vite dev server (port 0, 127.0.0.1), with its own dependency
 * cache (others build and serve in parallel), no file watching and no HMR (edits elsewhere in the repo
 * must not reload the page under a measurement), and Debian's Chromium driven by playwright-core.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';

export const EDITOR_PAGE = 'tests/bench/editor.html';

export interface EditorServer {
  readonly server: ViteDevServer;
  readonly browser: Browser;
  /** URL of the page with this query string (without the '?'). */
  url(query?: string): string;
  close(): Promise<void>;
}

export async function startEditorServer(): Promise<EditorServer> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  const server = await createServer({
    root,
    cacheDir: process.env.WS101_ED_CACHE ?? '/tmp/ws101-vite-editor',
    logLevel: 'warn',
    clearScreen: false,
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { entries: [EDITOR_PAGE] },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite did not report a URL');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: (query = '') => `${base}${EDITOR_PAGE}${query ? `?${query}` : ''}`,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
