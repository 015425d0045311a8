/**
 * permessage-deflate round trips (fast-check), for every parameter combination: ours → ours at every
 * chunking and fragmentation, with context kept or reset across many messages; and against Node's zlib
 * as the oracle both ways — zlib inflates what we compress (with a window no larger than agreed), and we
 * inflate what zlib compresses, message after message.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Connection,
  PerMessageDeflate,
  encodeFrame,
  type DeflateParams,
  type EngineEvent,
  type WindowBits,
} from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';

const bits = fc.constantFrom<WindowBits>(8, 9, 10, 12, 15);
const params: fc.Arbitrary<DeflateParams> = fc.record({
  serverNoContextTakeover: fc.boolean(),
  clientNoContextTakeover: fc.boolean(),
  serverMaxWindowBits: bits,
  clientMaxWindowBits: bits,
});

/** Messages that compress and refer back to each other: words from a small vocabulary, or noise. */
const message = fc.oneof(
  fc
    .array(fc.constantFrom('hello', 'WebSocket', ' ', 'the same thing ', '日本語', '{"n":1}', '\n'), {
      maxLength: 120,
    })
    .map((w) => w.join('')),
  fc.uint8Array({ maxLength: 700 }),
  fc.integer({ min: 1, max: 70_000 }).map((n) => new Uint8Array(n).fill(n & 0xff)),
);
const messages = fc.array(fc.tuple(message, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 25 });
const chunkSizes = fc.oneof(
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }),
);

function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0, i = 0; o < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    out.push(bytes.subarray(o, o + n));
    o += n;
  }
  return out;
}

const join = (chunks: readonly Uint8Array[]): Uint8Array => Buffer.concat(chunks.map((c) => Buffer.from(c)));
const received = (events: readonly EngineEvent[]) =>
  events.flatMap((e) =>
    e.type === 'message' ? [e.binary ? Buffer.from(e.data as Uint8Array).toString('hex') : e.data] : [],
  );
const asSent = (m: string | Uint8Array) => (typeof m === 'string' ? m : Buffer.from(m).toString('hex'));
const bytesOf = (m: string | Uint8Array) => (typeof m === 'string' ? new TextEncoder().encode(m) : m);
/** zlib refuses a raw 2^8 window; both ends use 2^9 for an agreed 8 (deflate/pako.ts). */
const zlibBits = (b: WindowBits) => (b === 8 ? 9 : b);

describe('permessage-deflate: ours → ours', () => {
  it('every message arrives as sent, whatever the parameters, fragmentation and TCP chunking', () => {
    fc.assert(
      fc.property(
        params,
        messages,
        chunkSizes,
        fc.constantFrom('client', 'server'),
        (p, msgs, sizes, from) => {
          const deflate = { codec: pakoCodec, params: p };
          const sender = new Connection(from, { deflate });
          const receiver = new Connection(from === 'client' ? 'server' : 'client', { deflate });
          for (const [m, n] of msgs) {
            const r =
              n === 1
                ? typeof m === 'string'
                  ? sender.sendText(m)
                  : sender.sendBinary(m)
                : sender.sendFragmented(m, n);
            expect(r.ok).toBe(true);
          }
          for (const c of cut(join(sender.dataToSend()), sizes)) receiver.receiveData(c);
          const events = receiver.events();
          expect(events.find((e) => e.type === 'error')).toBeUndefined();
          expect(received(events)).toEqual(msgs.map(([m]) => asSent(m)));
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('permessage-deflate against Node’s zlib as the oracle', () => {
  it('zlib inflates what we compress, with no window larger than agreed (context kept or reset)', () => {
    fc.assert(
      fc.property(
        bits,
        fc.boolean(),
        fc.array(message, { minLength: 1, maxLength: 25 }),
        (b, resets, msgs) => {
          const params: DeflateParams = {
            serverNoContextTakeover: resets,
            clientNoContextTakeover: false,
            serverMaxWindowBits: b,
            clientMaxWindowBits: 15,
          };
          const pmd = new PerMessageDeflate('server', params, { codec: pakoCodec });
          const tail = Buffer.from([0, 0, 0xff, 0xff]);
          const compressed = msgs.map((m) =>
            Buffer.concat([Buffer.from(pmd.compress(bytesOf(m), 1).parts[0]!), tail]),
          );
          const opts = { windowBits: zlibBits(b), finishFlush: zlib.constants.Z_SYNC_FLUSH };
          if (resets) {
            compressed.forEach((c, i) =>
              expect(zlib.inflateRawSync(c, opts).equals(Buffer.from(bytesOf(msgs[i]!)))).toBe(true),
            );
          } else {
            // One stream: each message may refer back into the ones before it.
            const all = zlib.inflateRawSync(Buffer.concat(compressed), opts);
            expect(all.equals(Buffer.concat(msgs.map((m) => Buffer.from(bytesOf(m)))))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('we inflate what zlib compresses, sync-flushed message by message as ws does', async () => {
    await fc.assert(
      fc.asyncProperty(
        bits,
        fc.boolean(),
        fc.array(message, { minLength: 1, maxLength: 20 }),
        async (b, resets, msgs) => {
          let deflater = zlib.createDeflateRaw({ windowBits: zlibBits(b) });
          const frames: Uint8Array[] = [];
          for (const m of msgs) {
            if (resets) deflater = zlib.createDeflateRaw({ windowBits: zlibBits(b) });
            const chunks: Buffer[] = [];
            const onData = (c: Buffer) => chunks.push(c);
            deflater.on('data', onData);
            deflater.write(Buffer.from(bytesOf(m)));
            const d = deflater;
            await new Promise<void>((resolve) => d.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
            deflater.off('data', onData);
            const data = Buffer.concat(chunks);
            frames.push(
              encodeFrame({
                rsv1: true,
                opcode: typeof m === 'string' ? 1 : 2,
                payload: data.subarray(0, data.length - 4),
              }),
            );
          }
          const params: DeflateParams = {
            serverNoContextTakeover: resets,
            clientNoContextTakeover: false,
            serverMaxWindowBits: b,
            clientMaxWindowBits: 15,
          };
          const client = new Connection('client', { deflate: { codec: pakoCodec, params } });
          client.receiveData(join(frames));
          const events = client.events();
          expect(events.find((e) => e.type === 'error')).toBeUndefined();
          expect(received(events)).toEqual(msgs.map(asSent));
        },
      ),
      { numRuns: 60 },
    );
  });
});
