/**
 * RFC 7692's own byte examples (§7.2.3.1–§7.2.3.6), the frame rules of §6 and the size limit, through a
 * real receiving Connection with permessage-deflate as if negotiated (the decoder's path).
 */
import { describe, expect, it } from 'vitest';
import {
  Connection,
  DEFAULT_DEFLATE_PARAMS,
  closeCodeFor,
  englishText,
  inspectBytes,
  parseHex,
  type DeflateParams,
  type EngineEvent,
} from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { renderText } from '../../src/i18n/text.ts';

const hex = (s: string): Uint8Array => {
  const r = parseHex(s);
  if (!r.ok) throw new Error(s);
  return r.bytes;
};
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const deflate = (params: Partial<DeflateParams> = {}) => ({
  codec: pakoCodec,
  params: { ...DEFAULT_DEFLATE_PARAMS, ...params },
});
/** Server→client frames (unmasked, as the RFC writes them), read by a client with permessage-deflate. */
const read = (bytes: string, params: Partial<DeflateParams> = {}, maxMessageSize?: number) =>
  inspectBytes(hex(bytes), 's2c', {
    deflate: deflate(params),
    ...(maxMessageSize ? { maxMessageSize } : {}),
  });
const messages = (events: readonly EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [e.data] : []));
const errorOf = (events: readonly EngineEvent[]) => events.find((e) => e.type === 'error');

describe('RFC 7692 §7.2.3 examples', () => {
  it('§7.2.3.1 "Hello" compressed in one frame: c1 07 f2 48 cd c9 c9 07 00 → "Hello"', () => {
    const v = read('c1 07 f2 48 cd c9 c9 07 00');
    expect(messages(v.events)).toEqual(['Hello']);
    expect(v.events.find((e) => e.type === 'message')).toMatchObject({ compressed: true, frames: 1 });
  });

  it('§7.2.3.1 the same message fragmented: 41 03 f2 48 cd · 80 04 c9 c9 07 00 → "Hello"', () => {
    const v = read('41 03 f2 48 cd 80 04 c9 c9 07 00');
    expect(messages(v.events)).toEqual(['Hello']);
    // RSV1 on the first frame only; the second, a continuation, carries the rest of the DEFLATE data.
    expect(v.frames.map((f) => f.header.rsv1)).toEqual([true, false]);
  });

  it('§7.2.3.2 sharing the LZ77 window: the second "Hello" is c1 05 f2 00 11 00 00', () => {
    const v = read('c1 07 f2 48 cd c9 c9 07 00 c1 05 f2 00 11 00 00');
    expect(messages(v.events)).toEqual(['Hello', 'Hello']);
    expect(v.frames.map((f) => f.deflate?.window)).toEqual(['empty', 'kept']);
  });

  it('§7.2.3.2 without context takeover the back-reference has nothing to point at → 1002', () => {
    const v = read('c1 07 f2 48 cd c9 c9 07 00 c1 05 f2 00 11 00 00', { serverNoContextTakeover: true });
    expect(messages(v.events)).toEqual(['Hello']);
    expect(errorOf(v.events)).toMatchObject({
      error: { rule: 'deflate-corrupt', rfc: 7692, section: '6.2' },
    });
    expect(v.frames.map((f) => f.deflate?.window)).toEqual(['empty', 'reset']);
  });

  it('§7.2.3.3 a DEFLATE block with no compression: c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00 → "Hello"', () => {
    expect(messages(read('c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00').events)).toEqual(['Hello']);
  });

  it('§7.2.3.4 a block with BFINAL set: c1 08 f3 48 cd c9 c9 07 00 00 → "Hello", and the next message too', () => {
    const v = read('c1 08 f3 48 cd c9 c9 07 00 00 c1 07 f2 48 cd c9 c9 07 00');
    expect(messages(v.events)).toEqual(['Hello', 'Hello']);
  });

  it('§7.2.3.5 two DEFLATE blocks in one message: c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00 → "Hello"', () => {
    expect(messages(read('c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00').events)).toEqual(['Hello']);
  });

  it('§7.2.3.6 an empty fragment is the single octet 00: a whole empty message, or the last of "Hello"', () => {
    expect(messages(read('c1 01 00').events)).toEqual(['']);
    // "Hello" sync-flushed (its tail kept: not the last frame), then an empty final fragment.
    expect(messages(read('41 0b f2 48 cd c9 c9 07 00 00 00 ff ff 80 01 00').events)).toEqual(['Hello']);
  });

  it('an uncompressed message on a compressed connection (RSV1 = 0) is read as it is', () => {
    expect(messages(read('81 05 48 65 6c 6c 6f c1 07 f2 48 cd c9 c9 07 00').events)).toEqual([
      'Hello',
      'Hello',
    ]);
  });

  it('the sender makes the RFC’s bytes: "Hello" twice with context takeover, then without', () => {
    const server = new Connection('server', { deflate: deflate() });
    server.sendText('Hello');
    server.sendText('Hello');
    expect(server.dataToSend().map(toHex)).toEqual(['c1 07 f2 48 cd c9 c9 07 00 c1 05 f2 00 11 00 00']);
    const fresh = new Connection('server', { deflate: deflate({ serverNoContextTakeover: true }) });
    fresh.sendText('Hello');
    fresh.sendText('Hello');
    expect(fresh.dataToSend().map(toHex)).toEqual(['c1 07 f2 48 cd c9 c9 07 00 c1 07 f2 48 cd c9 c9 07 00']);
  });
});

describe('RFC 7692 §6: RSV1 and the frames it may be on', () => {
  it('§6 RSV1 on a ping (a control frame) → 1002', () => {
    const e = errorOf(read('c9 00').events);
    expect(e).toMatchObject({ error: { rule: 'rsv1-on-control', rfc: 7692, section: '6' } });
    expect(e && e.type === 'error' && closeCodeFor(e.error)).toBe(1002);
  });

  it('§6 RSV1 on a continuation frame → 1002', () => {
    const e = errorOf(read('41 03 f2 48 cd c0 04 c9 c9 07 00').events);
    expect(e).toMatchObject({ error: { rule: 'rsv1-on-continuation', section: '6' } });
  });

  it('RFC 6455 §5.2 without the extension, RSV1 is still a protocol error → 1002', () => {
    const v = inspectBytes(hex('c1 07 f2 48 cd c9 c9 07 00'), 's2c');
    expect(errorOf(v.events)).toMatchObject({ error: { rule: 'rsv-without-extension' } });
  });

  it('§6.2 corrupt DEFLATE data → 1002 (as Chromium; ws sends 1007), naming zlib’s reason', () => {
    const v = read('c1 03 ff ff ff');
    const e = errorOf(v.events);
    expect(e).toMatchObject({ error: { rule: 'deflate-corrupt', answer: { kind: 'close', code: 1002 } } });
    expect(v.frames[0]!.deflate?.problem).toBe('corrupt');
    expect(v.replies.map((f) => toHex(f.payload))).toEqual(['03 ea']); // the client's close frame: 1002
  });

  it('§6.2 an invalid UTF-8 text inflated → 1007', () => {
    const server = new Connection('server', { deflate: deflate() });
    server.sendBinary(Uint8Array.of(0xc3, 0x28)); // compressed; sent as binary, rewritten as text below
    const bytes = server.dataToSend()[0]!;
    bytes[0] = 0xc1;
    const v = inspectBytes(bytes, 's2c', { deflate: deflate() });
    expect(errorOf(v.events)).toMatchObject({ error: { rule: 'invalid-utf8', answer: { code: 1007 } } });
  });
});

describe('a maximum inflated message size (RFC 6455 §10.4)', () => {
  /** 1 MiB of zeros is ~1 KiB of DEFLATE: a small frame that inflates a thousandfold. */
  function bomb(size: number): Uint8Array {
    const server = new Connection('server', { deflate: deflate() });
    server.sendBinary(new Uint8Array(size));
    const out = server.dataToSend();
    return out.length === 1 ? out[0]! : Uint8Array.from(out.flatMap((c) => Array.from(c)));
  }

  it('a 1 KiB frame that inflates to 16 MiB, against a 1 MiB limit → 1009, with at most one piece past the limit inflated', () => {
    const frame = bomb(16 * 1024 * 1024);
    expect(frame.length).toBeLessThan(20_000);
    const v = inspectBytes(frame, 's2c', { deflate: deflate(), maxMessageSize: 1024 * 1024 });
    expect(errorOf(v.events)).toMatchObject({ error: { rule: 'inflated-too-big', answer: { code: 1009 } } });
    const note = v.frames[0]!.deflate!;
    expect(note.problem).toBe('limit');
    // Inflated in 64 KiB pieces, each checked before it is kept: stopped at the limit, not at 16 MiB.
    expect(note.inflatedLength).toBeLessThanOrEqual(1024 * 1024);
    expect(note.inflatedLength).toBeGreaterThan(1024 * 1024 - 64 * 1024);
  });

  it('the same message within the limit arrives whole', () => {
    const v = inspectBytes(bomb(512 * 1024), 's2c', { deflate: deflate(), maxMessageSize: 1024 * 1024 });
    const m = v.events.find((e) => e.type === 'message');
    expect(m && m.type === 'message' && (m.data as Uint8Array).length).toBe(512 * 1024);
  });
});

describe('field maps of compressed frames (what the decoder shows)', () => {
  const fieldsOf = (bytes: string, params: Partial<DeflateParams> = {}) =>
    read(bytes, params).frames.map((f) => f.fields);
  const payloadOf = (fields: ReturnType<typeof fieldsOf>[number]) => fields.find((f) => f.id === 'payload')!;

  it('§7.2.3.1 RSV1 says "compressed"; the payload names its DEFLATE bytes, the window, what they inflate to and the tail', () => {
    const [fields] = fieldsOf('c1 07 f2 48 cd c9 c9 07 00');
    expect(englishText(fields!.find((f) => f.id === 'rsv1')!.meaning)).toMatch(
      /^set: this message is compressed/,
    );
    const payload = payloadOf(fields!);
    expect(englishText(payload.meaning)).toBe('7 bytes of DEFLATE data, 5 bytes inflated');
    expect(payload.children!.map((c) => [c.id, c.raw, c.byteStart, c.byteEnd, c.virtual])).toEqual([
      ['deflate-window', '2^15', 2, 2, true],
      ['inflated', '48 65 6c 6c 6f', 2, 9, true],
      ['deflate-tail', '00 00 ff ff', 9, 9, true],
    ]);
    expect(payload.children!.map((c) => englishText(c.meaning))).toEqual([
      'empty: the first compressed message, with nothing earlier to refer to (32768-byte window)',
      '5 bytes: “Hello”',
      'the sender removed 00 00 ff ff (an empty stored block) from the end; the receiver appends it before inflating (RFC 7692 §7.2.1, §7.2.2)',
    ]);
    expect(renderText('ko', payload.children![1]!.meaning)).toBe('5바이트: “Hello”');
  });

  it('§7.2.3.2 the second message’s window is kept (context takeover), or reset without it', () => {
    const kept = fieldsOf('c1 07 f2 48 cd c9 c9 07 00 c1 07 f2 48 cd c9 c9 07 00')[1]!;
    expect(englishText(payloadOf(kept).children![0]!.meaning)).toMatch(
      /^kept: it may refer to up to 32768 bytes/,
    );
    const reset = fieldsOf('c1 07 f2 48 cd c9 c9 07 00 c1 07 f2 48 cd c9 c9 07 00', {
      serverNoContextTakeover: true,
      serverMaxWindowBits: 10,
    })[1]!;
    expect(englishText(payloadOf(reset).children![0]!.meaning)).toBe(
      'reset: compressed on its own (no context takeover), it refers to nothing sent before (1024-byte window)',
    );
  });

  it('§7.2.3.1 fragmented: the first frame shows the window and its share, the last its share and the tail', () => {
    const [first, last] = fieldsOf('41 03 f2 48 cd 80 04 c9 c9 07 00');
    expect(payloadOf(first!).children!.map((c) => c.id)).toEqual(['deflate-window', 'inflated']);
    expect(payloadOf(last!).children!.map((c) => c.id)).toEqual(['inflated', 'deflate-tail']);
    const shares = [first, last].map((f) => payloadOf(f!).children!.find((c) => c.id === 'inflated')!.raw);
    expect(shares.join(' ')).toBe('48 65 6c 6c 6f');
  });

  it('corrupt data: the frame says where inflating failed', () => {
    const [fields] = fieldsOf('c1 03 ff ff ff');
    const inflated = payloadOf(fields!).children!.find((c) => c.id === 'inflated')!;
    expect(englishText(inflated.meaning)).toBe(
      'inflating failed here after 0 bytes: this is not valid DEFLATE data (RFC 7692 §6.2)',
    );
  });

  it('a frame the engine sent compressed has the same map', () => {
    const server = new Connection('server', { deflate: deflate() });
    server.sendText('Hello');
    const sent = server.events().find((e) => e.type === 'frame-out');
    const payload = sent && sent.type === 'frame-out' ? payloadOf(sent.frame.fields) : null;
    expect(payload?.children?.map((c) => c.id)).toEqual(['deflate-window', 'inflated', 'deflate-tail']);
  });
});
