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
    ['server ftp', /echo, chat, ticker or reject/],
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
      expect(await runCommand(w, p.command)).toEqual({ ok: true });
      await w.settle();
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
    const r = await runCommand(new World(), p.command);
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
