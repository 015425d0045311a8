/**
 * The #/build sandbox in Chromium: the learner's server module runs in a Worker inside an
 * <iframe sandbox="allow-scripts">, and whatever it does — loop, throw, reject, flood, recurse, exhaust
 * memory, reach for the network or the page — ends that run with its HostFailure while the page keeps
 * running, and the next run starts clean.
 *
 * The harness page (tests/e2e/sandbox-harness/) is built here by Vite with the site's sandbox plugin and
 * public/build-sandbox.html, and served like the site: the page's Content-Security-Policy as a header,
 * and the sandbox document its own (docs/deploy.md). Everything is driven through a CDP session, which
 * keeps working after the sandbox's process crashes (Playwright's page.evaluate refuses after its
 * 'crash' event, which it also fires for a crashed out-of-process iframe).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CONTENT_SECURITY_POLICY, SANDBOX_DOCUMENT } from '../../src/build/sandbox/policy.ts';
import { sandboxRuntimePlugin } from '../../src/build/sandbox/vite-plugin.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import type { RunResult, Step } from './sandbox-harness/main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let out: string;
let server: StaticServer;
/** The same build, with the page's policy sent for every file: the mistake docs/deploy.md warns of. */
let pageHeaderOnly: StaticServer;
let browser: Browser;
/** A TCP server on 127.0.0.1 the learner's code tries to reach: it must never see a connection. */
let target: Server;
let targetPort = 0;
let targetConnections = 0;

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  out = mkdtempSync(join(tmpdir(), 'ws101-sandbox-'));
  await build({
    configFile: false,
    root: join(ROOT, 'tests/e2e/sandbox-harness'),
    base: './',
    publicDir: join(ROOT, 'public'),
    logLevel: 'warn',
    plugins: [sandboxRuntimePlugin()],
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  server = await startStaticServer({
    root: out,
    base: '/some/sub/path/',
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    pathHeaders: { [SANDBOX_DOCUMENT]: { 'Content-Security-Policy': SANDBOX_CONTENT_SECURITY_POLICY } },
  });
  pageHeaderOnly = await startStaticServer({
    root: out,
    base: '/some/sub/path/',
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
  target = createServer((socket) => {
    targetConnections++;
    socket.destroy();
  });
  await new Promise<void>((ok) => target.listen(0, '127.0.0.1', ok));
  targetPort = (target.address() as { port: number }).port;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pageHeaderOnly?.close();
  await new Promise((ok) => (target ? target.close(ok) : ok(undefined)));
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Harness {
  context: BrowserContext;
  cdp: CDPSession;
  run(source: string, steps: Step[], options?: { deadlineMs?: number }): Promise<RunResult>;
  evaluate<T>(expression: string): Promise<T>;
}

async function openHarness(from: StaticServer = server): Promise<Harness> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(from.url('index.html'));
  await page.waitForFunction(() => document.title === 'ready');
  const cdp = await context.newCDPSession(page);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in the page: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value as T;
  };
  return {
    context,
    cdp,
    evaluate,
    run: (source, steps, options = {}) =>
      evaluate<RunResult>(
        `harness.run(${JSON.stringify(source)}, ${JSON.stringify(steps)}, ${JSON.stringify(options)})`,
      ),
  };
}

const OPEN_AND_SEND: Step[] = [
  { conn: 1, kind: 'open' },
  { conn: 1, kind: 'data', text: 'Hello' },
];

/** Reference-like: hashes the §1.3 key with node:crypto, echoes with node:buffer's Buffer, logs the chunk. */
const ECHO = `import { createHash } from 'node:crypto';
import { Buffer as B } from 'node:buffer';

let connections = 0; // module state: a fresh module per run starts at 0
export default function onConnection(socket) {
  connections++;
  socket.on('data', (chunk) => {
    console.log('got', chunk, Buffer.isBuffer(chunk), connections);
    socket.write(B.concat([chunk]));
    socket.write(createHash('sha1').update('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64'));
  });
}
`;

/** The echo run, and what a clean run answers: a page whose sandbox works. */
async function expectEchoWorks(h: Harness): Promise<void> {
  const r = await h.run(ECHO, OPEN_AND_SEND);
  expect(r.load).toEqual({ ok: true });
  expect(r.replies[1]).toEqual({
    ok: true,
    actions: [
      { conn: 1, kind: 'write', text: 'Hello', length: 5 },
      { conn: 1, kind: 'write', text: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', length: 28 },
    ],
    logs: ['got <Buffer 48 65 6c 6c 6f> true 1'],
  });
}

/** The failure of the run's last reply (or its load). */
function failureOf(r: RunResult) {
  if (!r.load.ok) return r.load.failure;
  const last = r.replies.at(-1);
  if (!last || last.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return last.failure;
}

describe('the learner module in the sandbox', () => {
  it("echo: node:crypto's SHA-1 and node:buffer work, chunks are Buffers, console.log is captured", async () => {
    const h = await openHarness();
    await expectEchoWorks(h);
    // A second run is a new module instance (its counter starts again) in the same iframe.
    await expectEchoWorks(h);
    expect(await h.evaluate('harness.frames()')).toBe(1);
    expect(await h.evaluate('harness.violations')).toEqual([]);
    await h.context.close();
  });

  it('an endless loop → timeout within a few seconds; the page kept running; the next run works', async () => {
    const h = await openHarness();
    const r = await h.run(`export default (s) => s.on('data', () => { for (;;) {} });`, OPEN_AND_SEND);
    expect(failureOf(r)).toEqual({ kind: 'timeout', ms: 2000 });
    console.log(
      `endless loop: ended after ${r.ms} ms; the page's 50 ms timer paused at most ${r.longestPageGapMs} ms`,
    );
    expect(r.ms).toBeLessThan(8000);
    expect(r.longestPageGapMs).toBeLessThan(1000);
    await expectEchoWorks(h);
    await h.context.close();
  });

  it("a throw → threw, at the learner's line and column; a rejected promise → rejected; then clean runs", async () => {
    const h = await openHarness();
    const threw = await h.run(
      `export default function (socket) {\n  socket.on('data', () => {\n    throw new TypeError('no frame here');\n  });\n}\n`,
      OPEN_AND_SEND,
    );
    expect(failureOf(threw)).toEqual({
      kind: 'threw',
      message: 'TypeError: no frame here',
      at: { line: 3, column: 11 },
    });
    await expectEchoWorks(h);
    const rejected = await h.run(
      `import 'node:crypto';\nexport default (socket) => {\n  socket.on('data', async () => { await null; throw new Error('later'); });\n};\n`,
      OPEN_AND_SEND,
    );
    expect(failureOf(rejected)).toMatchObject({ kind: 'rejected', message: 'Error: later', at: { line: 3 } });
    await expectEchoWorks(h);
    await h.context.close();
  });

  it('writing 2 MB → output (OUTPUT_LIMIT), logging without end → output; the next run works', async () => {
    const h = await openHarness();
    const writes = await h.run(
      `export default (s) => s.on('data', () => { const kb = new Uint8Array(1024); for (let i = 0; i < 2048; i++) s.write(kb); });`,
      OPEN_AND_SEND,
    );
    expect(failureOf(writes)).toEqual({ kind: 'output', limit: 1 << 20 });
    const logs = await h.run(
      `export default (s) => s.on('data', () => { for (;;) console.log('again'); });`,
      OPEN_AND_SEND,
    );
    expect(failureOf(logs)).toEqual({ kind: 'output', limit: 1 << 20 });
    await expectEchoWorks(h);
    await h.context.close();
  });

  it('a stack overflow → stack, at the recursing line', async () => {
    const h = await openHarness();
    const r = await h.run(
      `const parse = (n) => parse(n + 1) + 1;\nexport default (s) => s.on('data', () => parse(0));\n`,
      OPEN_AND_SEND,
    );
    expect(failureOf(r)).toMatchObject({ kind: 'stack', at: { line: 1 } });
    await expectEchoWorks(h);
    await h.context.close();
  });

  it("allocating without end → memory: the sandbox's process dies, not the page's; the next run gets a new one", async () => {
    const h = await openHarness();
    // A long deadline, so that the allocation (not the clock) ends the run: V8 arrays, which never throw
    // a RangeError; the process is killed instead (2.5-7 s here, measured).
    const r = await h.run(
      `export default (s) => s.on('data', () => { const keep = []; for (;;) keep.push(new Array(1e6).fill(1.5)); });`,
      OPEN_AND_SEND,
      { deadlineMs: 45_000 },
    );
    expect(failureOf(r)).toEqual({ kind: 'memory', message: "the sandbox's process ran out of memory" });
    console.log(`allocation without end: the sandbox's process was found dead after ${r.ms} ms`);
    expect(await h.evaluate('harness.frames()')).toBe(0); // the dead iframe is gone
    await expectEchoWorks(h);
    // Typed arrays fail with a RangeError first: memory too, within the default deadline.
    const typed = await h.run(
      `export default (s) => s.on('data', () => { const keep = []; for (;;) keep.push(new Uint8Array(1e7)); });`,
      OPEN_AND_SEND,
    );
    expect(failureOf(typed)).toMatchObject({
      kind: 'memory',
      message: 'RangeError: Array buffer allocation failed',
    });
    await expectEchoWorks(h);
    await h.context.close();
  });

  it('no network: fetch, WebSocket, XHR, EventSource and importScripts never reach a server on 127.0.0.1', async () => {
    const h = await openHarness();
    const url = `127.0.0.1:${targetPort}`;
    const before = targetConnections;
    const r = await h.run(
      `const seen = [];
const note = (what, how) => seen.push(what + ': ' + how);
export default function (socket) {
  fetch('http://${url}/x').then(() => note('fetch', 'reached'), (e) => note('fetch', e.name));
  try { const ws = new WebSocket('ws://${url}/'); ws.onopen = () => note('ws', 'open'); ws.onerror = () => note('ws', 'error'); } catch (e) { note('ws', e.name); }
  try { const x = new XMLHttpRequest(); x.open('GET', 'http://${url}/'); x.onload = () => note('xhr', 'reached'); x.onerror = () => note('xhr', 'error'); x.send(); } catch (e) { note('xhr', e.name); }
  try { const es = new EventSource('http://${url}/'); es.onopen = () => note('es', 'open'); es.onerror = () => note('es', 'error'); } catch (e) { note('es', e.name); }
  try { importScripts('http://${url}/x.js'); note('importScripts', 'ran'); } catch (e) { note('importScripts', e.name); }
  socket.on('data', () => socket.write(seen.sort().join(', ')));
}`,
      [
        { conn: 1, kind: 'open' },
        { kind: 'wait', ms: 1500 },
        { conn: 1, kind: 'data', text: '?' },
      ],
    );
    expect(r.replies[1]).toMatchObject({
      ok: true,
      actions: [{ text: 'es: error, fetch: TypeError, importScripts: NetworkError, ws: error, xhr: error' }],
    });
    await new Promise((ok) => setTimeout(ok, 300));
    expect(targetConnections - before).toBe(0);
    // The violations are the sandbox document's own; the page saw none.
    expect(await h.evaluate('harness.violations')).toEqual([]);
    await h.context.close();
  });

  it('no page, no storage: document, parent, window, localStorage are absent; indexedDB refuses an opaque origin', async () => {
    const h = await openHarness();
    const r = await h.run(
      `export default function (socket) {
  const seen = [typeof document, typeof parent, typeof window, typeof localStorage, typeof sessionStorage, self.origin];
  try { indexedDB.open('steal'); seen.push('indexedDB opened'); } catch (e) { seen.push(e.name); }
  socket.on('data', () => socket.write(seen.join(' ')));
}`,
      OPEN_AND_SEND,
    );
    expect(r.replies[1]).toMatchObject({
      ok: true,
      actions: [{ text: 'undefined undefined undefined undefined undefined null SecurityError' }],
    });
    await h.context.close();
  });

  it('a page that is itself busy for 3 s while it waits does not take the sandbox for dead', async () => {
    const h = await openHarness();
    const r = await h.run(`export default (s) => s.on('data', (c) => s.write(c));`, [
      { conn: 1, kind: 'open' },
      { conn: 1, kind: 'data-while-busy', text: 'still here', busyMs: 3000 },
    ]);
    expect(r.replies[1]).toMatchObject({ ok: true, actions: [{ text: 'still here' }] });
    await h.context.close();
  });

  it('a syntax error or a refused import stops before any sandbox starts', async () => {
    const h = await openHarness();
    const r = await h.run(`import fs from 'node:fs';\nexport default () => {};`, OPEN_AND_SEND);
    expect(r.load).toEqual({
      ok: false,
      failure: { kind: 'import', specifier: 'node:fs', at: { line: 1, column: 16 } },
    });
    expect(await h.evaluate('harness.frames()')).toBe(0);
    await h.context.close();
  });
});

describe('a host that sends the sandbox document the page’s policy', () => {
  it("the run ends with 'sandbox', naming the header to send, within seconds (no hang)", async () => {
    const h = await openHarness(pageHeaderOnly);
    const r = await h.run(ECHO, OPEN_AND_SEND);
    expect(r.load).toMatchObject({ ok: false, failure: { kind: 'sandbox' } });
    const failure = failureOf(r);
    expect(failure.kind === 'sandbox' && failure.message).toContain('Content-Security-Policy');
    console.log(`sandbox blocked by the page's policy: reported after ${r.ms} ms`);
    expect(r.ms).toBeLessThan(15_000);
    await h.context.close();
  });
});
