/**
 * permessage-deflate and subprotocols in the playground's world (RFC 7692, RFC 6455 §4): the console's
 * `connect --deflate` / `--protocol` and `server deflate …` / `server protocols …`, run through the
 * real engines on the simulated network.
 */
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { complete, parseCommand, runCommand } from '../../src/sim/commands.ts';
import { arrowLabel, eventSummary, negotiationSummary } from '../../src/sim/describe.ts';
import type { FrameEvent, HttpEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World, type WorldSettings } from '../../src/sim/world.ts';
import { renderText } from '../../src/i18n/text.ts';

function run(lines: readonly string[], settings: Partial<WorldSettings> = {}): World {
  const w = new World({ maxEvents: Infinity, ...settings }, pakoCodec);
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`${line}: ${renderText('en', parsed.error)}`);
    const r = runCommand(w, parsed.command);
    if (!r.ok) throw new Error(`${line}: refused`);
    w.settle(120_000);
  }
  return w;
}

const https = (w: World): HttpEvent[] => w.timeline.events.filter((e): e is HttpEvent => e.kind === 'http');
const frames = (w: World): FrameEvent[] =>
  w.timeline.events.filter((e): e is FrameEvent => e.kind === 'frame');
const response = (w: World): HttpEvent => https(w).find((e) => e.message.kind === 'response')!;
const header = (e: HttpEvent, name: string): string | null => headerValue(e.message.headers, name);

describe('connect --deflate and --protocol: parsing', () => {
  it.each([
    ['connect --deflate', { protocols: [], deflate: { clientMaxWindowBits: true } }],
    ['connect --deflate /echo', { path: '/echo', protocols: [], deflate: { clientMaxWindowBits: true } }],
    [
      'connect --deflate=client_no_context_takeover,server_max_window_bits=10',
      { protocols: [], deflate: { clientNoContextTakeover: true, serverMaxWindowBits: 10 } },
    ],
    [
      'connect "--deflate=server_no_context_takeover; client_max_window_bits=9"',
      { protocols: [], deflate: { serverNoContextTakeover: true, clientMaxWindowBits: 9 } },
    ],
    ['connect --deflate=client_max_window_bits', { protocols: [], deflate: { clientMaxWindowBits: true } }],
    ['connect --protocol chat,superchat', { protocols: ['chat', 'superchat'] }],
    ['connect --protocol chat --protocol superchat', { protocols: ['chat', 'superchat'] }],
  ])('%s', (line, options) => {
    const r = parseCommand(line);
    expect(r).toEqual({ ok: true, command: { name: 'connect', options } });
  });

  it.each([
    ['connect --deflate=window_bits=10', /RFC 7692 §7\.1: .*“window_bits” is none of them/],
    ['connect --deflate=client_no_context_takeover,client_no_context_takeover', /RFC 7692 §7: .*twice/],
    [
      'connect --deflate=server_no_context_takeover=1',
      /RFC 7692 §7\.1\.1: server_no_context_takeover takes no value/,
    ],
    ['connect --deflate=server_max_window_bits=16', /RFC 7692 §7\.1\.2: .*8 to 15; “16”/],
    ['connect --deflate=client_max_window_bits=08', /RFC 7692 §7\.1\.2: .*“08”/],
    [
      'connect --deflate=server_max_window_bits',
      /RFC 7692 §7\.1\.2\.1: server_max_window_bits needs a value/,
    ],
    ['connect --protocol chat,chat', /RFC 6455 §4\.1: .*unique/],
    ['connect --protocol chat,sup/er', /not a token/],
  ])('%s → refused, naming the rule', (line, message) => {
    const r = parseCommand(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(renderText('en', r.error)).toMatch(message);
    expect(renderText('ko', r.error)).toMatch(/[가-힣]/);
    expect(r.usage).toMatch(/^connect .*--deflate\[=params\]/);
  });
});

describe('server deflate … and server protocols …: parsing', () => {
  it.each([
    ['server deflate off', { set: 'deflate', deflate: { on: false } }],
    ['server deflate on', { set: 'deflate', deflate: { on: true, policy: {} } }],
    [
      'server deflate on --no-context-takeover --max-window-bits 10',
      {
        set: 'deflate',
        deflate: { on: true, policy: { serverNoContextTakeover: true, serverMaxWindowBits: 10 } },
      },
    ],
    [
      'server deflate on --client-no-context-takeover --client-max-window-bits 9',
      {
        set: 'deflate',
        deflate: { on: true, policy: { clientNoContextTakeover: true, clientMaxWindowBits: 9 } },
      },
    ],
    ['server protocols chat,superchat', { set: 'protocols', protocols: ['chat', 'superchat'] }],
    ['server protocols superchat, chat', { set: 'protocols', protocols: ['superchat', 'chat'] }],
    ['server protocols none', { set: 'protocols', protocols: [] }],
    ['server chat', { set: 'kind', kind: 'chat' }],
  ])('%s', (line, command) => {
    expect(parseCommand(line)).toEqual({ ok: true, command: { name: 'server', ...command } });
  });

  it.each([
    ['server deflate', /server deflate on, or server deflate off/, /^server deflate on\|off/],
    ['server deflate maybe', /server deflate on, or server deflate off/, /^server deflate/],
    [
      'server deflate on --max-window-bits 16',
      /RFC 7692 §7\.1\.2: --max-window-bits .*“16”/,
      /^server deflate/,
    ],
    ['server deflate on --max-window-bits', /--max-window-bits needs a value/, /^server deflate/],
    ['server deflate on --fast', /Unknown option --fast/, /^server deflate/],
    ['server deflate off --no-context-takeover', /Unexpected/, /^server deflate/],
    ['server protocols', /order of preference/, /^server protocols/],
    ['server protocols chat,chat', /RFC 6455 §4\.1/, /^server protocols/],
    ['server chat now', /echo, chat, ticker, reject or bank/, /^server echo/],
  ])('%s → refused with its usage', (line, message, usage) => {
    const r = parseCommand(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(renderText('en', r.error)).toMatch(message);
    expect(renderText('ko', r.error)).toMatch(/[가-힣]/);
    expect(r.usage).toMatch(usage);
  });

  it('completes the settings', () => {
    expect(complete('server d')).toEqual(['server deflate']);
    expect(complete('server p')).toEqual(['server protocols']);
    expect(complete('server deflate o')).toEqual(['server deflate on', 'server deflate off']);
  });
});

describe('RFC 7692 in the world: negotiated, compressed, inflated', () => {
  const text = 'hello hello hello hello, compressed';

  it('§5 connect --deflate to a server that accepts: the 101 answers, and both ways frames carry RSV1', () => {
    const w = run(['connect --deflate', `send ${text}`, 'close']);
    const req = https(w).find((e) => e.message.kind === 'request')!;
    expect(header(req, 'Sec-WebSocket-Extensions')).toBe('permessage-deflate; client_max_window_bits');
    expect(header(response(w), 'Sec-WebSocket-Extensions')).toBe('permessage-deflate');
    const [up, down] = frames(w).filter((f) => f.frame.header.opcode === 0x1);
    for (const f of [up!, down!]) {
      // §6: RSV1 marks a compressed message; the payload on the wire is DEFLATE data, smaller here.
      expect(f.frame.header.rsv1).toBe(true);
      expect(new TextDecoder().decode(f.frame.deflate!.inflated)).toBe(text);
      expect(f.frame.payload.length).toBeLessThan(text.length);
      expect(arrowLabel(f)).toMatch(/^TEXT "hello hello hello hello,…" RSV1 deflate 35→\d+ B/);
    }
    // Control frames are never compressed (§6.1).
    const close = frames(w).find((f) => f.frame.header.opcode === 0x8)!;
    expect(close.frame.header.rsv1).toBe(false);
    // The receivers' message events say what was inflated from what.
    const messages = w.timeline.events.filter(
      (e): e is Extract<TimelineEvent, { kind: 'engine' }> =>
        e.kind === 'engine' && e.event.type === 'message',
    );
    expect(messages.map((m) => [m.endpoint, m.event.type === 'message' && m.event.data, m.inflated])).toEqual(
      [
        ['server', text, { from: up!.frame.payload.length, to: 35 }],
        ['client', text, { from: down!.frame.payload.length, to: 35 }],
      ],
    );
    expect(renderText('en', eventSummary(messages[0]!))).toBe(
      `message "hello hello hello hello,…" (compressed: inflated from ${up!.frame.payload.length} to 35 bytes)`,
    );
    expect(renderText('ko', eventSummary(messages[0]!))).toMatch(/35바이트로 풀었습니다/);
  });

  it('§7.2.3.2 context takeover: the same message again compresses to fewer bytes; fragments too', () => {
    const w = run(['connect --deflate', `send ${text}`, `send ${text}`, `frag ${text} 3`]);
    const up = frames(w).filter((f) => f.from === 'client' && f.frame.deflate);
    expect(up[1]!.frame.payload.length).toBeLessThan(up[0]!.frame.payload.length);
    expect(up.slice(2).map((f) => [f.frame.header.rsv1, f.frame.header.opcode])).toEqual([
      [true, 0x1],
      [false, 0x0],
      [false, 0x0],
    ]);
    const joined = up
      .slice(2)
      .map((f) => new TextDecoder().decode(f.frame.deflate!.inflated))
      .join('');
    expect(joined).toBe(text);
    const last = w.timeline.events.filter((e) => e.kind === 'engine' && e.event.type === 'message').at(-2)!;
    expect(renderText('en', eventSummary(last))).toMatch(
      /\(3 frames, compressed: inflated from \d+ to 35 bytes\)/,
    );
  });

  it('§7.1 the server’s limits: no context takeover and a 10-bit window are in its answer', () => {
    const w = run([
      'server deflate on --no-context-takeover --max-window-bits 10',
      'connect --deflate',
      `send ${text}`,
      `send ${text}`,
    ]);
    expect(header(response(w), 'Sec-WebSocket-Extensions')).toBe(
      'permessage-deflate; server_no_context_takeover; server_max_window_bits=10',
    );
    const down = frames(w).filter((f) => f.from === 'server' && f.frame.deflate);
    // Without context takeover the server compresses each message alone: both are the same bytes.
    expect(down.map((f) => f.frame.deflate!.window)).toEqual(['empty', 'reset']);
    expect(down[1]!.frame.payload).toEqual(down[0]!.frame.payload);
  });

  it('§5 server deflate off: no extension in the 101, RSV1 stays 0, messages go uncompressed', () => {
    const w = run(['server deflate off', 'connect --deflate', `send ${text}`]);
    expect(header(response(w), 'Sec-WebSocket-Extensions')).toBeNull();
    for (const f of frames(w)) {
      expect(f.frame.header.rsv1).toBe(false);
      expect(f.frame.deflate).toBeNull();
    }
    const [req, res] = https(w);
    expect(negotiationSummary(req!, res!).map((t) => renderText('en', t))).toEqual([
      expect.stringMatching(/declined permessage-deflate .*RFC 7692 §5/),
    ]);
  });

  it('without --deflate nothing is offered, and nothing is compressed', () => {
    const w = run(['connect', `send ${text}`]);
    expect(https(w).every((e) => header(e, 'Sec-WebSocket-Extensions') === null)).toBe(true);
    expect(frames(w).every((f) => !f.frame.header.rsv1)).toBe(true);
  });

  it('a world given no codec refuses connect --deflate with a reason, and records nothing', () => {
    const w = new World();
    const parsed = parseCommand('connect --deflate');
    const r = parsed.ok ? runCommand(w, parsed.command) : null;
    expect(r && !r.ok && 'reason' in r && renderText('en', r.reason)).toMatch(/DEFLATE codec is not loaded/);
    expect(w.timeline.events).toHaveLength(0);
  });

  it('is deterministic: the same commands and seed give the same bytes', () => {
    const lines = [
      'connect --deflate=client_no_context_takeover',
      `send ${text}`,
      'frag abcabcabc 3',
      'close',
    ];
    const bytes = (w: World): string[] =>
      w.timeline.events.flatMap((e) => ('bytes' in e ? [Buffer.from(e.bytes).toString('hex')] : []));
    expect(bytes(run(lines))).toEqual(bytes(run(lines)));
  });
});

describe('RFC 6455 §4.2.2 subprotocols in the world', () => {
  it('the server picks its first preference among those offered', () => {
    const w = run(['server protocols superchat,chat', 'connect --protocol chat,superchat']);
    expect(header(response(w), 'Sec-WebSocket-Protocol')).toBe('superchat');
    expect(arrowLabel(response(w))).toBe('101 Switching Protocols (Protocol: superchat)');
    expect(w.learner?.client?.protocol).toBe('superchat');
    const [req, res] = https(w);
    expect(negotiationSummary(req!, res!).map((t) => renderText('en', t))).toEqual([
      'Subprotocol: the server picked superchat (Sec-WebSocket-Protocol in the 101).',
    ]);
  });

  it('none in common: a 101 without Sec-WebSocket-Protocol, and the console says none was picked', () => {
    const w = run(['server protocols none', 'connect --protocol chat']);
    expect(response(w).message.kind === 'response' && response(w).message).toMatchObject({ status: 101 });
    expect(header(response(w), 'Sec-WebSocket-Protocol')).toBeNull();
    const [req, res] = https(w);
    expect(negotiationSummary(req!, res!).map((t) => renderText('ko', t))).toEqual([
      expect.stringMatching(/서브프로토콜: 없음/),
    ]);
  });

  it('not offered: nothing chosen, nothing said', () => {
    const w = run(['connect']);
    expect(header(response(w), 'Sec-WebSocket-Protocol')).toBeNull();
    const [req, res] = https(w);
    expect(negotiationSummary(req!, res!)).toEqual([]);
  });

  it('the reject server refuses with 400 when none of its subprotocols is offered', () => {
    const w = run(['server reject', 'connect --origin https://ws101.example --protocol chat']);
    expect(response(w).message).toMatchObject({ status: 400 });
  });

  it('both at once: the 101 names the subprotocol and the extension', () => {
    const w = run(['connect --protocol chat --deflate']);
    expect(arrowLabel(response(w))).toBe(
      '101 Switching Protocols (Protocol: chat; Extensions: permessage-deflate)',
    );
    const req = https(w)[0]!;
    expect(arrowLabel(req)).toBe(
      'GET /chat (Upgrade: websocket; Extensions: permessage-deflate; client_max_window_bits)',
    );
  });
});
