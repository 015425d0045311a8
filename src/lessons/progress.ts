/**
 * The learner's progress: which exercises are done and what was last entered in each, kept in
 * localStorage under a versioned key. Pure load / save / validate: the storage is passed in, so the
 * same code runs in the page, in unit tests and with no storage at all.
 *
 * Stored data is never trusted: corrupt JSON, a wrong shape or another version comes back as an empty
 * progress and a `reset` status (the page says so), never as an exception or a half-read value.
 * Keys are "<lessonId>/<exerciseId>"; exercise ids are the same in every language, so progress is too.
 */
import type { Answer } from './model.ts';

export const PROGRESS_STORAGE_KEY = 'ws101:v1:progress';
export const PROGRESS_VERSION = 1;

/** Longer answers (a pasted megabyte of hex) stay on the page but are not written to storage. */
export const MAX_STORED_ANSWER = 8192;
/** No choice exercise has this many options; a longer list is not ours. */
const MAX_CHOICES = 64;
const MAX_KEY = 200;

export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  readonly done: Readonly<Record<string, true>>;
  readonly answers: Readonly<Record<string, Answer>>;
}

/** The part of the Web Storage API used here (localStorage, or a stand-in in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * What loading found. `memory`: storage is unavailable (disabled, or it throws), so progress lasts as
 * long as the page. `reset`: something unreadable was stored; it has been replaced with empty progress.
 */
export type LoadStatus = 'ok' | 'empty' | 'reset' | 'memory';

export type ProgressProblem = 'json' | 'shape' | 'version';

export interface ProgressLoad {
  readonly progress: Progress;
  readonly status: LoadStatus;
  /** Why stored progress was reset (for a `reset` status). */
  readonly problem?: ProgressProblem;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, done: {}, answers: {} };
}

export function progressKey(lessonId: string, exerciseId: string): string {
  return `${lessonId}/${exerciseId}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An answer as the page stores it: text (bounded), or distinct choice indices. */
export function isStoredAnswer(v: unknown): v is Answer {
  if (typeof v === 'string') return v.length <= MAX_STORED_ANSWER;
  return (
    Array.isArray(v) &&
    v.length <= MAX_CHOICES &&
    v.every((i) => Number.isInteger(i) && i >= 0 && i < MAX_CHOICES) &&
    new Set(v).size === v.length
  );
}

/**
 * Stored JSON → progress, or the reason it cannot be used. Built with Object.fromEntries, so a key
 * such as "__proto__" stays an ordinary key and cannot reach any prototype.
 */
export function validateProgress(
  value: unknown,
): { ok: true; progress: Progress } | { ok: false; problem: ProgressProblem } {
  if (!isRecord(value)) return { ok: false, problem: 'shape' };
  if (value.version !== PROGRESS_VERSION) {
    return { ok: false, problem: typeof value.version === 'number' ? 'version' : 'shape' };
  }
  const { done, answers } = value;
  if (!isRecord(done) || !isRecord(answers)) return { ok: false, problem: 'shape' };
  const doneEntries = Object.entries(done);
  const answerEntries = Object.entries(answers);
  const keyOk = ([k]: [string, unknown]): boolean => k.length > 0 && k.length <= MAX_KEY && k.includes('/');
  if (!doneEntries.every((e) => keyOk(e) && e[1] === true)) return { ok: false, problem: 'shape' };
  if (!answerEntries.every((e) => keyOk(e) && isStoredAnswer(e[1]))) return { ok: false, problem: 'shape' };
  return {
    ok: true,
    progress: {
      version: PROGRESS_VERSION,
      done: Object.fromEntries(doneEntries) as Record<string, true>,
      answers: Object.fromEntries(answerEntries) as Record<string, Answer>,
    },
  };
}

export function parseProgress(raw: string): { ok: true; progress: Progress } | { ok: false; problem: ProgressProblem } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'json' };
  }
  return validateProgress(value);
}

/** Read the stored progress. Never throws; an unreadable value is overwritten with empty progress. */
export function loadProgress(storage: ProgressStorage | null | undefined): ProgressLoad {
  if (!storage) return { progress: emptyProgress(), status: 'memory' };
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), status: 'memory' };
  }
  if (raw === null) return { progress: emptyProgress(), status: 'empty' };
  const parsed = parseProgress(raw);
  if (parsed.ok) return { progress: parsed.progress, status: 'ok' };
  const progress = emptyProgress();
  // Replace it now, so the notice is shown once and not on every visit.
  saveProgress(storage, progress);
  return { progress, status: 'reset', problem: parsed.problem };
}

/** Write progress; false when storage refuses (full, disabled), and the page keeps it in memory. */
export function saveProgress(storage: ProgressStorage | null | undefined, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function withDone(p: Progress, key: string): Progress {
  if (p.done[key]) return p;
  return { ...p, done: { ...p.done, [key]: true } };
}

/** Record an answer; one too long to store is dropped from storage (the page still shows it). */
export function withAnswer(p: Progress, key: string, answer: Answer): Progress {
  const kept = Object.entries(p.answers).filter(([k]) => k !== key);
  if (isStoredAnswer(answer)) kept.push([key, typeof answer === 'string' ? answer : [...answer]]);
  return { ...p, answers: Object.fromEntries(kept) };
}

/** How many of a lesson's exercises are done. */
export function doneCount(p: Progress, lessonId: string, exerciseIds: readonly string[]): number {
  return exerciseIds.filter((id) => p.done[progressKey(lessonId, id)] === true).length;
}
