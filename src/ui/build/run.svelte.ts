/**
 * One grading of the learner's file as the page shows it: where the run is, and each stage's state as
 * it goes waiting → running → pass / fail / stopped (crash). State flows one way: the page calls
 * `start` and `stop`; the grader's callbacks (src/build/grade.ts) move the stages; the cards read them.
 *
 * A run the learner stopped, or replaced by a new one, is forgotten at once: its late callbacks are
 * ignored (a generation number), so the next run starts clean even while the old one winds down.
 * The grader, the sandbox and the parser are fetched the first time they are needed, each its own chunk.
 */
import type { HostFactory } from '../../build/host.ts';
import type { RunReport, StageResult } from '../../build/report.ts';
import { STAGES, type StageSlug } from '../../build/stages.ts';
import type { Diagnostic } from '../../build/sandbox/prepare.ts';

export type StageState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'running' }
  /** The run was stopped before this stage ran. */
  | { readonly kind: 'stopped' }
  | { readonly kind: 'done'; readonly result: StageResult };

export type RunPhase =
  | { readonly kind: 'idle' }
  /** Loading the grader and starting the sandbox. */
  | { readonly kind: 'starting' }
  | { readonly kind: 'running'; readonly stage: StageSlug }
  | { readonly kind: 'done'; readonly report: RunReport }
  /** Stopped by the learner at `before`, which (and every stage after it) did not finish (null: none left). */
  | { readonly kind: 'stopped'; readonly before: StageSlug | null }
  /** Not run: the file does not parse, or imports what it may not (the first problem). */
  | { readonly kind: 'refused'; readonly problem: Diagnostic }
  /** The grader itself threw: a bug in ws101, said as such. */
  | { readonly kind: 'failed'; readonly message: string };

/** What a run needs from src/build: the grader and the page's sandbox. */
export interface Grader {
  runStages(
    source: string,
    hosts: HostFactory,
    options?: {
      onStage?: (result: StageResult, index: number) => void;
      onStart?: (slug: StageSlug) => void;
      signal?: AbortSignal;
    },
  ): Promise<RunReport>;
  readonly hosts: HostFactory;
}

export type Stages = Readonly<Record<StageSlug, StageState>>;

const every = (state: StageState): Stages =>
  Object.fromEntries(STAGES.map((s) => [s.slug, state])) as Record<StageSlug, StageState>;

export class BuildRun {
  phase = $state.raw<RunPhase>({ kind: 'idle' });
  stages = $state.raw<Stages>(every({ kind: 'idle' }));
  /** The file as it was when the current results were made (to say when it has changed since). */
  ranSource = $state.raw<string | null>(null);

  // Bookkeeping, not view state.
  #generation = 0;
  #abort: AbortController | null = null;
  readonly #grader: () => Promise<Grader>;
  readonly #check: (source: string) => Promise<readonly Diagnostic[]>;

  constructor(grader: () => Promise<Grader>, check: (source: string) => Promise<readonly Diagnostic[]>) {
    this.#grader = grader;
    this.#check = check;
  }

  get running(): boolean {
    return this.phase.kind === 'starting' || this.phase.kind === 'running';
  }

  /** Stages that passed in the results shown. */
  get passed(): number {
    return STAGES.filter((s) => {
      const st = this.stages[s.slug];
      return st.kind === 'done' && st.result.status === 'pass';
    }).length;
  }

  /** Whether any stage has a result to show. */
  get graded(): boolean {
    return STAGES.some((s) => this.stages[s.slug].kind === 'done');
  }

  /** Grade `source`: refused with its first problem if it does not parse, else every stage in order. */
  async start(source: string): Promise<void> {
    if (this.running) this.stop();
    const generation = ++this.#generation;
    const current = (): boolean => generation === this.#generation;
    const problems = await this.#check(source);
    if (!current()) return;
    const first = problems[0];
    if (first) {
      // The results shown stay those of the last file that ran.
      this.phase = { kind: 'refused', problem: first };
      return;
    }
    this.ranSource = source;
    this.stages = every({ kind: 'waiting' });
    this.phase = { kind: 'starting' };
    const abort = new AbortController();
    this.#abort = abort;
    const set = (slug: StageSlug, state: StageState): void => {
      if (current()) this.stages = { ...this.stages, [slug]: state };
    };
    try {
      const grader = await this.#grader();
      if (!current()) return;
      const report = await grader.runStages(source, grader.hosts, {
        signal: abort.signal,
        onStart: (slug) => {
          set(slug, { kind: 'running' });
          if (current()) this.phase = { kind: 'running', stage: slug };
        },
        onStage: (result) => set(result.stage, { kind: 'done', result }),
      });
      if (!current()) return;
      // The report is the authority: a stage it has is shown with its result, one it lacks did not run.
      const next: Record<StageSlug, StageState> = { ...every({ kind: 'idle' }) };
      for (const r of report.results) next[r.stage] = { kind: 'done', result: r };
      // After a crash that ends the run, the stages that did not run say so ("Not run").
      if (report.haltedAt)
        for (const s of STAGES) if (next[s.slug].kind === 'idle') next[s.slug] = { kind: 'stopped' };
      this.stages = next;
      this.phase = { kind: 'done', report };
    } catch (e) {
      if (!current()) return;
      this.phase = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
      this.stages = Object.fromEntries(
        STAGES.map((s) => {
          const st = this.stages[s.slug];
          return [s.slug, st.kind === 'done' ? st : { kind: 'idle' }];
        }),
      ) as Record<StageSlug, StageState>;
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** Stop the run now: the stages that had not finished say so, and the next run may start at once. */
  stop(): void {
    if (!this.running) return;
    this.#generation++;
    this.#abort?.abort();
    this.#abort = null;
    const before = STAGES.find((s) => {
      const k = this.stages[s.slug].kind;
      return k === 'waiting' || k === 'running';
    });
    this.phase = { kind: 'stopped', before: before?.slug ?? null };
    this.stages = Object.fromEntries(
      STAGES.map((s) => {
        const st = this.stages[s.slug];
        return [s.slug, st.kind === 'waiting' || st.kind === 'running' ? { kind: 'stopped' } : st];
      }),
    ) as Record<StageSlug, StageState>;
  }
}
