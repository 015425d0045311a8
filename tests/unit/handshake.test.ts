/** §4 opening handshake: the request a client builds, what a server checks and answers, what a client accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClientConnection,
  ServerConnection,
  WEBSOCKET_GUID,
  acceptFor,
  checkRequest,
  checkResponse,
  headerValue,
  parseRequestHead,
  serializeHead,
  sha1Hex,
  type HttpRequest,
  type HttpResponse,
} from '../../src/protocol/index.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The §1.3 example request. */
const SAMPLE = [
  'GET /chat HTTP/1.1',
  'Host: server.example.com',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Origin: http://example.com',
  'Sec-WebSocket-Protocol: chat, superchat',
  'Sec-WebSocket-Version: 13',
  '',
  '',
].join('\r\n');

function request(edit: (lines: string[]) => string[] = (l) => l): HttpRequest {
  const parsed = parseRequestHead(enc.encode(edit(SAMPLE.split('\r\n')).join('\r\n')));
  if (parsed.kind !== 'head') throw new Error(`bad test request: ${JSON.stringify(parsed)}`);
  return parsed.head;
}
const without = (name: string) => (l: string[]) =>
  l.filter((x) => !x.toLowerCase().startsWith(`${name.toLowerCase()}:`));
const replace = (name: string, value: string) => (l: string[]) =>
  l.map((x) => (x.toLowerCase().startsWith(`${name.toLowerCase()}:`) ? `${name}: ${value}` : x));

describe('§4.2.1 the server reads the client’s request', () => {
  it('accepts the §1.3 example, choosing "chat" from "chat, superchat"', () => {
    const r = checkRequest(request(), { protocols: ['chat'] });
    expect(r).toMatchObject({ ok: true, accepted: { key: 'dGhlIHNhbXBsZSBub25jZQ==', protocol: 'chat' } });
  });
  it('Upgrade is compared case-insensitively and Connection is a token list', () => {
    const r = checkRequest(
      request((l) => replace('Connection', 'keep-alive, Upgrade')(replace('Upgrade', 'WebSocket')(l))),
    );
    expect(r.ok).toBe(true);
  });
  it.each([
    ['no Host', without('Host'), 'missing-host', 400],
    ['no Upgrade', without('Upgrade'), 'missing-upgrade', 400],
    ['Upgrade: h2c', replace('Upgrade', 'h2c'), 'missing-upgrade', 400],
    ['Connection: keep-alive', replace('Connection', 'keep-alive'), 'missing-connection-upgrade', 400],
    ['a key of 15 bytes', replace('Sec-WebSocket-Key', 'AAAAAAAAAAAAAAAAAAAA'), 'bad-key', 400],
    ['no key', without('Sec-WebSocket-Key'), 'bad-key', 400],
    [
      'POST instead of GET',
      (l: string[]) => [l[0]!.replace('GET', 'POST'), ...l.slice(1)],
      'bad-request-line',
      400,
    ],
    ['HTTP/1.0', (l: string[]) => [l[0]!.replace('1.1', '1.0'), ...l.slice(1)], 'bad-request-line', 400],
  ] as const)('%s → %s, HTTP %i', (_name, edit, rule, status) => {
    const r = checkRequest(request(edit));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.rule).toBe(rule);
    expect(r.response.status).toBe(status);
    expect(r.response.body).toContain('RFC 6455 §');
  });
  it('§4.4 Sec-WebSocket-Version: 8 → 426 Upgrade Required with Sec-WebSocket-Version: 13', () => {
    const r = checkRequest(request(replace('Sec-WebSocket-Version', '8')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(426);
    expect(headerValue(r.response.headers, 'Sec-WebSocket-Version')).toBe('13');
    expect(headerValue(r.response.headers, 'Upgrade')).toBe('websocket'); // RFC 9110 §15.5.22
    expect(dec.decode(serializeHead(r.response))).toMatch(/^HTTP\/1\.1 426 Upgrade Required\r\n/);
  });
  it('§4.2.2 an origin the policy refuses → 403 Forbidden', () => {
    const r = checkRequest(request(), { allowOrigin: (o) => o === 'https://ws101.example' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'origin-not-allowed' }, response: { status: 403 } });
  });
  it('no subprotocol in common: answered without one, or refused with 400 when the server requires one', () => {
    expect(checkRequest(request(), { protocols: ['mqtt'] })).toMatchObject({
      ok: true,
      accepted: { protocol: null },
    });
    expect(checkRequest(request(), { protocols: ['mqtt'], requireProtocol: true })).toMatchObject({
      ok: false,
      response: { status: 400 },
    });
  });
  it('a server without permessage-deflate declines the offer: the 101 carries no Sec-WebSocket-Extensions', () => {
    const client = new ClientConnection({
      host: 'h',
      extraHeaders: [
        { name: 'Sec-WebSocket-Extensions', value: 'permessage-deflate; client_max_window_bits' },
      ],
    });
    const server = new ServerConnection();
    for (const b of client.dataToSend()) server.receiveData(b);
    server.sendResponse(server.accept(server.request!));
    expect(server.accepted?.declinedExtensions).toEqual(['permessage-deflate']);
    const res = dec.decode(server.dataToSend()[0]);
    expect(res).not.toMatch(/Sec-WebSocket-Extensions/i);
  });
});

describe('§4.1 the client checks the server’s answer', () => {
  const ok = (headers: [string, string][], status = 101): HttpResponse => ({
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: status === 101 ? 'Switching Protocols' : 'Bad Request',
    headers: headers.map(([name, value]) => ({ name, value })),
  });
  const good: [string, string][] = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Accept', 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='],
  ];
  const expected = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
  it('the §1.3 answer is accepted', () => {
    expect(checkResponse(ok(good), expected)).toMatchObject({ ok: true });
  });
  it.each([
    ['a status other than 101', ok(good, 400), 'not-101'],
    [
      'a wrong Sec-WebSocket-Accept',
      ok([...good.slice(0, 2), ['Sec-WebSocket-Accept', 'AAAA']]),
      'wrong-accept',
    ],
    ['no Upgrade', ok(good.slice(1)), 'response-missing-upgrade'],
    ['no Connection', ok([good[0]!, good[2]!]), 'response-missing-connection'],
    [
      'an extension not offered',
      ok([...good, ['Sec-WebSocket-Extensions', 'permessage-deflate']]),
      'unexpected-extension',
    ],
    [
      'a subprotocol not offered',
      ok([...good, ['Sec-WebSocket-Protocol', 'soap']]),
      'unexpected-subprotocol',
    ],
  ])('%s → the client fails the connection (%s)', (_n, res, rule) => {
    expect(checkResponse(res, expected, { protocols: ['chat'] })).toMatchObject({
      ok: false,
      error: { rule },
    });
  });
});

describe('the handshake through two Connections', () => {
  it('byte by byte, with the first frame pipelined behind the 101', () => {
    const client = new ClientConnection({ host: 'example.com', path: '/chat', protocols: ['chat'] });
    const server = new ServerConnection({ protocols: ['chat'] });
    for (const chunk of client.dataToSend()) for (const b of chunk) server.receiveData(Uint8Array.of(b));
    expect(server.responsePending).toBe(true);
    server.sendResponse(server.accept(server.request!));
    server.sendText('welcome');
    const bytes = server.dataToSend();
    const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    let o = 0;
    for (const b of bytes) {
      all.set(b, o);
      o += b.length;
    }
    for (const b of all) client.receiveData(Uint8Array.of(b));
    expect(client.state).toBe('OPEN');
    expect(client.protocol).toBe('chat');
    expect(client.events().find((e) => e.type === 'message')).toMatchObject({ data: 'welcome' });
  });
  it('a refused handshake leaves both ends CLOSED and the client names the rule', () => {
    const client = new ClientConnection({ host: 'h', origin: 'https://evil.example' });
    const server = new ServerConnection({ allowOrigin: () => false });
    for (const b of client.dataToSend()) server.receiveData(b);
    server.sendResponse(server.accept(server.request!));
    for (const b of server.dataToSend()) client.receiveData(b);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
    expect(client.events().find((e) => e.type === 'error')).toMatchObject({ error: { rule: 'not-101' } });
    expect(client.sendText('x')).toMatchObject({ ok: false });
  });
  it('garbage instead of an HTTP request → 400 with the reason', () => {
    const server = new ServerConnection();
    server.receiveData(enc.encode('HELLO\r\nthere\r\n\r\n'));
    expect(dec.decode(server.dataToSend()[0])).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(server.state).toBe('CLOSED');
  });
});

describe('§4.2.2 Sec-WebSocket-Accept: the synchronous SHA-1 against Web Crypto as the oracle', () => {
  const webCrypto = async (input: string): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.digest('SHA-1', enc.encode(input)));
  const base64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));
  const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

  it('every 16-byte key → the Accept value Web Crypto gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 16, maxLength: 16 }), async (nonce) => {
        const key = base64(nonce);
        expect(acceptFor(key)).toBe(base64(await webCrypto(key + WEBSOCKET_GUID)));
      }),
      { numRuns: 300 },
    );
  });

  it('any text, across SHA-1’s 64-byte blocks and in any script → the same digest', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        expect(sha1Hex(text)).toBe(hex(await webCrypto(text)));
      }),
      { numRuns: 300 },
    );
  });
});
