/**
 * Searches in lists kept sorted by virtual time (a timeline, a lane's counter history, the moments a
 * race delivers): one binary search and one tolerance, instead of a hand-written loop and a bare
 * constant at every list. Pure functions of their arguments; nothing here knows what the items are.
 */

/**
 * The tolerance for "at or before" on virtual time. Times are float sums (send time + bytes ÷ bandwidth
 * + latency, `sim/tcp.ts`), so a playhead reached by another sum can miss an event at that very moment by
 * a few units in the last place; a nanosecond of virtual time is far below anything a view shows
 * (0.1 ms). Callers that want the tolerance search for `t + TIME_EPS`.
 */
export const TIME_EPS = 1e-9;

/**
 * In `list`, sorted by `key` ascending: the index of the first item whose key is greater than `t`, which
 * is also how many items come at or before `t` (0 if none, `list.length` if all). O(log n).
 */
export function upperBound<T>(list: readonly T[], t: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
