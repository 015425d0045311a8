/**
 * HPACK (RFC 7541) against the RFC's own examples: Appendix C.1 (integers), C.2 (one field in each
 * representation), C.3 (three requests on one connection, without Huffman) and C.5 (responses with a
 * 256-octet table, where entries get evicted). The expected bytes are copied from the RFC.
 */
import { describe, expect, it } from 'vitest';
import {
  DynamicTable,
  HpackDecoder,
  HpackEncoder,
  STATIC_TABLE,
  encodeInteger,
  type HeaderPair,
  type Indexing,
} from '../../src/sim/h2/hpack.ts';

const hex = (s: string): string => s.replace(/\s+/g, '');
const toHex = (b: Uint8Array | number[]): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const f = (name: string, value: string): HeaderPair => ({ name, value });
const tableOf = (t: DynamicTable) => t.entries.map((e) => `${e.name}: ${e.value}`);

describe('RFC 7541 §5.1 integers (Appendix C.1)', () => {
  it('C.1.1: 10 with a 5-bit prefix → 0a', () => expect(toHex(encodeInteger(10, 5))).toBe('0a'));
  it('C.1.2: 1337 with a 5-bit prefix → 1f 9a 0a', () =>
    expect(toHex(encodeInteger(1337, 5))).toBe('1f9a0a'));
  it('C.1.3: 42 starting at an octet boundary → 2a', () => expect(toHex(encodeInteger(42, 8))).toBe('2a'));
});

describe('RFC 7541 §6 representations (Appendix C.2)', () => {
  const one = (field: HeaderPair, mode: Indexing) => {
    const enc = new HpackEncoder();
    return { enc, bytes: toHex(enc.encode([field], () => mode).bytes) };
  };
  it('C.2.1 §6.2.1 literal with incremental indexing, new name → added to the table (size 55)', () => {
    const { enc, bytes } = one(f('custom-key', 'custom-header'), 'incremental');
    expect(bytes).toBe(hex('400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572'));
    expect(tableOf(enc.table)).toEqual(['custom-key: custom-header']);
    expect(enc.table.size).toBe(55);
  });
  it('C.2.2 §6.2.2 literal without indexing, indexed name → table stays empty', () => {
    const { enc, bytes } = one(f(':path', '/sample/path'), 'without');
    expect(bytes).toBe(hex('040c 2f73 616d 706c 652f 7061 7468'));
    expect(enc.table.size).toBe(0);
  });
  it('C.2.3 §6.2.3 literal never indexed, new name → table stays empty', () => {
    const { enc, bytes } = one(f('password', 'secret'), 'never');
    expect(bytes).toBe(hex('1008 7061 7373 776f 7264 0673 6563 7265 74'));
    expect(enc.table.size).toBe(0);
  });
  it('C.2.4 §6.1 indexed field :method GET → 82 (static index 2)', () => {
    expect(one(f(':method', 'GET'), 'incremental').bytes).toBe('82');
  });
});

describe('RFC 7541 Appendix C.3: requests without Huffman coding, one connection', () => {
  const requests: HeaderPair[][] = [
    [f(':method', 'GET'), f(':scheme', 'http'), f(':path', '/'), f(':authority', 'www.example.com')],
    [
      f(':method', 'GET'),
      f(':scheme', 'http'),
      f(':path', '/'),
      f(':authority', 'www.example.com'),
      f('cache-control', 'no-cache'),
    ],
    [
      f(':method', 'GET'),
      f(':scheme', 'https'),
      f(':path', '/index.html'),
      f(':authority', 'www.example.com'),
      f('custom-key', 'custom-value'),
    ],
  ];
  const wire = [
    '8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d',
    '8286 84be 5808 6e6f 2d63 6163 6865',
    '8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65',
  ];
  const tables = [
    [[':authority: www.example.com'], 57],
    [['cache-control: no-cache', ':authority: www.example.com'], 110],
    [['custom-key: custom-value', 'cache-control: no-cache', ':authority: www.example.com'], 164],
  ] as const;

  it('C.3.1–C.3.3: the encoder writes the RFC bytes and its dynamic table matches after each request', () => {
    const enc = new HpackEncoder();
    requests.forEach((req, i) => {
      expect(toHex(enc.encode(req).bytes)).toBe(hex(wire[i]!));
      expect(tableOf(enc.table)).toEqual(tables[i]![0]);
      expect(enc.table.size).toBe(tables[i]![1]);
    });
  });

  it('C.3.1–C.3.3: the decoder reads the RFC bytes back into the same fields and table', () => {
    const dec = new HpackDecoder();
    requests.forEach((req, i) => {
      const bytes = Uint8Array.from(hex(wire[i]!).match(/../g)!, (h) => parseInt(h, 16));
      expect(dec.decode(bytes)).toEqual({ ok: true, fields: req });
      expect(dec.table.size).toBe(tables[i]![1]);
    });
  });
});

describe('RFC 7541 Appendix C.5: responses, 256-octet table, §4.4 eviction', () => {
  const date1 = 'Mon, 21 Oct 2013 20:13:21 GMT';
  const r1 = [
    f(':status', '302'),
    f('cache-control', 'private'),
    f('date', date1),
    f('location', 'https://www.example.com'),
  ];
  const r2 = [f(':status', '307'), ...r1.slice(1)];
  it('C.5.1 then C.5.2: the second response is four bytes, and :status 302 is evicted to make room', () => {
    const enc = new HpackEncoder(256);
    expect(toHex(enc.encode(r1).bytes)).toBe(
      hex(`4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133
           3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d`),
    );
    expect(enc.table.size).toBe(222);
    expect(toHex(enc.encode(r2).bytes)).toBe(hex('4803 3330 37c1 c0bf'));
    expect(tableOf(enc.table)).toEqual([
      ':status: 307',
      'location: https://www.example.com',
      `date: ${date1}`,
      'cache-control: private',
    ]);
    expect(enc.table.size).toBe(222);
  });
});

describe('RFC 7541 rules the decoder enforces', () => {
  it('§2.3.3: index 0 or past the tables → error naming §6.1', () => {
    const r = new HpackDecoder().decode(Uint8Array.of(0x80 | 70));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.rule).toBe('RFC 7541 §6.1');
  });
  it('§5.2: a Huffman-coded string is named, not guessed', () => {
    // C.4.1's first request: literal :authority with H = 1.
    const r = new HpackDecoder().decode(
      Uint8Array.of(0x41, 0x8c, 0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab, 0x90, 0xf4, 0xff),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Huffman/);
  });
  it('§5.2: a string length past the block → error, not a read past the end', () => {
    const r = new HpackDecoder().decode(Uint8Array.of(0x40, 0x0a, 0x61));
    expect(r.ok).toBe(false);
  });
  it('§4.4: an entry larger than the whole table empties it and is not added', () => {
    const t = new DynamicTable(64);
    t.add(f('a', 'b'));
    t.add(f('x'.repeat(40), 'y'));
    expect(t.entries).toEqual([]);
    expect(t.size).toBe(0);
  });
  it('Appendix A: 61 static entries, :authority at 1 and www-authenticate at 61', () => {
    expect(STATIC_TABLE).toHaveLength(61);
    expect(STATIC_TABLE[0]).toEqual(f(':authority', ''));
    expect(STATIC_TABLE[60]).toEqual(f('www-authenticate', ''));
  });
});
