/**
 * The frame editor with permessage-deflate (RFC 7692): text edited in the field tree is compressed by
 * the engine and re-encoded (RSV1, length, mask); compressed bytes are re-inflated on every analysis,
 * and corrupt DEFLATE data is marked over the payload the engine blames.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFLATE_PARAMS, toHex, type DeflateParams } from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { analyze, problemsOf } from '../../src/ui/editor/analysis.ts';
import { compressPayload, editableOf, encodeDraft, utf8 } from '../../src/ui/editor/draft.ts';

const deflate = (params: Partial<DeflateParams> = {}) => ({
  codec: pakoCodec,
  params: { ...DEFAULT_DEFLATE_PARAMS, ...params },
});
const texts = { notHex: (c: string) => `not hex ${c}`, oddDigits: () => 'odd' };
const messages = (a: ReturnType<typeof analyze>) =>
  a.inspection.events.flatMap((e) => (e.type === 'message' ? [e.data] : []));

describe('recompressing an edited message', () => {
  it('RFC 7692 §7.2.3.1: "Hello" compressed by the server is f2 48 cd c9 c9 07 00 (tail removed)', () => {
    expect(toHex(compressPayload(utf8('Hello'), 's2c', deflate()))).toBe('f2 48 cd c9 c9 07 00');
  });

  it('editing the inflated text of a compressed frame gives the RFC frame again, RSV1 set and length updated', () => {
    const a = analyze('c1 07 f2 48 cd c9 c9 07 00', 's2c', undefined, deflate());
    const editable = editableOf(a.frames[0]!, a.bytes);
    if (editable.kind !== 'full') throw new Error(editable.kind);
    const longer = compressPayload(utf8('Hello, Hello, Hello!'), 's2c', deflate());
    const bytes = encodeDraft({ ...editable.draft, payload: longer, rsv1: true });
    expect(bytes[0]).toBe(0xc1);
    expect(bytes[1]).toBe(longer.length);
    expect(messages(analyze(toHex(bytes), 's2c', undefined, deflate()))).toEqual(['Hello, Hello, Hello!']);
  });

  it('client → server: the client’s compressor and window, masked with the frame’s key', () => {
    const params = { clientMaxWindowBits: 9 as const, clientNoContextTakeover: true };
    const a = analyze('81 85 37 fa 21 3d 7f 9f 4d 51 58', 'c2s', undefined, deflate(params));
    const editable = editableOf(a.frames[0]!, a.bytes);
    if (editable.kind !== 'full') throw new Error(editable.kind);
    const payload = compressPayload(utf8('Hello'), 'c2s', deflate(params));
    const bytes = encodeDraft({ ...editable.draft, payload, rsv1: true });
    expect(toHex(bytes.subarray(0, 6))).toBe('c1 87 37 fa 21 3d');
    const again = analyze(toHex(bytes), 'c2s', undefined, deflate(params));
    expect(messages(again)).toEqual(['Hello']);
    expect(again.frames[0]!.frame?.deflate?.windowBits).toBe(9);
  });
});

describe('markers on compressed bytes', () => {
  it('§6.2 corrupt DEFLATE data → 1002, marked over the whole compressed payload (zlib cannot say which byte)', () => {
    const text = 'c1 03\nff ff ff';
    const a = analyze(text, 's2c', undefined, deflate());
    expect(a.error).toMatchObject({ rule: 'deflate-corrupt', answer: { code: 1002 } });
    const [p] = problemsOf(a, 'en', texts);
    expect(text.slice(p!.start, p!.end)).toBe('ff ff ff');
    expect(p!.message).toContain('RFC 7692 §6.2');
    expect(p!.message).toContain('1002');
  });

  it('editing one compressed byte re-inflates: "Hello" becomes another text, or a marker', () => {
    // f2 48 cd c9 c9 07 00 with its 2nd byte changed is still DEFLATE, inflating to something else.
    const good = analyze('c1 07 f2 48 cd c9 c9 07 00', 's2c', undefined, deflate());
    expect(messages(good)).toEqual(['Hello']);
    const edited = analyze('c1 07 f2 49 cd c9 c9 07 00', 's2c', undefined, deflate());
    expect(messages(edited)).not.toEqual(['Hello']);
  });

  it('RFC 6455 §5.2 without the extension the same bytes are refused at byte 0 (RSV1) → 1002', () => {
    const text = 'c1 07 f2 48 cd c9 c9 07 00';
    const a = analyze(text, 's2c');
    expect(a.error).toMatchObject({ rule: 'rsv-without-extension', answer: { code: 1002 } });
    const [p] = problemsOf(a, 'en', texts);
    expect(text.slice(p!.start, p!.end)).toBe('c1');
  });
});
