/**
 * The TCP reassembler (RFC 9293 §3.4) under fast-check: a stream cut into random segments, some
 * duplicated, some overlapping retransmissions, all shuffled, some dropped, with an initial sequence
 * number anywhere (so the 32-bit wrap is crossed), reassembles to the original where nothing was
 * dropped and marks a gap exactly where something was. Then the readers are fuzzed with mutated
 * fixtures: every outcome is a report or a typed problem, never a throw, and reading ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCapture, DirectionReassembler, type StreamPiece } from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';

interface Seg {
  readonly from: number;
  readonly to: number;
}

/** Merge dropped segments into the byte ranges no kept segment covers. */
function missing(length: number, kept: readonly Seg[]): Seg[] {
  const covered = new Uint8Array(length);
  for (const s of kept) covered.fill(1, s.from, s.to);
  const out: Seg[] = [];
  for (let i = 0; i < length;) {
    if (covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < length && !covered[j]) j++;
    out.push({ from: i, to: j });
    i = j;
  }
  return out;
}

const scenario = fc
  .record({
    data: fc.uint8Array({ minLength: 1, maxLength: 3000 }),
    // Near the top of the sequence space half the time, so the stream wraps past 2^32.
    isn: fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 0xffffffff - 3000, max: 0xffffffff }),
    ),
    cuts: fc.array(fc.nat(), { maxLength: 40 }),
    seed: fc.integer(),
    dropRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    dupRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .map((s) => {
    const points = [...new Set(s.cuts.map((c) => c % s.data.length))]
      .filter((c) => c > 0)
      .sort((a, b) => a - b);
    const bounds = [0, ...points, s.data.length];
    const segments: Seg[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) segments.push({ from: bounds[i]!, to: bounds[i + 1]! });
    return { ...s, segments };
  });

/** A small deterministic generator from the case's seed (fast-check shrinks the seed with the case). */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

describe('TCP reassembly (RFC 9293 §3.4)', () => {
  it('cut, duplicated, overlapped, reordered, partly dropped → the original where kept, gaps exactly where not', () => {
    fc.assert(
      fc.property(scenario, ({ data, isn, segments, seed, dropRate, dupRate }) => {
        const random = rng(seed);
        const kept = segments.filter(() => random() >= dropRate);
        const sent: Seg[] = [...kept];
        for (const s of kept) {
          if (random() < dupRate) sent.push(s); // a retransmission of the same segment
          if (random() < dupRate && s.to - s.from > 1) {
            // an overlapping retransmission: a sub-range of a kept segment, same bytes
            const a = s.from + Math.floor(random() * (s.to - s.from - 1));
            sent.push({ from: a, to: s.to });
          }
        }
        for (let i = sent.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [sent[i], sent[j]] = [sent[j]!, sent[i]!];
        }
        const r = new DirectionReassembler();
        const seq = (offset: number): number => (isn + 1 + offset) % 4294967296;
        let packet = 0;
        r.add({
          seq: isn,
          payload: new Uint8Array(0),
          length: 0,
          syn: true,
          fin: false,
          packet: ++packet,
          timeUs: 0,
        });
        for (const s of sent) {
          const payload = data.subarray(s.from, s.to);
          r.add({
            seq: seq(s.from),
            payload,
            length: payload.length,
            syn: false,
            fin: false,
            packet: ++packet,
            timeUs: packet,
          });
        }
        // The FIN comes last, after the last byte: a drop at the end is a gap too.
        r.add({
          seq: seq(data.length),
          payload: new Uint8Array(0),
          length: 0,
          syn: false,
          fin: true,
          packet: ++packet,
          timeUs: packet,
        });
        const out = r.finish();
        const gaps = out.pieces.filter((p): p is StreamPiece & { kind: 'gap' } => p.kind === 'gap');
        expect(gaps.map((g) => ({ from: g.offset, to: g.offset + g.length }))).toEqual(
          missing(data.length, kept),
        );
        let at = 0;
        for (const p of out.pieces) {
          expect(p.offset).toBe(at); // pieces tile the stream, in order, without overlap
          if (p.kind === 'data') {
            expect(p.bytes).toEqual(data.subarray(p.offset, p.offset + p.bytes.length));
            at += p.bytes.length;
          } else at += p.length;
        }
        expect(at).toBe(data.length);
        expect(out.finAt).toBe(data.length);
        expect(out.startedLate).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

const DIR = join(import.meta.dirname, '../fixtures/capture');
const FIXTURES = [
  'ws-deflate.pcap',
  'ws-deflate.pcapng',
  'ipv6-fragmented.pcapng',
  'linux-sll2.pcapng',
  'chromium.har',
].map((f) => readFileSync(join(DIR, f)));

/** Every outcome is a report or a typed problem: a throw fails the test, a hang times it out. */
function readsCleanly(bytes: Uint8Array): void {
  const r = analyzeCapture(bytes, { codec: pakoCodec }, 997);
  if (!r.ok)
    expect(['not-a-capture', 'truncated', 'bad-record', 'bad-har', 'too-large']).toContain(r.problem.kind);
}

describe('the readers, fuzzed with mutated fixtures', () => {
  it('bit flips anywhere: a report or a typed problem, never an exception', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FIXTURES.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { minLength: 1, maxLength: 8 }),
        (which, flips) => {
          const bytes = new Uint8Array(FIXTURES[which]!);
          for (const [at, bit] of flips) bytes[at % bytes.length]! ^= 1 << bit;
          readsCleanly(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('truncated anywhere: a report that says where it ends, or a typed problem', () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.nat(), (which, cut) => {
        const f = FIXTURES[which]!;
        readsCleanly(f.subarray(0, cut % f.length));
      }),
      { numRuns: 300 },
    );
  });

  it('a length field set huge: reading stops with bad-record or truncated, without buffering the rest', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1 }),
        fc.nat(),
        fc.constantFrom(0x7fffffff, 0xffffffff, 0x01000000, 0x00ffffff),
        (which, pick, huge) => {
          const bytes = new Uint8Array(FIXTURES[which]!);
          const v = new DataView(bytes.buffer);
          // pcap: a record's captured length (offset 8 in its header); pcapng: a block's total length.
          const offsets: number[] = [];
          if (which === 0)
            for (let o = 24; o + 16 <= bytes.length; o += 16 + v.getUint32(o + 8, true)) offsets.push(o + 8);
          else for (let o = 0; o + 12 <= bytes.length; o += v.getUint32(o + 4, true)) offsets.push(o + 4);
          const at = offsets[pick % offsets.length]!;
          v.setUint32(at, huge, true);
          const r = analyzeCapture(bytes, { codec: pakoCodec }, 997);
          expect(
            r.ok && r.kind === 'capture' ? r.report.problem?.kind : r.ok ? 'har' : r.problem.kind,
          ).toMatch(/bad-record|truncated/);
        },
      ),
      { numRuns: 100 },
    );
  });
});
