/**
 * HPACK (RFC 7541), written here because no HPACK package is installed (node_modules has none, and the
 * project adds no packages). What it does:
 *   - the 61-entry static table (Appendix A) and a dynamic table with FIFO eviction (§2.3.2, §4.4);
 *   - integers with an N-bit prefix (§5.1) and string literals WITHOUT Huffman coding (H = 0, §5.2);
 *   - every header field representation (§6.1 indexed, §6.2.1 literal with incremental indexing,
 *     §6.2.2 without indexing, §6.2.3 never indexed) and the dynamic table size update (§6.3).
 * What it does not: Huffman coding. The encoder never emits it (a sender may always choose H = 0), so
 * sizes here are a little larger than a browser's (Huffman saves about a fifth on typical header text);
 * the decoder names the rule and stops when it meets a Huffman-coded string, instead of guessing.
 *
 * Only this module's own types; no DOM, no Node. The lesson, the race and the pcap export share it.
 */

export interface HeaderPair {
  readonly name: string;
  readonly value: string;
}

/** How the encoder may write a field (RFC 7541 §6.2): indexing policy per field. */
export type Indexing = 'incremental' | 'without' | 'never';

/** RFC 7541 Appendix A, index 1…61. */
export const STATIC_TABLE: readonly HeaderPair[] = (
  [
    [':authority', ''],
    [':method', 'GET'],
    [':method', 'POST'],
    [':path', '/'],
    [':path', '/index.html'],
    [':scheme', 'http'],
    [':scheme', 'https'],
    [':status', '200'],
    [':status', '204'],
    [':status', '206'],
    [':status', '304'],
    [':status', '400'],
    [':status', '404'],
    [':status', '500'],
    ['accept-charset', ''],
    ['accept-encoding', 'gzip, deflate'],
    ['accept-language', ''],
    ['accept-ranges', ''],
    ['accept', ''],
    ['access-control-allow-origin', ''],
    ['age', ''],
    ['allow', ''],
    ['authorization', ''],
    ['cache-control', ''],
    ['content-disposition', ''],
    ['content-encoding', ''],
    ['content-language', ''],
    ['content-length', ''],
    ['content-location', ''],
    ['content-range', ''],
    ['content-type', ''],
    ['cookie', ''],
    ['date', ''],
    ['etag', ''],
    ['expect', ''],
    ['expires', ''],
    ['from', ''],
    ['host', ''],
    ['if-match', ''],
    ['if-modified-since', ''],
    ['if-none-match', ''],
    ['if-range', ''],
    ['if-unmodified-since', ''],
    ['last-modified', ''],
    ['link', ''],
    ['location', ''],
    ['max-forwards', ''],
    ['proxy-authenticate', ''],
    ['proxy-authorization', ''],
    ['range', ''],
    ['referer', ''],
    ['refresh', ''],
    ['retry-after', ''],
    ['server', ''],
    ['set-cookie', ''],
    ['strict-transport-security', ''],
    ['transfer-encoding', ''],
    ['user-agent', ''],
    ['vary', ''],
    ['via', ''],
    ['www-authenticate', ''],
  ] as const
).map(([name, value]) => ({ name, value }));

/** §4.2: the default SETTINGS_HEADER_TABLE_SIZE. */
export const DEFAULT_TABLE_SIZE = 4096;
/** §4.1: an entry's size is its name and value lengths in octets plus 32. */
export const ENTRY_OVERHEAD = 32;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function entrySize(h: HeaderPair): number {
  return utf8.encode(h.name).length + utf8.encode(h.value).length + ENTRY_OVERHEAD;
}

/** The dynamic table (§2.3.2): newest entry first, index 62 onward; evicts the oldest past maxSize (§4.4). */
export class DynamicTable {
  #entries: HeaderPair[] = [];
  #size = 0;
  #max: number;

  constructor(maxSize = DEFAULT_TABLE_SIZE) {
    this.#max = maxSize;
  }

  get size(): number {
    return this.#size;
  }
  get maxSize(): number {
    return this.#max;
  }
  get entries(): readonly HeaderPair[] {
    return this.#entries;
  }

  /** §4.4: an entry larger than the table empties it and is not added; otherwise evict until it fits. */
  add(h: HeaderPair): void {
    const s = entrySize(h);
    while (this.#entries.length > 0 && this.#size + s > this.#max) this.#evict();
    if (s > this.#max) return;
    this.#entries.unshift(h);
    this.#size += s;
  }

  resize(max: number): void {
    this.#max = max;
    while (this.#size > this.#max) this.#evict();
  }

  #evict(): void {
    const old = this.#entries.pop()!;
    this.#size -= entrySize(old);
  }

  /** Index space §2.3.3: 1…61 static, then the dynamic table. */
  get(index: number): HeaderPair | undefined {
    if (index >= 1 && index <= STATIC_TABLE.length) return STATIC_TABLE[index - 1];
    return this.#entries[index - STATIC_TABLE.length - 1];
  }

  /** The lowest index holding the whole field, and the lowest holding its name (0 when none). */
  find(h: HeaderPair): { full: number; name: number } {
    let name = 0;
    const all = [...STATIC_TABLE, ...this.#entries];
    for (let i = 0; i < all.length; i++) {
      const e = all[i]!;
      if (e.name !== h.name) continue;
      if (e.value === h.value) return { full: i + 1, name: name || i + 1 };
      if (!name) name = i + 1;
    }
    return { full: 0, name };
  }
}

/** §5.1: an integer with an N-bit prefix; `flags` fills the bits above the prefix in the first octet. */
export function encodeInteger(value: number, prefixBits: number, flags = 0): number[] {
  const max = (1 << prefixBits) - 1;
  if (value < max) return [flags | value];
  const out = [flags | max];
  let rest = value - max;
  while (rest >= 128) {
    out.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** §5.2 with H = 0: the length as a 7-bit-prefix integer, then the raw octets. */
function encodeString(s: string): number[] {
  const bytes = utf8.encode(s);
  return [...encodeInteger(bytes.length, 7, 0), ...bytes];
}

/** One field as written, for the lesson's byte map. */
export interface EncodedField {
  readonly field: HeaderPair;
  readonly bytes: Uint8Array;
  readonly representation: 'indexed' | 'literal-incremental' | 'literal-without' | 'literal-never';
  /** The table index used (whole field for 'indexed', the name otherwise; 0 = literal name). */
  readonly index: number;
}

/**
 * An HPACK encoder holding its side of the dynamic table. Each `encode` is one header block; the table
 * carries over to the next block on the same connection, which is what makes a repeated request cheap.
 */
export class HpackEncoder {
  readonly table: DynamicTable;
  #pendingResize: number | null = null;

  constructor(maxSize = DEFAULT_TABLE_SIZE) {
    this.table = new DynamicTable(maxSize);
  }

  /** §6.3: announce a new table size at the start of the next block. */
  resize(max: number): void {
    this.table.resize(max);
    this.#pendingResize = max;
  }

  encode(
    fields: readonly HeaderPair[],
    indexing: (f: HeaderPair) => Indexing = () => 'incremental',
  ): { bytes: Uint8Array; fields: EncodedField[] } {
    const out: number[] = [];
    const parts: EncodedField[] = [];
    if (this.#pendingResize !== null) {
      out.push(...encodeInteger(this.#pendingResize, 5, 0x20));
      this.#pendingResize = null;
    }
    for (const f of fields) {
      const mode = indexing(f);
      const { full, name } = this.table.find(f);
      let bytes: number[];
      let representation: EncodedField['representation'];
      let index: number;
      if (full && mode !== 'never') {
        // §6.1: the whole field is in a table, so one index says it all.
        bytes = encodeInteger(full, 7, 0x80);
        representation = 'indexed';
        index = full;
      } else {
        const [prefix, flags] = mode === 'incremental' ? [6, 0x40] : mode === 'never' ? [4, 0x10] : [4, 0x00];
        bytes = name
          ? [...encodeInteger(name, prefix, flags), ...encodeString(f.value)]
          : [flags, ...encodeString(f.name), ...encodeString(f.value)];
        representation =
          mode === 'incremental'
            ? 'literal-incremental'
            : mode === 'never'
              ? 'literal-never'
              : 'literal-without';
        index = name;
        if (mode === 'incremental') this.table.add(f);
      }
      out.push(...bytes);
      parts.push({ field: f, bytes: Uint8Array.from(bytes), representation, index });
    }
    return { bytes: Uint8Array.from(out), fields: parts };
  }
}

/** A decoding failure, naming the RFC 7541 rule; an HTTP/2 endpoint answers COMPRESSION_ERROR (RFC 9113 §4.3). */
export interface HpackError {
  readonly rule: string;
  readonly at: number;
  readonly message: string;
}

export type HpackDecode =
  { readonly ok: true; readonly fields: HeaderPair[] } | { readonly ok: false; readonly error: HpackError };

/** An HPACK decoder holding its side of the dynamic table. */
export class HpackDecoder {
  readonly table: DynamicTable;
  constructor(maxSize = DEFAULT_TABLE_SIZE) {
    this.table = new DynamicTable(maxSize);
  }

  decode(block: Uint8Array): HpackDecode {
    const fields: HeaderPair[] = [];
    let at = 0;
    const fail = (rule: string, message: string): HpackDecode => ({
      ok: false,
      error: { rule, at, message },
    });
    const integer = (prefixBits: number): number | null => {
      const max = (1 << prefixBits) - 1;
      let v = block[at++]! & max;
      if (v < max) return v;
      let m = 0;
      for (;;) {
        if (at >= block.length || m > 28) return null;
        const b = block[at++]!;
        v += (b & 0x7f) * 2 ** m;
        m += 7;
        if ((b & 0x80) === 0) return v;
      }
    };
    const string = (): string | HpackError => {
      if (at >= block.length) return { rule: 'RFC 7541 §5.2', at, message: 'string literal cut short' };
      const huffman = (block[at]! & 0x80) !== 0;
      const len = integer(7);
      if (len === null || at + len > block.length)
        return { rule: 'RFC 7541 §5.2', at, message: 'string length runs past the header block' };
      if (huffman)
        return {
          rule: 'RFC 7541 §5.2',
          at,
          message: 'Huffman-coded string (H = 1): this decoder reads only H = 0 literals',
        };
      const s = fromUtf8.decode(block.subarray(at, at + len));
      at += len;
      return s;
    };
    while (at < block.length) {
      const b = block[at]!;
      if (b & 0x80) {
        const i = integer(7);
        const f = i ? this.table.get(i) : undefined;
        if (!f) return fail('RFC 7541 §6.1', `index ${i} is not in the static or dynamic table`);
        fields.push(f);
        continue;
      }
      if ((b & 0xe0) === 0x20) {
        const size = integer(5);
        if (size === null || size > DEFAULT_TABLE_SIZE)
          return fail('RFC 7541 §6.3', 'table size update above SETTINGS_HEADER_TABLE_SIZE');
        this.table.resize(size);
        continue;
      }
      const incremental = (b & 0xc0) === 0x40;
      const i = integer(incremental ? 6 : 4);
      if (i === null) return fail('RFC 7541 §5.1', 'integer cut short');
      let name: string;
      if (i === 0) {
        const n = string();
        if (typeof n !== 'string') return { ok: false, error: n };
        name = n;
      } else {
        const e = this.table.get(i);
        if (!e) return fail('RFC 7541 §6.2', `name index ${i} is not in the static or dynamic table`);
        name = e.name;
      }
      const value = string();
      if (typeof value !== 'string') return { ok: false, error: value };
      const f = { name, value };
      fields.push(f);
      if (incremental) this.table.add(f);
    }
    return { ok: true, fields };
  }
}
