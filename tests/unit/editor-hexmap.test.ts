/**
 * The editor's byte → text map follows parseHex's rules exactly: for any text, the same bytes, in the
 * same places, and the same stopping point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHex } from '../../src/protocol/index.ts';
import { byteAt, firstEndingAfter, mapHexText, strayChars } from '../../src/ui/editor/hexmap.ts';

/** Pieces that exercise every rule: digits, separators, 0x prefixes, comments, junk, astral characters. */
const piece = fc.constantFrom(
  '0',
  '1',
  '7',
  '9',
  'a',
  'F',
  'e',
  'x',
  'X',
  '0x',
  '0X',
  '00',
  ' ',
  '\n',
  '\r\n',
  '\t',
  ',',
  ':',
  '#',
  '# note\n',
  '#0x41\n',
  'g',
  'Z',
  '-',
  '\u00a0',
  '한',
  '😀',
  '81',
  '8 1',
);
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

function digitsOf(t: string, start: number, end: number): number {
  return parseInt(t[start]! + t[end - 1]!, 16);
}

describe('mapHexText agrees with parseHex', () => {
  it('on any text: same bytes, each read from the two digits its range starts and ends with', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (t, limit) => {
        for (const lim of [undefined, limit]) {
          const parsed = parseHex(t, lim);
          const map = mapHexText(t, lim);
          expect(map.count).toBe(parsed.bytes.length);
          for (let i = 0; i < map.count; i++) {
            expect(map.starts[i]!).toBeLessThan(map.ends[i]!);
            if (i > 0) expect(map.starts[i]!).toBeGreaterThanOrEqual(map.ends[i - 1]!);
            expect(digitsOf(t, map.starts[i]!, map.ends[i]!)).toBe(parsed.bytes[i]);
          }
          if (parsed.ok) expect(map.error).toBeNull();
          else if (parsed.error.kind === 'not-hex') {
            expect(map.error).toMatchObject({ kind: 'not-hex', index: parsed.error.index });
            expect(map.error?.kind === 'not-hex' && map.error.char.startsWith(parsed.error.char)).toBe(true);
          } else expect(map.error).toEqual(parsed.error);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps the RFC example with spacing, a 0x prefix and a comment', () => {
    const t = '# hello\n0x81 05\n48 65 6c 6c 6f';
    const map = mapHexText(t);
    expect(map.count).toBe(7);
    expect(t.slice(map.starts[0]!, map.ends[0]!)).toBe('81');
    expect(t.slice(map.starts[2]!, map.ends[2]!)).toBe('48');
    expect(map.error).toBeNull();
  });

  it('a byte may be split by spaces, as parseHex reads it ("4 8" is 0x48)', () => {
    const map = mapHexText('4 8');
    expect(map.count).toBe(1);
    expect([map.starts[0], map.ends[0]]).toEqual([0, 3]);
  });

  it('reports the lone last digit and the first non-hex character where parseHex does', () => {
    expect(mapHexText('81 0').error).toEqual({ kind: 'odd-digits', index: 3 });
    expect(mapHexText('81 zz').error).toEqual({ kind: 'not-hex', index: 3, char: 'z' });
    expect(mapHexText('81 😀').error).toEqual({ kind: 'not-hex', index: 3, char: '😀' });
  });
});

describe('looking bytes up by text offset', () => {
  const t = '81 05\n48 65';
  const map = mapHexText(t);
  it('byteAt finds the byte under an offset, and nothing between bytes', () => {
    expect(byteAt(map, 0)).toBe(0);
    expect(byteAt(map, 1)).toBe(0);
    expect(byteAt(map, 2)).toBe(-1);
    expect(byteAt(map, 6)).toBe(2);
    expect(byteAt(map, 100)).toBe(-1);
  });
  it('firstEndingAfter gives the byte at or after an offset', () => {
    expect(firstEndingAfter(map, 2)).toBe(1);
    expect(firstEndingAfter(map, 5)).toBe(2);
    expect(firstEndingAfter(map, 11)).toBe(4);
  });
  it('strayChars lists the other characters parseHex cannot read, outside comments', () => {
    expect(strayChars('zz 81 # q\n g', 0, 10).map((s) => s.index)).toEqual([0, 1, 11]);
    expect(strayChars('zzzz', 0, 2)).toHaveLength(2);
  });
});
