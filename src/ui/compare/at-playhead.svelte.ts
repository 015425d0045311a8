/**
 * One lane of the race as it stands at the playhead, at the granularity the views draw from.
 *
 * Rules for this module:
 * - a frame of playback costs two binary searches per lane (`upperBound`), never a scan of the run;
 * - each value is a `$derived` that keeps its identity until it changes: the counters are the lane's
 *   own `Snapshot` object (the history holds one per change), the counts are numbers. So a table cell,
 *   a tick or a chart dot is redrawn when the thing it shows changes (about 50 times per lane in the
 *   default run), not at every new playhead (360 frames of a 30 s race at 5×, 1,800 at 1×). Lighthouse
 *   mobile measured CompareView frames of 50–450 ms (4× CPU slowdown) when one `$derived` rebuilt
 *   every row on every frame.
 */
import type { Lane, Snapshot } from '../../sim/race/index.ts';
import { summarize, type LatencySummary } from '../../sim/race/summary.ts';
import { upperBound } from '../../sim/sorted.ts';

export class LaneAtPlayhead {
  readonly lane: Lane;
  readonly #time: () => number;

  /** The counters as they stood at the playhead (the same object until one of them changes). */
  readonly counters: Snapshot = $derived.by(() => this.lane.at(this.#time()));

  /**
   * How many events the client application had received by the playhead: a prefix of the lane's
   * `deliveredAt` and `stats.latencies` (both in delivery order).
   */
  readonly delivered: number = $derived.by(() => upperBound(this.lane.deliveredAt, this.#time(), (at) => at));

  /** Delay mean / p95 / max of those events (null before the first): recomputed only when one arrives. */
  readonly latency: LatencySummary | null = $derived.by(() =>
    summarize(this.lane.stats.latencies.slice(0, this.delivered)),
  );

  constructor(lane: Lane, time: () => number) {
    this.lane = lane;
    this.#time = time;
  }
}
