/**
 * The page's one copy of the learner's progress, as reactive state shared by the lesson list and the
 * lesson pages. Validation is the pure progress store's (src/lessons/progress.ts); keeping it between
 * visits, following other tabs and surviving a refusing storage is the Persisted wrapper's
 * (ui/state/persisted.svelte.ts). This file only decides when to write: done marks at once, typed
 * answers after a short pause.
 */
import type { Answer } from '../../lessons/model.ts';
import {
  PROGRESS_STORAGE_KEY,
  doneCount,
  emptyProgress,
  parseProgress,
  progressKey,
  withAnswer,
  withDone,
  type Progress,
} from '../../lessons/progress.ts';
import { Persisted, type Codec } from '../state/persisted.svelte.ts';

export type ProgressNotice = 'reset' | 'memory';

/** Answers are written after this pause in typing; done marks are written immediately. */
const ANSWER_WRITE_DELAY = 300;

const progressCodec: Codec<Progress> = {
  parse(raw) {
    const parsed = parseProgress(raw);
    return parsed.ok ? { ok: true, value: parsed.progress } : parsed;
  },
  serialize: (p) => JSON.stringify(p),
};

class ProgressStore {
  readonly #stored = new Persisted<Progress>(PROGRESS_STORAGE_KEY, {
    codec: progressCodec,
    fallback: emptyProgress(),
  });
  /**
   * Answers typed but not yet written, applied over what is stored: another tab's save in the
   * meantime is kept, and only these are written on leaving, never a stale copy over another tab's.
   */
  #pending = $state.raw<ReadonlyMap<string, Answer>>(new Map());
  #data = $derived.by((): Progress => {
    let p = this.#stored.current;
    for (const [key, answer] of this.#pending) p = withAnswer(p, key, answer);
    return p;
  });
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Shown once on the next lessons page; the learner can dismiss it. */
  notice = $state<ProgressNotice | null>(null);

  constructor() {
    const { status } = this.#stored;
    this.notice = status === 'reset' || status === 'memory' ? status : null;
    if (typeof window !== 'undefined')
      window.addEventListener('pagehide', () => {
        if (this.#pending.size > 0) this.#flush();
      });
  }

  isDone(lessonId: string, exerciseId: string): boolean {
    return this.#data.done[progressKey(lessonId, exerciseId)] === true;
  }

  doneCount(lessonId: string, exerciseIds: readonly string[]): number {
    return doneCount(this.#data, lessonId, exerciseIds);
  }

  answer(lessonId: string, exerciseId: string): Answer | undefined {
    return this.#data.answers[progressKey(lessonId, exerciseId)];
  }

  setAnswer(lessonId: string, exerciseId: string, answer: Answer): void {
    // A new map each time, never mutated: $state.raw sees the assignment.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#pending = new Map(this.#pending).set(progressKey(lessonId, exerciseId), answer);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), ANSWER_WRITE_DELAY);
  }

  markDone(lessonId: string, exerciseId: string): void {
    this.#flush(withDone(this.#data, progressKey(lessonId, exerciseId)));
  }

  /** Write what is on the page (or `next`); a storage that refuses now leaves it in memory, and says so. */
  #flush(next: Progress = this.#data): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const wasMemory = this.#stored.status === 'memory';
    this.#pending = new Map();
    this.#stored.current = next;
    if (!wasMemory && this.#stored.status === 'memory') this.notice = 'memory';
  }
}

export const progress = new ProgressStore();
