/** Searching lists sorted by virtual time: one binary search, and the tolerance for "at or before". */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/sim/rng.ts';
import { TIME_EPS, upperBound } from '../../src/sim/sorted.ts';

const id = (x: number): number => x;

describe('upperBound: how many items come at or before t', () => {
  it('an empty list has none', () => {
    expect(upperBound([], 5, id)).toBe(0);
  });

  it('before the first item: 0; at or after the last: all of them', () => {
    const times = [10, 20, 30];
    expect(upperBound(times, 9, id)).toBe(0);
    expect(upperBound(times, 30, id)).toBe(3);
    expect(upperBound(times, 1e9, id)).toBe(3);
  });

  it('items at exactly t count (at or before), so equal times all come before the answer', () => {
    // Index of the first item later than 20: after both 20s.
    expect(upperBound([10, 20, 20, 30], 20, id)).toBe(3);
    expect(upperBound([10, 20, 20, 30], 19.5, id)).toBe(1);
  });

  it('reads the time through `key`, so it searches any list sorted by it', () => {
    const events = [{ t: 0 }, { t: 1.5 }, { t: 1.5 }, { t: 4 }];
    expect(upperBound(events, 1.5, (e) => e.t)).toBe(3);
  });

  it('agrees with counting one by one, on seeded random sorted lists', () => {
    const rng = new SeededRandom(42);
    for (let round = 0; round < 200; round++) {
      const list = Array.from({ length: round % 17 }, () => Math.floor(rng.next() * 20)).sort(
        (a, b) => a - b,
      );
      const t = Math.floor(rng.next() * 24) - 2;
      expect(upperBound(list, t, id), `${t} in [${list.join(',')}]`).toBe(list.filter((x) => x <= t).length);
    }
  });
});

describe('TIME_EPS: virtual times are float sums', () => {
  it('an event at 0.1 + 0.2 ms is "at" a playhead of 0.3 ms only with the tolerance', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: one unit in the last place late.
    const times = [0.1 + 0.2];
    expect(upperBound(times, 0.3, id)).toBe(0);
    expect(upperBound(times, 0.3 + TIME_EPS, id)).toBe(1);
  });

  it('is far below the 0.1 ms the views show, so it never reveals an event that is really later', () => {
    expect(upperBound([0.3001], 0.3 + TIME_EPS, id)).toBe(0);
  });
});
