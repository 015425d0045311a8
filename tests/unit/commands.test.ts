/** The console's language: every verb parses, and every bad line gets one message and its usage. */
import { describe, expect, it } from 'vitest';
import { complete, parseCommand, runCommand } from '../../src/sim/commands.ts';
import { arrowLabel, hexDump } from '../../src/sim/describe.ts';
import { World } from '../../src/sim/world.ts';
import { renderText } from '../../src/i18n/text.ts';

describe('parseCommand', () => {
  it.each([
    ['connect', { name: 'connect', options: { protocols: [] } }],
    [
      'connect /chat --protocol chat --origin https://a.example',
      { name: 'connect', options: { path: '/chat', protocols: ['chat'], origin: 'https://a.example' } },
    ],
    ['send hello world', { name: 'send', text: 'hello world' }],
    ['send "  quoted  "', { name: 'send', text: '  quoted  ' }],
    ['ping', { name: 'ping', text: '' }],
    ['close 1000 bye for now', { name: 'close', code: 1000, reason: 'bye for now' }],
    ['close', { name: 'close', code: undefined, reason: '' }],
    ['frag hello there 3', { name: 'frag', text: 'hello there', count: 3 }],
    ['latency 200', { name: 'latency', ms: 200 }],
    ['mss 536', { name: 'mss', bytes: 536 }],
    ['server Chat', { name: 'server', kind: 'chat' }],
    ['HELP send', { name: 'help', topic: 'send' }],
  ])('%s', (line, command) => {
    expect(parseCommand(line)).toMatchObject({ ok: true, command });
  });

  it('binary and raw take hex', () => {
    const r = parseCommand('raw 89 fe 00');
    expect(r.ok && r.command.name === 'raw' && Array.from(r.command.bytes)).toEqual([0x89, 0xfe, 0x00]);
  });

  it.each([
    ['sned hi', /Unknown command “sned”/],
    ['send', /Nothing to send/],
    ['binary zz', /“z” \(character 1\) is not a hex digit/],
    ['raw 8', /odd number of hex digits/],
    ['close abc', /not a status code/],
    ['frag hello', /number of frames/],
    ['latency -5', /0–10000/],
    ['mss 0', /1–65495/],
    ['server ftp', /echo, chat, ticker, reject or bank/],
    ['connect chat', /must start with “\/”/],
    ['connect --origin', /needs a value/],
    ['ping ' + 'x'.repeat(126), /RFC 6455 §5\.5/],
  ])('%s → a one-line error with its usage', (line, message) => {
    const r = parseCommand(line);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(renderText('en', r.error)).toMatch(message);
      expect(renderText('ko', r.error)).toMatch(/[가-힣]/);
    }
  });

  it('completes command words and arguments', () => {
    expect(complete('se')).toEqual(['send', 'server']);
    expect(complete('server t')).toEqual(['server ticker']);
  });
});

describe('running commands against the world', () => {
  it('connect, send hello, close 1000 bye: labelled as the diagram shows them', async () => {
    const w = new World();
    for (const line of ['connect /chat', 'send hello', 'close 1000 bye']) {
      const p = parseCommand(line);
      if (!p.ok) throw new Error(line);
      expect(runCommand(w, p.command)).toEqual({ ok: true });
      w.settle();
    }
    const labels = w.timeline.events
      .filter((e) => e.kind !== 'state' && e.kind !== 'engine' && e.kind !== 'note')
      .map((e) =>
        e.kind === 'segment' || e.kind === 'http' || e.kind === 'frame' || e.kind === 'raw'
          ? `${e.from}>${arrowLabel(e)}`
          : '',
      );
    expect(labels).toEqual(
      expect.arrayContaining([
        'client>SYN',
        'server>SYN-ACK',
        'client>GET /chat (Upgrade: websocket)',
        'server>101 Switching Protocols',
        'client>TEXT "hello" (masked)',
        'server>TEXT "hello"',
        'client>CLOSE 1000 "bye" (masked)',
        'server>CLOSE 1000',
        'server>FIN-ACK',
        'client>FIN-ACK',
      ]),
    );
  });
  it('sending before connecting is refused with a reason, not an exception', async () => {
    const p = parseCommand('send hi');
    if (!p.ok) throw new Error();
    const r = runCommand(new World(), p.command);
    expect(r.ok).toBe(false);
    if (!r.ok && 'reason' in r) expect(renderText('en', r.reason)).toMatch(/connect/);
    else throw new Error('expected a refusal with a reason');
  });
  it('hexDump prints xxd lines', () => {
    expect(hexDump(new TextEncoder().encode('Hello, WebSocket!'))).toEqual([
      '00000000: 48 65 6c 6c 6f 2c 20 57  65 62 53 6f 63 6b 65 74  Hello, WebSocket',
      '00000010: 21                                                !',
    ]);
  });
});

describe('connect refuses what a browser would never send (security review I7, M4)', () => {
  it.each([
    [
      'connect --origin "x\r\nX-Evil: 1"',
      /--origin contains a control character \(CR, character 2\).*RFC 9110 §5\.5.*SyntaxError/,
    ],
    ['connect --protocol "chat\nGET"', /--protocol contains a control character \(LF, character 5\)/],
    ['connect --key "a\u0000b"', /--key contains a control character \(NUL/],
    ['connect --version "13\u001b[2J"', /--version contains a control character \(U\+001B/],
    ['connect --protocol "a b"', /--protocol “a b” is not a token.*RFC 6455 §4\.1.*SyntaxError/],
    // A list is allowed (issue 12: --protocol chat,superchat), an empty name in it is not.
    ['connect --protocol chat,', /--protocol “” is not a token/],
    ['connect --protocol "été"', /is not a token/],
    [`connect --key ${'k'.repeat(65)}`, /--key is at most 64 characters/],
    ['connect --version 12345678901234567', /--version is at most 16 characters/],
    [
      `connect --origin https://${'o'.repeat(1100)}.example`,
      /--origin is 11\d\d bytes; a value here is at most 1024/,
    ],
    ['connect "/a\r\nb"', /The path contains a control character \(CR, character 3\).*RFC 9112 §3\.2/],
    ['connect "/a b"', /The path contains a space.*RFC 9112 §3\.2/],
    [`connect /${'A'.repeat(100_000)}`, /The path is 100001 bytes; a path here is at most 1024 \(1 KiB\)/],
    ['connect --bogus "x\r\n"', /Unknown option --bogus/],
  ])('%#: %s → refused, naming the rule', (line, message) => {
    const r = parseCommand(line);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const en = renderText('en', r.error);
      expect(en).toMatch(message);
      expect(renderText('ko', r.error)).toMatch(/[가-힣]/);
      expect(r.usage).toMatch(/^connect /);
      // The refusal quotes at most 40 characters of what was typed.
      expect(en.length).toBeLessThan(600);
    }
  });

  it('still accepts what lessons use: a token protocol, an origin, a wrong version or key on purpose', () => {
    const r = parseCommand(
      'connect /chat --protocol chat.v2 --origin https://a.example --version 8 --key short==',
    );
    expect(r).toEqual({
      ok: true,
      command: {
        name: 'connect',
        options: {
          path: '/chat',
          protocols: ['chat.v2'],
          origin: 'https://a.example',
          version: '8',
          key: 'short==',
        },
      },
    });
    expect(parseCommand(`connect /${'p'.repeat(1023)}`).ok).toBe(true);
    expect(parseCommand('connect /채팅').ok).toBe(true);
  });
});
