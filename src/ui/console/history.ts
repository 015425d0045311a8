/**
 * The console's command history across visits: the last 100 lines in localStorage. Anything that is
 * not an array of strings (an older format, a hand edit, a full disk) is ignored, never an error.
 *
 * Storage is input like any other: another app on the same origin, an extension or a script can write
 * it (security review L1). The editor never lets a C0 or C1 control character or DEL into a line, so
 * a stored line holding one (an ESC starting a terminal sequence, say) was not typed here: each such
 * character is replaced on load by what printable() shows for it (␛ for ESC), so the entry reads as
 * what it is and can never drive the terminal. The terminal draws the input area through printable()
 * as well (terminal.ts), for everything else that is invisible.
 */
import { printable } from './cells.ts';
import { HISTORY_LIMIT } from './lineEditor.ts';

export const HISTORY_STORAGE_KEY = 'ws101:v1:console-history';
const MAX_LINE = 4096;

/** The characters the line editor never inserts (it drops them from typed and pasted input alike). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A stored line as the editor may hold it: its control characters made visible (␛[2J), or null. */
export function historyLine(x: unknown): string | null {
  if (typeof x !== 'string' || x.length > MAX_LINE || x.trim() === '') return null;
  return x.replace(CONTROL, printable);
}

export function loadHistory(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(HISTORY_STORAGE_KEY);
    if (!raw) return [];
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .map(historyLine)
      .filter((x): x is string => x !== null)
      .slice(-HISTORY_LIMIT);
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
