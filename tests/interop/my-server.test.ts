/**
 * `npm run my-server` (src/node/my-server.ts) running the capstone's reference solution
 * (tests/fixtures/build/reference.js) on real TCP: the learner's file, unchanged from the page, talks to
 * `ws`'s client, Chromium's own `WebSocket` and a raw peer the way RFC 6455 says. The server is the real
 * CLI in a child process (its port read from its one "listening" line); every wait is bounded and the
 * child is killed in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// Renamed: inside page.evaluate, `WebSocket` must stay the browser's (Vite rewrites imported names).
import { WebSocket as WsClient } from 'ws';
import { Opcode } from '../../src/protocol/index.ts';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { RawPeer, clientFrame, closeFrame, withTimeout } from './echo-server-peer.ts';
import { cleanUp, cleanups, handshakeRequest, rawExchange, recordWs, wsClient } from './ws-harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE = path.join(ROOT, 'tests/fixtures/build/reference.js');
const HOST = '127.0.0.1';
/** tsx compiles the CLI first: generous on a busy 2-core machine, still bounded. */
const START_MS = 30_000;
const LISTENING = /^ws101 my-server: ws:\/\/127\.0\.0\.1:(\d+)\/ \(file (.+)\)$/m;

interface Cli {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (bounded). */
  readonly exited: Promise<number | null>;
}

/** The CLI exactly as `npm run my-server --` runs it, without npm in between. */
function runCli(args: readonly string[]): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/my-server.ts', ...args], {
    cwd: ROOT,
    // INIT_CWD is npm's; without it the CLI resolves paths from its own cwd, the repository.
    env: { ...process.env, INIT_CWD: ROOT },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Start the CLI and read the port from its listening line. */
async function startCli(args: readonly string[]): Promise<Cli & { port: number }> {
  const cli = runCli(args);
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      cli.child.stdout!.on('data', () => {
        const m = LISTENING.exec(cli.stdout());
        if (m) resolve(Number(m[1]));
      });
      void cli.exited.then((code) => reject(new Error(`my-server exited with ${code}: ${cli.stderr()}`)));
    }),
    'my-server to print its listening line',
    START_MS,
  );
  return { ...cli, port };
}

async function stopCli(cli: Cli | undefined): Promise<void> {
  if (!cli || cli.child.exitCode !== null || cli.child.signalCode !== null) return;
  cli.child.kill('SIGTERM');
  await withTimeout(cli.exited, 'my-server to exit', 5_000).catch(() => cli.child.kill('SIGKILL'));
}

let server: Cli & { port: number };
let url: string;
beforeAll(async () => {
  server = await startCli([REFERENCE, '--port', '0']);
  url = `ws://${HOST}:${server.port}/`;
}, START_MS + 5_000);
afterAll(() => stopCli(server));
afterEach(cleanUp);

describe('my-server: the CLI', () => {
  it('prints one listening line with the URL and the file, and nothing on stderr', () => {
    expect(server.stdout().trim().split('\n')).toEqual([`ws101 my-server: ${url} (file ${REFERENCE})`]);
    expect(server.stderr()).toBe('');
  });

  describe('clear errors, exit code ≠ 0, one line, no stack', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'ws101-my-server-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    async function failsWith(args: readonly string[]): Promise<string> {
      const cli = runCli(args);
      const code = await withTimeout(cli.exited, 'my-server to exit', START_MS).finally(() => stopCli(cli));
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const lines = cli.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(cli.stdout()).toBe('');
      return lines[0]!;
    }

    it('a file that does not exist', async () => {
      const missing = path.join(dir, 'nope.js');
      expect(await failsWith([missing, '--port', '0'])).toBe(`ws101 my-server: no such file: ${missing}`);
    });

    it('a module without a default export function', async () => {
      const file = path.join(dir, 'named.js');
      writeFileSync(file, 'export function onConnection(socket) {}\n');
      expect(await failsWith([file, '--port', '0'])).toBe(
        `ws101 my-server: ${file} has no default export function (got none): ` +
          'write `export default function onConnection(socket) { … }` in an ES module',
      );
    });

    it('a syntax error, with its line and column', async () => {
      const file = path.join(dir, 'typo.js');
      writeFileSync(
        file,
        'export default function (socket) {\n  socket.on("data", (c) => {\n    let = ;\n  });\n}\n',
      );
      expect(await failsWith([file, '--port', '0'])).toMatch(
        new RegExp(`^ws101 my-server: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: SyntaxError: `),
      );
    });

    it('EADDRINUSE: the port is taken', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, HOST, resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        expect(await failsWith([REFERENCE, '--port', String(port)])).toBe(
          `ws101 my-server: port ${port} on ${HOST} is in use (another server?): pick another with --port`,
        );
      } finally {
        await new Promise<void>((resolve) => blocker.close(() => resolve()));
      }
    });

    it('a throw in the learner’s data listener: that socket is destroyed, the line is printed, the server goes on', async () => {
      const file = path.join(dir, 'throws.js');
      writeFileSync(
        file,
        [
          'export default function onConnection(socket) {',
          '  socket.on("data", (chunk) => {',
          '    if (chunk.toString() === "boom") null.x();',
          '    socket.write(chunk);',
          '  });',
          '}',
          '',
        ].join('\n'),
      );
      const cli = await startCli([file, '--port', '0']);
      try {
        const talk = (what: string) =>
          withTimeout(
            new Promise<string>((resolve) => {
              const s = net.connect(cli.port, HOST, () => s.write(what));
              let got = '';
              s.on('data', (d: Buffer) => {
                got += d.toString();
                if (got === what) s.end();
              });
              s.on('error', () => {});
              s.on('close', () => resolve(got));
            }),
            'a raw exchange',
            10_000,
          );
        expect(await talk('boom')).toBe(''); // destroyed before the echo
        expect(cli.stderr()).toMatch(
          /^ws101 my-server: #1 your code threw in its 'data' listener: TypeError: .*\(at .*throws\.js:3:\d+\) — this connection was destroyed\n$/,
        );
        expect(await talk('still here')).toBe('still here');
      } finally {
        await stopCli(cli);
      }
    });
  });
});

describe('my-server + reference.js ↔ the ws package', () => {
  it('§5.6 a text and a binary message echo back with their types', async () => {
    const { ws, rec } = await wsClient(url);
    ws.send('héllo, RFC 6455 👋');
    const text = await rec.waitFor('message');
    expect({ data: text.data.toString(), binary: text.binary }).toEqual({
      data: 'héllo, RFC 6455 👋',
      binary: false,
    });
    ws.send(Uint8Array.of(0, 1, 2, 0xff));
    const binary = await rec.waitFor('message', (m) => m.binary);
    expect([...binary.data]).toEqual([0, 1, 2, 0xff]);
  });

  it('§5.2 payloads of 125, 126 (16-bit length) and 65,536 bytes (64-bit length) echo whole', async () => {
    const { ws, rec } = await wsClient(url);
    for (const [i, size] of [125, 126, 65_536].entries()) {
      const payload = Buffer.alloc(size, (i + 1) * 17);
      ws.send(payload);
      const back = await rec.waitFor('message', (m) => m.data.length === size);
      expect(back.data.equals(payload)).toBe(true);
    }
    expect(rec.count('message')).toBe(3);
  });

  it('§5.5.2/§5.5.3 a ping gets a pong with the same payload', async () => {
    const { ws, rec } = await wsClient(url);
    ws.ping('are you there?');
    expect((await rec.waitFor('pong')).data.toString()).toBe('are you there?');
  });

  it('§5.4 a message sent in three fragments comes back whole, as one message', async () => {
    const { ws, rec } = await wsClient(url);
    ws.send('frag', { fin: false });
    ws.send('men', { fin: false });
    ws.send('ted', { fin: true });
    const back = await rec.waitFor('message');
    expect(back.data.toString()).toBe('fragmented');
  });

  it('§7.1.2 close(1000, "bye") → close event 1000, and the server ends TCP', async () => {
    const ws = new WsClient(url);
    const rec = recordWs(ws);
    cleanups.push(() => ws.terminate());
    await rec.waitFor('open');
    const socket = (ws as unknown as { _socket: net.Socket })._socket;
    const tcpClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    ws.close(1000, 'bye');
    // The reference echoes the code only (§5.5.1 lets the answer's reason differ).
    expect(await rec.waitFor('close')).toEqual({ type: 'close', code: 1000, reason: '' });
    await withTimeout(tcpClosed, 'the TCP connection to close', 5_000);
  });
});

describe('my-server + reference.js ↔ a raw peer: what a malformed client gets', () => {
  it('§4.2.1 no Sec-WebSocket-Key → 400 Bad Request, then the connection ends', async () => {
    const request = handshakeRequest({}).replace(/Sec-WebSocket-Key: .*\r\n/, '');
    const answer = await rawExchange(server.port, request);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });

  it('§4.2.2/§4.4 Sec-WebSocket-Version: 8 → 426 Upgrade Required with Sec-WebSocket-Version: 13', async () => {
    const answer = await rawExchange(server.port, handshakeRequest({ 'Sec-WebSocket-Version': '8' }));
    expect(answer).toMatch(/^HTTP\/1\.1 426 Upgrade Required\r\n/);
    expect(answer).toMatch(/\r\nSec-WebSocket-Version: 13\r\n/i);
    // RFC 9110 §15.5.22: a 426 names the protocol to upgrade to.
    expect(answer).toMatch(/\r\nUpgrade: websocket\r\n/i);
  });

  it('§5.1 an unmasked client frame → close 1002, then the server ends TCP', async () => {
    const peer = await RawPeer.open(server.port);
    cleanups.push(() => peer.socket.destroy());
    peer.socket.write(Uint8Array.of(0x81, 0x02, 0x68, 0x69)); // FIN text "hi", MASK bit clear
    expect(await peer.waitFor('a close frame', () => peer.closeCode())).toBe(1002);
    await peer.waitFor('the server’s FIN', () => (peer.ended ? true : undefined));
  });

  it('§5.2 the echo uses the shortest length form: 126 bytes → 7e 00 7e, 65,536 → 7f + 8 bytes', async () => {
    const peer = await RawPeer.open(server.port);
    cleanups.push(() => peer.socket.destroy());
    peer.socket.write(clientFrame(Opcode.Binary, new Uint8Array(126)));
    peer.socket.write(clientFrame(Opcode.Binary, new Uint8Array(65_536)));
    await peer.waitFor('two echoes', () => (peer.frames().length === 2 ? true : undefined));
    const body = peer.bytes().subarray(peer.head()!.length);
    expect([...body.subarray(0, 4)]).toEqual([0x82, 0x7e, 0x00, 0x7e]);
    expect([...body.subarray(4 + 126, 4 + 126 + 10)]).toEqual([0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('§5.5.1 after its close frame the server sends nothing, and ends TCP first (§7.1.1)', async () => {
    const peer = await RawPeer.open(server.port);
    cleanups.push(() => peer.socket.destroy());
    // The close and a text frame after it in one write: the text must not be echoed.
    peer.socket.write(
      Buffer.concat([closeFrame(1000, 'bye'), clientFrame(Opcode.Text, Buffer.from('late'))]),
    );
    await peer.waitFor('the server’s FIN', () => (peer.ended ? true : undefined));
    expect(peer.frames().map((f) => [f.opcode, [...f.payload]])).toEqual([[Opcode.Close, [0x03, 0xe8]]]);
  });
});

const executablePath = chromiumPath();
if (!executablePath) console.warn(`[interop/my-server] Chromium tests skipped: ${NO_CHROMIUM_HINT}`);

describe.skipIf(!executablePath)(
  `my-server + reference.js ↔ Chromium's WebSocket${executablePath ? '' : ` (skipped: ${NO_CHROMIUM_HINT})`}`,
  () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('text, binary and a 70,000-byte binary echo; close(1000) → CloseEvent 1000, wasClean', async () => {
      const result = await withTimeout(
        page.evaluate(async (url) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          const failAfter = (ms: number, what: string) =>
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`no ${what} in ${ms} ms`)), ms),
            );
          await Promise.race([
            new Promise((resolve, reject) => {
              ws.onopen = resolve;
              ws.onerror = () => reject(new Error('WebSocket error before open'));
            }),
            failAfter(8000, 'open'),
          ]);
          const next = () =>
            Promise.race([
              new Promise<MessageEvent>((resolve) => ws.addEventListener('message', resolve, { once: true })),
              failAfter(8000, 'message'),
            ]);
          ws.send('héllo from Chromium 👋');
          const text = (await next()).data as string;
          const small = Uint8Array.of(1, 2, 3, 250);
          ws.send(small);
          const smallBack = [...new Uint8Array((await next()).data as ArrayBuffer)];
          const big = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) & 0xff);
          ws.send(big);
          const bigBack = new Uint8Array((await next()).data as ArrayBuffer);
          const closed = Promise.race([
            new Promise<CloseEvent>((resolve) => (ws.onclose = resolve)),
            failAfter(8000, 'close event'),
          ]);
          ws.close(1000);
          const e = await closed;
          return {
            text,
            smallBack,
            bigSame: bigBack.length === big.length && bigBack.every((b, i) => b === big[i]),
            extensions: ws.extensions,
            code: e.code,
            wasClean: e.wasClean,
          };
        }, url),
        'the round trips in the page',
        30_000,
      );
      expect(result).toEqual({
        text: 'héllo from Chromium 👋',
        smallBack: [1, 2, 3, 250],
        bigSame: true,
        // Chromium offers permessage-deflate; the reference ignores the offer, so none is in use.
        extensions: '',
        code: 1000,
        wasClean: true,
      });
    });

    it("--page serves a local test page whose buttons talk to the server with the browser's WebSocket", async () => {
      const cli = runCli([REFERENCE, '--port', '0', '--page', '--page-port', '0']);
      try {
        const pageUrl = await withTimeout(
          new Promise<string>((resolve) => {
            cli.child.stdout!.on('data', () => {
              const m = /test page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.stdout());
              if (m) resolve(m[1]!);
            });
          }),
          'the test page line',
          START_MS,
        );
        const tab = await browser.newPage();
        await tab.goto(pageUrl);
        const log = tab.getByTestId('log');
        await tab.getByRole('button', { name: 'Connect' }).click();
        await expect.poll(() => log.textContent(), { timeout: 8000 }).toContain('open');
        await tab.getByRole('button', { name: 'Send text' }).click();
        await expect.poll(() => log.textContent(), { timeout: 8000 }).toContain('message (text): "Hello"');
        await tab.getByRole('button', { name: 'Send 3 bytes' }).click();
        await expect.poll(() => log.textContent(), { timeout: 8000 }).toContain('message (binary): 01 02 03');
        await tab.getByRole('button', { name: 'Close (1000)' }).click();
        await expect.poll(() => log.textContent(), { timeout: 8000 }).toContain('close: code 1000, clean');
        await tab.close();
      } finally {
        await stopCli(cli);
      }
    });
  },
);
