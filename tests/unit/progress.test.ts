/**
 * Stored progress is input like any other: given this stored text, this progress and this status.
 * Nothing stored ever makes loading throw; unreadable data is reset, and missing storage means memory.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_STORED_ANSWER,
  PROGRESS_STORAGE_KEY,
  doneCount,
  emptyProgress,
  loadProgress,
  parseProgress,
  progressKey,
  saveProgress,
  validateProgress,
  withAnswer,
  withDone,
  type ProgressStorage,
} from '../../src/lessons/progress.ts';

/** An in-memory stand-in for localStorage. */
function memoryStorage(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

const stored = (value: unknown) => memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(value) });

describe('loading', () => {
  it('nothing stored: empty progress, nothing written', () => {
    const s = memoryStorage();
    expect(loadProgress(s)).toEqual({ progress: emptyProgress(), status: 'empty' });
    expect(s.data.size).toBe(0);
  });

  it('a saved progress reads back as it was', () => {
    const s = memoryStorage();
    let p = withDone(emptyProgress(), 'frame-anatomy/make-binary');
    p = withAnswer(p, 'frame-anatomy/make-binary', '82 05 48 65 6c 6c 6f');
    p = withAnswer(p, 'frame-anatomy/read-first-byte', [0]);
    expect(saveProgress(s, p)).toBe(true);
    expect(loadProgress(s)).toEqual({ progress: p, status: 'ok' });
  });

  it.each([
    ['corrupt JSON', '{"version":1,', 'json'],
    ['not JSON at all', 'hello', 'json'],
    ['JSON null', 'null', 'shape'],
    ['an array', '[1,2]', 'shape'],
    ['an old version', JSON.stringify({ version: 0, done: {}, answers: {} }), 'version'],
    ['a newer version', JSON.stringify({ version: 2, done: {}, answers: {} }), 'version'],
    ['no version', JSON.stringify({ done: {}, answers: {} }), 'shape'],
    ['done is a list', JSON.stringify({ version: 1, done: ['a/b'], answers: {} }), 'shape'],
    ['done value not true', JSON.stringify({ version: 1, done: { 'a/b': 'yes' }, answers: {} }), 'shape'],
    ['a key without a slash', JSON.stringify({ version: 1, done: { ab: true }, answers: {} }), 'shape'],
    ['answers missing', JSON.stringify({ version: 1, done: {} }), 'shape'],
    ['an answer that is a number', JSON.stringify({ version: 1, done: {}, answers: { 'a/b': 5 } }), 'shape'],
    [
      'choice indices that are not integers',
      JSON.stringify({ version: 1, done: {}, answers: { 'a/b': [0.5] } }),
      'shape',
    ],
    ['negative choice index', JSON.stringify({ version: 1, done: {}, answers: { 'a/b': [-1] } }), 'shape'],
    ['repeated choice index', JSON.stringify({ version: 1, done: {}, answers: { 'a/b': [1, 1] } }), 'shape'],
    [
      'an answer too long to be ours',
      JSON.stringify({ version: 1, done: {}, answers: { 'a/b': 'x'.repeat(MAX_STORED_ANSWER + 1) } }),
      'shape',
    ],
  ])('%s: reset to empty progress, and the stored value is replaced', (_, raw, problem) => {
    const s = memoryStorage({ [PROGRESS_STORAGE_KEY]: raw });
    expect(loadProgress(s)).toEqual({ progress: emptyProgress(), status: 'reset', problem });
    // Replaced, so the notice shows once, not on every visit.
    expect(loadProgress(s).status).toBe('ok');
  });

  it('no storage at all: progress lives in memory', () => {
    expect(loadProgress(null)).toEqual({ progress: emptyProgress(), status: 'memory' });
    expect(loadProgress(undefined).status).toBe('memory');
  });

  it('storage that throws (disabled by privacy settings): memory, no exception', () => {
    const throwing: ProgressStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(loadProgress(throwing).status).toBe('memory');
    expect(saveProgress(throwing, emptyProgress())).toBe(false);
  });

  it('a full storage refuses the write: save reports false instead of throwing', () => {
    const full: ProgressStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(saveProgress(full, withDone(emptyProgress(), 'a/b'))).toBe(false);
  });

  it('a "__proto__" key is an ordinary key and pollutes nothing', () => {
    const raw = '{"version":1,"done":{"__proto__/x":true},"answers":{"__proto__":"x"}}';
    const r = parseProgress(raw);
    expect(r.ok).toBe(false); // "__proto__" has no slash: not one of our keys
    const ok = parseProgress('{"version":1,"done":{"a/__proto__":true},"answers":{}}');
    expect(ok.ok && ok.progress.done['a/__proto__']).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('unknown extra fields are dropped, known ones kept', () => {
    const r = validateProgress({ version: 1, done: { 'a/b': true }, answers: {}, extra: 1 });
    expect(r).toEqual({ ok: true, progress: { version: 1, done: { 'a/b': true }, answers: {} } });
  });
});

describe('updating', () => {
  it('marking done is idempotent and does not touch answers', () => {
    const p = withAnswer(emptyProgress(), 'l/e', 'x');
    const once = withDone(p, 'l/e');
    expect(withDone(once, 'l/e')).toBe(once);
    expect(once.answers).toEqual({ 'l/e': 'x' });
  });

  it('an answer replaces the previous one; a copy of a choice list is stored', () => {
    const choice = [2, 0];
    let p = withAnswer(emptyProgress(), 'l/c', choice);
    choice.push(1);
    expect(p.answers['l/c']).toEqual([2, 0]);
    p = withAnswer(p, 'l/c', [1]);
    expect(p.answers).toEqual({ 'l/c': [1] });
  });

  it('an answer too long to store is dropped from storage, not truncated', () => {
    let p = withAnswer(emptyProgress(), 'l/f', '81 05');
    p = withAnswer(p, 'l/f', 'ab '.repeat(MAX_STORED_ANSWER));
    expect(p.answers).toEqual({});
    expect(validateProgress(JSON.parse(JSON.stringify(p))).ok).toBe(true);
  });

  it('counts done exercises per lesson, across languages (the keys carry no language)', () => {
    let p = emptyProgress();
    p = withDone(p, progressKey('masking', 'unmask'));
    p = withDone(p, progressKey('masking', 'mask-it'));
    p = withDone(p, progressKey('closing', 'code'));
    expect(doneCount(p, 'masking', ['unmask', 'mask-it', 'why'])).toBe(2);
    expect(doneCount(p, 'closing', ['code'])).toBe(1);
    expect(doneCount(p, 'fragmentation', ['a', 'b'])).toBe(0);
  });

  it('every stored shape round-trips through JSON', () => {
    const s = memoryStorage();
    const p = withAnswer(
      withAnswer(withDone(emptyProgress(), 'a/b'), 'a/b', 'GET / HTTP/1.1\nHost: x'),
      'a/c',
      [],
    );
    saveProgress(s, p);
    expect(loadProgress(s).progress).toEqual(p);
    expect(JSON.parse(s.data.get(PROGRESS_STORAGE_KEY)!)).toEqual({
      version: 1,
      done: { 'a/b': true },
      answers: { 'a/b': 'GET / HTTP/1.1\nHost: x', 'a/c': [] },
    });
  });
});

// Guard against a stored value the type system cannot see.
it('stored() helper writes what load reads', () => {
  expect(loadProgress(stored({ version: 1, done: {}, answers: {} })).status).toBe('ok');
});
