/**
 * The console's command history across visits: the last 100 lines in localStorage. Anything that is
 * not an array of strings (an older format, a hand edit, a full disk) is ignored, never an error.
 *
 * Storage is input like any other: another app on the same origin, an extension or a script can write
 * it (security review L1). A line the editor would never have let in, one holding a C0 or C1 control
 * character or DEL (an ESC starting a terminal sequence, say), is dropped on load, and what is drawn is
 * made visible again by the terminal (terminal.ts draws the input area through printable()).
 */
import { HISTORY_LIMIT } from './lineEditor.ts';

export const HISTORY_STORAGE_KEY = 'ws101:v1:console-history';
const MAX_LINE = 4096;

/** The characters the line editor never inserts (it drops them from typed and pasted input alike). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A stored line the editor could have written: a non-blank string, not too long, no control characters. */
export function isHistoryLine(x: unknown): x is string {
  return typeof x === 'string' && x.length <= MAX_LINE && x.trim() !== '' && !CONTROL.test(x);
}

export function loadHistory(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(HISTORY_STORAGE_KEY);
    if (!raw) return [];
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(isHistoryLine).slice(-HISTORY_LIMIT);
  } catch {
    return []; // corrupt JSON, or storage disabled
  }
}

export function saveHistory(lines: readonly string[]): void {
  try {
    const kept = lines.filter((l) => l.length <= MAX_LINE).slice(-HISTORY_LIMIT);
    globalThis.localStorage?.setItem(HISTORY_STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Not persisted (quota, privacy mode); the in-memory history still works.
  }
}
