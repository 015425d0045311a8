/** The decoder view's engine side: one hex parser, and a real receiver's verdict on pasted bytes. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  englishText,
  errorText,
  inspectBytes,
  parseHex,
  toHex,
} from '../../src/protocol/index.ts';
import { renderText } from '../../src/i18n/text.ts';

describe('parseHex', () => {
  it('ignores whitespace, commas, colons, 0x prefixes and # comments', () => {
    const r = parseHex('81 05 # FIN + text, length 5\n0x48,65:6c 6C6f');
    expect(r.ok && toHex(r.bytes)).toBe('81 05 48 65 6c 6c 6f');
  });
  it('names the first character that is not hex, and where it is', () => {
    expect(parseHex('81 0g')).toMatchObject({ ok: false, error: { kind: 'not-hex', index: 4, char: 'g' } });
  });
  it('reports an odd number of digits at the dangling digit', () => {
    expect(parseHex('81 0')).toMatchObject({ ok: false, error: { kind: 'odd-digits', index: 3 } });
  });
  it('keeps at most `limit` bytes of a huge paste and says how many there were', () => {
    const r = parseHex('ab'.repeat(3_000_000), 1024 * 1024);
    expect(r).toMatchObject({ ok: true, truncated: { limit: 1048576, total: 3_000_000 } });
    expect(r.bytes.length).toBe(1048576);
  });
});

describe('inspectBytes: what the receiving endpoint makes of the bytes', () => {
  it('server→client "Hello": one text frame with its field map, and a message', () => {
    const v = inspectBytes(parseHex('810548656c6c6f').bytes, 's2c');
    expect(v.end.kind).toBe('complete');
    expect(v.frames[0]!.fields.map((f) => [f.id, f.raw])).toEqual([
      ['fin', '1'],
      ['rsv1', '0'],
      ['rsv2', '0'],
      ['rsv3', '0'],
      ['opcode', '0x1'],
      ['mask', '0'],
      ['payload-len', '5'],
      ['payload', '48 65 6c 6c 6f'],
    ]);
    expect(v.frames[0]!.fields.find((f) => f.id === 'payload')).toMatchObject({
      byteStart: 2,
      byteEnd: 7,
      bitStart: 16,
    });
    expect(v.events.find((e) => e.type === 'message')).toMatchObject({ data: 'Hello' });
  });
  it('a ping whose length says 126 → §5.5, close 1002, and the receiver’s close frame', () => {
    const v = inspectBytes(parseHex('89 7e 00 7e').bytes, 's2c');
    expect(v.end.kind).toBe('error');
    if (v.end.kind !== 'error') return;
    expect(describeError(v.end.error)).toMatch(/^RFC 6455 §5\.5: .* → close 1002 \(Protocol Error\)$/);
    expect(v.end.partial?.fields.find((f) => f.id === 'payload-len')?.raw).toBe('126');
    expect(v.replies[0]!.header.opcode).toBe(0x8);
  });
  it('truncated bytes: how many more the decoder waits for, with the fields read so far', () => {
    const v = inspectBytes(parseHex('81 05 48 65').bytes, 's2c');
    expect(v.end).toMatchObject({ kind: 'need', need: 3 });
    if (v.end.kind === 'need')
      expect(v.end.partial.fields.find((f) => f.id === 'payload')?.complete).toBe(false);
  });
  it('client→server bytes must be masked: the server’s verdict is §5.1 → 1002', () => {
    const v = inspectBytes(parseHex('810548656c6c6f').bytes, 'c2s');
    expect(v.end).toMatchObject({ kind: 'error', error: { section: '5.1', answer: { code: 1002 } } });
  });
  it('a megabyte of 2-byte pings stops at the frame limit, on a frame boundary', () => {
    const bytes = new Uint8Array(1024 * 1024);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = 0x89;
    const v = inspectBytes(bytes, 's2c');
    expect(v.frames.length).toBeGreaterThanOrEqual(10_000);
    expect(v.frames.length).toBeLessThan(50_000);
    expect(v.decodedBytes).toBe(v.frames.length * 2);
    expect(v.end.kind).toBe('complete');
  });

  it('Korean text for the same verdict', () => {
    const v = inspectBytes(parseHex('89 fe').bytes, 'c2s');
    if (v.end.kind !== 'error') throw new Error('expected an error');
    const ko = renderText('ko', errorText(v.end.error));
    expect(ko).toContain('제어 프레임');
    expect(ko).toContain('1002(프로토콜 오류)');
  });

  it('§5.2 a length in the 16-bit form that fits in 7 bits → 1002, the minimal form named in each language', () => {
    const v = inspectBytes(parseHex('81 7e 00 05 48 65 6c 6c 6f').bytes, 's2c');
    if (v.end.kind !== 'error') throw new Error('expected an error');
    expect(v.end.error.rule).toBe('non-minimal-length');
    expect(describeError(v.end.error)).toContain('MUST be used (7-bit field)');
    // The value is a nested Text, so the Korean sentence does not end in English.
    const ko = renderText('ko', errorText(v.end.error));
    expect(ko).toContain('(7비트 필드)');
    expect(ko).not.toMatch(/bit field/);
  });

  it('§7.4.2 a close code registered for libraries is labelled in the reader’s language', () => {
    const v = inspectBytes(parseHex('88 02 0b b8').bytes, 's2c');
    const code = v.frames[0]!.fields.find((f) => f.id === 'payload')!.children![0]!;
    expect(englishText(code.meaning)).toBe('3000 (registered for libraries/frameworks)');
    expect(renderText('ko', code.meaning)).toBe('3000(라이브러리·프레임워크용 등록 코드)');
  });
});

describe('npm run bench', () => {
  it('runs (a 1/100 smoke run) and ends with the min-ratio line; no timing is asserted', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['tests/bench/codec.bench.ts', '--quick'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^min ratio ours\/ws: \d+\.\d+$/);
  }, 60_000);
});
