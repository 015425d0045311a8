/**
 * The editor's model, as the RFC puts it: given these bytes typed by a learner, these frames, these
 * colours and these markers (with the rule's section and the close code), and bounded work for big input.
 */
import { describe, expect, it } from 'vitest';
import { encodeFrame, toHex } from '../../src/protocol/index.ts';
import {
  analyze,
  colourRuns,
  FRAME_VIEW_LIMIT,
  frameAtByte,
  problemsOf,
} from '../../src/ui/editor/analysis.ts';
import { hex } from '../support/bytes.ts';

const texts = { notHex: (c: string) => `not hex: ${c}`, oddDigits: () => 'odd' };

describe('markers name the rule, the section and the close code', () => {
  it('§5.5: a ping that says 126 (server → client) is marked on its length byte → 1002', () => {
    const a = analyze('89 7e', 's2c');
    const [p] = problemsOf(a, 'en', texts);
    expect(p).toMatchObject({ start: 3, end: 5, kind: 'protocol' });
    expect(p!.message).toMatch(/^RFC 6455 §5\.5: .* → close 1002 \(Protocol Error\)$/);
    expect(problemsOf(a, 'ko', texts)[0]!.message).toMatch(/^RFC 6455 §5\.5: .*1002/);
  });

  it('§5.1: an unmasked frame from the client is marked on its MASK byte', () => {
    const a = analyze('81 05 48 65 6c 6c 6f', 'c2s');
    expect(a.error?.section).toBe('5.1');
    expect(problemsOf(a, 'en', texts)[0]).toMatchObject({ start: 3, end: 5 });
    expect(analyze('81 05 48 65 6c 6c 6f', 's2c').error).toBeNull();
  });

  it('an error spanning bytes (a non-minimal 16-bit length) is marked across them', () => {
    const a = analyze('81 7e 00 05 48 65 6c 6c 6f', 's2c');
    expect(a.error?.rule).toBe('non-minimal-length');
    expect(problemsOf(a, 'en', texts)[0]).toMatchObject({ start: 3, end: 11 });
  });

  it('non-hex characters and a lone digit are marked too', () => {
    const a = analyze('81 zz 05 q', 's2c');
    expect(a.input).toEqual({ kind: 'not-hex', index: 3, char: 'z' });
    expect(problemsOf(a, 'en', texts).map((p) => [p.start, p.end])).toEqual([
      [3, 4],
      [4, 5],
      [9, 10],
    ]);
    expect(problemsOf(analyze('81 0', 's2c'), 'en', texts)).toEqual([
      { start: 3, end: 4, message: 'odd', kind: 'input' },
    ]);
  });
});

describe('frames and colours', () => {
  it('the masked “Hello”: one run per field, byte 0 and byte 1 each one run', () => {
    const a = analyze('81 85 37 fa 21 3d 7f 9f 4d 51 58', 'c2s');
    expect(a.frames).toHaveLength(1);
    expect(colourRuns(a)).toEqual([
      { start: 0, end: 1, category: 'b0' },
      { start: 1, end: 2, category: 'b1' },
      { start: 2, end: 6, category: 'key' },
      { start: 6, end: 11, category: 'payload' },
    ]);
  });

  it('a close frame colours its code and its reason', () => {
    const a = analyze('88 04 03 e8 68 69', 's2c');
    expect(colourRuns(a).map((r) => r.category)).toEqual(['b0', 'b1', 'code', 'reason']);
  });

  it('a 64 KiB payload is one coloured run', () => {
    const frame = encodeFrame({ opcode: 2, payload: new Uint8Array(65536), maskKey: hex('01 02 03 04') });
    const a = analyze(toHex(frame), 'c2s');
    const runs = colourRuns(a);
    expect(runs).toHaveLength(5);
    expect(runs[4]).toEqual({ start: 14, end: 14 + 65536, category: 'payload' });
  });

  it('bytes after a rejected frame are unread; after a close frame too', () => {
    const a = analyze('83 00 81 00', 's2c');
    expect(a.frames.map((f) => [f.status, f.offset, f.length])).toEqual([
      ['error', 0, 2],
      ['unread', 2, 2],
    ]);
    const b = analyze('88 02 03 e8 81 01 41', 's2c');
    expect(b.frames.map((f) => f.status)).toEqual(['ok', 'unread']);
    expect(colourRuns(b).at(-1)).toEqual({ start: 4, end: 7, category: 'unread' });
  });

  it('a frame cut short is a partial frame with what its bytes determine', () => {
    const a = analyze('81 85 37', 'c2s');
    expect(a.frames).toHaveLength(1);
    expect(a.frames[0]).toMatchObject({ status: 'need', offset: 0, length: 3 });
    expect(a.inspection.end.kind).toBe('need');
  });

  it('finds the frame a byte belongs to', () => {
    const a = analyze('01 03 48 65 6c 80 02 6c 6f', 's2c');
    expect(frameAtByte(a, 0)?.index).toBe(0);
    expect(frameAtByte(a, 4)?.index).toBe(0);
    expect(frameAtByte(a, 5)?.index).toBe(1);
    expect(frameAtByte(a, 99)?.index).toBe(1);
  });

  it('many frames: field maps for the first FRAME_VIEW_LIMIT only', () => {
    const a = analyze('81 00 '.repeat(5000), 's2c');
    expect(a.inspection.frames).toHaveLength(5000);
    expect(a.frames).toHaveLength(FRAME_VIEW_LIMIT);
    expect(a.moreFrames).toBe(5000 - FRAME_VIEW_LIMIT);
    expect(colourRuns(a).length).toBeLessThanOrEqual(FRAME_VIEW_LIMIT * 2);
  });
});
