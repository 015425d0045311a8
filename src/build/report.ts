/**
 * What a run of the stages gives the page: per stage, its checks, the simulated connections' Timeline
 * (the same record the playground's diagram draws) and, for a stage that fails, the learner-worded
 * reason and where in the diagram to look.
 */
import type { Text } from '../protocol/index.ts';
import type { Timeline } from '../sim/timeline.ts';
import type { HostFailure } from './host.ts';
import type { StageSlug } from './stages.ts';

/** Where the diagram opens for a failure: the arrow (timeline event id) and, if known, the first byte that differs. */
export interface DiagramSpot {
  readonly eventId: number;
  /** Offset in that arrow's bytes (the frame's or HTTP message's own bytes); null: the arrow as a whole. */
  readonly byte: number | null;
}

/** One thing a stage checks (one simulated connection), e.g. "a 126-byte payload is echoed". */
export interface CheckResult {
  readonly title: Text;
  readonly ok: boolean;
}

export type StageResult =
  | {
      readonly status: 'pass';
      readonly stage: StageSlug;
      readonly checks: readonly CheckResult[];
      readonly timeline: Timeline;
      readonly logs: readonly string[];
    }
  | {
      /** The server ran but did something the RFC (and the stage) does not allow. */
      readonly status: 'fail';
      readonly stage: StageSlug;
      readonly checks: readonly CheckResult[];
      readonly timeline: Timeline;
      readonly logs: readonly string[];
      /** Expected vs done, in the learner's terms, with the rule. */
      readonly reason: Text;
      readonly spot: DiagramSpot | null;
    }
  | {
      /** The code itself stopped the run: it threw, looped, ran out of memory, wrote without end… */
      readonly status: 'crash';
      readonly stage: StageSlug;
      readonly checks: readonly CheckResult[];
      readonly timeline: Timeline;
      readonly logs: readonly string[];
      readonly failure: HostFailure;
    };

export interface RunReport {
  readonly results: readonly StageResult[];
  readonly passed: number;
  readonly total: number;
  /**
   * The stage whose crash ended the run (grade.ts, HALTING): code that loops, floods, runs out of
   * memory or does not load would do the same in every later stage, so they are not run. Null otherwise.
   */
  readonly haltedAt: StageSlug | null;
}
