/**
 * `npm run my-server -- file.js --page`: a small page on a second local port that opens a real browser
 * WebSocket to the learner's server and logs what happens (open, each message, the close code and
 * whether it was clean). Why a page of its own: Chromium's Local Network Access refuses a connection
 * to ws://127.0.0.1 from a public page or a blank tab (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS),
 * but allows it from a page that is itself served from the machine.
 */
import http from 'node:http';
import type net from 'node:net';

export interface TestPage {
  readonly url: string;
  close(): Promise<void>;
}

/** The page: no framework, no external file; its one inline script is allowed by its hash-free CSP below. */
export function testPageHtml(wsUrl: string): string {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ws101 my-server — test page</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 1.5rem auto; max-width: 46rem; padding: 0 1rem; color-scheme: light dark; }
  input, button { font: inherit; padding: .35rem .6rem; }
  input { width: 100%; box-sizing: border-box; }
  .row { display: flex; gap: .5rem; margin: .6rem 0; flex-wrap: wrap; }
  .row input { flex: 1 1 16rem; }
  #log { font: 14px/1.45 ui-monospace, monospace; white-space: pre-wrap; border: 1px solid #8888; padding: .6rem; min-height: 10rem; }
  :focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
</style>
<h1>Talk to your server</h1>
<p>This page uses your browser's own <code>WebSocket</code>: what it logs is what a real client saw.</p>
<label for="url">Server URL</label>
<div class="row"><input id="url" value="${wsUrl}"><button id="connect">Connect</button></div>
<label for="text">Message</label>
<div class="row"><input id="text" value="Hello"><button id="send">Send text</button><button id="bytes">Send 3 bytes</button><button id="close">Close (1000)</button></div>
<div id="log" role="log" aria-live="polite" data-testid="log"></div>
<script>
  const $ = (id) => document.getElementById(id);
  const log = (line) => { $('log').textContent += line + '\\n'; };
  let ws = null;
  $('connect').onclick = () => {
    if (ws) ws.close();
    try { ws = new WebSocket($('url').value); } catch (e) { log('cannot connect: ' + e.message); return; }
    ws.binaryType = 'arraybuffer';
    log('connecting to ' + ws.url);
    ws.onopen = () => log('open');
    ws.onmessage = (e) => log(typeof e.data === 'string' ? 'message (text): ' + JSON.stringify(e.data)
      : 'message (binary): ' + [...new Uint8Array(e.data)].map((b) => b.toString(16).padStart(2, '0')).join(' '));
    ws.onerror = () => log('error (the browser does not say more; see the close code)');
    ws.onclose = (e) => log('close: code ' + e.code + (e.reason ? ' reason ' + JSON.stringify(e.reason) : '') + (e.wasClean ? ', clean' : ', not clean'));
  };
  const ready = () => { if (ws && ws.readyState === 1) return true; log('not open: press Connect first'); return false; };
  $('send').onclick = () => { if (ready()) { ws.send($('text').value); log('sent (text): ' + JSON.stringify($('text').value)); } };
  $('bytes').onclick = () => { if (ready()) { ws.send(new Uint8Array([1, 2, 3])); log('sent (binary): 01 02 03'); } };
  $('close').onclick = () => { if (ready()) { ws.close(1000, 'bye'); log('sent close 1000'); } };
</script>
</html>
`;
}

export function startTestPage(options: { host: string; port: number; wsUrl: string }): Promise<TestPage> {
  const html = testPageHtml(options.wsUrl);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The page's own script and style only; it may connect to WebSocket servers and nothing else.
      'Content-Security-Policy':
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src ws: wss:; base-uri 'none'; form-action 'none'",
    });
    res.end(html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as net.AddressInfo).port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
