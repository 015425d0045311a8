/**
 * Reconnecting after a drop: exponential backoff with jitter, and what N clients do when they all lose
 * the same server at once. A browser's WebSocket never reconnects by itself (unlike EventSource), so
 * this is the application's code; the numbers here are what the lesson's table and exercises show.
 *
 * The schedule follows "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015): the ceiling of
 * attempt k is min(cap, base × 2^k); "full jitter" waits a uniform random time in [0, ceiling).
 */
import type { SeededRandom } from './rng.ts';

export type Jitter = 'none' | 'full';

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: Jitter;
}

/** The longest wait before attempt `attempt` (0-based): min(cap, base × 2^attempt). */
export function backoffCeiling(attempt: number, p: BackoffPolicy): number {
  return Math.min(p.capMs, p.baseMs * 2 ** Math.min(attempt, 52));
}

/** The wait before attempt `attempt`: the ceiling itself, or a uniform draw below it (full jitter). */
export function backoffDelay(attempt: number, p: BackoffPolicy, rng: SeededRandom): number {
  const ceiling = backoffCeiling(attempt, p);
  return p.jitter === 'none' ? ceiling : Math.floor(rng.next() * ceiling);
}

/** When the server comes back after an outage: how its reconnects arrive, bucketed. */
export interface HerdResult {
  /** Reconnects per bucket of `bucketMs`, from t = 0 (the moment every client saw 1006). */
  readonly buckets: readonly number[];
  /** The most reconnects that landed in one bucket. */
  readonly peak: number;
}

/**
 * N clients lose the server at t = 0 and each makes its first reconnect attempt after
 * backoffDelay(0). Bounded: n at most 1,000,000 clients; the first attempt only (the herd's worst
 * moment, when a restarted server must accept them).
 */
export function herd(n: number, p: BackoffPolicy, rng: SeededRandom, bucketMs: number): HerdResult {
  const clients = Math.max(0, Math.min(1_000_000, Math.floor(n)));
  const count = Math.max(1, Math.ceil(backoffCeiling(0, p) / bucketMs) + 1);
  const buckets = new Array<number>(count).fill(0);
  for (let i = 0; i < clients; i++) {
    const b = Math.min(count - 1, Math.floor(backoffDelay(0, p, rng) / bucketMs));
    buckets[b]!++;
  }
  return { buckets, peak: Math.max(0, ...buckets) };
}

/** What a reader of the herd chart is told: the busiest bucket, where it is, and how many were used. */
export interface HerdSummary {
  /** The most reconnects in one bucket (HerdResult.peak). */
  readonly peak: number;
  /** The index of the busiest bucket (the earliest, if several tie); -1 when no client reconnected. */
  readonly busiest: number;
  /** Buckets that hold at least one reconnect: the lesson's "slots used". */
  readonly used: number;
}

/**
 * The figures the lesson's table and chart print beside the bars, from a herd() result. Kept apart
 * from herd() so its result (and the lesson's recomputed table) stays exactly what it was.
 */
export function summarizeHerd(r: HerdResult): HerdSummary {
  let busiest = -1;
  let used = 0;
  r.buckets.forEach((n, i) => {
    if (n > 0) used++;
    if (n > 0 && (busiest < 0 || n > r.buckets[busiest]!)) busiest = i;
  });
  return { peak: r.peak, busiest, used };
}
