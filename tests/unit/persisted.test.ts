/**
 * The storage wrapper: a stored text becomes a value only through its codec, and a storage that is
 * missing, throws or is full leaves the value in memory. Never an exception (security review L1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_STORAGE_KEY,
  emptyProgress,
  parseProgress,
  type Progress,
} from '../../src/lessons/progress.ts';
import {
  Persisted,
  browserStorage,
  jsonCodec,
  type Codec,
  type StorageLike,
} from '../../src/ui/state/persisted.svelte.ts';

const KEY = 'ws101:v1:test';

/** A Map-backed storage that can be told to refuse reads or writes, and counts what was written. */
function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  const calls = { set: 0, remove: 0 };
  const refuse = { get: false, set: false };
  const storage: StorageLike = {
    getItem: (k) => {
      if (refuse.get) throw new DOMException('denied', 'SecurityError');
      return data.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (refuse.set) throw new DOMException('full', 'QuotaExceededError');
      calls.set++;
      data.set(k, v);
    },
    removeItem: (k) => {
      calls.remove++;
      data.delete(k);
    },
  };
  return { storage, data, calls, refuse };
}

/** Stored as a list of short words; anything else is a problem named after what was wrong. */
const words = jsonCodec<readonly string[]>((v) =>
  Array.isArray(v) && v.every((w) => typeof w === 'string' && w.length <= 10)
    ? { ok: true, value: v }
    : { ok: false, problem: 'shape' },
);

const open = (s: StorageLike | null, codec: Codec<readonly string[]> = words) =>
  new Persisted<readonly string[]>(KEY, { codec, fallback: [], storage: () => s });

describe('Persisted: reading', () => {
  it('nothing stored: the fallback, status empty, nothing written', () => {
    const m = memoryStorage();
    const p = open(m.storage);
    expect(p.current).toEqual([]);
    expect(p.status).toBe('empty');
    expect(m.calls).toEqual({ set: 0, remove: 0 });
  });

  it('a value this version stored reads back as it was', () => {
    const m = memoryStorage({ [KEY]: '["a","b"]' });
    const p = open(m.storage);
    expect(p.current).toEqual(['a', 'b']);
    expect(p.status).toBe('ok');
    expect(p.problem).toBeNull();
  });

  it.each([
    ['corrupt JSON', '["a",', 'json'],
    ['a wrong shape', '{"0":"a"}', 'shape'],
    ['a hostile value (too long a word)', JSON.stringify(['x'.repeat(5000)]), 'shape'],
  ])('%s: the fallback, status reset with the problem, and the stored text replaced', (_, raw, problem) => {
    const m = memoryStorage({ [KEY]: raw });
    const p = open(m.storage);
    expect(p.current).toEqual([]);
    expect(p.status).toBe('reset');
    expect(p.problem).toBe(problem);
    // Replaced now, so the notice is shown once and not on every visit.
    expect(m.data.get(KEY)).toBe('[]');
    expect(open(m.storage).status).toBe('ok');
  });

  it('a "__proto__" key in stored progress is an ordinary key and pollutes nothing', () => {
    const codec: Codec<Progress> = {
      parse: (raw) => {
        const r = parseProgress(raw);
        return r.ok ? { ok: true, value: r.progress } : r;
      },
      serialize: (v) => JSON.stringify(v),
    };
    const raw = '{"version":1,"done":{"__proto__/x":true},"answers":{"__proto__":"a"}}';
    const m = memoryStorage({ [PROGRESS_STORAGE_KEY]: raw });
    const p = new Persisted(PROGRESS_STORAGE_KEY, {
      codec,
      fallback: emptyProgress(),
      storage: () => m.storage,
    });
    expect(p.status).toBe('reset'); // "__proto__" has no "/": not an exercise key
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('Persisted: storage that is missing, throws or is full', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('no storage at all: the value lives in memory', () => {
    const p = open(null);
    expect(p.status).toBe('memory');
    p.current = ['kept'];
    expect(p.current).toEqual(['kept']);
  });

  it('storage whose reads throw (privacy settings, a sandboxed frame): memory, no exception', () => {
    const m = memoryStorage({ [KEY]: '["a"]' });
    m.refuse.get = true;
    const p = open(m.storage);
    expect(p.status).toBe('memory');
    expect(p.current).toEqual([]);
    p.current = ['b'];
    expect(m.calls.set).toBe(0); // never tried again
    expect(p.current).toEqual(['b']);
  });

  it('a full storage (quota) refuses the write: the value stays in memory and the status says so', () => {
    const m = memoryStorage();
    const p = open(m.storage);
    m.refuse.set = true;
    expect(() => (p.current = ['a'])).not.toThrow();
    expect(p.current).toEqual(['a']);
    expect(p.status).toBe('memory');
    m.refuse.set = false;
    p.current = ['b'];
    expect(m.data.has(KEY)).toBe(false); // in memory for the rest of the page
  });

  it('a value serialized as null removes the key instead of storing a text', () => {
    const lang: Codec<string | null> = {
      parse: (raw) =>
        raw === 'ko' || raw === 'en' ? { ok: true, value: raw } : { ok: false, problem: 'lang' },
      serialize: (v) => v,
    };
    const m = memoryStorage({ [KEY]: '{"corrupt' });
    const p = new Persisted<string | null>(KEY, { codec: lang, fallback: null, storage: () => m.storage });
    expect(p.status).toBe('reset');
    expect(m.data.has(KEY)).toBe(false);
    p.current = 'ko';
    expect(m.data.get(KEY)).toBe('ko');
  });

  it('browserStorage: null where reading localStorage itself throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(browserStorage()).toBeNull();
    const p = new Persisted<readonly string[]>(KEY, { codec: words, fallback: [] });
    expect(p.status).toBe('memory');
  });
});
