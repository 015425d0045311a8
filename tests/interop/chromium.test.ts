/**
 * Chromium's own `WebSocket` (Debian's headless chromium, driven by playwright-core) against our engine
 * on real TCP at 127.0.0.1. A browser is the client every learner's page will use, so this is the
 * interop that matters most: echo with permessage-deflate (which Chromium offers on every connection),
 * the closing handshake both ways, and a server that breaks §5.2 or sends corrupt DEFLATE data.
 */
import net from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/protocol/index.ts';
import { startEchoServer, type EchoServer } from '../../src/node/echo-server.ts';
import { acceptSocket } from '../../src/node/socket-driver.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';

const HOST = '127.0.0.1';
const WAIT_MS = 10_000;
const executablePath = chromiumPath();
if (!executablePath) console.warn(`[interop/chromium] skipped: ${NO_CHROMIUM_HINT}`);

function withTimeout<T>(promise: Promise<T>, label: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A test-only server on the driver, with permessage-deflate: echoes, and obeys three commands —
 *   "close"   → a normal closing handshake, 1000 "done" (§7.1.2);
 *   "bad"     → the raw bytes 83 00: FIN + opcode 0x3, which §5.2 reserves (a broken server);
 *   "corrupt" → c1 03 ff ff ff: RSV1 set, and three bytes that are not DEFLATE (RFC 7692 §6.2).
 * Every connection's engine events are kept for the assertions.
 */
async function startCommandServer() {
  const logs: EngineEvent[][] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const events: EngineEvent[] = [];
    logs.push(events);
    const driver = acceptSocket(socket, {
      deflate: { codec: pakoCodec },
      onEvent: (e) => {
        events.push(e);
        if (e.type !== 'message') return;
        if (e.data === 'close') driver.sendClose(1000, 'done');
        else if (e.data === 'bad') driver.sendRaw(Uint8Array.of(0x83, 0x00));
        else if (e.data === 'corrupt') driver.sendRaw(Uint8Array.of(0xc1, 0x03, 0xff, 0xff, 0xff));
        else if (e.binary) driver.sendBinary(e.data as Uint8Array);
        else driver.sendText(e.data as string);
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `ws://${HOST}:${port}/`,
    /** Engine events of the most recent connection. */
    last: (): readonly EngineEvent[] => logs.at(-1) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface CloseReport {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  readonly errorEvent: boolean;
}

/** In the page: open `url`, send `send`, then report the CloseEvent (bounded inside the page too). */
function closeAfterSending(page: Page, url: string, send: string, closeWith?: [number, string]) {
  return withTimeout(
    page.evaluate(
      ([url, send, closeWith]) =>
        new Promise<CloseReport>((resolve, reject) => {
          const ws = new WebSocket(url);
          let errorEvent = false;
          const timer = setTimeout(() => reject(new Error('no close event within 8 s')), 8000);
          ws.onopen = () => {
            ws.send(send);
            if (closeWith) ws.close(closeWith[0], closeWith[1]);
          };
          ws.onerror = () => (errorEvent = true);
          ws.onclose = (e) => {
            clearTimeout(timer);
            resolve({ code: e.code, reason: e.reason, wasClean: e.wasClean, errorEvent });
          };
        }),
      [url, send, closeWith ?? null] as const,
    ),
    'the page to report a CloseEvent',
  );
}

describe.skipIf(!executablePath)(
  `Chromium WebSocket ↔ engine server on 127.0.0.1${executablePath ? '' : ` (skipped: ${NO_CHROMIUM_HINT})`}`,
  () => {
    let browser: Browser;
    let page: Page;
    let echo: EchoServer;
    let echoLog: string[];
    let commands: Awaited<ReturnType<typeof startCommandServer>>;
    const consoleLines: string[] = [];

    beforeAll(async () => {
      echoLog = [];
      echo = await startEchoServer({ port: 0, host: HOST, log: (line) => echoLog.push(line) });
      commands = await startCommandServer();
      browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
      page = await browser.newPage();
      page.on('console', (m) => consoleLines.push(m.text()));
    });
    afterAll(async () => {
      await browser?.close();
      await commands?.close();
      await echo?.close(500);
    });

    it('§5.6 text and binary (ArrayBuffer) messages echo back unchanged, compressed both ways (RFC 7692)', async () => {
      const url = `ws://${HOST}:${echo.port}/`;
      const result = await withTimeout(
        page.evaluate(async (url) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          await new Promise((resolve, reject) => {
            ws.onopen = resolve;
            ws.onerror = () => reject(new Error('WebSocket error before open'));
          });
          const next = () =>
            new Promise<MessageEvent>((resolve) => ws.addEventListener('message', resolve, { once: true }));
          ws.send('héllo, RFC 6455 👋');
          const text = (await next()).data as string;
          const sent = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) & 0xff); // 64-bit length form
          ws.send(sent.buffer);
          const echoed = await next();
          const back = new Uint8Array(echoed.data as ArrayBuffer);
          const sameBytes = back.length === sent.length && back.every((b, i) => b === sent[i]);
          // 200 messages that refer back to each other: context takeover, in both directions.
          let allBack = true;
          for (let i = 0; i < 200; i++) {
            const m = `message ${i % 7} says the same words again, ${'again, '.repeat(i % 13)}${i}`;
            ws.send(m);
            if ((await next()).data !== m) allBack = false;
          }
          ws.close(1000);
          return {
            text,
            isArrayBuffer: echoed.data instanceof ArrayBuffer,
            sameBytes,
            allBack,
            extensions: ws.extensions,
          };
        }, url),
        'the echo round trip in the page',
      );
      expect(result).toEqual({
        text: 'héllo, RFC 6455 👋',
        isArrayBuffer: true,
        sameBytes: true,
        allBack: true,
        // Chromium offers "permessage-deflate; client_max_window_bits"; the echo server accepts it.
        extensions: 'permessage-deflate',
      });
      await expect
        .poll(() => echoLog.find((l) => l.includes(' open (')), { timeout: 2000 })
        .toMatch(/ open \(permessage-deflate\)$/);
    });

    it('RFC 7692 a server that takes no context over and limits Chromium’s window to 2^9: Chromium complies', async () => {
      const strict = await startEchoServer({
        port: 0,
        host: HOST,
        log: null,
        deflate: { serverNoContextTakeover: true, clientNoContextTakeover: true, clientMaxWindowBits: 9 },
      });
      try {
        const url = `ws://${HOST}:${strict.port}/`;
        const result = await withTimeout(
          page.evaluate(async (url) => {
            const ws = new WebSocket(url);
            await new Promise((resolve, reject) => {
              ws.onopen = resolve;
              ws.onerror = () => reject(new Error('WebSocket error before open'));
            });
            const next = () =>
              new Promise<MessageEvent>((resolve) => ws.addEventListener('message', resolve, { once: true }));
            let allBack = true;
            for (let i = 0; i < 100; i++) {
              // Longer than the 512-byte window Chromium agreed to, with repeats further back than it.
              const m = `${i}: ${'0123456789abcdef'.repeat(20)}${'x'.repeat(600)}${'0123456789abcdef'.repeat(20)}`;
              ws.send(m);
              if ((await next()).data !== m) allBack = false;
            }
            ws.close(1000);
            return { allBack, extensions: ws.extensions };
          }, url),
          'the round trips in the page',
        );
        // ws.extensions is the 101's Sec-WebSocket-Extensions value: Chromium accepted every parameter.
        expect(result).toEqual({
          allBack: true,
          extensions:
            'permessage-deflate; server_no_context_takeover; client_no_context_takeover; client_max_window_bits=9',
        });
      } finally {
        await strict.close(500);
      }
    });

    it('§7.1.2 the browser closes with 4000 "bye from chromium": the server sees both, the browser gets 4000', async () => {
      const url = `ws://${HOST}:${echo.port}/`;
      const report = await closeAfterSending(page, url, 'hi', [4000, 'bye from chromium']);
      // The engine answers a close frame with the same code and no reason (§5.5.1 lets it choose), and
      // the browser's CloseEvent carries the code/reason of the close frame it *received* (§7.1.5, §7.1.6).
      expect(report).toEqual({ code: 4000, reason: '', wasClean: true, errorEvent: false });
      await expect
        .poll(() => echoLog.filter((l) => l.includes(' closed ')).at(-1), { timeout: 2000 })
        .toMatch(/ closed 4000 "bye from chromium" clean$/);
    });

    it('§7.1.2 the server closes normally with 1000 "done": the browser reports 1000 "done", wasClean', async () => {
      const report = await closeAfterSending(page, commands.url, 'close');
      expect(report).toEqual({ code: 1000, reason: 'done', wasClean: true, errorEvent: false });
      await expect
        .poll(() => commands.last().find((e) => e.type === 'closed'), { timeout: 2000 })
        .toMatchObject({ code: 1000, wasClean: true });
    });

    it('§5.2 the server sends a reserved opcode (83 00): Chromium fails the connection and reports 1006', async () => {
      consoleLines.length = 0;
      const report = await closeAfterSending(page, commands.url, 'bad');
      // Chromium _Fails the WebSocket Connection_ (§7.1.7). The page never learns the protocol close
      // code: WHATWG's "fail the WebSocket connection" fires `error`, then a CloseEvent with 1006
      // (abnormal closure, §7.4.1: never on the wire) and wasClean = false.
      expect(report).toEqual({ code: 1006, reason: '', wasClean: false, errorEvent: true });
      // The reason only reaches the developer console.
      expect(consoleLines.join('\n')).toMatch(/Unrecognized frame opcode: 3/);
      // Yet Chromium did tell our server: it sent a close frame with 1002 (protocol error, reason
      // "Unknown opcode" in Chromium 156), which the engine answered before closing TCP (§7.1.1).
      await expect
        .poll(() => commands.last().find((e) => e.type === 'close-frame'), { timeout: 2000 })
        .toMatchObject({ code: 1002 });
      expect(commands.last().find((e) => e.type === 'closed')).toMatchObject({ code: 1002 });
    });

    it('RFC 7692 §6.2 the server sends corrupt DEFLATE data: Chromium fails the connection with 1002', async () => {
      const report = await closeAfterSending(page, commands.url, 'corrupt');
      expect(report).toEqual({ code: 1006, reason: '', wasClean: false, errorEvent: true });
      // Chromium's close frame to the server: 1002, the code the engine sends for the same violation
      // (ws would send 1007). websocket_deflate_stream.cc → ERR_WS_PROTOCOL_ERROR → 1002.
      await expect
        .poll(() => commands.last().find((e) => e.type === 'close-frame'), { timeout: 2000 })
        .toMatchObject({ code: 1002 });
    });
  },
);
