/**
 * A plain static file server for tests: a built site served from a sub-path (`/some/sub/path/`), the
 * way a static host (GitHub Pages project site, an S3 prefix, a university home directory) serves it.
 * Unlike `vite preview` it knows nothing about Vite, so what passes here passes on any static host.
 *
 * It is strict on purpose: a known set of content types (with `nosniff`, so Chromium refuses a script
 * or style sent with the wrong one), 404 for anything outside `base`, any missing file and any file
 * type it does not know (add one to TYPES if the site starts to use it). Extra response headers
 * (a Content-Security-Policy, say) go on every response; `pathHeaders` replaces some of them for one
 * file, as a host configures the #/build sandbox document's own policy (docs/deploy.md).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

export interface StaticServerOptions {
  /** The directory to serve (a built dist/). */
  root: string;
  /** The URL path it is served under; leading and trailing slash added if missing. Default `/`. */
  base?: string;
  /** Headers sent with every response, e.g. `{ 'Content-Security-Policy': '…' }`. */
  headers?: Record<string, string>;
  /**
   * Headers for one file, by its path under the base (`'build-sandbox.html'`): they replace the
   * same-named ones of `headers` for that file only.
   */
  pathHeaders?: Record<string, Record<string, string>>;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /** The base path, with leading and trailing slash. */
  readonly base: string;
  /** An absolute URL under the base: `url('#/lessons')` → `http://127.0.0.1:1234/some/sub/path/#/lessons`. */
  url(pathAndHash?: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function normalizeBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.base ?? '/');
  const extra = options.headers ?? {};
  const perPath = options.pathHeaders ?? {};

  function send(
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body?: Buffer | string,
    path?: string,
  ) {
    const own = (path !== undefined && perPath[path]) || {};
    res.writeHead(status, { ...extra, ...own, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  }
  const notFound = (res: ServerResponse, why: string) =>
    send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `404 ${why}\n`);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, '405\n');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    // `/some/sub/path` without its slash: a static host redirects, so relative asset URLs resolve.
    if (`${pathname}/` === base) {
      send(res, 301, { Location: base });
      return;
    }
    if (!pathname.startsWith(base)) return notFound(res, 'outside the base path');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return notFound(res, 'bad escape');
    }
    let file = resolve(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res, 'outside the root');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return notFound(res, 'no such file');
    const type = TYPES[extname(file).toLowerCase()];
    if (!type) return notFound(res, `unknown file type ${extname(file) || '(none)'}`);
    const body = await readFile(file);
    send(
      res,
      200,
      { 'Content-Type': type, 'Content-Length': String(body.length), 'X-Content-Type-Options': 'nosniff' },
      req.method === 'HEAD' ? undefined : body,
      relative(root, file).split(sep).join('/'),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `500 ${String(e)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    base,
    url: (pathAndHash = '') => `${origin}${base}${pathAndHash}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
