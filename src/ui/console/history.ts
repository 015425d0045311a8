/**
 * The console's command history across visits: the last 100 lines in localStorage. Anything that is
 * not an array of strings (an older format, a hand edit, a full disk) is ignored, never an error.
 */
import { HISTORY_LIMIT } from './lineEditor.ts';

export const HISTORY_STORAGE_KEY = 'ws101:v1:console-history';
const MAX_LINE = 4096;

export function loadHistory(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(HISTORY_STORAGE_KEY);
    if (!raw) return [];
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '' && x.length <= MAX_LINE)
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
