/**
 * The console's text handling, with input as large and as hostile as a link or storage can make it
 * (security review M4, L1): word wrap in one linear pass, lines and summaries capped, the line editor
 * capped, and history from storage held to what the editor itself would have let in.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cells, charCells, printable, wrapCells } from '../../src/ui/console/cells.ts';
import { HISTORY_STORAGE_KEY, loadHistory } from '../../src/ui/console/history.ts';
import { LineEditor, MAX_LINE_CHARS } from '../../src/ui/console/lineEditor.ts';
import { MAX_LINE_TEXT, capped, closestCommand, echoLine, lineOf } from '../../src/ui/console/print.ts';

/**
 * The wrap as it was before it became one pass (re-measuring the rest for every row): the reference
 * the linear version must agree with, row for row.
 */
function referenceWrap(text: string, width: number, indent: number): string[] {
  const take = (s: string, w: number): [string, string] => {
    let used = 0;
    let i = 0;
    for (const ch of s) {
      const c = charCells(ch.codePointAt(0)!);
      if (used + c > w) break;
      used += c;
      i += ch.length;
    }
    if (i === 0 && s.length > 0) i = s.codePointAt(0)! > 0xffff ? 2 : 1;
    return [s.slice(0, i), s.slice(i)];
  };
  const lines: string[] = [];
  let rest = text;
  let avail = Math.max(1, width);
  while (cells(rest) > avail) {
    const [head, tail] = take(rest, avail);
    const space = head.lastIndexOf(' ');
    if (space > 0 && tail.length > 0 && !tail.startsWith(' ')) {
      lines.push(head.slice(0, space).trimEnd());
      rest = head.slice(space + 1) + tail;
    } else {
      lines.push(head.trimEnd());
      rest = tail;
    }
    rest = rest.trimStart();
    avail = Math.max(1, width - indent);
  }
  if (rest.length > 0 || lines.length === 0) lines.push(rest);
  return lines;
}

describe('wrapCells, one pass', () => {
  it('wraps exactly as the reference does (words, wide Hangul and emoji, zero-width marks, narrow columns)', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      ' ',
      '  ',
      '한',
      '😀',
      '\u0301',
      'x y',
      '\u3000',
      '\u00a0',
      'abcdefghij',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 25 }),
        (text, width, indent) => {
          expect(wrapCells(text, width, indent)).toEqual(referenceWrap(text, width, indent));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('100,000 characters with no space (a pasted path) wrap into full rows', () => {
    const rows = wrapCells('A'.repeat(100_000), 80, 10);
    expect(rows.length).toBe(1 + Math.ceil((100_000 - 80) / 70));
    expect(rows[0]).toBe('A'.repeat(80));
    expect(rows.slice(1, -1).every((r) => r === 'A'.repeat(70))).toBe(true);
  });

  it('100,000 characters of words and spaces: every row fits, and no character is lost', () => {
    const text = 'ab '.repeat(33_333) + 'c';
    const rows = wrapCells(text, 40, 4);
    expect(rows.every((r, i) => cells(r) <= (i === 0 ? 40 : 36))).toBe(true);
    expect(rows.join(' ').replace(/ +/g, ' ')).toBe(text.replace(/ +/g, ' '));
  });
});

describe('printed lines are capped', () => {
  it('a summary longer than 2 KiB is cut with "…", never inside a surrogate pair', () => {
    expect(capped('x'.repeat(MAX_LINE_TEXT))).toBe('x'.repeat(MAX_LINE_TEXT));
    expect(capped('x'.repeat(100_000))).toBe(`${'x'.repeat(MAX_LINE_TEXT)}…`);
    const emoji = `${'x'.repeat(MAX_LINE_TEXT - 1)}😀😀`;
    expect(capped(emoji)).toBe(`${'x'.repeat(MAX_LINE_TEXT - 1)}…`);
  });

  it('a 100 kB connect path prints as at most ~2 KiB of rows', () => {
    const line = echoLine(`connect /${'A'.repeat(100_000)}`, 80);
    expect(line.plain.length).toBeLessThan(MAX_LINE_TEXT + 20);
    expect(line.rows.length).toBeLessThan(40);
  });

  it('no escape sequence from the text reaches the terminal; bidi and invisible characters are shown', () => {
    const line = lineOf([], 'a\u001b[2Jb\u202etxt.exe\u200b\u009b', 'plain', 80);
    expect(line.plain).toBe('a␛[2Jb<U+202E>txt.exe<U+200B><U+009B>');
    expect(line.rows.join('')).not.toContain('\u001b[2J');
    expect(printable('a\tb\nc\rd')).toBe('a b c d');
  });

  it('a word of 64 Ki characters is not measured against every command name', () => {
    expect(closestCommand('x'.repeat(65_536))).toBeUndefined();
    expect(closestCommand('sned')?.name).toBe('send');
  });
});

describe('the line editor holds at most MAX_LINE_CHARS', () => {
  it('a paste past the cap keeps the first 65,536 characters and says so once', () => {
    const ed = new LineEditor(() => []);
    const results = ed.feed('y'.repeat(MAX_LINE_CHARS + 5000));
    expect(ed.text.length).toBe(MAX_LINE_CHARS);
    expect(results).toEqual([{ kind: 'line-full', max: MAX_LINE_CHARS }]);
    expect(ed.feed('z')).toEqual([{ kind: 'line-full', max: MAX_LINE_CHARS }]);
    expect(ed.feed('\r')).toEqual([{ kind: 'submit', line: 'y'.repeat(MAX_LINE_CHARS) }]);
    expect(ed.feed('ok')).toEqual([]);
  });
});

describe('console history from storage (L1)', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('control characters the editor never lets in (C0, C1, DEL: terminal escapes) are shown, not run', () => {
    store.set(
      HISTORY_STORAGE_KEY,
      JSON.stringify([
        'connect',
        '\u001b[2J\u001b[H\u001b]8;;https://evil.example/\u0007Session expired\u001b]8;;\u0007',
        'send a\u009bb\u007fc',
        'send \u202eevil', // not a control character: kept as typed, drawn as <U+202E> (terminal.ts)
        42,
        '   ',
        'x'.repeat(5000),
      ]),
    );
    expect(loadHistory()).toEqual([
      'connect',
      '␛[2J␛[H␛]8;;https://evil.example/␇Session expired␛]8;;␇',
      'send a<U+009B>b␡c',
      'send \u202eevil',
    ]);
    const controls = (line: string) => [...line].filter((c) => c < ' ' || (c >= '\u007f' && c <= '\u009f'));
    for (const line of loadHistory()) expect(controls(line)).toEqual([]);
  });

  it('anything but an array of strings is no history, never an error', () => {
    store.set(HISTORY_STORAGE_KEY, '{"0":"connect"}');
    expect(loadHistory()).toEqual([]);
    store.set(HISTORY_STORAGE_KEY, 'not json');
    expect(loadHistory()).toEqual([]);
  });
});
