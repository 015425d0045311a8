/**
 * The learner's server file as kept between visits (ui/state/persisted.svelte.ts holds the storage):
 * `{ "source": "…" }` under a versioned key, or nothing while the file is the starter, so the starter
 * comes in the reader's language and a later starter reaches those who never typed. What is stored is
 * input like any other: anything but an object with a text within MAX_FILE_BYTES is a problem, and the
 * page then opens the starter and says so.
 */
import { jsonCodec, type Codec, type Parsed, type StorageKey } from '../state/persisted.svelte.ts';
import { MAX_FILE_BYTES, withinFileLimit } from './share.ts';

export const BUILD_FILE_KEY: StorageKey = 'ws101:v1:build-file';

/** null: the learner's file is the starter (nothing stored). */
export type StoredFile = string | null;

export type StoredProblem = 'json' | 'shape' | 'too-large';

export function checkStoredFile(value: unknown): Parsed<StoredFile> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: 'shape' };
  const source = (value as { source?: unknown }).source;
  if (typeof source !== 'string') return { ok: false, problem: 'shape' };
  if (!withinFileLimit(source)) return { ok: false, problem: 'too-large' };
  return { ok: true, value: source };
}

const json = jsonCodec(checkStoredFile);

/** JSON writes a character as at most 6 (`\uXXXX`): a longer stored text cannot hold a file within the limit. */
const MAX_STORED_CHARS = 6 * MAX_FILE_BYTES + 64;

export const storedFileCodec: Codec<StoredFile> = {
  // Not parsed at all when it is plainly too long: a 5 MB value is refused without reading it.
  parse: (raw) => (raw.length > MAX_STORED_CHARS ? { ok: false, problem: 'too-large' } : json.parse(raw)),
  serialize: (value) => (value === null ? null : JSON.stringify({ source: value })),
};
