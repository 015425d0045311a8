/**
 * Text from frames and links is shown with its invisible characters made visible (security review
 * I10): bidi overrides and isolates cannot reorder what the learner reads, zero-width characters
 * cannot hide, and controls cannot drive anything. One function, used by every view that shows such
 * text (console, diagram labels, event log, inspector, decoder cards, link notices).
 */
import { describe, expect, it } from 'vitest';
import { arrowLabel, eventSummary } from '../../src/sim/describe.ts';
import { visibleText } from '../../src/protocol/visible.ts';
import { World } from '../../src/sim/world.ts';
import { renderText } from '../../src/i18n/text.ts';
import { printable } from '../../src/ui/console/cells.ts';

describe('visibleText', () => {
  it('bidi overrides, embeddings, isolates and marks are named: "txt.exe" cannot pose as "exe.txt"', () => {
    expect(visibleText('invoice\u202Etxt.exe')).toBe('invoice<U+202E>txt.exe');
    for (const cp of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x61c,
    ])
      expect(visibleText(`a${String.fromCodePoint(cp)}b`)).toBe(
        `a<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>b`,
      );
  });

  it('zero-width and other invisible format characters are named', () => {
    expect(visibleText('pay\u200Bpal')).toBe('pay<U+200B>pal');
    expect(visibleText('\uFEFFhello')).toBe('<U+FEFF>hello');
    expect(visibleText('a\u200C\u200D\u2060\u00AD\u180Eb')).toBe(
      'a<U+200C><U+200D><U+2060><U+00AD><U+180E>b',
    );
    expect(visibleText('a\u2028b\u2029c')).toBe('a<U+2028>b<U+2029>c');
    expect(visibleText('\u3164')).toBe('<U+3164>'); // Hangul filler: looks like nothing
    // Unicode tags (invisible ASCII, as used to smuggle text): each one named, astral plane included.
    expect(visibleText('hi\u{E0068}\u{E0069}')).toBe('hi<U+E0068><U+E0069>');
  });

  it('C0 controls become Control Pictures, DEL ␡, C1 is named; tab, LF and CR are the caller’s', () => {
    expect(visibleText('\u0000\u0007\u001b[2J\u007f')).toBe('␀␇␛[2J␡');
    expect(visibleText('a\u0085b\u009bc')).toBe('a<U+0085>b<U+009B>c');
    expect(visibleText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('ordinary text is untouched: Korean, emoji, accents, variation selectors', () => {
    for (const s of ['', 'hello', '안녕하세요', 'café', 'e\u0301', '😀', '❤️', '𝄞', '한글 and English'])
      expect(visibleText(s)).toBe(s);
  });

  it('a lone surrogate (half a character) is U+FFFD; the function is idempotent', () => {
    expect(visibleText('a\uD800b\uDC00')).toBe('a\uFFFDb\uFFFD');
    const once = visibleText('x\u202E\u0000\uD83D y\u200B');
    expect(visibleText(once)).toBe(once);
  });

  it('100,000 hostile characters in one pass', () => {
    const s = '\u202E\u200Ba'.repeat(33_333);
    const out = visibleText(s);
    expect(out).toBe('<U+202E><U+200B>a'.repeat(33_333));
  });
});

describe('where frame and link text is shown', () => {
  it('payload previews and close reasons in labels and summaries (diagram, log, inspector, console)', async () => {
    const w = new World();
    w.connect();
    w.settle();
    w.send('abc\u202Edef');
    w.close(1000, 'bye\u200B');
    w.settle();
    const labels = w.timeline.events.flatMap((e) =>
      e.kind === 'frame' ? [arrowLabel(e)] : e.kind === 'engine' ? [renderText('en', eventSummary(e))] : [],
    );
    expect(labels).toContain('TEXT "abc<U+202E>def" (masked)');
    expect(labels).toContain('CLOSE 1000 "bye<U+200B>" (masked)');
    expect(labels.some((l) => l.includes('message "abc<U+202E>def"'))).toBe(true);
    expect(labels.join('')).not.toMatch(/[\u202E\u200B]/);
  });

  it('a connect path from a link: the request line shows its invisible characters', async () => {
    const w = new World();
    w.connect({ path: '/a\u202Eb' });
    w.settle();
    const get = w.timeline.events.find((e) => e.kind === 'http');
    expect(get && get.kind === 'http' && arrowLabel(get)).toBe('GET /a<U+202E>b (Upgrade: websocket)');
  });

  it('the console prints the same, with line breaks as spaces', () => {
    expect(printable('one\ntwo\u202E\u0007')).toBe('one two<U+202E>␇');
  });
});
