/**
 * The connection state machine, rule by rule: given this violation, this close code (RFC 6455 §5, §7, §8).
 */
import { describe, expect, it } from 'vitest';
import {
  Connection,
  Opcode,
  encodeFrame,
  type EngineEvent,
  type FrameSpec,
  type Role,
} from '../../src/protocol/index.ts';
import { hex } from '../support/bytes.ts';

const KEY = hex('01 02 03 04');
const enc = new TextEncoder();

/** Bytes as the peer of `receiver` would send them: masked when they come from a client. */
function wire(receiver: Role, ...frames: FrameSpec[]): Uint8Array {
  const parts = frames.map((f) => encodeFrame({ ...f, maskKey: receiver === 'server' ? KEY : null }));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function feed(
  role: Role,
  bytes: Uint8Array,
  opts = {},
): { conn: Connection; events: EngineEvent[]; sent: Uint8Array[] } {
  const conn = new Connection(role, opts);
  conn.receiveData(bytes);
  return { conn, events: conn.events(), sent: conn.dataToSend() };
}

/** The close code the endpoint put in the close frame it sent, if any. */
function sentCloseCode(sent: Uint8Array[], role: Role): number | null {
  const peer = new Connection(role === 'server' ? 'client' : 'server');
  for (const s of sent) peer.receiveData(s);
  const close = peer.events().find((e) => e.type === 'close-frame');
  return close && close.type === 'close-frame' ? close.code : null;
}

function expectFailure(role: Role, bytes: Uint8Array, rule: string, code: number, opts = {}): EngineEvent[] {
  const { conn, events, sent } = feed(role, bytes, opts);
  const err = events.find((e) => e.type === 'error');
  expect(err && err.type === 'error' && err.error.rule).toBe(rule);
  expect(sentCloseCode(sent, role)).toBe(code);
  expect(conn.state).toBe('CLOSED');
  return events;
}

const text = (s: string, fin = true): FrameSpec => ({ opcode: Opcode.Text, payload: enc.encode(s), fin });
const cont = (s: string | Uint8Array, fin: boolean): FrameSpec => ({
  opcode: Opcode.Continuation,
  payload: typeof s === 'string' ? enc.encode(s) : s,
  fin,
});

describe('§5.1 masking direction', () => {
  it('a server fails the connection with 1002 when a client frame is not masked', () => {
    expectFailure('server', encodeFrame(text('hi')), 'unmasked-client-frame', 1002);
  });
  it('a client fails the connection with 1002 when a server frame is masked', () => {
    expectFailure('client', encodeFrame({ ...text('hi'), maskKey: KEY }), 'masked-server-frame', 1002);
  });
  it('a client masks every frame it sends and a server masks none', () => {
    const c = new Connection('client');
    c.sendText('x');
    expect(c.dataToSend()[0]![1]! & 0x80).toBe(0x80);
    const s = new Connection('server');
    s.sendText('x');
    expect(s.dataToSend()[0]![1]! & 0x80).toBe(0);
  });
});

describe('§5.2 base framing', () => {
  it('RSV1 set without a negotiated extension → 1002', () => {
    expectFailure('client', wire('client', { ...text('x'), rsv1: true }), 'rsv-without-extension', 1002);
  });
  it.each([0x3, 0x7, 0xb, 0xf])('reserved opcode 0x%s → 1002', (opcode) => {
    expectFailure('client', wire('client', { opcode, payload: new Uint8Array(0) }), 'unknown-opcode', 1002);
  });
  it('a length written in a longer form than needed breaks the minimal-encoding rule → 1002', () => {
    expectFailure('client', wire('client', { ...text('Hello'), lengthForm: 16 }), 'non-minimal-length', 1002);
    expectFailure(
      'client',
      wire('client', { opcode: 2, payload: new Uint8Array(200), lengthForm: 64 }),
      'non-minimal-length',
      1002,
    );
  });
  it('a 64-bit length with its most significant bit set → 1002', () => {
    expectFailure('client', hex('82 7f 80 00 00 00 00 00 00 00'), 'length-msb-set', 1002);
  });
});

describe('§5.4 fragmentation', () => {
  it('control frames may be injected in the middle of a fragmented message (§5.4)', () => {
    const { events } = feed(
      'client',
      wire('client', text('Hel', false), { opcode: Opcode.Ping, payload: enc.encode('p') }, cont('lo', true)),
    );
    expect(events.filter((e) => e.type === 'ping' || e.type === 'message').map((e) => e.type)).toEqual([
      'ping',
      'message',
    ]);
    expect(events.find((e) => e.type === 'message')).toMatchObject({ data: 'Hello', frames: 2 });
  });
  it('a continuation frame with no message in progress → 1002', () => {
    expectFailure('client', wire('client', cont('x', true)), 'unexpected-continuation', 1002);
  });
  it('a new text frame before the fragmented message ended → 1002', () => {
    expectFailure('client', wire('client', text('a', false), text('b')), 'interleaved-data-frame', 1002);
  });
  it('a binary message in three frames arrives as one message of their joined bytes', () => {
    const { events } = feed(
      'server',
      wire(
        'server',
        { opcode: 2, payload: hex('01'), fin: false },
        cont(hex('02'), false),
        cont(hex('03'), true),
      ),
    );
    const m = events.find((e) => e.type === 'message');
    expect(m && m.type === 'message' && Array.from(m.data as Uint8Array)).toEqual([1, 2, 3]);
  });
});

describe('§5.5 control frames', () => {
  it('a ping whose length field says 126 → 1002, before the extended length arrives', () => {
    const ev = expectFailure('client', hex('89 7e'), 'control-frame-too-long', 1002);
    const err = ev.find((e) => e.type === 'error');
    expect(err && err.type === 'error' && err.error.section).toBe('5.5');
  });
  it('a fragmented ping (FIN = 0) → 1002', () => {
    expectFailure('client', hex('09 00'), 'control-frame-fragmented', 1002);
  });
  it('pongs are sent automatically with the ping’s payload (§5.5.2)', () => {
    const { sent } = feed('client', wire('client', { opcode: Opcode.Ping, payload: enc.encode('beat') }));
    const peer = new Connection('server');
    for (const s of sent) peer.receiveData(s);
    const pong = peer.events().find((e) => e.type === 'pong');
    expect(pong && pong.type === 'pong' && new TextDecoder().decode(pong.payload)).toBe('beat');
  });
  it('sending a control frame longer than 125 bytes is refused before it reaches the wire', () => {
    const c = new Connection('server');
    const r = c.sendPing(new Uint8Array(126));
    expect(r.ok).toBe(false);
    expect(c.dataToSend()).toEqual([]);
  });
});

describe('§8.1 UTF-8', () => {
  it('invalid UTF-8 in a text frame → 1007', () => {
    expectFailure('client', wire('client', { opcode: 1, payload: hex('48 c3 28') }), 'invalid-utf8', 1007);
  });
  it('fails at the fragment where the invalid byte appears, not at the end of the message', () => {
    const { conn, events } = feed(
      'client',
      wire('client', { opcode: 1, payload: hex('ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80'), fin: false }),
    );
    expect(conn.state).toBe('CLOSED');
    expect(events.find((e) => e.type === 'error')).toMatchObject({ error: { rule: 'invalid-utf8' } });
  });
  it('a code point split across fragments is valid', () => {
    const { events } = feed(
      'client',
      wire('client', { opcode: 1, payload: hex('ea b0'), fin: false }, cont(hex('80'), true)),
    );
    expect(events.find((e) => e.type === 'message')).toMatchObject({ data: '가' });
  });
  it('a message that ends in the middle of a code point → 1007', () => {
    expectFailure(
      'client',
      wire('client', { opcode: 1, payload: hex('ea b0'), fin: false }, cont(hex(''), true)),
      'invalid-utf8',
      1007,
    );
  });
});

describe('§7.4.1 message size', () => {
  it('a frame longer than the maximum message size → 1009, judged from its header', () => {
    expectFailure('client', hex('82 7e 04 00'), 'message-too-big', 1009, { maxMessageSize: 1000 });
  });
  it('fragments adding up past the maximum → 1009', () => {
    const frames = wire(
      'client',
      { opcode: 2, payload: new Uint8Array(600), fin: false },
      cont(new Uint8Array(600), true),
    );
    expectFailure('client', frames, 'message-too-big', 1009, { maxMessageSize: 1000 });
  });
});

describe('§5.5.1 / §7 closing', () => {
  it('the closing handshake: close 1000 "bye" is echoed, both sides end CLOSED and clean, the server closes TCP first', () => {
    const client = new Connection('client');
    const server = new Connection('server');
    expect(client.sendClose(1000, 'bye').ok).toBe(true);
    expect(client.state).toBe('CLOSING');
    for (const b of client.dataToSend()) server.receiveData(b);
    const sEvents = server.events();
    expect(sEvents.find((e) => e.type === 'close-frame')).toMatchObject({ code: 1000, reason: 'bye' });
    expect(sEvents.find((e) => e.type === 'closed')).toMatchObject({ code: 1000, wasClean: true });
    expect(sEvents.some((e) => e.type === 'close-transport')).toBe(true);
    for (const b of server.dataToSend()) client.receiveData(b);
    const cEvents = client.events();
    expect(cEvents.find((e) => e.type === 'closed')).toMatchObject({ code: 1000, wasClean: true });
    expect(cEvents.some((e) => e.type === 'close-transport')).toBe(false);
    expect([client.state, server.state]).toEqual(['CLOSED', 'CLOSED']);
  });
  it('nothing is sent after a close frame', () => {
    const c = new Connection('client');
    c.sendClose(1000);
    c.dataToSend();
    expect(c.sendText('late')).toMatchObject({ ok: false, error: { rule: 'send-after-close' } });
    expect(c.dataToSend()).toEqual([]);
  });
  it('a close frame without a body is answered with an empty close; the close code is 1005', () => {
    const { events, sent } = feed('client', hex('88 00'));
    expect(Array.from(sent[0]!.subarray(0, 2))).toEqual([0x88, 0x80]);
    expect(events.find((e) => e.type === 'closed')).toMatchObject({ code: 1005, wasClean: true });
  });
  it('a 1-byte close body → 1002', () => {
    expectFailure('client', hex('88 01 03'), 'close-payload-one-byte', 1002);
  });
  it.each([0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535])(
    'close code %i in a close frame → 1002',
    (code) => {
      expectFailure(
        'client',
        hex(`88 02 ${(code >> 8).toString(16)} ${(code & 255).toString(16)}`),
        'invalid-close-code',
        1002,
      );
    },
  );
  it.each([1000, 1001, 1003, 1007, 1011, 1012, 1013, 1014, 3000, 4999])(
    'close code %i is accepted and echoed',
    (code) => {
      const { events } = feed(
        'client',
        hex(`88 02 ${(code >> 8).toString(16)} ${(code & 255).toString(16)}`),
      );
      expect(events.find((e) => e.type === 'closed')).toMatchObject({ code, wasClean: true });
    },
  );
  it('a close reason that is not UTF-8 → 1007', () => {
    expectFailure('client', hex('88 04 03 e8 ff fe'), 'invalid-close-reason', 1007);
  });
  it('refuses to send codes that may not appear on the wire, and reasons over 123 bytes', () => {
    const c = new Connection('client');
    expect(c.sendClose(1006).ok).toBe(false);
    expect(c.sendClose(1000, 'x'.repeat(124)).ok).toBe(false);
    expect(c.dataToSend()).toEqual([]);
  });
  it('the transport ending without a close frame is an abnormal closure, 1006', () => {
    const c = new Connection('client');
    c.receiveEof();
    expect(c.events().find((e) => e.type === 'closed')).toMatchObject({ code: 1006, wasClean: false });
  });
  it('frames arriving after the peer’s close frame are discarded', () => {
    const { events } = feed('client', wire('client', { opcode: 8, payload: hex('03 e8') }, text('late')));
    expect(events.some((e) => e.type === 'message')).toBe(false);
  });
  it('after failing, an endpoint processes nothing more (§7.1.7)', () => {
    const { conn } = feed('client', hex('83 00'));
    conn.receiveData(wire('client', text('ignored')));
    expect(conn.events()).toEqual([]);
  });
});

describe('large payloads', () => {
  it('a 16 MiB masked frame fed in 64 KiB chunks is copied once: the message is the frame’s own payload buffer', () => {
    const payload = new Uint8Array(16 * 1024 * 1024);
    for (let i = 0; i < payload.length; i += 4096) payload[i] = i & 0xff;
    const bytes = encodeFrame({ opcode: Opcode.Binary, payload, maskKey: KEY });
    const server = new Connection('server');
    for (let o = 0; o < bytes.length; o += 65536) server.receiveData(bytes.subarray(o, o + 65536));
    const events = server.events();
    const frame = events.find((e) => e.type === 'frame-in');
    const message = events.find((e) => e.type === 'message');
    if (frame?.type !== 'frame-in' || message?.type !== 'message') throw new Error('no message');
    expect(message.data).toBe(frame.frame.payload); // no copy between frame and message
    expect((message.data as Uint8Array).buffer.byteLength).toBe(payload.length); // its own buffer: one copy
    for (let i = 0; i < payload.length; i += 4096) expect((message.data as Uint8Array)[i]).toBe(i & 0xff);
    expect(bytes[14]).toBe(payload[0]! ^ KEY[0]!); // the caller's chunks were not unmasked in place
  });
});
