/**
 * What the page believes of the sandbox frame's messages (and the frame of the page's): only known
 * shapes with every field's type right. The frame runs the learner's code; nothing it says is trusted.
 */
import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  isHostFailure,
  readFrameMessage,
  readPageMessage,
  readWorkerAnswer,
  readWorkerRequest,
} from '../../src/build/sandbox/protocol.ts';

const reply = (r: unknown) => ({ channel: CHANNEL, type: 'reply', host: 1, seq: 0, reply: r });

describe('readFrameMessage', () => {
  it('accepts a reply with actions and logs', () => {
    const m = reply({
      ok: true,
      actions: [
        { conn: 1, action: { kind: 'write', bytes: new Uint8Array([1]) } },
        { conn: 1, action: { kind: 'end' } },
      ],
      logs: ['hi'],
    });
    expect(readFrameMessage(m)).toBe(m);
  });

  it('accepts every HostFailure kind in its shape, and no other', () => {
    const at = { line: 1, column: 2 };
    const good = [
      { kind: 'syntax', message: 'x', at },
      { kind: 'import', specifier: 'fs', at },
      { kind: 'no-handler', found: '' },
      { kind: 'load-threw', message: 'x', at: null },
      { kind: 'threw', message: 'x', at },
      { kind: 'rejected', message: 'x', at: null },
      { kind: 'stack', at: null },
      { kind: 'memory', message: 'x' },
      { kind: 'timeout', ms: 2000 },
      { kind: 'output', limit: 1 },
      { kind: 'sandbox', message: 'x' },
    ];
    for (const failure of good)
      expect(readFrameMessage(reply({ ok: false, failure })), failure.kind).not.toBeNull();
    const bad = [
      { kind: 'threw', message: 1, at: null },
      { kind: 'threw', message: 'x' },
      { kind: 'timeout', ms: -1 },
      { kind: 'timeout', ms: Infinity },
      { kind: 'syntax', message: 'x', at: { line: '1', column: 2 } },
      { kind: 'explode' },
      null,
    ];
    for (const failure of bad) expect(isHostFailure(failure), JSON.stringify(failure)).toBe(false);
  });

  it('drops what is not ws101-sandbox, or has a wrong field', () => {
    expect(readFrameMessage('hello')).toBeNull();
    expect(readFrameMessage({ type: 'pong', n: 1 })).toBeNull(); // no channel
    expect(readFrameMessage({ channel: CHANNEL, type: 'pong', n: '1' })).toBeNull();
    expect(readFrameMessage({ channel: CHANNEL, type: 'eval', code: '1' })).toBeNull();
    expect(
      readFrameMessage(
        reply({ ok: true, actions: [{ conn: 1, action: { kind: 'write', bytes: [1] } }], logs: [] }),
      ),
    ).toBeNull();
    expect(readFrameMessage(reply({ ok: true, actions: [], logs: [1] }))).toBeNull();
    expect(
      readFrameMessage(reply({ ok: true, actions: [{ conn: -1, action: { kind: 'end' } }], logs: [] })),
    ).toBeNull();
    expect(readFrameMessage({ channel: CHANNEL, type: 'loaded', host: 1, result: { ok: 'yes' } })).toBeNull();
  });
});

describe('readPageMessage / worker messages', () => {
  it('accepts the page’s requests in shape, and nothing else', () => {
    const deliver = {
      channel: CHANNEL,
      type: 'deliver',
      host: 1,
      seq: 0,
      conn: 2,
      event: { kind: 'data', bytes: new Uint8Array(1) },
    };
    expect(readPageMessage(deliver)).toBe(deliver);
    expect(readPageMessage({ ...deliver, event: { kind: 'data', bytes: 'x' } })).toBeNull();
    expect(readPageMessage({ ...deliver, event: { kind: 'close' } })).toBeNull();
    expect(
      readPageMessage({ channel: CHANNEL, type: 'load', host: 1, module: 'x', deadlineMs: 2000 }),
    ).not.toBeNull();
    expect(
      readPageMessage({ channel: CHANNEL, type: 'load', host: 1, module: 2, deadlineMs: 2000 }),
    ).toBeNull();
  });

  it('worker requests and answers in shape', () => {
    expect(readWorkerRequest({ type: 'load', module: '' })).not.toBeNull();
    expect(readWorkerRequest({ type: 'deliver', seq: 0, conn: 1, event: { kind: 'end' } })).not.toBeNull();
    expect(readWorkerRequest({ type: 'deliver', seq: 0, conn: 1, event: { kind: 'fin' } })).toBeNull();
    expect(readWorkerAnswer({ type: 'loaded', result: { ok: true } })).not.toBeNull();
    expect(
      readWorkerAnswer({ type: 'reply', seq: 0, reply: { ok: false, failure: { kind: 'timeout', ms: 1 } } }),
    ).not.toBeNull();
    expect(readWorkerAnswer({ type: 'reply', seq: 0, reply: { ok: false } })).toBeNull();
  });
});
