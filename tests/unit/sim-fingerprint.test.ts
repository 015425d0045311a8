/**
 * Seeded scenarios replay byte for byte: each timeline is reduced to a SHA-256 of everything a view
 * shows (times, endpoints, TCP numbers, every byte, every frame header and engine event), and the
 * hashes are pinned. They were recorded before the engine became synchronous (Web Crypto's async SHA-1
 * replaced by a synchronous one, the clock no longer awaiting): the same seed gives the same timeline.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Race } from '../../src/sim/race/index.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import type { TimelineEvent } from '../../src/sim/timeline.ts';
import { World, type WorldSettings } from '../../src/sim/world.ts';

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');

/** What a view can show of an event, as a stable string (new optional fields do not change it). */
function projection(e: TimelineEvent): unknown {
  const base = { id: e.id, kind: e.kind, t: e.t, conn: e.conn };
  switch (e.kind) {
    case 'segment':
      return [base, e.from, e.to, e.arriveT, e.flags, e.seq, e.ack, e.window, hex(e.payload)];
    case 'http':
      return [base, e.from, e.to, e.arriveT, hex(e.bytes), e.segments];
    case 'frame': {
      const h = e.frame.header;
      const header = [h.fin, h.rsv1, h.opcode, h.masked, h.payloadLength, h.maskKey && hex(h.maskKey)];
      return [base, e.from, e.to, e.arriveT, hex(e.bytes), e.segments, header, hex(e.frame.payload)];
    }
    case 'raw':
      return [base, e.from, e.to, e.arriveT, hex(e.bytes), e.segments];
    case 'state':
      return [base, e.layer, e.endpoint, e.from, e.to];
    case 'engine': {
      const v = e.event;
      const detail =
        v.type === 'message'
          ? [v.binary, typeof v.data === 'string' ? v.data : hex(v.data), v.frames]
          : v.type === 'ping' || v.type === 'pong'
            ? hex(v.payload)
            : v.type === 'error'
              ? [v.error.rule, v.by]
              : v.type === 'close-frame'
                ? [v.code, v.reason]
                : [v.code, v.reason, v.wasClean];
      return [base, e.endpoint, v.type, detail];
    }
    case 'note':
      return [base, e.endpoint, e.text];
  }
}

function fingerprint(events: readonly TimelineEvent[]): string {
  const h = createHash('sha256');
  for (const e of events) h.update(JSON.stringify(projection(e)) + '\n');
  return `${events.length}:${h.digest('hex').slice(0, 16)}`;
}

function scenario(settings: Partial<WorldSettings>, lines: readonly string[]): string {
  const w = new World({ maxEvents: Infinity, ...settings });
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(line);
    runCommand(w, parsed.command);
    if (w.settings.server === 'ticker') w.runUntil(w.now + 3500);
    else w.settle(120_000);
  }
  return fingerprint(w.timeline.events);
}

describe('seeded scenarios give the same timeline, byte for byte', () => {
  it('echo: connect, text, fragments, ping, binary, a raw bad frame', async () => {
    expect(
      scenario({}, [
        'connect',
        'send hello',
        'frag abcdefghijklmnop 4',
        'ping are you there',
        'binary 01 02 03 ff',
        'raw 89 fe 00',
      ]),
    ).toBe('72:e3a4c9ed641f3c95');
  });

  it('echo over a 7-byte MSS with 200 ms of latency, then a clean close', async () => {
    expect(
      scenario({ seed: 5 }, ['mss 7', 'latency 200', 'connect', 'send hi there', 'close 1000 bye']),
    ).toBe('141:ea1971e16603a026');
  });

  it('chat with alice and bob', async () => {
    expect(scenario({ server: 'chat' }, ['connect', 'send hello all', 'close'])).toBe('119:b02fa473a898a9c8');
  });

  it('ticker for a few seconds', async () => {
    expect(scenario({ server: 'ticker' }, ['connect', 'ping'])).toBe('48:906c31e07bd5656a');
  });

  it('a refusing server: 403, 400 for the missing subprotocol, then a 101', async () => {
    expect(
      scenario({ server: 'reject' }, [
        'connect',
        'connect --origin https://ws101.example',
        'connect --origin https://ws101.example --protocol chat.v2',
        'send ok',
      ]),
    ).toBe('53:21aa940ed00f334a');
  });

  it('the transport race, every lane', async () => {
    const race = new Race({ duration: 20_000, upstreamEvery: 3000 });
    race.run();
    expect(race.lanes.map((l) => `${l.technique} ${fingerprint(l.timeline.events)}`)).toEqual([
      'polling 98:5fff65bf04098f67',
      'long-polling 88:7d03fc7c8cdb25c4',
      'streaming 73:ee8d2ccd43ce4a22',
      'sse 73:c94e76061109f0c3',
      'websocket 93:7aacc0dbf16a2060',
    ]);
  });
});
