/**
 * The page's one way into localStorage: a value kept between visits, as reactive state with `.current`
 * (modelled on the Svelte site-kit's `Persisted`). Rules for this module:
 * - only this file reads `localStorage`; everything else keeps a `Persisted` (language, console
 *   screen-reader mode, console history, lesson progress);
 * - storage is input like any other (security review L1): another app on the origin, an extension or a
 *   hand edit can write it, so a stored text becomes a value only through the owner's `parse`, and a
 *   corrupt, old or hostile one is replaced, with `status: 'reset'` for the page to say so;
 * - storage may be missing or refuse (privacy settings, a sandboxed frame, a full quota): the value
 *   then lives in memory for the page's lifetime (`status: 'memory'`), never an exception;
 * - keys carry a version (`ws101:v1:…`), so a later format can ignore or migrate what this one stored.
 *
 * Another tab's write arrives as a `storage` event and becomes this tab's value too, while something
 * on the page reads `.current` (createSubscriber: the listener exists only while it is needed).
 */
import { createSubscriber } from 'svelte/reactivity';

/** A versioned key: `ws101:v<version>:<name>`. */
export type StorageKey = `ws101:v${number}:${string}`;

/** The part of the Web Storage API used here (localStorage, or a stand-in in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a stored text turned out to be: a value, or the reason it cannot be one. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export interface Codec<T> {
  /** Stored text → a value, never throwing: anything not written by this version is a problem. */
  parse(raw: string): Parsed<T>;
  /** Value → stored text; null stores nothing (the key is removed). */
  serialize(value: T): string | null;
}

/**
 * - `empty`: nothing was stored; `ok`: what was stored is the value;
 * - `reset`: what was stored could not be read (see `problem`) and was replaced by the fallback;
 * - `memory`: storage is unavailable or refused a write, so the value lasts as long as the page.
 */
export type PersistedStatus = 'empty' | 'ok' | 'reset' | 'memory';

export interface PersistedOptions<T> {
  readonly codec: Codec<T>;
  /** The value when nothing (readable) is stored. */
  readonly fallback: T;
  /** Where to keep it (tests pass a stand-in); default: the page's localStorage. */
  readonly storage?: () => StorageLike | null;
}

/** JSON, then a check of its shape: `check` sees untrusted data and returns the value or a problem. */
export function jsonCodec<T>(check: (value: unknown) => Parsed<T>): Codec<T> {
  return {
    parse(raw) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return { ok: false, problem: 'json' };
      }
      return check(value);
    },
    serialize: (value) => JSON.stringify(value),
  };
}

/** localStorage, or null where it is missing or reading the property itself throws (sandboxed frames, privacy modes). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class Persisted<T> {
  readonly key: StorageKey;
  /** How loading went (and whether writes still reach storage). */
  status = $state<PersistedStatus>('empty');
  /** Why a stored value was reset (the codec's problem), for a `reset` status. */
  problem = $state<string | null>(null);

  readonly #codec: Codec<T>;
  readonly #fallback: T;
  /** Null once storage has proved unavailable: from then on the value lives in memory. */
  #storage: StorageLike | null;
  #value: T;
  readonly #subscribe: () => void;

  constructor(key: StorageKey, options: PersistedOptions<T>) {
    this.key = key;
    this.#codec = options.codec;
    this.#fallback = options.fallback;
    this.#storage = (options.storage ?? browserStorage)();
    this.#value = $state.raw(this.#load(true));
    this.#subscribe = createSubscriber(() => {
      if (typeof window === 'undefined') return;
      const onstorage = (e: StorageEvent): void => {
        // Another tab wrote (or cleared) it: take its value; a reset there is not news here.
        if (e.key === this.key || e.key === null) this.#value = this.#load(false);
      };
      window.addEventListener('storage', onstorage);
      return () => window.removeEventListener('storage', onstorage);
    });
  }

  get current(): T {
    this.#subscribe();
    return this.#value;
  }

  /** Keep a new value: in memory at once, and in storage unless it refuses (then `status: 'memory'`). */
  set current(value: T) {
    this.#value = value;
    this.#write(value);
  }

  /** Read and check what is stored. An unreadable value is replaced now, so a notice is shown once. */
  #load(first: boolean): T {
    const storage = this.#storage;
    let raw: string | null;
    try {
      raw = storage ? storage.getItem(this.key) : null;
    } catch {
      raw = null;
      this.#storage = null;
    }
    if (!this.#storage) {
      if (first) this.status = 'memory';
      return this.#fallback;
    }
    if (raw === null) {
      if (first) this.status = 'empty';
      return this.#fallback;
    }
    const parsed = this.#codec.parse(raw);
    if (parsed.ok) {
      if (first) this.status = 'ok';
      return parsed.value;
    }
    if (first) {
      this.status = 'reset';
      this.problem = parsed.problem;
    }
    this.#write(this.#fallback);
    return this.#fallback;
  }

  #write(value: T): void {
    const storage = this.#storage;
    if (!storage) return;
    try {
      const text = this.#codec.serialize(value);
      if (text === null) storage.removeItem(this.key);
      else storage.setItem(this.key, text);
    } catch {
      // Full (quota), or revoked since: keep going in memory, and say so.
      this.#storage = null;
      this.status = 'memory';
    }
  }
}
