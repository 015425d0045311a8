import { describe, expect, it } from 'vitest';
import { niceScale } from '../../src/ui/compare/axis.ts';

describe('niceScale: the race charts’ axes', () => {
  it('a delay of 1922 ms in at most 4 steps: 1922 / 4 = 480.5 → step 500, top 2000', () => {
    expect(niceScale(1922, 4)).toEqual({ top: 2000, step: 500, ticks: [0, 500, 1000, 1500, 2000] });
  });

  it('30 s in at most 3 steps: 30 / 3 = 10 → step 10 (a maximum on a step is the top itself)', () => {
    expect(niceScale(30, 3)).toEqual({ top: 30, step: 10, ticks: [0, 10, 20, 30] });
  });

  it('30 s in at most 6 steps: 30 / 6 = 5 → step 5, seven ticks', () => {
    expect(niceScale(30, 6).ticks).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });

  it('12.3 kB in at most 4 steps: 12.3 / 4 = 3.075 → step 5, top 15', () => {
    expect(niceScale(12.3, 4)).toEqual({ top: 15, step: 5, ticks: [0, 5, 10, 15] });
  });

  it('small fractions stay tidy: 0.3 in 3 steps → 0, 0.1, 0.2, 0.3', () => {
    expect(niceScale(0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('no data (0, NaN, −5, ∞) gets the scale of 1; fewer than one interval counts as one', () => {
    for (const max of [0, Number.NaN, -5, Number.POSITIVE_INFINITY]) expect(niceScale(max, 2).top).toBe(1);
    expect(niceScale(7, 0)).toEqual({ top: 10, step: 10, ticks: [0, 10] });
  });
});
