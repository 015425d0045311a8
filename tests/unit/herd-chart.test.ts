/**
 * Lesson 15's herd chart (src/ui/lessons/widgets/HerdChart.svelte): the numbers it draws and writes
 * beside the bars are herd()'s, for every setting it offers, the same for the same seed, and what the
 * lesson's table prints for its starting point.
 */
import { describe, expect, it } from 'vitest';
import { herd, summarizeHerd } from '../../src/sim/backoff.ts';
import { SeededRandom } from '../../src/sim/rng.ts';
import {
  HERD_BASES_MS,
  HERD_CLIENTS,
  HERD_DEFAULTS,
  HERD_SLOT_MS,
  herdSeed,
  herdSeries,
  pick,
} from '../../src/ui/lessons/widgets/herd-model.ts';

describe('summarizeHerd: the busiest slot and the slots used', () => {
  it('the lesson’s table (1,000 clients, 1 s base, seed 101): 1,000 in slot 10 alone; 116 over 10 slots', () => {
    const [none, full] = herdSeries(1_000, 1_000, 101);
    // No jitter: every client waits exactly 1,000 ms, so all land in slot 1,000 / 100 = 10.
    expect(none.summary).toEqual({ peak: 1_000, busiest: 10, used: 1 });
    // Full jitter: uniform in [0, 1,000) ms, so slots 0–9; seed 101's busiest holds 116 (the table's figure).
    expect(full.summary.peak).toBe(116);
    expect(full.summary.used).toBe(10);
    expect(full.result.buckets[full.summary.busiest]).toBe(116);
  });

  it('no client → no busiest slot (-1) and no slot used, never a throw', () => {
    const r = herd(0, { baseMs: 1_000, capMs: 30_000, jitter: 'full' }, new SeededRandom(1), 100);
    expect(summarizeHerd(r)).toEqual({ peak: 0, busiest: -1, used: 0 });
  });

  it('ties go to the earliest slot', () => {
    expect(summarizeHerd({ buckets: [0, 3, 1, 3], peak: 3 })).toEqual({ peak: 3, busiest: 1, used: 3 });
  });
});

describe('every setting the chart offers', () => {
  for (const clients of HERD_CLIENTS) {
    for (const baseMs of HERD_BASES_MS) {
      it(`${clients} clients, base ${baseMs} ms: every client counted once, no jitter in slot base/100, full jitter below it`, () => {
        const [none, full] = herdSeries(clients, baseMs, HERD_DEFAULTS.seed);
        const slots = Math.ceil(baseMs / HERD_SLOT_MS) + 1;
        for (const s of [none, full]) {
          expect(s.result.buckets).toHaveLength(slots);
          expect(s.result.buckets.reduce((a, b) => a + b, 0)).toBe(clients);
          expect(s.summary.peak).toBe(Math.max(...s.result.buckets));
          expect(s.result.buckets[s.summary.busiest]).toBe(s.summary.peak);
          expect(s.result.buckets.indexOf(s.summary.peak)).toBe(s.summary.busiest);
          expect(s.summary.used).toBe(s.result.buckets.filter((n) => n > 0).length);
        }
        expect(none.summary).toEqual({ peak: clients, busiest: Math.floor(baseMs / HERD_SLOT_MS), used: 1 });
        // A full-jitter wait is below the ceiling (floor of a draw in [0, base)), so never in slot ⌈base/100⌉.
        const lastJitterSlot = Math.ceil(baseMs / HERD_SLOT_MS) - 1;
        expect(full.result.buckets.slice(lastJitterSlot + 1).every((n) => n === 0)).toBe(true);
        expect(full.summary.peak).toBeLessThan(clients);
      });
    }
  }

  it('the lesson’s sentence under the table: 10,000 clients, 250 ms then 4 s: the spike keeps all 10,000, jitter’s busiest slot shrinks', () => {
    const [none250, full250] = herdSeries(10_000, 250, HERD_DEFAULTS.seed);
    const [none4s, full4s] = herdSeries(10_000, 4_000, HERD_DEFAULTS.seed);
    expect([none250.summary.peak, none4s.summary.peak]).toEqual([10_000, 10_000]);
    // 250 ms spreads 10,000 draws over 2.5 slots (about 4,000 each), 4 s over 40 (about 250 each).
    expect(full4s.summary.peak).toBeLessThan(full250.summary.peak / 10);
    console.log(
      `herd chart, 10,000 clients, seed 101: full jitter peak ${full250.summary.peak} at 250 ms, ${full4s.summary.peak} at 4 s`,
    );
  });

  it('the same seed draws the same chart; another seed moves only the jittered bars', () => {
    const a = herdSeries(10_000, 4_000, 7);
    const b = herdSeries(10_000, 4_000, 7);
    expect(b).toEqual(a);
    const c = herdSeries(10_000, 4_000, 8);
    expect(c[0]).toEqual(a[0]);
    expect(c[1].result.buckets).not.toEqual(a[1].result.buckets);
  });
});

describe('a lesson’s settings: only what the chart offers, else the table’s', () => {
  it('clients and base delay pick among the choices; anything else falls back', () => {
    expect(pick(HERD_CLIENTS, 10_000, HERD_DEFAULTS.clients)).toBe(10_000);
    for (const v of [12, '100', -1, Number.NaN, undefined, null]) {
      expect(pick(HERD_CLIENTS, v, HERD_DEFAULTS.clients)).toBe(1_000);
    }
    expect(pick(HERD_BASES_MS, 250, HERD_DEFAULTS.baseMs)).toBe(250);
    expect(pick(HERD_BASES_MS, 2_000, HERD_DEFAULTS.baseMs)).toBe(1_000);
  });
  it('a seed is a whole number in [0, 2^32); anything else is 101', () => {
    expect(herdSeed(0)).toBe(0);
    expect(herdSeed(0xffff_ffff)).toBe(0xffff_ffff);
    for (const v of [-1, 1.5, 2 ** 32, '7', Number.POSITIVE_INFINITY, undefined])
      expect(herdSeed(v)).toBe(101);
  });
});
