/**
 * Interop over real TCP (127.0.0.1, port 0) with the `ws` package, in both directions:
 *   (a) our engine as the server, ws's WebSocket as the client;
 *   (b) ws's WebSocketServer as the server, our engine as the client (connectClient).
 * Two independent implementations agreeing on the bytes is the evidence that the engine speaks RFC 6455.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/protocol/index.ts';
import { startEchoServer, type EchoServer } from '../../src/node/echo-server.ts';
import { connectClient } from '../../src/node/socket-driver.ts';
import {
  HOST,
  Recorder,
  SIZES,
  cleanUp,
  cleanups,
  engineClient,
  handshakeRequest,
  maskedFrame,
  rawExchange,
  rawSocketOf,
  sameBytes,
  startEngineServer,
  startWsServer,
  text,
  withTimeout,
  wsClient,
  type EngineServer,
  type WsServer,
} from './ws-harness.ts';

afterEach(cleanUp);

// ═════════════════════════════════════════════════════════════════════════
// (a) engine server ↔ ws client
// ═════════════════════════════════════════════════════════════════════════

describe('engine echo server ↔ ws client (startEchoServer)', () => {
  let echo: EchoServer;
  let url: string;
  beforeAll(async () => {
    echo = await startEchoServer({ port: 0, host: HOST, log: null });
    url = `ws://${HOST}:${echo.port}/`;
  });
  afterAll(() => echo.close(500));

  it('§5.6 a text message comes back as one text message with the same characters', async () => {
    const { ws, rec } = await wsClient(url);
    const message = 'Hello, RFC 6455 — 안녕하세요 👋';
    ws.send(message);
    const got = await rec.waitFor('message');
    expect(got.binary).toBe(false);
    expect(got.data.toString('utf8')).toBe(message);
  });

  it.each(SIZES)('§5.2 payload length %i: a binary message comes back byte for byte', async (size) => {
    const { ws, rec } = await wsClient(url);
    const payload = randomBytes(size);
    ws.send(payload, { binary: true });
    const got = await rec.waitFor('message');
    expect(got.binary).toBe(true);
    expect(got.data.length).toBe(size);
    expect(got.data.equals(payload)).toBe(true);
  });

  it.each(SIZES)('§5.2 payload length %i: a text message comes back unchanged', async (size) => {
    const { ws, rec } = await wsClient(url);
    const message = 'é'.repeat(Math.floor(size / 2)) + 'x'.repeat(size % 2); // exactly `size` UTF-8 bytes
    ws.send(message);
    const got = await rec.waitFor('message');
    expect(got.binary).toBe(false);
    expect(got.data.length).toBe(size);
    expect(got.data.toString('utf8')).toBe(message);
  });

  it('§7.1.2 the client closes with 4001 "bye": the server echoes the code, both close cleanly', async () => {
    const { ws, rec } = await wsClient(url);
    ws.close(4001, 'bye');
    const closed = await rec.waitFor('close');
    expect(closed.code).toBe(4001);
  });
});

describe('engine server ↔ ws client (driver, test-controlled)', () => {
  let server: EngineServer;
  beforeAll(async () => {
    server = await startEngineServer();
  });
  afterAll(() => server.close());

  it('§5.4 ws sends one message as three frames (fin: false …) → the engine reports one message, frames = 3', async () => {
    const { ws } = await wsClient(server.url);
    const { rec } = await server.accepted();
    ws.send('frag', { fin: false });
    ws.send('ment', { fin: false });
    ws.send('ed', { fin: true });
    const msg = await rec.waitFor('message');
    expect(msg).toMatchObject({ binary: false, data: 'fragmented', frames: 3 });
  });

  it('§5.4 the engine sends one binary message as 4 frames → ws receives one message', async () => {
    const { rec: wsRec } = await wsClient(server.url);
    const { driver, rec } = await server.accepted();
    const payload = randomBytes(70_000);
    expect(driver.sendFragmented(payload, 4)).toEqual({ ok: true });
    const got = await wsRec.waitFor('message');
    expect(got.binary).toBe(true);
    expect(got.data.equals(payload)).toBe(true);
    expect(wsRec.count('message')).toBe(1);
    expect(
      rec.items.filter((e) => e.type === 'frame-out').map((e) => e.type === 'frame-out' && e.frame.opcode),
    ).toEqual([0x2, 0x0, 0x0, 0x0]);
  });

  it('§5.5.2 ws.ping("hi") → the engine answers a pong with the same payload', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    ws.ping(Buffer.from('hi'));
    const pong = await wsRec.waitFor('pong');
    expect(pong.data.toString()).toBe('hi');
    const ping = await rec.waitFor('ping');
    expect(sameBytes(ping.payload, Buffer.from('hi'))).toBe(true);
  });

  it('§5.5.3 engine sendPing("are you there") → ws answers → the engine sees the pong', async () => {
    const { rec: wsRec } = await wsClient(server.url);
    const { driver, rec } = await server.accepted();
    expect(driver.sendPing(text('are you there'))).toEqual({ ok: true });
    const pong = await rec.waitFor('pong');
    expect(new TextDecoder().decode(pong.payload)).toBe('are you there');
    expect((await wsRec.waitFor('ping')).data.toString()).toBe('are you there');
  });

  it('§7.1.2 ws closes with 4001 "bye": the engine sees code and reason, closes cleanly, ws gets 4001', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    ws.close(4001, 'bye');
    expect(await rec.waitFor('close-frame')).toMatchObject({ code: 4001, reason: 'bye' });
    expect(await rec.waitFor('closed')).toMatchObject({ code: 4001, reason: 'bye', wasClean: true });
    // §7.1.1: the server closes TCP first, so ws's 'close' comes after the engine's close-transport.
    await rec.waitFor('close-transport');
    expect((await wsRec.waitFor('close')).code).toBe(4001);
  });

  it('§7.1.2 the engine closes with 4001 "bye": ws reports 4001 "bye", the engine closes cleanly', async () => {
    const { rec: wsRec } = await wsClient(server.url);
    const { driver, rec } = await server.accepted();
    expect(driver.sendClose(4001, 'bye')).toEqual({ ok: true });
    expect(await wsRec.waitFor('close')).toMatchObject({ code: 4001, reason: 'bye' });
    // §7.1.5: the close code is the one in the close frame *received*, here ws's echo of 4001.
    expect(await rec.waitFor('closed')).toMatchObject({ code: 4001, wasClean: true });
  });

  it('§5.1 an unmasked frame from the client → the server fails the connection with 1002', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    rawSocketOf(ws).write(Uint8Array.of(0x81, 0x02, 0x68, 0x69)); // FIN text "hi", MASK = 0
    expect((await rec.waitFor('error')).error.rule).toBe('unmasked-client-frame');
    expect((await wsRec.waitFor('close')).code).toBe(1002);
    expect(await rec.waitFor('closed')).toMatchObject({ wasClean: false });
  });

  it('§5.5 a ping whose length field says 126 → 1002, before the extended length arrives', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    // 0x89 FIN ping; 0xFE = MASK | 126. Nothing else is needed for the verdict.
    rawSocketOf(ws).write(Uint8Array.of(0x89, 0xfe));
    expect((await rec.waitFor('error')).error.rule).toBe('control-frame-too-long');
    expect((await wsRec.waitFor('close')).code).toBe(1002);
  });

  it('§5.2 a reserved opcode (0x3) from the client → 1002', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    rawSocketOf(ws).write(maskedFrame(0x83, new Uint8Array(0)));
    expect((await rec.waitFor('error')).error.rule).toBe('unknown-opcode');
    expect((await wsRec.waitFor('close')).code).toBe(1002);
  });

  it('§8.1 a text message that is not UTF-8 → 1007', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    ws.send(Buffer.from([0x68, 0x69, 0xff]), { binary: false }); // ws does not validate what it sends
    expect((await rec.waitFor('error')).error.rule).toBe('invalid-utf8');
    expect((await wsRec.waitFor('close')).code).toBe(1007);
  });

  it('§8.1 invalid UTF-8 split across fragments is caught too → 1007', async () => {
    const { ws, rec: wsRec } = await wsClient(server.url);
    const { rec } = await server.accepted();
    // U+20AC € is E2 82 AC; E2 82 followed by "(" is not UTF-8.
    ws.send(Buffer.from([0xe2]), { binary: false, fin: false });
    ws.send(Buffer.from([0x82, 0x28]), { fin: true });
    expect((await rec.waitFor('error')).error.rule).toBe('invalid-utf8');
    expect((await wsRec.waitFor('close')).code).toBe(1007);
  });

  it('§4.2.2 a client that sends its request and leaves at once: answered, then CLOSED (1006), never reopened', async () => {
    const socket = net.connect(server.port, HOST);
    cleanups.push(() => socket.destroy());
    socket.on('error', () => {});
    socket.end(handshakeRequest({})); // the request and FIN together
    const { driver, rec } = await server.accepted();
    await withTimeout(driver.transportClosed, 'the socket to close');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The engine answers synchronously as the request completes, so nothing can arrive after CLOSED.
    const states = rec.items.flatMap((e) => (e.type === 'state' ? [`${e.from}→${e.to}`] : []));
    expect(states.filter((s) => s.startsWith('CLOSED'))).toEqual([]);
    expect(rec.items.find((e) => e.type === 'closed')).toMatchObject({ code: 1006, wasClean: false });
    expect(driver.state).toBe('CLOSED');
  });
});

describe('engine server: opening handshake over raw TCP (§4.2)', () => {
  let server: EngineServer;
  beforeAll(async () => {
    server = await startEngineServer({ protocols: ['chat'] });
  });
  afterAll(() => server.close());

  it('§4.2.2 a valid request gets 101 with Accept = base64(SHA-1(key + GUID)) (the RFC §1.3 example)', async () => {
    const socket = net.connect(server.port, HOST);
    cleanups.push(() => socket.destroy());
    socket.write(handshakeRequest({}));
    const head = await withTimeout(
      new Promise<string>((resolve) => {
        let s = '';
        socket.on('data', (c: Buffer) => {
          s += c.toString('latin1');
          if (s.includes('\r\n\r\n')) resolve(s);
        });
      }),
      'the 101',
    );
    expect(head.startsWith('HTTP/1.1 101 ')).toBe(true);
    expect(head).toMatch(/\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/i);
    expect((await server.accepted()).driver.state).toBe('OPEN');
  });

  it('§4.4 Sec-WebSocket-Version: 8 → 426 Upgrade Required with "Sec-WebSocket-Version: 13"', async () => {
    const answer = await rawExchange(server.port, handshakeRequest({ 'Sec-WebSocket-Version': '8' }));
    expect(answer.startsWith('HTTP/1.1 426 ')).toBe(true);
    expect(answer).toMatch(/\r\nSec-WebSocket-Version: 13\r\n/i);
    expect((await server.accepted()).driver.state).toBe('CLOSED');
  });

  it('§4.2.1 a Sec-WebSocket-Key that is not 16 bytes of base64 → 400 Bad Request', async () => {
    const answer = await rawExchange(server.port, handshakeRequest({ 'Sec-WebSocket-Key': 'not-a-key' }));
    expect(answer.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect(answer).toContain('§4.2.1');
    await server.accepted();
  });

  it('§4.2.2 the server selects one of the subprotocols ws offered', async () => {
    const { ws } = await wsClient(server.url, ['superchat', 'chat']);
    expect(ws.protocol).toBe('chat');
    expect((await server.accepted()).driver.conn.accepted?.protocol).toBe('chat');
  });
});

// ═════════════════════════════════════════════════════════════════════════
// (b) ws server ↔ engine client
// ═════════════════════════════════════════════════════════════════════════

describe('ws server ↔ engine client (connectClient)', () => {
  let wss: WsServer;
  beforeAll(async () => {
    wss = await startWsServer();
  });
  afterAll(() => wss.close());

  it('§4.1 connectClient resolves once OPEN; a text message reaches ws and comes back', async () => {
    const { client, rec } = await engineClient(wss.port);
    expect(client.state).toBe('OPEN');
    const { ws, rec: wsRec } = await wss.accepted();
    ws.on('message', (data, binary) => ws.send(data, { binary }));
    expect(client.sendText('Hello, ws — 👋')).toEqual({ ok: true });
    expect((await wsRec.waitFor('message')).data.toString()).toBe('Hello, ws — 👋');
    expect(await rec.waitFor('message')).toMatchObject({ binary: false, data: 'Hello, ws — 👋', frames: 1 });
  });

  it.each(SIZES)(
    '§5.3 payload length %i: masked binary arrives at ws intact and comes back',
    async (size) => {
      const { client, rec } = await engineClient(wss.port);
      const { ws, rec: wsRec } = await wss.accepted();
      ws.on('message', (data, binary) => ws.send(data, { binary }));
      const payload = new Uint8Array(randomBytes(size));
      expect(client.sendBinary(payload)).toEqual({ ok: true });
      const atWs = await wsRec.waitFor('message');
      expect(atWs.binary).toBe(true);
      expect(sameBytes(payload, atWs.data)).toBe(true);
      const back = await rec.waitFor('message');
      expect(back.binary).toBe(true);
      expect((back.data as Uint8Array).length).toBe(size);
      expect(sameBytes(back.data as Uint8Array, Buffer.from(payload))).toBe(true);
    },
  );

  it('§5.4 engine sendFragmented(text, 5) → ws receives one text message', async () => {
    const { client } = await engineClient(wss.port);
    const { rec: wsRec } = await wss.accepted();
    expect(client.sendFragmented('one message, five frames', 5)).toEqual({ ok: true });
    const got = await wsRec.waitFor('message');
    expect(got).toMatchObject({ binary: false });
    expect(got.data.toString()).toBe('one message, five frames');
  });

  it('§5.4 ws sends fragments (fin: false …) → the engine reports one message, frames = 3', async () => {
    const { rec } = await engineClient(wss.port);
    const { ws } = await wss.accepted();
    ws.send(Buffer.from([1, 2]), { binary: true, fin: false });
    ws.send(Buffer.from([3]), { fin: false });
    ws.send(Buffer.from([4, 5]), { fin: true });
    const msg = await rec.waitFor('message');
    expect(msg).toMatchObject({ binary: true, frames: 3 });
    expect([...(msg.data as Uint8Array)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('§5.5.2 ws (server) pings → the engine client pongs with the same payload', async () => {
    const { rec } = await engineClient(wss.port);
    const { ws, rec: wsRec } = await wss.accepted();
    ws.ping(Buffer.from('ping from ws'));
    expect((await wsRec.waitFor('pong')).data.toString()).toBe('ping from ws');
    await rec.waitFor('ping');
  });

  it('§5.5.3 the engine client pings → ws pongs → the engine sees the pong', async () => {
    const { client, rec } = await engineClient(wss.port);
    await wss.accepted();
    client.sendPing(text('1234'));
    expect(new TextDecoder().decode((await rec.waitFor('pong')).payload)).toBe('1234');
  });

  it('§7.1.2 the engine client closes with 4001 "bye": ws sees it, the engine closes cleanly', async () => {
    const { client, rec } = await engineClient(wss.port);
    const { rec: wsRec } = await wss.accepted();
    client.sendClose(4001, 'bye');
    expect(await wsRec.waitFor('close')).toMatchObject({ code: 4001, reason: 'bye' });
    expect(await rec.waitFor('closed')).toMatchObject({ code: 4001, wasClean: true });
    // §7.1.1: the client waits for the server to close TCP; ws does.
    await withTimeout(client.transportClosed, 'ws to close TCP');
  });

  it('§7.1.2 ws (server) closes with 4001 "bye": the engine client reports 4001 "bye" cleanly', async () => {
    const { client, rec } = await engineClient(wss.port);
    const { ws, rec: wsRec } = await wss.accepted();
    ws.close(4001, 'bye');
    expect(await rec.waitFor('close-frame')).toMatchObject({ code: 4001, reason: 'bye' });
    expect(await rec.waitFor('closed')).toMatchObject({ code: 4001, reason: 'bye', wasClean: true });
    expect((await wsRec.waitFor('close')).code).toBe(4001);
    await withTimeout(client.transportClosed, 'ws to close TCP');
    expect(rec.count('close-transport')).toBe(0); // a client leaves TCP closing to the server
  });

  it('§5.1 the engine client sends an unmasked frame (sendRaw) → ws fails with 1002', async () => {
    const { client, rec } = await engineClient(wss.port);
    const { rec: wsRec } = await wss.accepted();
    client.sendRaw(Uint8Array.of(0x81, 0x02, 0x68, 0x69));
    expect((await wsRec.waitFor('error')).code).toBe('WS_ERR_EXPECTED_MASK');
    expect(await rec.waitFor('closed')).toMatchObject({ code: 1002 });
  });

  it('§5.2 a reserved opcode from the engine client → ws fails with 1002', async () => {
    const { client, rec } = await engineClient(wss.port);
    const { rec: wsRec } = await wss.accepted();
    client.sendRaw(maskedFrame(0x83, new Uint8Array(0)));
    expect((await wsRec.waitFor('error')).code).toBe('WS_ERR_INVALID_OPCODE');
    expect(await rec.waitFor('closed')).toMatchObject({ code: 1002 });
  });

  it('§8.1 invalid UTF-8 text from the engine client → ws closes with 1007', async () => {
    const { client, rec } = await engineClient(wss.port);
    const { rec: wsRec } = await wss.accepted();
    client.sendRaw(maskedFrame(0x81, Uint8Array.of(0xc3, 0x28))); // C3 must be followed by 80–BF
    expect((await wsRec.waitFor('error')).code).toBe('WS_ERR_INVALID_UTF8');
    expect(await rec.waitFor('closed')).toMatchObject({ code: 1007 });
  });

  it('§5.1 a masked frame from the ws server → the engine client fails with 1002', async () => {
    const { rec } = await engineClient(wss.port);
    const { ws, rec: wsRec } = await wss.accepted();
    rawSocketOf(ws).write(maskedFrame(0x81, text('hi')));
    expect((await rec.waitFor('error')).error.rule).toBe('masked-server-frame');
    expect((await wsRec.waitFor('close')).code).toBe(1002);
    expect(await rec.waitFor('closed')).toMatchObject({ wasClean: false });
  });
});

describe('engine client: checks of the server’s handshake answer (§4.1)', () => {
  it('§4.1 ws selects the first subprotocol offered: the engine client records it', async () => {
    const wss = await startWsServer();
    cleanups.push(() => wss.close());
    const { client } = await engineClient(wss.port, ['chat', 'superchat']);
    expect(client.conn.protocol).toBe('chat');
  });

  it('§4.1 ws answers with a subprotocol the client did not offer → unexpected-subprotocol', async () => {
    const wss = await startWsServer({ handleProtocols: () => 'chat' });
    cleanups.push(() => wss.close());
    const result = await withTimeout(
      connectClient({ host: HOST, port: wss.port, protocols: ['superchat'] }),
      'the handshake',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind === 'protocol-error' && result.error.rule).toBe(
      'unexpected-subprotocol',
    );
  });

  it('§4.1 ws refuses the upgrade (verifyClient → 401) → not-101', async () => {
    const wss = await startWsServer({ verifyClient: () => false });
    cleanups.push(() => wss.close());
    const result = await withTimeout(connectClient({ host: HOST, port: wss.port }), 'the handshake');
    expect(!result.ok && result.error.kind === 'protocol-error' && result.error.rule).toBe('not-101');
  });

  /** A raw TCP server that answers any request head with `answer(key)`. */
  async function rawServer(answer: (key: string) => string): Promise<number> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      let head = '';
      socket.on('data', (c: Buffer) => {
        head += c.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        const key = /\r\nSec-WebSocket-Key: *([^\r]*)\r\n/i.exec(head)?.[1] ?? '';
        socket.write(answer(key));
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    );
    return (server.address() as net.AddressInfo).port;
  }

  // Computed with node:crypto, independently of the engine's Web Crypto path.
  const acceptOf = (key: string) =>
    createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');

  it('§4.1 a 101 whose Sec-WebSocket-Accept is not for our key → wrong-accept, connection closed', async () => {
    // The RFC's example Accept, correct only for the key "dGhlIHNhbXBsZSBub25jZQ==".
    const port = await rawServer(
      () =>
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n',
    );
    const events = new Recorder<EngineEvent>();
    const result = await withTimeout(
      connectClient({ host: HOST, port, onEvent: events.push }),
      'the handshake',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind === 'protocol-error' && result.error.rule).toBe('wrong-accept');
    expect(await events.waitFor('closed')).toMatchObject({ code: 1006, wasClean: false });
    await events.waitFor('close-transport'); // §4.1: the client fails the connection and closes TCP
  });

  it('§4.1 the same 101 with the right Accept opens (the raw server is not the problem)', async () => {
    const port = await rawServer(
      (key) =>
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptOf(key)}\r\n\r\n`,
    );
    const result = await withTimeout(connectClient({ host: HOST, port }), 'the handshake');
    expect(result.ok).toBe(true);
    if (result.ok) cleanups.push(() => result.client.destroy());
  });

  it('§4.1 a 101 selecting a subprotocol the client did not offer → unexpected-subprotocol', async () => {
    const port = await rawServer(
      (key) =>
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptOf(key)}\r\nSec-WebSocket-Protocol: chat\r\n\r\n`,
    );
    const result = await withTimeout(connectClient({ host: HOST, port }), 'the handshake');
    expect(!result.ok && result.error.kind === 'protocol-error' && result.error.rule).toBe(
      'unexpected-subprotocol',
    );
  });

  it('nothing listening → a transport error value, not a throw', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await withTimeout(connectClient({ host: HOST, port }), 'the refusal');
    expect(result).toMatchObject({ ok: false, error: { kind: 'transport-error', code: 'ECONNREFUSED' } });
  });
});
