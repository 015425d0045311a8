/**
 * The page's one copy of the learner's progress, as reactive state shared by the lesson list and the
 * lesson pages. Loading and validation are the pure functions of src/lessons/progress.ts; this file
 * only decides when to write (done marks at once, typed answers after a short pause) and follows
 * other tabs through the `storage` event.
 */
import type { Answer } from '../../lessons/model.ts';
import {
  PROGRESS_STORAGE_KEY,
  doneCount,
  loadProgress,
  progressKey,
  saveProgress,
  withAnswer,
  withDone,
  type Progress,
  type ProgressStorage,
} from '../../lessons/progress.ts';

export type ProgressNotice = 'reset' | 'memory';

/** localStorage, or null where reading the property itself throws (sandboxed frames, privacy modes). */
function browserStorage(): ProgressStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Answers are written after this pause in typing; done marks are written immediately. */
const ANSWER_WRITE_DELAY = 300;

class ProgressStore {
  #data = $state.raw<Progress>({ version: 1, done: {}, answers: {} });
  #storage: ProgressStorage | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Changes not yet written. Only these are written on leaving: never a stale copy over another tab's. */
  #dirty = false;
  /** Shown once on the next lessons page; the learner can dismiss it. */
  notice = $state<ProgressNotice | null>(null);

  constructor() {
    this.#storage = browserStorage();
    const loaded = loadProgress(this.#storage);
    this.#data = loaded.progress;
    if (loaded.status === 'memory') this.#storage = null;
    this.notice = loaded.status === 'reset' ? 'reset' : loaded.status === 'memory' ? 'memory' : null;
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (e) => {
        // Another tab saved: take its progress (a reset there is not news here).
        if (e.key === PROGRESS_STORAGE_KEY && this.#storage) this.#data = loadProgress(this.#storage).progress;
      });
      window.addEventListener('pagehide', () => {
        if (this.#dirty) this.flush();
      });
    }
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
    this.#data = withAnswer(this.#data, progressKey(lessonId, exerciseId), answer);
    this.#dirty = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), ANSWER_WRITE_DELAY);
  }

  markDone(lessonId: string, exerciseId: string): void {
    this.#data = withDone(this.#data, progressKey(lessonId, exerciseId));
    this.flush();
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty = false;
    if (!this.#storage) return;
    if (!saveProgress(this.#storage, this.#data)) {
      // Full or revoked: keep going in memory, and say so.
      this.#storage = null;
      this.notice = 'memory';
    }
  }
}

export const progress = new ProgressStore();
