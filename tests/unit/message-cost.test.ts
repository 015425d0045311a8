/**
 * What a fragmented message may cost (security review M1): its payload plus FRAGMENT_OVERHEAD bytes per
 * fragment, against maxMessageSize — and reassembly that keeps no object per fragment still gives back
 * exactly what was sent, at every fragmentation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Connection,
  FRAGMENT_OVERHEAD,
  Opcode,
  encodeFrame,
  type EngineEvent,
  type FrameSpec,
} from '../../src/protocol/index.ts';
import { sameBytes } from '../support/bytes.ts';

const KEY = Uint8Array.of(1, 2, 3, 4);

/** One message as client frames (masked), cut at the given payload sizes. */
function fragmented(opcode: number, parts: readonly Uint8Array[]): Uint8Array {
  const frames = parts.map((payload, i) =>
    encodeFrame({
      opcode: i === 0 ? opcode : Opcode.Continuation,
      fin: i === parts.length - 1,
      payload,
      maskKey: KEY,
    } satisfies FrameSpec),
  );
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let o = 0;
  for (const f of frames) {
    out.set(f, o);
    o += f.length;
  }
  return out;
}

function serverReceives(bytes: Uint8Array, maxMessageSize: number): EngineEvent[] {
  const server = new Connection('server', { maxMessageSize });
  server.receiveData(bytes);
  return server.events();
}

const errorOf = (events: EngineEvent[]) => events.find((e) => e.type === 'error');
const messageOf = (events: EngineEvent[]) => events.find((e) => e.type === 'message');
const framesIn = (events: EngineEvent[]) => events.filter((e) => e.type === 'frame-in').length;

describe('§7.4.1 a fragmented message is charged 16 B per fragment on top of its payload', () => {
  it('at exactly the limit it is accepted; one fragment more → 1009 (too-many-fragments)', () => {
    // 10 fragments of 4 bytes: 40 + 10 × 16 = 200.
    const parts = Array.from({ length: 10 }, () => new Uint8Array(4).fill(9));
    expect(FRAGMENT_OVERHEAD).toBe(16);
    const atLimit = serverReceives(fragmented(Opcode.Binary, parts), 200);
    expect(errorOf(atLimit)).toBeUndefined();
    expect(messageOf(atLimit)).toMatchObject({ binary: true, frames: 10 });

    const over = serverReceives(fragmented(Opcode.Binary, [...parts, new Uint8Array(0)]), 200);
    expect(errorOf(over)).toMatchObject({ error: { rule: 'too-many-fragments', section: '7.4.1' } });
    expect(messageOf(over)).toBeUndefined();
  });

  it('empty continuation frames → 1009 after maxMessageSize / 16 of them, whatever follows', () => {
    // A first empty frame, then continuations forever: the 101st fragment costs 101 × 16 > 1600.
    const parts = Array.from({ length: 1000 }, () => new Uint8Array(0));
    const server = new Connection('server', { maxMessageSize: 1600 });
    server.receiveData(fragmented(Opcode.Binary, parts).subarray(0, 6 * 1000 - 6)); // FIN never comes
    const events = server.events();
    expect(framesIn(events)).toBe(101);
    expect(errorOf(events)).toMatchObject({ error: { rule: 'too-many-fragments' } });
    const sent = server.dataToSend().flatMap((chunk) => Array.from(chunk));
    expect(sent).toEqual([0x88, 0x02, 0x03, 0xf1]); // a close frame with 1009, and nothing else
    expect(server.state).toBe('CLOSED');
  });

  it('1-byte text fragments → 1009 once 17 B × fragments passes the limit', () => {
    const a = new TextEncoder().encode('a');
    const events = serverReceives(
      fragmented(
        Opcode.Text,
        Array.from({ length: 200 }, () => a),
      ),
      1700,
    );
    expect(framesIn(events)).toBe(101); // 100 × 17 = 1700 fits, 101 × 17 does not
    expect(errorOf(events)).toMatchObject({ error: { rule: 'too-many-fragments' } });
  });

  it('payload alone past the limit is still message-too-big, the rule that names the size', () => {
    const events = serverReceives(fragmented(Opcode.Binary, [new Uint8Array(150), new Uint8Array(60)]), 200);
    expect(errorOf(events)).toMatchObject({ error: { rule: 'message-too-big' } });
  });

  it('Autobahn 9.3.1’s shape — 4 MiB of text in 65,536 fragments of 64 B — fits a 16 MiB limit', () => {
    const piece = new TextEncoder().encode('0123456789abcdef'.repeat(4));
    const events = serverReceives(
      fragmented(
        Opcode.Text,
        Array.from({ length: 65_536 }, () => piece),
      ),
      16 * 1024 * 1024,
    );
    expect(errorOf(events)).toBeUndefined();
    const message = messageOf(events);
    expect(message?.type === 'message' && (message.data as string).length).toBe(4 * 1024 * 1024);
  });
});

describe('§5.4 reassembly without one object per fragment gives back exactly what was sent', () => {
  // Sizes around the 4 KiB "keep as is" threshold and the 16 KiB block, and tiny ones.
  const size = fc.oneof(
    fc.integer({ min: 0, max: 70 }),
    fc.integer({ min: 4090, max: 4100 }),
    fc.integer({ min: 16_380, max: 16_400 }),
    fc.integer({ min: 0, max: 40_000 }),
  );

  it('a binary message cut into any fragment sizes comes back byte for byte', () => {
    fc.assert(
      fc.property(fc.array(size, { minLength: 1, maxLength: 12 }), fc.integer(), (sizes, seed) => {
        let x = seed | 0;
        const parts = sizes.map((n) =>
          Uint8Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) | 0) >>> 24),
        );
        const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let o = 0;
        for (const p of parts) {
          whole.set(p, o);
          o += p.length;
        }
        const message = messageOf(serverReceives(fragmented(Opcode.Binary, parts), 1 << 24));
        if (message?.type !== 'message') throw new Error('no message');
        expect(message.frames).toBe(parts.length);
        expect(sameBytes(message.data as Uint8Array, whole)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('§8.1 a text message cut at any bytes — inside multi-byte sequences too — comes back as the same string', () => {
    const chars = fc.constantFrom('a', 'é', '한', '😀', ' ', '\u0000');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 3000 }).map((a) => a.join('')),
        fc.array(fc.integer({ min: 0, max: 1 << 16 }), { maxLength: 300 }),
        (text, cuts) => {
          const bytes = new TextEncoder().encode(text);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const parts: Uint8Array[] = [];
          let from = 0;
          for (const c of [...at, bytes.length]) {
            parts.push(bytes.subarray(from, c));
            from = c;
          }
          const message = messageOf(serverReceives(fragmented(Opcode.Text, parts), 1 << 24));
          if (message?.type !== 'message') throw new Error('no message');
          expect(message.data).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});
