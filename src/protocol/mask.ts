/**
 * RFC 6455 §5.3 masking: octet i of the payload is XORed with octet (i mod 4) of the masking key.
 * Masking and unmasking are the same operation.
 *
 * The fast path XORs 32-bit words: a 16 MiB payload is 4 Mi word operations instead of 16 Mi byte
 * operations. Typed-array word views need 4-byte alignment, so the head is done bytewise until the
 * address is aligned, with the key rotated to stay in phase. Short payloads skip the word view:
 * creating it costs more than it saves.
 */
const WORD_THRESHOLD = 64;

/** XOR data[start, end) in place with the key; `phase` is the key index of data[start]. */
export function applyMask(data: Uint8Array, key: Uint8Array, phase = 0, start = 0, end = data.length): void {
  const n = end - start;
  if (n < WORD_THRESHOLD) {
    for (let i = 0; i < n; i++) data[start + i]! ^= key[(i + phase) & 3]!;
    return;
  }
  let i = 0;
  const misalign = (4 - ((data.byteOffset + start) & 3)) & 3;
  for (; i < misalign; i++) data[start + i]! ^= key[(i + phase) & 3]!;
  // The key as it lines up with the first aligned word, read in the platform's byte order.
  const rotated = new Uint8Array(4);
  for (let j = 0; j < 4; j++) rotated[j] = key[(i + j + phase) & 3]!;
  const word = new Uint32Array(rotated.buffer)[0]!;
  const words = (n - i) >>> 2;
  const view = new Uint32Array(data.buffer, data.byteOffset + start + i, words);
  for (let w = 0; w < words; w++) view[w]! ^= word;
  for (i += words << 2; i < n; i++) data[start + i]! ^= key[(i + phase) & 3]!;
}

/**
 * dst[at, at + n) = src[from, from + n) XOR key — the one copy a payload gets. One unrolled pass for
 * short payloads (no typed-array views, which cost more than 64 bytes of work); copy + word XOR for long ones.
 */
export function maskInto(
  dst: Uint8Array,
  at: number,
  src: Uint8Array,
  key: Uint8Array,
  from = 0,
  n = src.length - from,
): void {
  if (n < WORD_THRESHOLD) {
    if (from === 0) {
      maskShort(dst, at, src, key, n);
      return;
    }
    const k0 = key[0]!,
      k1 = key[1]!,
      k2 = key[2]!,
      k3 = key[3]!;
    let i = 0;
    for (const end = n & ~3; i < end; i += 4) {
      dst[at + i] = src[from + i]! ^ k0;
      dst[at + i + 1] = src[from + i + 1]! ^ k1;
      dst[at + i + 2] = src[from + i + 2]! ^ k2;
      dst[at + i + 3] = src[from + i + 3]! ^ k3;
    }
    for (; i < n; i++) dst[at + i] = src[from + i]! ^ key[i & 3]!;
    return;
  }
  dst.set(from === 0 && n === src.length ? src : src.subarray(from, from + n), at);
  applyMask(dst, key, 0, at, at + n);
}

/** dst[at, at + n) = src[0, n) XOR key, for a short payload: one unrolled pass, no views, no defaults. */
export function maskShort(dst: Uint8Array, at: number, src: Uint8Array, key: Uint8Array, n: number): void {
  const k0 = key[0]!,
    k1 = key[1]!,
    k2 = key[2]!,
    k3 = key[3]!;
  let i = 0;
  for (const end = n & ~3; i < end; i += 4) {
    dst[at + i] = src[i]! ^ k0;
    dst[at + i + 1] = src[i + 1]! ^ k1;
    dst[at + i + 2] = src[i + 2]! ^ k2;
    dst[at + i + 3] = src[i + 3]! ^ k3;
  }
  for (; i < n; i++) dst[at + i] = src[i]! ^ key[i & 3]!;
}

/**
 * Fresh masking keys (§5.3: "a new masking key … from the set of allowed 32-bit values", unpredictable),
 * drawn from a pooled random buffer: one random-source call per `pool / 4` keys instead of one per
 * frame. The simulator's seeded source draws 4 KiB at a time (its timelines depend on that); the
 * platform's CSPRNG is asked for 64 KiB, which costs 1.5 ns per key instead of 2.6 (getRandomValues,
 * Node 20).
 */
export class MaskKeys {
  #pool: Uint8Array = new Uint8Array(0);
  #pos = 0;
  constructor(
    private readonly random: (n: number) => Uint8Array,
    private readonly poolSize = 4096,
  ) {}

  /** A new key of its own (for frames whose key is kept, e.g. to be shown later). */
  next(): Uint8Array {
    return this.fill(new Uint8Array(4));
  }

  /** Write a new key into `key` and return it: a sender that copies the key into the header can reuse one buffer. */
  fill(key: Uint8Array): Uint8Array {
    this.writeTo(key, 0);
    return key;
  }

  /** Write a new key at out[at, at + 4): straight into a frame's header, with no key object at all. */
  writeTo(out: Uint8Array, at: number): void {
    if (this.#pos + 4 > this.#pool.length) {
      this.#pool = this.random(this.poolSize);
      this.#pos = 0;
    }
    const pool = this.#pool;
    const p = this.#pos;
    out[at] = pool[p]!;
    out[at + 1] = pool[p + 1]!;
    out[at + 2] = pool[p + 2]!;
    out[at + 3] = pool[p + 3]!;
    this.#pos = p + 4;
  }
}
