/**
 * Lesson 15's herd chart, as numbers: the choices the widget offers and the two series it draws, from
 * herd() in src/sim/backoff.ts. Apart from the component so a test in Node computes exactly what the
 * page shows for the same settings.
 */
import { herd, summarizeHerd, type HerdResult, type HerdSummary, type Jitter } from '../../../sim/backoff.ts';
import { SeededRandom } from '../../../sim/rng.ts';

export const HERD_CLIENTS = [10, 100, 1_000, 10_000] as const;
export const HERD_BASES_MS = [250, 1_000, 4_000] as const;
/** The lesson's table: 1,000 clients, a 1 s base, seed 101. */
export const HERD_DEFAULTS = { clients: 1_000, baseMs: 1_000, seed: 101 } as const;
/** The lesson counts reconnects in 100 ms slots; the cap (30 s) never binds a first attempt here. */
export const HERD_SLOT_MS = 100;
export const HERD_CAP_MS = 30_000;
/** Seeds stay 32-bit, as SeededRandom reads them. */
export const HERD_MAX_SEED = 0xffff_ffff;

export type HerdClients = (typeof HERD_CLIENTS)[number];
export type HerdBase = (typeof HERD_BASES_MS)[number];

export interface HerdSeries {
  readonly jitter: Jitter;
  readonly result: HerdResult;
  readonly summary: HerdSummary;
}

/** One of `choices` if `v` is one, else `fallback`: a lesson's setting picks among what the widget offers. */
export function pick<T extends number>(choices: readonly T[], v: unknown, fallback: T): T {
  return choices.find((c) => c === v) ?? fallback;
}

/** A lesson's seed: a whole number in [0, 2^32), else the default. */
export function herdSeed(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= HERD_MAX_SEED ? v : HERD_DEFAULTS.seed;
}

/**
 * Both series for one setting, each from a fresh SeededRandom(seed), as the lesson's table was computed
 * (tests/unit/lesson-staying-connected.test.ts): no jitter draws nothing, full jitter one number per client.
 */
export function herdSeries(clients: number, baseMs: number, seed: number): readonly [HerdSeries, HerdSeries] {
  const one = (jitter: Jitter): HerdSeries => {
    const result = herd(clients, { baseMs, capMs: HERD_CAP_MS, jitter }, new SeededRandom(seed), HERD_SLOT_MS);
    return { jitter, result, summary: summarizeHerd(result) };
  };
  return [one('none'), one('full')];
}
