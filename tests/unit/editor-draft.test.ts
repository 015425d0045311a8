/**
 * The field tree's edits go through the engine: read a frame's fields, change one, encode with
 * encodeFrame — given these bytes and this edit, these bytes.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/ui/editor/analysis.ts';
import {
  editableOf,
  encodeDraft,
  encodeFirstByte,
  fitForm,
  formsFor,
  headerLengthOf,
} from '../../src/ui/editor/draft.ts';
import { toHex } from '../../src/protocol/index.ts';

function editable(text: string, dir: 'c2s' | 's2c' = 'c2s', frame = 0) {
  const a = analyze(text, dir);
  return editableOf(a.frames[frame]!, a.bytes);
}

describe('a frame whose bytes are all there is editable field by field', () => {
  const masked = '81 85 37 fa 21 3d 7f 9f 4d 51 58';
  it('reads the masked “Hello” (RFC 6455 §5.7) and encodes it back to the same bytes', () => {
    const e = editable(masked);
    expect(e.kind).toBe('full');
    if (e.kind !== 'full') return;
    expect(e.draft).toMatchObject({ fin: true, opcode: 1, lengthForm: 7 });
    expect(toHex(e.draft.maskKey!)).toBe('37 fa 21 3d');
    expect(new TextDecoder().decode(e.draft.payload)).toBe('Hello');
    expect(toHex(encodeDraft(e.draft))).toBe(masked);
    expect(headerLengthOf(e.draft)).toBe(6);
  });

  it('clearing MASK gives the unmasked frame (which the server then rejects under §5.1)', () => {
    const e = editable(masked);
    if (e.kind !== 'full') throw new Error('not full');
    const bytes = encodeDraft({ ...e.draft, maskKey: null });
    expect(toHex(bytes)).toBe('81 05 48 65 6c 6c 6f');
    expect(analyze(toHex(bytes), 'c2s').error?.section).toBe('5.1');
  });

  it('a rejected frame is still editable: a reserved opcode, a non-minimal length', () => {
    expect(editable('83 00', 's2c').kind).toBe('full');
    const e = editable('81 7e 00 05 48 65 6c 6c 6f', 's2c');
    expect(e.kind).toBe('full');
    if (e.kind !== 'full') return;
    expect(e.draft.lengthForm).toBe(16);
    expect(toHex(encodeDraft({ ...e.draft, lengthForm: 64 }))).toBe(
      '81 7f 00 00 00 00 00 00 00 05 48 65 6c 6c 6f',
    );
    expect(toHex(encodeDraft({ ...e.draft, lengthForm: 7 }))).toBe('81 05 48 65 6c 6c 6f');
  });

  it('any opcode can be encoded, reserved ones included', () => {
    const e = editable('81 00', 's2c');
    if (e.kind !== 'full') throw new Error('not full');
    expect(toHex(encodeDraft({ ...e.draft, opcode: 0xb }))).toBe('8b 00');
  });

  it('a payload too long for the chosen form moves to the smallest form that holds it', () => {
    expect(formsFor(125)).toEqual([7, 16, 64]);
    expect(formsFor(126)).toEqual([16, 64]);
    expect(formsFor(70000)).toEqual([64]);
    expect(fitForm(7, 200)).toBe(16);
    expect(fitForm(64, 200)).toBe(64);
    const e = editable('81 00', 's2c');
    if (e.kind !== 'full') throw new Error('not full');
    expect(toHex(encodeDraft({ ...e.draft, payload: new Uint8Array(126) })).slice(0, 11)).toBe('81 7e 00 7e');
  });
});

describe('a frame cut short: only what its bytes determine', () => {
  it('with the first byte only, FIN/RSV/opcode are known and the rest is not', () => {
    const e = editable('81', 's2c');
    expect(e).toMatchObject({ kind: 'partial', first: { fin: true, opcode: 1 }, header: null });
  });

  it('with the header but part of the payload, the bytes present can become the whole payload', () => {
    const e = editable('81 85 37 fa 21 3d 7f 9f');
    expect(e.kind).toBe('partial');
    if (e.kind !== 'partial') return;
    expect(e.declared).toBe(5);
    expect(new TextDecoder().decode(e.present!)).toBe('He');
    expect(toHex(encodeDraft({ ...e.header!, payload: e.present! }))).toBe('81 82 37 fa 21 3d 7f 9f');
  });

  it('the first byte is encoded by the engine', () => {
    expect(encodeFirstByte({ fin: false, rsv1: true, rsv2: false, rsv3: false, opcode: 2 })).toBe(0x42);
  });

  it('bytes the receiver never reads are not editable', () => {
    expect(editable('83 00 81 00', 's2c', 1).kind).toBe('none');
  });
});
