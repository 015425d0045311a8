/**
 * Laying bytes out as editor text, and turning a field-tree edit into the smallest text edit: the text
 * then reads as the new bytes (by parseHex), and what was between unchanged bytes (spacing, comments) stays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, parseHex } from '../../src/protocol/index.ts';
import { mapHexText } from '../../src/ui/editor/hexmap.ts';
import {
  frameBreaks,
  frameExtent,
  layoutBytes,
  rewriteBytes,
  type TextEdit,
} from '../../src/ui/editor/layout.ts';
import { hex, sameBytes } from '../support/bytes.ts';

const apply = (t: string, e: TextEdit | null): string =>
  e ? t.slice(0, e.start) + e.text + t.slice(e.end) : t;

describe('layoutBytes', () => {
  it('puts each header on its own line and the payload 16 bytes per line', () => {
    const payload = new Uint8Array(20).fill(0x41);
    const frame = encodeFrame({ opcode: 1, payload, maskKey: hex('37 fa 21 3d') });
    const text = layoutBytes(frame);
    const lines = text.split('\n');
    expect(lines[0]).toBe('81 94 37 fa 21 3d');
    expect(lines[1]!.split(' ')).toHaveLength(16);
    expect(lines[2]!.split(' ')).toHaveLength(4);
    expect(sameBytes(parseHex(text).bytes, frame)).toBe(true);
  });

  it('lays out several frames, and a frame cut short, one after the other', () => {
    const bytes = hex('01 03 48 65 6c 80 02 6c 6f 81');
    expect(layoutBytes(bytes)).toBe('01 03\n48 65 6c\n80 02\n6c 6f\n81');
  });

  it('frameExtent reads header and frame ends from the field map', () => {
    expect(frameExtent(hex('81 85 37 fa 21 3d 7f 9f 4d 51 58'), 0)).toEqual({ headerEnd: 6, end: 11 });
    expect(frameExtent(hex('81 7e 00'), 0)).toEqual({ headerEnd: 3, end: 3 });
  });

  it('keeps any byte string intact', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(sameBytes(parseHex(layoutBytes(bytes)).bytes, bytes)).toBe(true);
      }),
    );
  });
});

describe('rewriteBytes', () => {
  it('toggling FIN rewrites two digits and nothing else', () => {
    const text = '# my frame\n81 05   # header\n48 65 6c 6c 6f';
    const map = mapHexText(text);
    const old = parseHex(text).bytes;
    const next = old.slice();
    next[0] = 0x01;
    const e = rewriteBytes(text, map, 0, old, next, frameBreaks(2));
    expect(e).toEqual({ start: 11, end: 13, text: '01' });
    expect(apply(text, e)).toBe('# my frame\n01 05   # header\n48 65 6c 6c 6f');
  });

  it('same number of bytes: new digits in place, comments and spacing kept', () => {
    const text = '81 85 37fa213d # key\n7f 9f\n4d 51 58';
    const map = mapHexText(text);
    const old = parseHex(text).bytes;
    const next = encodeFrame({ opcode: 1, payload: hex('48 65 6c 6c 6f'), maskKey: hex('00 00 00 00') });
    const out = apply(text, rewriteBytes(text, map, 0, old, next, frameBreaks(6)));
    expect(out).toBe('81 85 00000000 # key\n48 65\n6c 6c 6f');
  });

  it('a longer frame gets the editor layout for its new bytes', () => {
    const text = '81 05\n48 65 6c 6c 6f';
    const map = mapHexText(text);
    const old = parseHex(text).bytes;
    const next = encodeFrame({ opcode: 1, payload: hex('48 65 6c 6c 6f'), maskKey: hex('37 fa 21 3d') });
    const out = apply(text, rewriteBytes(text, map, 0, old, next, frameBreaks(6)));
    expect(out).toBe('81 85 37 fa 21 3d\n7f 9f 4d 51 58');
  });

  it('returns null when the bytes do not change', () => {
    const text = '81 00';
    expect(rewriteBytes(text, mapHexText(text), 0, hex('81 00'), hex('81 00'), () => false)).toBeNull();
  });

  it('for any text and any replacement of any byte range, the text then reads as the new bytes', () => {
    const sep = fc.constantFrom(' ', '  ', '\n', ',', ' # c\n', '\n\n');
    const textArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 255 }), sep), { maxLength: 40 })
      .map((parts) => parts.map(([b, s]) => b.toString(16).padStart(2, '0') + s).join(''));
    fc.assert(
      fc.property(
        fc.constantFrom('', '# top\n', ' '),
        textArb,
        fc.nat(),
        fc.nat(),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(20),
        (lead, body, a, b, repl, h) => {
          const text = lead + body;
          const bytes = parseHex(text).bytes;
          const from = bytes.length ? a % (bytes.length + 1) : 0;
          const to = from + (bytes.length - from ? b % (bytes.length - from + 1) : 0);
          const map = mapHexText(text);
          const e = rewriteBytes(text, map, from, bytes.subarray(from, to), repl, frameBreaks(h));
          const out = parseHex(apply(text, e));
          expect(out.ok).toBe(true);
          const expected = new Uint8Array([...bytes.subarray(0, from), ...repl, ...bytes.subarray(to)]);
          expect(sameBytes(out.bytes, expected)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
