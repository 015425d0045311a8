/**
 * The console's command history across visits: the last 100 lines, kept through the storage wrapper
 * (ui/state/persisted.svelte.ts). Anything that is not an array of strings (an older format, a hand
 * edit) is no history, and a full or disabled storage keeps it in memory: never an error.
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
import { jsonCodec, Persisted } from '../state/persisted.svelte.ts';

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

/** Stored JSON → the lines the editor may hold; anything but an array is no history (status `reset`). */
const historyCodec = jsonCodec<readonly string[]>((value) =>
  Array.isArray(value)
    ? {
        ok: true,
        value: value
          .map(historyLine)
          .filter((x): x is string => x !== null)
          .slice(-HISTORY_LIMIT),
      }
    : { ok: false, problem: 'shape' },
);

/** Read afresh each time: a terminal reads the history once, when it opens, and writes it per line run. */
const stored = (): Persisted<readonly string[]> =>
  new Persisted(HISTORY_STORAGE_KEY, { codec: historyCodec, fallback: [] });

export function loadHistory(): string[] {
  return [...stored().current];
}

/** Not persisted where storage refuses (quota, privacy mode); the in-memory history still works. */
export function saveHistory(lines: readonly string[]): void {
  stored().current = lines.filter((l) => l.length <= MAX_LINE).slice(-HISTORY_LIMIT);
}
