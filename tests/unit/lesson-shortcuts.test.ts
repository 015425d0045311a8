/**
 * Exercises that could be passed without doing the work (lessons review §3, issue 14): each shortcut,
 * in both languages, is turned down with a reason that says why — on the first Check already — while
 * the lesson's solution and other honest answers still pass. And one tolerance: a pasted Accept with a
 * trailing space or newline is the right answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise, reasonShown, type CheckFailure } from '../../src/lessons/check.ts';
import { LANGS, solutionOf, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
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
/** The shortcut is turned down; what the learner reads on the first Check and once a hint is open. */
function refused(ex: Exercise, answer: string, lang: Lang): { first: string; full: string } {
  const r = checkExercise(ex, answer);
  if (r.ok) throw new Error(`${ex.id}: the shortcut ${JSON.stringify(answer)} was accepted`);
  const f: CheckFailure = r;
  return { first: renderText(lang, reasonShown(f, 1, 0)), full: renderText(lang, reasonShown(f, 2, 1)) };
}
const accepts = (ex: Exercise, answer: string | readonly number[]): void =>
  expect(checkExercise(ex, answer)).toEqual({ ok: true });

const HTTP_HEAD = [
  'GET /chat HTTP/1.1',
  'Host: server.example.com',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
];

for (const lang of LANGS) {
  const t = (en: RegExp, ko: RegExp): RegExp => (lang === 'en' ? en : ko);

  describe(`${lang}: lesson 7, mask-hi — "mask it with the key 37 fa 21 3d"`, () => {
    const ex = exercise(lang, 'mask-hi');
    it('§5.3 an all-zero masking key XORs nothing: 81 82 00 00 00 00 48 69 → refused, "nothing has been masked"', () => {
      const { first, full } = refused(ex, '81 82 00 00 00 00 48 69', lang);
      expect(first).toContain('00 00 00 00');
      expect(first).toMatch(t(/nothing has been masked/, /아무것도 마스킹되지 않았습니다/));
      expect(full).toContain('37 fa 21 3d');
    });
    it('another key, correctly XORed, is not the exercise: 81 82 01 02 03 04 49 6b → refused, names the key', () => {
      const { first, full } = refused(ex, '81 82 01 02 03 04 49 6b', lang);
      expect(first).toMatch(t(/masking key/, /마스킹 키/));
      expect(full).toContain('01 02 03 04');
    });
    it('the solution 81 82 37 fa 21 3d 7f 93 still passes', () => {
      expect(solutionOf(ex)).toBe('81 82 37 fa 21 3d 7f 93');
      accepts(ex, '81 82 37 fa 21 3d 7f 93');
      accepts(ex, '0x81 0x82 37FA213D 7F93');
    });
  });

  describe(`${lang}: lesson 5, make-ping — "a ping with the same payload"`, () => {
    const ex = exercise(lang, 'make-ping');
    it('§5.5.2 an empty ping 89 80 00 00 00 00 → refused, "carries no payload"', () => {
      const { first } = refused(ex, '89 80 00 00 00 00', lang);
      expect(first).toMatch(t(/no payload/, /페이로드가 없습니다/));
      expect(first).toContain('48 65 6c 6c 6f');
    });
    it('a 5-byte ping with another payload → refused, names the payload', () => {
      const { first, full } = refused(ex, '89 85 37 fa 21 3d 00 00 00 00 00', lang);
      expect(first).toMatch(t(/payload/, /페이로드/));
      // 00 XOR the key is the key: the receiver unmasks five zero bytes into 37 fa 21 3d 37.
      expect(full).toContain('37 fa 21 3d 37');
    });
    it('the solution passes, and so does "Hello" masked under another key', () => {
      accepts(ex, solutionOf(ex));
      accepts(ex, '89 85 01 02 03 04 49 67 6f 68 6e');
    });
  });

  describe(`${lang}: lesson 9, unfragment-ping — "the same ping (hb) as one legal frame"`, () => {
    const ex = exercise(lang, 'unfragment-ping');
    it('89 02 00 00 (one frame, length 2, payload dropped) → refused, names 68 62', () => {
      const { first, full } = refused(ex, '89 02 00 00', lang);
      expect(first).toMatch(t(/payload/, /페이로드/));
      expect(full).toContain('68 62');
    });
    it('the solution 89 02 68 62 passes', () => accepts(ex, '89 02 68 62'));
  });

  describe(`${lang}: lesson 10, close-bye — "code 1000 and the reason bye"`, () => {
    const ex = exercise(lang, 'close-bye');
    it('88 05 03 e8 00 00 00 (right code, reason zeroed) → refused, names the payload 03 e8 62 79 65', () => {
      const { first, full } = refused(ex, '88 05 03 e8 00 00 00', lang);
      expect(first).toMatch(t(/payload/, /페이로드/));
      expect(full).toContain('03 e8 62 79 65');
    });
    it('88 02 03 e8 (code without a reason) → refused', () => {
      expect(checkExercise(ex, '88 02 03 e8').ok).toBe(false);
    });
    it('the solution 88 05 03 e8 62 79 65 passes', () => accepts(ex, '88 05 03 e8 62 79 65'));
  });

  describe(`${lang}: lesson 8, split-hello — "Hello as exactly three frames"`, () => {
    const ex = exercise(lang, 'split-hello');
    it('§5.4 two fragments and a ping (01 02 48 65 89 00 80 03 6c 6c 6f) → refused: a ping is not a fragment', () => {
      const { first, full } = refused(ex, '01 02 48 65 89 00 80 03 6c 6c 6f', lang);
      expect(first).toContain('§5.4');
      expect(first).toMatch(
        t(/control frames are not pieces of the message/, /제어 프레임은 메시지의 조각이 아니며/),
      );
      expect(full).toMatch(t(/Expected 3 data frame/, /3개여야 하는데 2개/));
    });
    it('three fragments with a ping between them are four frames, not three → refused', () => {
      expect(checkExercise(ex, '01 02 48 65 00 02 6c 6c 89 00 80 01 6f').ok).toBe(false);
    });
    it('the solution passes, and so does another split (H, el, lo)', () => {
      accepts(ex, solutionOf(ex));
      accepts(ex, '01 01 48 00 02 65 6c 80 02 6c 6f');
    });
  });

  describe(`${lang}: lesson 4, make-426 — "speak version 8 so the server answers 426"`, () => {
    const ex = exercise(lang, 'make-426');
    it('§4.2.1 deleting Sec-WebSocket-Version (the engine answers 426 too) → refused: change it, do not delete it', () => {
      const { first } = refused(ex, HTTP_HEAD.join('\n'), lang);
      expect(first).toContain('Sec-WebSocket-Version');
      expect(first).toContain('§4.2.1');
      expect(first).toMatch(t(/instead of deleting it/, /지우지 말고/));
    });
    it('an empty Sec-WebSocket-Version: is a deletion too → refused', () => {
      expect(refused(ex, [...HTTP_HEAD, 'Sec-WebSocket-Version:'].join('\n'), lang).first).toContain(
        'Sec-WebSocket-Version',
      );
    });
    it('the solution (version 8) passes, and so does draft 12 (version 12)', () => {
      accepts(ex, solutionOf(ex));
      accepts(ex, [...HTTP_HEAD, 'Sec-WebSocket-Version: 12'].join('\n'));
    });
  });

  describe(`${lang}: lesson 4, compute-accept — a pasted answer is tolerated, not a shortcut`, () => {
    const ex = exercise(lang, 'compute-accept');
    it.each([
      'H+FfaFHme4320PWzv8bcMYjfLeQ= ',
      'H+FfaFHme4320PWzv8bcMYjfLeQ=\n',
      'H+FfaFHme4320PWzv8bcMYjfLeQ=\r\n',
    ])('%j (a trailing space or newline) → accepted', (answer) => accepts(ex, answer));
    it('base64 stays case-sensitive, and a truncated value is wrong', () => {
      expect(checkExercise(ex, 'h+ffafhme4320pwzv8bcmyjfleq=').ok).toBe(false);
      expect(checkExercise(ex, 'H+FfaFHme4320PWzv8bcMYjfLeQ').ok).toBe(false);
    });
  });
}

/** Lesson 12's two frame exercises that repeated lessons 5 and 6 exactly, replaced with its own rules. */
describe('lesson 12, when-things-go-wrong: its exercises are its own (none repeats lesson 5 or 6)', () => {
  const startsOf = (lang: Lang, ids: readonly string[]): string[] =>
    ids.map((id) => {
      const ex = exercise(lang, id);
      return 'start' in ex ? ex.start : '';
    });
  for (const lang of LANGS) {
    it(`${lang}: no lesson-12 frame exercise starts from the bytes of a lesson 5–10 exercise`, () => {
      const earlier = startsOf(lang, ['make-binary', 'make-ping', 'clear-rsv', 'fix-non-minimal', 'fix-126']);
      const own = startsOf(lang, ['fix-server-mask', 'fix-close-reason', 'fix-utf8', 'fix-close-code']);
      for (const s of own) expect(earlier).not.toContain(s);
    });
    it(`${lang}: §5.1 fix-server-mask — the masked server frame is failed with 1002; clearing MASK alone is not enough`, () => {
      const ex = exercise(lang, 'fix-server-mask');
      expect(refused(ex, '81 82 37 fa 21 3d 5f 93', lang).full).toContain('§5.1');
      expect(checkExercise(ex, '81 02 37 fa 21 3d 5f 93').ok).toBe(false);
      expect(checkExercise(ex, '81 02 5f 93').ok).toBe(false); // MASK and key gone, payload still masked
      accepts(ex, '81 02 68 69');
    });
    it(`${lang}: §5.5.1 fix-close-reason — a reason cut inside "é" earns 1007; dropping the c3 is not "café"`, () => {
      const ex = exercise(lang, 'fix-close-reason');
      expect(refused(ex, '88 06 03 e8 63 61 66 c3', lang).full).toContain('1007');
      const { first } = refused(ex, '88 05 03 e8 63 61 66', lang);
      expect(first).toMatch(lang === 'en' ? /payload/ : /페이로드/);
      accepts(ex, '88 07 03 e8 63 61 66 c3 a9');
    });
  }
});
