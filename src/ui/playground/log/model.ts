/**
 * The event log's view model: which timeline events are shown, and where each one sits. The timeline
 * can hold 100,000+ events, so nothing here walks the whole list per frame: the revealed count is a
 * binary search (events are appended in time order), and a layer filter is an index of positions built
 * once and then only extended with what is appended.
 */
import type { TimelineEvent } from '../../../sim/timeline.ts';

export interface LayerSet {
  readonly tcp: boolean;
  readonly http: boolean;
  readonly ws: boolean;
}

/** Events with `t ≤ playhead`: the first index whose time is later (binary search, O(log n)). */
export function revealedCount(events: readonly TimelineEvent[], playhead: number): number {
  let lo = 0,
    hi = events.length;
  const limit = playhead + 1e-9; // the same tolerance the session uses when it reveals events
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the log shows this event under the layer filter. State changes follow their own layer. */
export function passesLayers(e: TimelineEvent, layers: LayerSet): boolean {
  if (e.kind === 'note') return true;
  return layers[e.layer];
}

export function allLayers(layers: LayerSet): boolean {
  return layers.tcp && layers.http && layers.ws;
}

/**
 * Positions (in the timeline) of the events that pass a layer filter. Kept between frames: a new
 * filter or a new timeline rebuilds it (one pass), new events only extend it.
 */
export class FilteredIndex {
  #events: readonly TimelineEvent[] | null = null;
  #key = '';
  #positions = new Int32Array(1024);
  #length = 0;
  #scanned = 0;

  /** Cover `events` for `layers`; returns this, ready to be read. */
  update(events: readonly TimelineEvent[], layers: LayerSet): this {
    const key = `${+layers.tcp}${+layers.http}${+layers.ws}`;
    if (events !== this.#events || key !== this.#key || events.length < this.#scanned) {
      this.#events = events;
      this.#key = key;
      this.#length = 0;
      this.#scanned = 0;
    }
    for (let i = this.#scanned; i < events.length; i++) {
      if (!passesLayers(events[i]!, layers)) continue;
      if (this.#length === this.#positions.length) {
        const grown = new Int32Array(this.#positions.length * 2);
        grown.set(this.#positions);
        this.#positions = grown;
      }
      this.#positions[this.#length++] = i;
    }
    this.#scanned = events.length;
    return this;
  }

  /** How many filtered events lie before timeline position `end` (binary search). */
  countBefore(end: number): number {
    let lo = 0,
      hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#positions[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Timeline position of the row-th filtered event. */
  position(row: number): number {
    return this.#positions[row]!;
  }

  /** Row of a timeline position, or -1 when the filter hides it. */
  rowOf(position: number): number {
    const row = this.countBefore(position);
    return row < this.#length && this.#positions[row] === position ? row : -1;
  }
}

/** The rows to render for a viewport: the visible ones plus a few either side, clamped. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
  maxRows = 300,
): { from: number; to: number } {
  if (count === 0 || rowHeight <= 0) return { from: 0, to: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.min(maxRows, Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1);
  const from = Math.max(0, Math.min(count, first - overscan));
  const to = Math.min(count, first + shown + overscan);
  return { from, to };
}
