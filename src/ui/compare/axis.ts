/**
 * Axis scales for the race's charts: from 0 to a round number at or above the data, in steps a reader
 * can count (1, 2 or 5 × 10^k), so a chart says "0, 500, 1,000, 1,500, 2,000 ms" and not "0 … 1922".
 */

export interface Scale {
  /** The top of the axis: the smallest multiple of `step` at or above the data's maximum. */
  readonly top: number;
  readonly step: number;
  /** 0, step, 2·step … top. */
  readonly ticks: readonly number[];
}

/** Floats such as 3 × 0.1 land on 0.30000000000000004; twelve significant digits are plenty for a label. */
const tidy = (v: number): number => Number(v.toPrecision(12));

/**
 * A scale from 0 covering `max` in at most `intervals` steps (at least 1). A maximum that is not a
 * positive finite number gets the scale of 1.
 */
export function niceScale(max: number, intervals: number): Scale {
  const m = Number.isFinite(max) && max > 0 ? max : 1;
  const n = Math.max(1, Math.floor(intervals));
  const raw = m / n;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = tidy([1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw * (1 - 1e-12)) ?? raw);
  const count = Math.max(1, Math.ceil(tidy(m / step)));
  const ticks = Array.from({ length: count + 1 }, (_, i) => tidy(i * step));
  return { top: ticks[count]!, step, ticks };
}
