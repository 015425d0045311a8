/**
 * permessage-deflate (RFC 7692) and subprotocols over real sockets with the `ws` package, both ways:
 * our echo server ↔ ws's client, and our client ↔ ws's server, for each parameter combination — the
 * defaults, no context takeover either way, small windows — with many small messages and a few of
 * several MiB. ws compresses with Node's zlib, so every message is checked by a second implementation.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WebSocket, type PerMessageDeflateOptions } from 'ws';
import { startEchoServer, type EchoServer } from '../../src/node/echo-server.ts';
import type { DeflateOffer, DeflatePolicy, EngineEvent } from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import {
  HOST,
  cleanUp,
  cleanups,
  engineClient,
  recordWs,
  startEngineServer,
  startWsServer,
  withTimeout,
  wsClient,
  type WsEvent,
  type Recorder,
} from './ws-harness.ts';

afterEach(cleanUp);

/** 300 small messages that share words (so context takeover pays), then 3 of 2–3 MiB. */
function workload(): (string | Buffer)[] {
  const words = ['hello', 'WebSocket', 'deflate', '압축', 'the same words again', '{"id":', '}', ' '];
  const small = Array.from({ length: 300 }, (_, i) =>
    i % 5 === 4
      ? randomBytes(1 + (i % 97))
      : Array.from({ length: 1 + (i % 23) }, (_, j) => words[(i * 7 + j) % words.length]).join(' ') + i,
  );
  const text = 'permessage-deflate makes repetitive text small. '.repeat(50_000); // 2.4 MB
  return [...small, Buffer.from(text), randomBytes(2 * 1024 * 1024), text + '!'];
}

/** A ws client offering permessage-deflate, with the Sec-WebSocket-Extensions of the 101 it got. */
async function deflateClient(url: string, offer: PerMessageDeflateOptions) {
  const ws = new WebSocket(url, { perMessageDeflate: offer, maxPayload: 8 << 20 });
  let answer: string | undefined;
  ws.once('upgrade', (res) => {
    answer = res.headers['sec-websocket-extensions'];
  });
  const rec = recordWs(ws);
  cleanups.push(() => ws.terminate());
  await rec.waitFor('open');
  return { ws, rec, answer };
}

async function echoed(rec: Recorder<WsEvent>, sent: readonly (string | Buffer)[]): Promise<void> {
  for (let i = 0; i < sent.length; i++) {
    await rec.waitFor('message', () => rec.count('message') > i, 20_000);
  }
  const got = rec.items.filter((e): e is Extract<WsEvent, { type: 'message' }> => e.type === 'message');
  expect(got.length).toBe(sent.length);
  got.forEach((m, i) => {
    const s = sent[i]!;
    expect(m.binary).toBe(typeof s !== 'string');
    expect(typeof s === 'string' ? m.data.toString('utf8') === s : m.data.equals(s)).toBe(true);
  });
}

interface Combination {
  readonly name: string;
  /** What ws (the client) offers. */
  readonly wsOffer: PerMessageDeflateOptions;
  /** The policy our echo server imposes. */
  readonly policy: DeflatePolicy;
  /** The server's Sec-WebSocket-Extensions answer, as ws received it. */
  readonly agreed: string;
}

const COMBINATIONS: Combination[] = [
  {
    name: 'defaults (context takeover, 32 KiB windows)',
    wsOffer: { threshold: 0 },
    policy: {},
    agreed: 'permessage-deflate',
  },
  {
    name: 'no context takeover either way, asked by the client',
    wsOffer: { threshold: 0, serverNoContextTakeover: true, clientNoContextTakeover: true },
    policy: {},
    agreed: 'permessage-deflate; server_no_context_takeover; client_no_context_takeover',
  },
  {
    name: 'no context takeover either way, imposed by the server',
    wsOffer: { threshold: 0 },
    policy: { serverNoContextTakeover: true, clientNoContextTakeover: true },
    agreed: 'permessage-deflate; server_no_context_takeover; client_no_context_takeover',
  },
  {
    name: 'small windows: 2^9 both ways',
    wsOffer: { threshold: 0, serverMaxWindowBits: 9, clientMaxWindowBits: 9 },
    policy: {},
    agreed: 'permessage-deflate; server_max_window_bits=9; client_max_window_bits=9',
  },
  {
    name: 'small windows imposed by the server: 2^10 and 2^11',
    wsOffer: { threshold: 0 },
    policy: { serverMaxWindowBits: 10, clientMaxWindowBits: 11 },
    agreed: 'permessage-deflate; server_max_window_bits=10; client_max_window_bits=11',
  },
];

describe('our echo server ↔ ws client, with permessage-deflate', () => {
  const servers: EchoServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close(500);
  });

  it.each(COMBINATIONS)(
    '$name: negotiated, and 303 messages come back intact',
    async (c) => {
      const echo = await startEchoServer({
        port: 0,
        host: HOST,
        log: null,
        deflate: c.policy,
        maxMessageSize: 8 << 20,
      });
      servers.push(echo);
      const { ws, rec, answer } = await deflateClient(`ws://${HOST}:${echo.port}/`, c.wsOffer);
      expect(answer).toBe(c.agreed);
      const sent = workload();
      for (const m of sent) ws.send(m);
      await echoed(rec, sent);
    },
    60_000,
  );

  it('the echo server with --no-deflate declines, and messages go uncompressed', async () => {
    const echo = await startEchoServer({ port: 0, host: HOST, log: null, deflate: false });
    servers.push(echo);
    const { ws, rec, answer } = await deflateClient(`ws://${HOST}:${echo.port}/`, {});
    expect(answer).toBeUndefined();
    ws.send('plain');
    expect((await rec.waitFor('message')).data.toString()).toBe('plain');
  });

  it('RFC 6455 §4.2.2 subprotocols: ws offers two, the engine server picks its own first preference', async () => {
    const server = await startEngineServer({ protocols: ['superchat', 'chat'] });
    cleanups.push(() => server.close());
    const picked = await wsClient(server.url, ['chat', 'superchat']);
    expect(picked.ws.protocol).toBe('superchat');
  });

  it('RFC 6455 §4.2.2 none in common: 101 without one (ws then gives up itself), or 400 when required', async () => {
    const lenient = await startEngineServer({ protocols: ['superchat'] });
    cleanups.push(() => lenient.close());
    const a = new WebSocket(lenient.url, ['mqtt']);
    const aRec = recordWs(a);
    cleanups.push(() => a.terminate());
    // §4.1 lets a server select no subprotocol; ws is stricter and fails its own handshake.
    expect((await aRec.waitFor('error')).message).toBe('Server sent no subprotocol');
    const { rec } = await lenient.accepted();
    expect(rec.items.find((e) => e.type === 'state')).toMatchObject({ to: 'OPEN' });
    const strict = await startEngineServer({ protocols: ['superchat'], requireProtocol: true });
    cleanups.push(() => strict.close());
    const b = new WebSocket(strict.url, ['mqtt']);
    const bRec = recordWs(b);
    cleanups.push(() => b.terminate());
    expect((await bRec.waitFor('error')).message).toBe('Unexpected server response: 400');
    expect((await strict.accepted()).rec.items.find((e) => e.type === 'error')).toMatchObject({
      error: { rule: 'no-common-subprotocol' },
    });
  });
});

describe('our client ↔ ws server, with permessage-deflate', () => {
  interface ClientCombination {
    readonly name: string;
    readonly offer: DeflateOffer;
    /** ws's server options. */
    readonly ws: PerMessageDeflateOptions;
    readonly agreed: Record<string, unknown>;
  }
  const CLIENT: ClientCombination[] = [
    {
      name: 'defaults (a browser’s offer)',
      offer: { clientMaxWindowBits: true },
      ws: { threshold: 0 },
      agreed: { serverNoContextTakeover: false, clientNoContextTakeover: false, clientMaxWindowBits: 15 },
    },
    {
      name: 'no context takeover either way, asked by the client',
      offer: { serverNoContextTakeover: true, clientNoContextTakeover: true },
      ws: { threshold: 0 },
      agreed: { serverNoContextTakeover: true, clientNoContextTakeover: true },
    },
    {
      name: 'no context takeover either way, imposed by ws',
      offer: { clientMaxWindowBits: true },
      ws: { threshold: 0, serverNoContextTakeover: true, clientNoContextTakeover: true },
      agreed: { serverNoContextTakeover: true, clientNoContextTakeover: true },
    },
    {
      name: 'small windows: 2^9 asked by the client',
      offer: { serverMaxWindowBits: 9, clientMaxWindowBits: 9 },
      ws: { threshold: 0 },
      agreed: { serverMaxWindowBits: 9, clientMaxWindowBits: 9 },
    },
    {
      name: 'small windows imposed by ws: 2^10 and 2^11',
      offer: { clientMaxWindowBits: true },
      ws: { threshold: 0, serverMaxWindowBits: 10, clientMaxWindowBits: 11 },
      agreed: { serverMaxWindowBits: 10, clientMaxWindowBits: 11 },
    },
  ];

  it.each(CLIENT)(
    '$name: negotiated, and 303 messages come back intact',
    async (c) => {
      const wss = await startWsServer({ perMessageDeflate: c.ws, maxPayload: 8 << 20 });
      cleanups.push(() => wss.close());
      const { client, rec } = await engineClient(wss.port, undefined, {
        deflate: { codec: pakoCodec, offer: c.offer },
        maxMessageSize: 8 << 20,
      });
      expect(client.conn.deflate).toMatchObject(c.agreed);
      const { ws } = await wss.accepted();
      ws.on('message', (data, binary) => ws.send(data, { binary }));
      const sent = workload();
      for (const m of sent) {
        const r = typeof m === 'string' ? client.sendText(m) : client.sendBinary(m);
        expect(r.ok).toBe(true);
      }
      for (let i = 0; i < sent.length; i++) {
        await rec.waitFor('message', () => rec.count('message') > i, 20_000);
      }
      const got = rec.items.filter(
        (e): e is Extract<EngineEvent, { type: 'message' }> => e.type === 'message',
      );
      got.forEach((m, i) => {
        const s = sent[i]!;
        expect(m.compressed).toBe(true); // ws compressed every echo (threshold 0)
        if (typeof s === 'string') expect(m.data).toBe(s);
        else expect(Buffer.from(m.data as Uint8Array).equals(s)).toBe(true);
      });
    },
    60_000,
  );

  it('ws without permessage-deflate: the offer is declined and the client goes on uncompressed', async () => {
    const wss = await startWsServer();
    cleanups.push(() => wss.close());
    const { client } = await engineClient(wss.port, undefined, { deflate: { codec: pakoCodec } });
    expect(client.conn.deflate).toBeNull();
  });

  it('RFC 6455 §4.1 subprotocols: ws picks one the client offered, or none', async () => {
    const picks = await startWsServer({ handleProtocols: (offered) => [...offered].at(-1) ?? false });
    cleanups.push(() => picks.close());
    const a = await engineClient(picks.port, ['chat', 'superchat']);
    expect(a.client.conn.protocol).toBe('superchat');
    const none = await startWsServer({ handleProtocols: () => false });
    cleanups.push(() => none.close());
    const b = await engineClient(none.port, ['chat']);
    expect(b.client.conn.protocol).toBeNull();
  });
});

describe('a decompression bomb against the engine (RFC 6455 §10.4, 1009)', () => {
  it('ws sends one compressed message that inflates far past the limit → 1009, the rest never inflated', async () => {
    const echo = await startEchoServer({ port: 0, host: HOST, log: null, maxMessageSize: 1 << 20 });
    cleanups.push(() => echo.close(500));
    const { ws, rec } = await wsClient(`ws://${HOST}:${echo.port}/`, undefined, {
      perMessageDeflate: { threshold: 0 },
    });
    ws.send(Buffer.alloc(64 << 20)); // 64 MiB of zeros: ~64 KiB on the wire
    const closed = await withTimeout(
      rec.waitFor('close', () => true, 20_000),
      'the close',
    );
    expect(closed.code).toBe(1009);
  }, 30_000);
});
