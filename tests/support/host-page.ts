/**
 * A teacher's page for embedding tests: one HTML page at `/slide.html` on its own port of 127.0.0.1, so
 * the widget it iframes is on another origin, as in a real slide deck. Each test sets the page it needs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  /** http://127.0.0.1:<port>, an origin other than the widget's. */
  readonly origin: string;
  /** Where the page is served. */
  readonly url: string;
  /** The HTML served from now on. */
  set(html: string): void;
  close(): Promise<void>;
}

export async function startHostPage(): Promise<HostPage> {
  let html = '';
  const server = createServer((req, res) => {
    if (req.url === '/slide.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404\n');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/slide.html`,
    set(next) {
      html = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}
