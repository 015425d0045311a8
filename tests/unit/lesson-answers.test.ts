/**
 * Short answers, read as the course writes them: the exercises of the real lesson files, in both
 * languages, given what a learner types. A right answer written the course's way is never "not yet";
 * a known wrong answer gets the lesson's own nudge; a frame's first "not yet" names the field, not the
 * value; and no reason repeats the status word in front of it ("아직 아닙니다. 아직 아닙니다.").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise, readNumber, reasonShown, type CheckFailure } from '../../src/lessons/check.ts';
import { LANGS, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { lessonsEn } from '../../src/i18n/lessons.en.ts';
import { lessonsKo } from '../../src/i18n/lessons.ko.ts';
import { renderText } from '../../src/i18n/text.ts';

const root = new URL('../../lessons/', import.meta.url);
function exercise(lang: Lang, id: string): Exercise {
  for (const file of readdirSync(new URL(`${lang}/`, root))) {
    const r = parseLesson(readFileSync(new URL(`${lang}/${file}`, root), 'utf8'), lang, file);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    for (const b of r.lesson.blocks) if (b.kind === 'exercise' && b.exercise.id === id) return b.exercise;
  }
  throw new Error(`no exercise ${id} in ${lang}`);
}
function failure(ex: Exercise, answer: string | number[]): CheckFailure {
  const r = checkExercise(ex, answer);
  if (r.ok) throw new Error(`${ex.id}: ${JSON.stringify(answer)} was accepted`);
  return r;
}

describe('lesson 7, xor-sixth-byte: "Which byte goes on the wire for the “!”?" (21 XOR fa = db)', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'xor-sixth-byte');
    it.each(['db', 'DB', '0xdb', '0xDB', ' 0xDB ', 'd b', '0x DB', '`db`', '"0xdb"'])(
      `${lang}: %j is the sixth byte → accepted`,
      (answer) => expect(checkExercise(ex, answer)).toEqual({ ok: true }),
    );
    it(`${lang}: 16 is 21 XOR 37, key byte 0 for every byte → the nudge points at i mod 4`, () => {
      for (const answer of ['16', '0x16', '0X16 ']) expect(failure(ex, answer).nudge).toMatch(/mod 4/);
    });
    it(`${lang}: 21 is the byte before masking, 219 is db in decimal → each its own nudge`, () => {
      expect(failure(ex, '0x21').nudge).toBeTruthy();
      expect(failure(ex, '219').nudge).toMatch(/219/);
      expect(failure(ex, '0x21').nudge).not.toBe(failure(ex, '219').nudge);
    });
    it(`${lang}: "dz" is not hex → the reason names the character`, () => {
      expect(renderText(lang, failure(ex, 'dz').reason)).toContain('“z”');
    });
    it(`${lang}: two bytes "db db" are not one byte → not yet, without a nudge`, () => {
      expect(failure(ex, 'db db').nudge).toBeUndefined();
    });
  }
});

describe('lesson 4, compute-accept: the Sec-WebSocket-Accept for d3MxMDEtaGFuZHNoYWtlIQ==', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'compute-accept');
    it.each([
      'H+FfaFHme4320PWzv8bcMYjfLeQ=',
      'H+FfaFHme4320PWzv8bcMYjfLeQ=\n',
      '  H+FfaFHme4320PWzv8bcMYjfLeQ= ',
      'Sec-WebSocket-Accept: H+FfaFHme4320PWzv8bcMYjfLeQ=',
      'sec-websocket-accept:H+FfaFHme4320PWzv8bcMYjfLeQ=',
      '“H+FfaFHme4320PWzv8bcMYjfLeQ=”',
    ])(`${lang}: %j → accepted (spaces, a pasted newline, quotes, the header name)`, (answer) =>
      expect(checkExercise(ex, answer)).toEqual({ ok: true }),
    );
    it(`${lang}: base64 keeps its case: h+ffafhme4320pwzv8bcmyjfleq= → not yet`, () => {
      expect(checkExercise(ex, 'h+ffafhme4320pwzv8bcmyjfleq=').ok).toBe(false);
    });
    it(`${lang}: the key pasted back as the Accept → "that is the key the client sent"`, () => {
      const nudge = failure(ex, 'd3MxMDEtaGFuZHNoYWtlIQ==').nudge ?? '';
      expect(nudge).toMatch(lang === 'en' ? /key the client sent/ : /클라이언트가 보낸 키/);
      expect(failure(ex, 'Sec-WebSocket-Key: d3MxMDEtaGFuZHNoYWtlIQ==').nudge).toBeUndefined();
    });
    it(`${lang}: the SHA-1 digest in hex, spaced as the lesson writes it → "base64 of the bytes"`, () => {
      const spaced = '1f e1 5f 68 51 e6 7b 8d f6 d0 f5 b3 bf c6 dc 31 88 df 2d e4';
      expect(failure(ex, spaced).nudge).toMatch(/base64/);
    });
  }
});

describe('numbers with the unit the question counts in', () => {
  it.each([
    ['polling-requests', '30 requests', 'en'],
    ['polling-requests', '30 req', 'en'],
    ['polling-requests', '30번', 'ko'],
    ['polling-requests', '30 회', 'ko'],
    ['polling-worst-delay', '2050 ms', 'en'],
    ['polling-worst-delay', '2,050ms', 'en'],
    ['polling-worst-delay', '2,050 ms.', 'en'],
    ['polling-worst-delay', '2050 Milliseconds', 'en'],
    ['polling-worst-delay', '2050밀리초', 'ko'],
    ['polling-worst-delay', '2050 ms', 'ko'],
    ['header-size-300', '8 bytes', 'en'],
    ['header-size-300', '8 B', 'en'],
    ['header-size-300', '8바이트', 'ko'],
    ['close-length', '8 바이트', 'ko'],
    ['first-frame', '125ms', 'en'],
    ['first-frame', '125 밀리초', 'ko'],
    ['hol-delay', '330 ms', 'en'],
  ] as const)('%s: %j (%s) → accepted', (id, answer, lang) => {
    expect(checkExercise(exercise(lang, id), answer)).toEqual({ ok: true });
  });

  it('2.05 s for 2,050 ms: the unit is named back, with the ones the question takes', () => {
    const r = failure(exercise('en', 'polling-worst-delay'), '2.05 s');
    expect(renderText('en', r.reason)).toBe(
      '“s” is not a unit this question counts in: write the number alone, or followed by one of: ms, msec, millisecond, milliseconds.',
    );
  });

  it('2100 ms (counted from when the previous poll left) → the nudge, not a bare "2100 is not it"', () => {
    for (const lang of LANGS)
      expect(failure(exercise(lang, 'polling-worst-delay'), '2,100 ms').nudge).toBeTruthy();
  });

  it('8 bytes of a close payload: 6 forgets the code, 4 counts characters, 10 is the whole frame', () => {
    const ex = exercise('en', 'close-length');
    const nudges = ['6', '4 bytes', '10'].map((a) => failure(ex, a).nudge);
    expect(new Set(nudges).size).toBe(3);
    expect(nudges[1]).toMatch(/3 bytes in UTF-8/);
  });

  it('readNumber: thousands separators, a closing full stop, units with or without a space', () => {
    expect(readNumber(' 2,050 ms. ', ['ms'])).toEqual({ kind: 'number', value: 2050, text: '2050' });
    expect(readNumber('8', [])).toEqual({ kind: 'number', value: 8, text: '8' });
    expect(readNumber('8 bytes', [])).toEqual({ kind: 'unit', unit: 'bytes' });
    expect(readNumber('eight', ['bytes'])).toEqual({ kind: 'not-number' });
    expect(readNumber('8 + 2', ['bytes'])).toEqual({ kind: 'not-number' });
    expect(readNumber('12.5', [])).toEqual({ kind: 'number', value: 12.5, text: '12.5' });
  });
});

describe('choices with a known misconception', () => {
  it('lesson 7: "someone on the network reading the messages" → masking is not encryption', () => {
    expect(failure(exercise('en', 'what-masking-stops'), [0]).nudge).toMatch(/not encryption/);
    expect(failure(exercise('ko', 'what-masking-stops'), [0]).nudge).toMatch(/암호화가 아닙니다/);
    expect(failure(exercise('en', 'what-masking-stops'), [2]).nudge).toBeUndefined();
  });
});

describe('a frame exercise: the first "not yet" names the field, the value comes later', () => {
  // Lesson 5, make-binary: "Change the frame so it carries the same 5 bytes as a binary message."
  for (const lang of LANGS) {
    const ex = exercise(lang, 'make-binary');
    const start = 'start' in ex ? ex.start : '';
    const r = failure(ex, start);
    it(`${lang}: first Check → which field (opcode), not 0x2`, () => {
      const shown = renderText(lang, reasonShown(r, 1, 0));
      expect(shown).toContain('opcode');
      expect(shown).not.toContain('0x2');
    });
    it(`${lang}: second Check, or a hint open → "should be 0x2; it is 0x1"`, () => {
      expect(renderText(lang, reasonShown(r, 2, 0))).toContain('0x2');
      expect(renderText(lang, reasonShown(r, 1, 1))).toContain('0x2');
    });
  }
  it('a verdict of the receiver (the outcome) is said on the first try too: lesson 5, clear-rsv', () => {
    const ex = exercise('en', 'clear-rsv');
    const r = failure(ex, 'start' in ex ? ex.start : '');
    expect(renderText('en', reasonShown(r, 1, 0))).toContain('§5.2');
  });
});

describe('one status word: no reason repeats "Not yet." / "아직 아닙니다."', () => {
  const catalogs = { en: lessonsEn, ko: lessonsKo } as const;
  for (const lang of LANGS) {
    const c: Readonly<Record<string, string>> = catalogs[lang];
    const status = c['ls.ex.wrong']!.replace(/[.。]$/, '');
    it(`${lang}: no ls.check.* text says “${status}” or “not quite” again`, () => {
      for (const [key, text] of Object.entries(c)) {
        if (!key.startsWith('ls.check.')) continue;
        expect(text, key).not.toContain(status);
        expect(text.toLowerCase(), key).not.toContain('not quite');
        expect(text, key).not.toMatch(/^아직/);
      }
    });
  }
});
