/**
 * What the editor says: the status line, and the hover card of a byte (field, bits, raw value,
 * meaning; for a masked payload byte, the XOR that made it), in English and Korean.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../src/i18n/locale.svelte.ts';
import { analyze } from '../../src/ui/editor/analysis.ts';
import { hoverMarkdown, md, statusOf } from '../../src/ui/editor/describe.ts';

afterEach(() => {
  locale.lang = 'en';
});

describe('status line', () => {
  it('valid: the frame summary and who accepts it', () => {
    const s = statusOf(analyze('81 85 37 fa 21 3d 7f 9f 4d 51 58', 'c2s'));
    expect(s).toMatchObject({ kind: 'valid', label: 'Valid' });
    expect(s.text).toBe('Text frame, 5 bytes: “Hello”. The server accepts it.');
  });

  it('in an exercise, accepted bytes are "accepted by the server", never "Valid" (the ✓ is the exercise’s)', () => {
    const bytes = analyze('81 85 37 fa 21 3d 7f 9f 4d 51 58', 'c2s');
    expect(statusOf(bytes, { exercise: true })).toMatchObject({
      kind: 'valid',
      label: 'Accepted by the server',
      text: 'Text frame, 5 bytes: “Hello”.',
    });
    locale.lang = 'ko';
    expect(statusOf(bytes, { exercise: true }).label).toBe('서버가 받아들임');
    expect(statusOf(analyze('81 05 48 65 6c 6c 6f 81 00', 's2c'), { exercise: true })).toMatchObject({
      label: '클라이언트가 받아들임',
      text: '프레임 2개.',
    });
  });

  it('rejected: the rule, its section and the close code; masking errors point at the direction', () => {
    const s = statusOf(analyze('81 05 48 65 6c 6c 6f', 'c2s'));
    expect(s.kind).toBe('invalid');
    expect(s.text).toMatch(/^RFC 6455 §5\.1: .* → close 1002/);
    expect(s.wrongWay).toBe(true);
  });

  it('cut short: in the header, or in the payload with how much is there', () => {
    expect(statusOf(analyze('81 85 37 fa 21', 'c2s')).text).toBe(
      'The header is cut short: the server waits for 1 more byte of it.',
    );
    expect(statusOf(analyze('81 05 48', 's2c')).text).toBe(
      'The payload is cut short (1 of 5 bytes): the client waits for 4 more bytes.',
    );
  });

  it('not hex: where, by line and column', () => {
    expect(statusOf(analyze('81 05\n48 zz', 's2c')).text).toBe(
      '“z” is not a hex digit (line 2, column 4). Nothing from there on is decoded.',
    );
    expect(statusOf(analyze('81 0', 's2c')).kind).toBe('input');
  });

  it('speaks Korean', () => {
    locale.lang = 'ko';
    const s = statusOf(analyze('89 7e', 's2c'));
    expect(s.label).toBe('거부됨');
    expect(s.text).toMatch(/^RFC 6455 §5\.5: 제어 프레임/);
    expect(statusOf(analyze('81 05 48', 's2c')).text).toBe(
      '페이로드가 중간에 끊겼습니다(5바이트 중 1바이트). 클라이언트는 4바이트를 더 기다립니다.',
    );
  });
});

describe('hover card', () => {
  const a = analyze('81 85 37 fa 21 3d 7f 9f 4d 51 58', 'c2s');
  it('byte 0 carries FIN, RSV1–3 and the opcode, each with its bits and meaning', () => {
    const h = hoverMarkdown(a, 0);
    expect(h).toContain('`0x81` · `10000001`');
    for (const name of ['FIN', 'RSV1', 'RSV2', 'RSV3', 'opcode']) expect(h).toContain(`**${name}**`);
    expect(h).toContain('= `0x1`');
    expect(h).toContain('text frame: the payload is UTF\\-8 text');
  });

  it('a masked payload byte shows the XOR with its key byte', () => {
    const h = hoverMarkdown(a, 6);
    expect(h).toContain('**Payload data**');
    expect(h).toContain('payload byte 0: on the wire 0x7f XOR key\\[0\\] 0x37 = 0x48');
    expect(h).toContain("'H'");
  });

  it('in Korean, with the engine’s Korean meanings', () => {
    locale.lang = 'ko';
    expect(hoverMarkdown(a, 1)).toContain('마스킹됨');
    expect(hoverMarkdown(a, 1)).toContain('**1번 바이트**');
  });

  it('escapes Markdown in the engine’s text', () => {
    expect(md('*a* [b] `c`')).toBe('\\*a\\* \\[b\\] \\`c\\`');
  });
});
