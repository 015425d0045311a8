/**
 * `node:crypto` in ws101's sandbox: the part a WebSocket server needs, with Node's behaviour.
 * - createHash('sha1' | 'sha256'): update(string | bytes) chains, digest('base64' | 'hex' | …) gives a
 *   string and digest() a Buffer — the Sec-WebSocket-Accept computation of RFC 6455 §4.2.2 item 5.4.
 *   The hashes are @noble/hashes' (audited; the same SHA-1 the engine uses in src/protocol/handshake.ts).
 * - randomBytes(n): crypto.getRandomValues, which the worker has.
 * Everything else of Node's crypto throws a sentence saying it is not available here (shims.ts lists it).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer/';
import { SHIM_EXPORTS, shimSummary } from './shims.ts';

const ALGORITHMS = { sha1, sha256 } as const;
type Algorithm = keyof typeof ALGORITHMS;
/** A running hash (noble's incremental API). */
interface HashState {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
  clone(): HashState;
}

/** Node's encodings a digest can be written in (`buffer` 6 has no base64url: done here). */
const DIGEST_ENCODINGS = ['hex', 'base64', 'base64url', 'latin1', 'binary'] as const;

/** Bytes of what update()/randomBytes' callers pass, as Node takes them. */
function bytesOf(data: unknown, encoding: unknown, what: string): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, typeof encoding === 'string' ? encoding : 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(
    `${what}: the data must be a string, a Buffer or a Uint8Array, not ${data === null ? 'null' : typeof data}`,
  );
}

export class Hash {
  readonly #algorithm: Algorithm;
  readonly #state: HashState;
  #digested = false;

  constructor(algorithm: Algorithm, state?: HashState) {
    this.#algorithm = algorithm;
    this.#state = state ?? ALGORITHMS[algorithm].create();
  }

  update(data: string | Uint8Array, inputEncoding?: string): this {
    // Node: ERR_CRYPTO_HASH_FINALIZED.
    if (this.#digested) throw new Error('Digest already called: a Hash cannot be updated after digest()');
    this.#state.update(bytesOf(data, inputEncoding, 'hash.update(data)'));
    return this;
  }

  digest(): Buffer;
  digest(encoding: string): string;
  digest(encoding?: string): Buffer | string {
    if (this.#digested) throw new Error('Digest already called: digest() can be called once per Hash');
    this.#digested = true;
    const out = Buffer.from(this.#state.digest());
    if (encoding === undefined || encoding === 'buffer') return out;
    if (encoding === 'base64url')
      return out.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    if ((DIGEST_ENCODINGS as readonly string[]).includes(encoding)) return out.toString(encoding);
    throw new TypeError(
      `hash.digest('${encoding}'): use 'base64', 'hex', 'base64url' or 'latin1', or digest() for a Buffer`,
    );
  }

  copy(): Hash {
    if (this.#digested) throw new Error('Digest already called: a Hash cannot be copied after digest()');
    return new Hash(this.#algorithm, this.#state.clone());
  }
}

export function createHash(algorithm: string): Hash {
  const name = String(algorithm).toLowerCase().replace(/^sha-/, 'sha');
  if (name === 'sha1' || name === 'sha256') return new Hash(name);
  throw new Error(
    `createHash('${algorithm}'): ws101's sandbox has only 'sha1' (what RFC 6455 §4.2.2 uses for Sec-WebSocket-Accept) and 'sha256'`,
  );
}

/** crypto.getRandomValues fills at most 65,536 bytes per call (WebCrypto's QuotaExceededError). */
const RANDOM_CHUNK = 65536;

export function randomBytes(size: number, callback?: (error: Error | null, bytes: Buffer) => void): Buffer {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1)
    throw new RangeError(
      `randomBytes(size): size must be an integer from 0 to 2147483647, got ${String(size)}`,
    );
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += RANDOM_CHUNK)
    globalThis.crypto.getRandomValues(out.subarray(at, Math.min(size, at + RANDOM_CHUNK)));
  if (typeof callback === 'function') {
    setTimeout(() => callback(null, out), 0);
    return out;
  }
  return out;
}

function unavailable(name: string): () => never {
  return () => {
    throw new Error(`crypto.${name} is not available in ws101's sandbox: it has ${shimSummary('crypto')}`);
  };
}

/** The module object: the default export of the shim, and the source of its named exports. */
export const nodeCrypto: Readonly<Record<string, unknown>> = Object.freeze({
  createHash,
  randomBytes,
  ...Object.fromEntries(SHIM_EXPORTS.crypto.unavailable.map((n) => [n, unavailable(n)])),
});
