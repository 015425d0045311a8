/**
 * "Copy as": given a frame's wire bytes (and the engine's description of it), these exact texts; and
 * every text gives the same bytes back: hex through the app's own parser, base64 through atob, the JS
 * expression by evaluating it, the C array by reading its literals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodedFrame, inspectBytes, parseHex, type Direction } from '../../src/protocol/index.ts';
import { bytesComment, frameComment } from '../../src/ui/copy/comment.ts';
import { COPY_LIMIT, formatBytes, toBase64, type CopyFormat } from '../../src/ui/copy/formats.ts';
import { hex, sameBytes } from '../support/bytes.ts';

function text(bytes: Uint8Array, format: CopyFormat, comment?: string): string {
  const r = formatBytes(bytes, format, comment);
  if (!r.ok) throw new Error(`expected text, got ${JSON.stringify(r)}`);
  return r.text;
}

/** The engine's own description of the one frame in `bytes`. */
function commentOf(bytes: Uint8Array, dir: Direction, lang: 'en' | 'ko' = 'en'): string {
  const frame = inspectBytes(bytes, dir).frames[0];
  if (!frame) throw new Error('no frame decoded');
  return frameComment(frame, lang);
}

const fromHex = (s: string): Uint8Array => {
  const r = parseHex(s);
  if (!r.ok) throw new Error(`parseHex failed: ${JSON.stringify(r.error)}`);
  return r.bytes;
};
const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
// Test only: the snippet is an expression, so it is wrapped in parentheses and returned.
const fromJs = (s: string): Uint8Array => new Function(`return (\n${s}\n);`)() as Uint8Array;
/** Reads the C definition back: drop the one comment, check the declared size, take the literals. */
function fromC(s: string): Uint8Array {
  const code = s.replace(/^\/\*[\s\S]*?\*\/\n/, '');
  const m = /^static const uint8_t frame\[(\d+)\] = \{([^}]*)\};$/.exec(code);
  if (!m) throw new Error(`not a C array definition:\n${s}`);
  const literals = m[2]!.split(',').map((x) => x.trim());
  if (literals[literals.length - 1] === '') literals.pop();
  const bytes = Uint8Array.from(literals, (x) => {
    if (!/^0x[0-9a-f]{2}$/.test(x)) throw new Error(`not a byte literal: ${x}`);
    return parseInt(x, 16);
  });
  expect(bytes.length).toBe(Number(m[1]));
  return bytes;
}

describe('RFC 6455 §5.7 examples, copied', () => {
  const hello = hex('81 05 48 65 6c 6c 6f');

  it('the engine describes the unmasked "Hello" frame as a text frame, FIN, unmasked, 5-byte payload', () => {
    expect(commentOf(hello, 's2c')).toBe('text frame, FIN, unmasked, 5-byte payload');
  });

  it('a single-frame unmasked text message 0x81 0x05 0x48 0x65 0x6c 0x6c 0x6f, in every format', () => {
    const note = commentOf(hello, 's2c');
    expect(text(hello, 'hex', note)).toBe('81 05 48 65 6c 6c 6f');
    expect(text(hello, 'base64', note)).toBe('gQVIZWxsbw==');
    expect(text(hello, 'js', note)).toBe(
      '// text frame, FIN, unmasked, 5-byte payload\n' +
        'new Uint8Array([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])',
    );
    expect(text(hello, 'c', note)).toBe(
      '/* text frame, FIN, unmasked, 5-byte payload */\n' +
        'static const uint8_t frame[7] = { 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f };',
    );
  });

  it('each "Hello" text gives the same seven bytes back', () => {
    const note = commentOf(hello, 's2c');
    expect(fromHex(text(hello, 'hex', note))).toEqual(hello);
    expect(fromBase64(text(hello, 'base64', note))).toEqual(hello);
    expect(fromJs(text(hello, 'js', note))).toEqual(hello);
    expect(fromC(text(hello, 'c', note))).toEqual(hello);
  });

  it('a single-frame masked text message: "text frame, FIN, masked, 5-byte payload", 11 bytes on one line', () => {
    const masked = hex('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const note = commentOf(masked, 'c2s');
    expect(note).toBe('text frame, FIN, masked, 5-byte payload');
    expect(text(masked, 'js', note)).toBe(
      '// text frame, FIN, masked, 5-byte payload\n' +
        'new Uint8Array([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])',
    );
    expect(text(masked, 'base64')).toBe('gYU3+iE9f59NUVg=');
  });

  it('a fragmented unmasked text message: "Hel" has FIN = 0, "lo" is a continuation with FIN', () => {
    expect(commentOf(hex('01 03 48 65 6c'), 's2c')).toBe(
      'text frame, FIN = 0 (more fragments follow), unmasked, 3-byte payload',
    );
    const both = inspectBytes(hex('01 03 48 65 6c 80 02 6c 6f'), 's2c').frames;
    expect(frameComment(both[1]!, 'en')).toBe('continuation frame, FIN, unmasked, 2-byte payload');
  });

  it('unmasked ping and masked pong with "Hello"', () => {
    expect(commentOf(hex('89 05 48 65 6c 6c 6f'), 's2c')).toBe('ping frame, FIN, unmasked, 5-byte payload');
    expect(commentOf(hex('8a 85 37 fa 21 3d 7f 9f 4d 51 58'), 'c2s')).toBe(
      'pong frame, FIN, masked, 5-byte payload',
    );
  });

  it('256 bytes of binary data in a single unmasked message: 260 bytes wrapped at 12 per line', () => {
    const payload = Uint8Array.from({ length: 256 }, (_, i) => i);
    const frame = new Uint8Array([0x82, 0x7e, 0x01, 0x00, ...payload]);
    const note = commentOf(frame, 's2c');
    expect(note).toBe('binary frame, FIN, unmasked, 256-byte payload');

    const js = text(frame, 'js', note).split('\n');
    expect(js[0]).toBe('// binary frame, FIN, unmasked, 256-byte payload');
    expect(js[1]).toBe('new Uint8Array([');
    expect(js[2]).toBe('  0x82, 0x7e, 0x01, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,');
    expect(js.at(-2)).toBe('  0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,'); // 260 = 21 × 12 + 8
    expect(js.at(-1)).toBe('])');
    expect(js).toHaveLength(2 + 22 + 1);

    const c = text(frame, 'c', note).split('\n');
    expect(c[0]).toBe('/* binary frame, FIN, unmasked, 256-byte payload */');
    expect(c[1]).toBe('static const uint8_t frame[260] = {');
    expect(c[2]).toBe(js[2]);
    expect(c.at(-1)).toBe('};');

    expect(fromJs(text(frame, 'js', note))).toEqual(frame);
    expect(fromC(text(frame, 'c', note))).toEqual(frame);
  });

  it('the comment follows the language: 텍스트 프레임, FIN, 마스킹 안 됨, 페이로드 5바이트', () => {
    expect(commentOf(hello, 's2c', 'ko')).toBe('텍스트 프레임, FIN, 마스킹 안 됨, 페이로드 5바이트');
  });
});

describe('comments and limits', () => {
  it('a reserved opcode and RSV bits are named', () => {
    // A receiver without extensions rejects both, so the frame is built directly, as a sender would hold it.
    const header = {
      fin: true,
      rsv1: true,
      rsv2: false,
      rsv3: true,
      opcode: 0x3,
      masked: false,
      lengthForm: 7,
      payloadLength: 0,
      headerLength: 2,
      maskKey: null,
    } as const;
    expect(frameComment(new DecodedFrame(header, new Uint8Array(0), 0), 'en')).toBe(
      'frame with reserved opcode 0x3, FIN, RSV1+RSV3 set, unmasked, 0-byte payload',
    );
  });

  it('bytes that are no whole frame are described by count', () => {
    expect(bytesComment('partial', 3, 'en')).toBe('incomplete frame: 3 bytes');
    expect(bytesComment('unread', 1, 'en')).toBe('1 byte the receiver never reads');
    expect(bytesComment('rejected', 2, 'ko')).toBe('거부되는 프레임: 2바이트');
  });

  it('a comment cannot end its own comment or line: no "*/" in C, no line breaks anywhere', () => {
    const bytes = hex('81 00');
    const evil = 'a */ b\nc\u2028d /* e';
    expect(text(bytes, 'c', evil)).toBe(
      '/* a * / b c d / * e */\nstatic const uint8_t frame[2] = { 0x81, 0x00 };',
    );
    expect(text(bytes, 'js', evil)).toBe('// a */ b c d /* e\nnew Uint8Array([0x81, 0x00])');
    expect(fromJs(text(bytes, 'js', evil))).toEqual(bytes);
    expect(fromC(text(bytes, 'c', evil))).toEqual(bytes);
  });

  it('no comment, no comment line', () => {
    expect(text(hex('81 00'), 'js')).toBe('new Uint8Array([0x81, 0x00])');
    expect(text(hex('81 00'), 'c', '  ')).toBe('static const uint8_t frame[2] = { 0x81, 0x00 };');
  });

  it('nothing to copy is a value, not an exception', () => {
    expect(formatBytes(new Uint8Array(0), 'c')).toEqual({ ok: false, reason: 'empty' });
  });

  it('up to COPY_LIMIT (1 MiB) every format is built; one byte more is refused with the sizes', () => {
    const big = new Uint8Array(COPY_LIMIT).map((_, i) => i * 7);
    // Spread over a megabyte at once would overflow the call stack; the chunked builder must not.
    const b64 = text(big, 'base64');
    expect(b64.length).toBe(4 * Math.ceil(COPY_LIMIT / 3));
    expect(sameBytes(fromBase64(b64), big)).toBe(true);
    const c = text(big, 'c');
    expect(c.split('\n')).toHaveLength(1 + Math.ceil(COPY_LIMIT / 12) + 1);
    expect(formatBytes(new Uint8Array(COPY_LIMIT + 1), 'hex')).toEqual({
      ok: false,
      reason: 'too-large',
      size: COPY_LIMIT + 1,
      limit: COPY_LIMIT,
    });
  });

  it('base64 agrees with Node’s Buffer on the padding cases', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const b = new TextEncoder().encode(s);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
});

describe('property: every format gives the bytes back', () => {
  const comment = fc.oneof(
    fc.constant(undefined),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('*/', '/*/', '\n// x', '\r\n', '\u2028', '\u2029 */ /*'),
  );

  it('hex → parseHex, base64 → atob, JS → evaluation, C → its literals', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), comment, (bytes, note) => {
        expect(sameBytes(fromHex(text(bytes, 'hex', note)), bytes)).toBe(true);
        expect(sameBytes(fromBase64(text(bytes, 'base64', note)), bytes)).toBe(true);
        expect(sameBytes(fromJs(text(bytes, 'js', note)), bytes)).toBe(true);
        expect(sameBytes(fromC(text(bytes, 'c', note)), bytes)).toBe(true);
        expect(text(bytes, 'base64', note)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 300 },
    );
  });
});
