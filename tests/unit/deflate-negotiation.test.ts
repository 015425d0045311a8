/**
 * permessage-deflate's negotiation (RFC 7692 §5, §7.1) and subprotocols (RFC 6455 §4.1, §4.2.2): what
 * a client offers, what a server answers for its policy, and what makes a client fail the handshake.
 */
import { describe, expect, it } from 'vitest';
import {
  ClientConnection,
  ServerConnection,
  answerOffer,
  checkAnswer,
  checkRequest,
  checkResponse,
  errorText,
  englishText,
  headerValue,
  offerHeader,
  parseExtensions,
  type DeflateOffer,
  type DeflatePolicy,
  type ExtensionElement,
  type HttpRequest,
  type HttpResponse,
} from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { renderText } from '../../src/i18n/text.ts';

function element(value: string): ExtensionElement {
  const r = parseExtensions(value);
  if (!r.ok || r.elements.length !== 1) throw new Error(value);
  return r.elements[0]!;
}

describe('RFC 6455 §9.1 Sec-WebSocket-Extensions', () => {
  it('reads a list of offers with parameters, quoted values unquoted', () => {
    expect(
      parseExtensions(
        'permessage-deflate; client_max_window_bits, permessage-deflate; server_max_window_bits="10"',
      ),
    ).toEqual({
      ok: true,
      elements: [
        { name: 'permessage-deflate', params: [{ name: 'client_max_window_bits', value: null }] },
        { name: 'permessage-deflate', params: [{ name: 'server_max_window_bits', value: '10' }] },
      ],
    });
  });
  it.each([['permessage-deflate; ='], ['a b'], ['x; y="unclosed'], ['x; y="a b"']])(
    'refuses %s, saying what is malformed',
    (value) => {
      expect(parseExtensions(value)).toMatchObject({ ok: false });
    },
  );
  it('a client offer is written the way browsers write it', () => {
    expect(offerHeader({ clientMaxWindowBits: true })).toBe('permessage-deflate; client_max_window_bits');
    expect(
      offerHeader({
        serverNoContextTakeover: true,
        clientNoContextTakeover: true,
        serverMaxWindowBits: 10,
        clientMaxWindowBits: 9,
      }),
    ).toBe(
      'permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=10; client_max_window_bits=9',
    );
  });
});

describe('RFC 7692 §7.1 the server answers an offer', () => {
  const answer = (offer: string, policy: DeflatePolicy = {}) => {
    const r = answerOffer(element(offer), policy);
    return r.ok ? offerHeaderOf(r.answer) : r.error.rule;
  };
  const offerHeaderOf = (e: ExtensionElement) =>
    [e.name, ...e.params.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`))].join('; ');

  it.each([
    ['permessage-deflate', {}, 'permessage-deflate'],
    ['permessage-deflate; client_max_window_bits', {}, 'permessage-deflate'],
    // §7.1.2.2: the server may limit the client's window only if the client said it can be limited.
    [
      'permessage-deflate; client_max_window_bits',
      { clientMaxWindowBits: 10 },
      'permessage-deflate; client_max_window_bits=10',
    ],
    ['permessage-deflate', { clientMaxWindowBits: 10 }, 'permessage-deflate'],
    [
      'permessage-deflate; client_max_window_bits=12',
      { clientMaxWindowBits: 10 },
      'permessage-deflate; client_max_window_bits=10',
    ],
    [
      'permessage-deflate; client_max_window_bits=9',
      { clientMaxWindowBits: 10 },
      'permessage-deflate; client_max_window_bits=9',
    ],
    // §7.1.2.1: the same or a smaller server window.
    ['permessage-deflate; server_max_window_bits=10', {}, 'permessage-deflate; server_max_window_bits=10'],
    [
      'permessage-deflate; server_max_window_bits=12',
      { serverMaxWindowBits: 9 },
      'permessage-deflate; server_max_window_bits=9',
    ],
    ['permessage-deflate', { serverMaxWindowBits: 9 }, 'permessage-deflate; server_max_window_bits=9'],
    // §7.1.1: taking no context over, asked for or imposed.
    ['permessage-deflate; server_no_context_takeover', {}, 'permessage-deflate; server_no_context_takeover'],
    [
      'permessage-deflate',
      { serverNoContextTakeover: true, clientNoContextTakeover: true },
      'permessage-deflate; server_no_context_takeover; client_no_context_takeover',
    ],
  ] as const)('%s under %j → %s', (offer, policy, expected) => {
    expect(answer(offer, policy)).toBe(expected);
  });

  it.each([
    ['permessage-deflate; x_max_window_bits=10', 'deflate-offer-unknown-param'],
    [
      'permessage-deflate; server_no_context_takeover; server_no_context_takeover',
      'deflate-offer-duplicate-param',
    ],
    ['permessage-deflate; server_max_window_bits=16', 'deflate-offer-bad-window-bits'],
    ['permessage-deflate; server_max_window_bits=7', 'deflate-offer-bad-window-bits'],
    ['permessage-deflate; server_max_window_bits=08', 'deflate-offer-bad-window-bits'],
    ['permessage-deflate; server_max_window_bits', 'deflate-offer-bad-window-bits'],
    ['permessage-deflate; client_max_window_bits=abc', 'deflate-offer-bad-window-bits'],
    ['permessage-deflate; server_no_context_takeover=1', 'deflate-offer-flag-with-value'],
  ])('§7 "A server MUST decline" %s (%s)', (offer, rule) => {
    expect(answer(offer)).toBe(rule);
  });

  it('the request: the first acceptable offer wins, invalid ones are declined with their rule', () => {
    const req = request(
      'permessage-deflate; server_max_window_bits=99, permessage-deflate; client_max_window_bits, x-webkit-deflate-frame',
    );
    const r = checkRequest(req, { perMessageDeflate: {} });
    expect(r.ok && r.accepted).toMatchObject({
      deflate: { serverMaxWindowBits: 15, clientMaxWindowBits: 15 },
      extensions: 'permessage-deflate',
      declinedExtensions: ['permessage-deflate', 'x-webkit-deflate-frame'],
      declinedBecause: [{ rule: 'deflate-offer-bad-window-bits', rfc: 7692, answer: { kind: 'declined' } }],
    });
    expect(r.ok && headerValue(r.response.headers, 'Sec-WebSocket-Extensions')).toBe('permessage-deflate');
  });

  it('a malformed header is declined (RFC 6455 §9.1), and the connection opens uncompressed', () => {
    const r = checkRequest(request('permessage-deflate; ="'), { perMessageDeflate: {} });
    expect(r.ok && r.accepted).toMatchObject({
      deflate: null,
      declinedBecause: [{ rule: 'deflate-offer-malformed' }],
    });
    expect(r.ok && headerValue(r.response.headers, 'Sec-WebSocket-Extensions')).toBeNull();
  });

  it('the reason reads in English and Korean, naming RFC 7692 and what the server does', () => {
    const r = answerOffer(element('permessage-deflate; server_max_window_bits=16'), {});
    if (r.ok) throw new Error('accepted');
    expect(englishText(errorText(r.error))).toBe(
      'RFC 7692 §7.1.2: server_max_window_bits must be an integer from 8 to 15 without leading zeros, but the offer says “16”; the server declines the offer. → 101 without the extension',
    );
    expect(renderText('ko', errorText(r.error))).toMatch(
      /^RFC 7692 §7\.1\.2: server_max_window_bits는 .* 확장 없이 101로 응답$/,
    );
  });
});

describe('RFC 7692 §7.1 the client checks the answer against its offer', () => {
  const check = (answer: string, offer: DeflateOffer) => {
    const r = checkAnswer(element(answer), offer);
    return r.ok ? r.params : r.error.rule;
  };
  it.each([
    [
      'permessage-deflate',
      {},
      { serverMaxWindowBits: 15, clientMaxWindowBits: 15, serverNoContextTakeover: false },
    ],
    ['permessage-deflate; server_no_context_takeover', {}, { serverNoContextTakeover: true }],
    [
      'permessage-deflate; client_max_window_bits=10',
      { clientMaxWindowBits: true },
      { clientMaxWindowBits: 10 },
    ],
    // The client's own limit holds when the answer leaves it out.
    ['permessage-deflate', { clientMaxWindowBits: 11 }, { clientMaxWindowBits: 11 }],
    ['permessage-deflate; server_max_window_bits=9', { serverMaxWindowBits: 10 }, { serverMaxWindowBits: 9 }],
    ['permessage-deflate; client_no_context_takeover', {}, { clientNoContextTakeover: true }],
  ] as const)('%s for %j → agreed', (answer, offer, expected) => {
    expect(check(answer, offer)).toMatchObject(expected);
  });

  it.each([
    [
      'permessage-deflate; client_max_window_bits',
      { clientMaxWindowBits: true },
      'deflate-answer-window-no-value',
    ],
    ['permessage-deflate; client_max_window_bits=10', {}, 'deflate-answer-window-not-offered'],
    [
      'permessage-deflate; client_max_window_bits=12',
      { clientMaxWindowBits: 10 },
      'deflate-answer-window-too-large',
    ],
    ['permessage-deflate', { serverMaxWindowBits: 10 }, 'deflate-answer-server-window-missing'],
    [
      'permessage-deflate; server_max_window_bits=11',
      { serverMaxWindowBits: 10 },
      'deflate-answer-window-too-large',
    ],
    ['permessage-deflate', { serverNoContextTakeover: true }, 'deflate-answer-takeover-missing'],
    ['permessage-deflate; foo', {}, 'deflate-answer-unknown-param'],
    [
      'permessage-deflate; server_max_window_bits=9; server_max_window_bits=9',
      {},
      'deflate-answer-duplicate-param',
    ],
    ['permessage-deflate; server_max_window_bits=0x9', {}, 'deflate-answer-bad-window-bits'],
    ['permessage-deflate; client_no_context_takeover=yes', {}, 'deflate-answer-flag-with-value'],
  ] as const)('§7 %s for %j → the client fails the connection (%s)', (answer, offer, rule) => {
    expect(check(answer, offer)).toBe(rule);
  });

  const ok = (extensions: string | null, protocol: string | null = null): HttpResponse => ({
    kind: 'response',
    version: 'HTTP/1.1',
    status: 101,
    reason: 'Switching Protocols',
    headers: [
      { name: 'Upgrade', value: 'websocket' },
      { name: 'Connection', value: 'Upgrade' },
      { name: 'Sec-WebSocket-Accept', value: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' },
      ...(extensions === null ? [] : [{ name: 'Sec-WebSocket-Extensions', value: extensions }]),
      ...(protocol === null ? [] : [{ name: 'Sec-WebSocket-Protocol', value: protocol }]),
    ],
  });
  const expected = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
  it.each([
    [
      'RFC 6455 §4.1 permessage-deflate when none was offered',
      ok('permessage-deflate'),
      {},
      'unexpected-extension',
    ],
    [
      'RFC 6455 §4.1 an extension never offered',
      ok('x-foo'),
      { perMessageDeflate: {} },
      'unexpected-extension',
    ],
    [
      'RFC 7692 §5 permessage-deflate accepted twice',
      ok('permessage-deflate, permessage-deflate'),
      { perMessageDeflate: {} },
      'deflate-answer-twice',
    ],
    [
      'RFC 6455 §9.1 a malformed header',
      ok('permessage-deflate; ="'),
      { perMessageDeflate: {} },
      'bad-extensions-header',
    ],
    [
      'RFC 6455 §4.1 a subprotocol not offered',
      ok(null, 'soap'),
      { protocols: ['chat'] },
      'unexpected-subprotocol',
    ],
    ['RFC 6455 §4.1 a subprotocol when none was offered', ok(null, 'chat'), {}, 'unexpected-subprotocol'],
    [
      'RFC 6455 §4.1 two subprotocols',
      ok(null, 'chat, superchat'),
      { protocols: ['chat', 'superchat'] },
      'unexpected-subprotocol',
    ],
  ] as const)('%s → the client fails the connection (%s)', (_n, res, offer, rule) => {
    expect(checkResponse(res, expected, offer)).toMatchObject({ ok: false, error: { rule } });
  });
  it('an answer without the extension is fine: the connection goes uncompressed', () => {
    expect(checkResponse(ok(null), expected, { perMessageDeflate: {} })).toMatchObject({
      ok: true,
      accepted: { deflate: null },
    });
  });
});

describe('RFC 6455 §4.2.2 the server picks a subprotocol', () => {
  it('its first preference among those offered, compared exactly as written', () => {
    const r = checkRequest(request(null, 'superchat, chat'), { protocols: ['chat', 'superchat'] });
    expect(r.ok && r.accepted.protocol).toBe('chat');
    expect(checkRequest(request(null, 'Chat'), { protocols: ['chat'] })).toMatchObject({
      ok: true,
      accepted: { protocol: null },
    });
  });
  it('§4.1 a repeated or non-token subprotocol → 400', () => {
    expect(checkRequest(request(null, 'chat, chat'), {})).toMatchObject({
      ok: false,
      error: { rule: 'bad-subprotocol-offer' },
      response: { status: 400 },
    });
    expect(checkRequest(request(null, 'a b'), {})).toMatchObject({
      ok: false,
      error: { rule: 'bad-subprotocol-offer' },
    });
  });
});

describe('the handshake through two Connections, with permessage-deflate and a subprotocol', () => {
  function handshake(client: ClientConnection, server: ServerConnection): void {
    for (const b of client.dataToSend()) server.receiveData(b);
    server.sendResponse(server.accept(server.request!));
    for (const b of server.dataToSend()) client.receiveData(b);
  }

  it('both ends agree, open, and each message is compressed on the wire and arrives as sent', () => {
    const client = new ClientConnection({
      host: 'h',
      protocols: ['chat', 'superchat'],
      deflate: { codec: pakoCodec, offer: { clientMaxWindowBits: true, serverNoContextTakeover: true } },
    });
    const server = new ServerConnection({
      protocols: ['superchat'],
      deflate: { codec: pakoCodec, policy: { clientMaxWindowBits: 10 } },
    });
    expect(headerValue(client.request.headers, 'Sec-WebSocket-Extensions')).toBe(
      'permessage-deflate; server_no_context_takeover; client_max_window_bits',
    );
    handshake(client, server);
    expect([client.state, server.state]).toEqual(['OPEN', 'OPEN']);
    expect(client.protocol).toBe('superchat');
    const agreed = {
      serverNoContextTakeover: true,
      clientNoContextTakeover: false,
      serverMaxWindowBits: 15,
      clientMaxWindowBits: 10,
    };
    expect(client.deflate).toEqual(agreed);
    expect(server.deflate).toEqual(agreed);
    const text = 'a message that says the same thing, the same thing, the same thing';
    client.sendText(text);
    const wire = client.dataToSend();
    expect(wire.reduce((n, b) => n + b.length, 0)).toBeLessThan(text.length);
    expect(wire[0]![0]! & 0x40).toBe(0x40); // RSV1
    client.events();
    server.events();
    for (const b of wire) server.receiveData(b);
    expect(server.events().find((e) => e.type === 'message')).toMatchObject({ data: text, compressed: true });
    server.sendText(text);
    for (const b of server.dataToSend()) client.receiveData(b);
    expect(client.events().find((e) => e.type === 'message')).toMatchObject({ data: text, compressed: true });
  });

  it('a server that does not speak it declines; the client goes on uncompressed', () => {
    const client = new ClientConnection({ host: 'h', deflate: { codec: pakoCodec } });
    const server = new ServerConnection();
    handshake(client, server);
    expect([client.state, client.deflate, server.deflate]).toEqual(['OPEN', null, null]);
    client.sendText('plain');
    expect(client.dataToSend()[0]![0]).toBe(0x81);
  });

  it('§7.1.2.2 an answer limiting a window the client did not offer to limit fails the handshake', () => {
    const client = new ClientConnection({
      host: 'h',
      key: 'dGhlIHNhbXBsZSBub25jZQ==',
      deflate: { codec: pakoCodec, offer: {} },
    });
    const head = [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
      'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10',
      '',
      '',
    ].join('\r\n');
    client.receiveData(new TextEncoder().encode(head));
    expect(client.state).toBe('CLOSED');
    expect(client.events().find((e) => e.type === 'error')).toMatchObject({
      error: { rule: 'deflate-answer-window-not-offered', rfc: 7692, section: '7.1.2.2' },
    });
  });
});

function request(extensions: string | null, protocols: string | null = null): HttpRequest {
  return {
    kind: 'request',
    method: 'GET',
    target: '/',
    version: 'HTTP/1.1',
    headers: [
      { name: 'Host', value: 'h' },
      { name: 'Upgrade', value: 'websocket' },
      { name: 'Connection', value: 'Upgrade' },
      { name: 'Sec-WebSocket-Key', value: 'dGhlIHNhbXBsZSBub25jZQ==' },
      { name: 'Sec-WebSocket-Version', value: '13' },
      ...(extensions === null ? [] : [{ name: 'Sec-WebSocket-Extensions', value: extensions }]),
      ...(protocols === null ? [] : [{ name: 'Sec-WebSocket-Protocol', value: protocols }]),
    ],
  };
}
