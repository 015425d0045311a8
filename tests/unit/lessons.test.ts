/**
 * The course as content: every lesson parses, exists in both languages with the same exercises, and
 * every exercise accepts its solution and rejects its starting state — checked by the real engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/lessons/check.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { LANGS, solutionOf, type Lang, type Lesson } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { runKeepalive } from '../../src/sim/keepalive.ts';

const root = new URL('../../lessons/', import.meta.url);
const files = (lang: Lang): string[] =>
  readdirSync(new URL(`${lang}/`, root))
    .filter((f) => f.endsWith('.md'))
    .sort();
const load = (lang: Lang, file: string): Lesson => {
  const r = parseLesson(readFileSync(new URL(`${lang}/${file}`, root), 'utf8'), lang, file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson;
};

describe('lesson files', () => {
  it('every lesson exists in English and Korean, under the same file name', () => {
    expect(files('en').length).toBeGreaterThanOrEqual(13);
    expect(files('ko')).toEqual(files('en'));
  });

  it('the lessons are numbered 1, 2, 3 … in file names and in their order, with no gap', () => {
    // The page shows `order` as the lesson number ("Lesson 11 of 13"); progress is keyed by slug.
    for (const [i, file] of files('en').entries()) {
      expect(file.slice(0, 2)).toBe(String(i + 1).padStart(2, '0'));
      expect(load('en', file).meta.order).toBe(i + 1);
    }
  });

  // The codec of permessage-deflate exercises (the page imports it on demand; see check.ts CheckEnv).
  // …and the simulator run of keepalive exercises (lesson 15, sim/keepalive.ts), likewise on demand.
  const env = { codec: pakoCodec, keepalive: runKeepalive };
  for (const file of files('en')) {
    describe(file, () => {
      const [en, ko] = LANGS.map((l) => load(l, file)) as [Lesson, Lesson];
      it('has the same id, order, widgets and exercises (ids, kinds, expectations, solutions) in both languages', () => {
        expect(ko.meta.id).toBe(en.meta.id);
        expect(ko.meta.order).toBe(en.meta.order);
        const shape = (l: Lesson) =>
          l.blocks.flatMap((b) =>
            b.kind === 'widget'
              ? [
                  [
                    'widget',
                    b.widget.name,
                    JSON.stringify(b.widget.settings.hex ?? b.widget.settings.dir ?? ''),
                    JSON.stringify(b.widget.settings.deflate ?? ''),
                  ],
                ]
              : b.kind === 'exercise'
                ? [
                    [
                      'exercise',
                      b.exercise.id,
                      b.exercise.kind,
                      JSON.stringify(solutionOf(b.exercise)),
                      JSON.stringify('expect' in b.exercise ? b.exercise.expect : null),
                      b.exercise.kind === 'frame' ? b.exercise.deflate : '',
                      b.exercise.kind === 'http' ? JSON.stringify(b.exercise.server) : '',
                      // How an answer is read, and which wrong answers get a nudge: the same in both
                      // languages (the unit words and the nudges themselves are each language's own).
                      b.exercise.kind === 'text' ? `${b.exercise.match} ${b.exercise.field ?? ''}` : '',
                      b.exercise.kind === 'number' ? b.exercise.units.length > 0 : '',
                      'mistakes' in b.exercise
                        ? JSON.stringify(b.exercise.mistakes.map((m) => m.answer))
                        : '',
                    ],
                  ]
                : [],
          );
        expect(shape(ko)).toEqual(shape(en));
      });
      for (const lang of LANGS) {
        const lesson = lang === 'en' ? en : ko;
        for (const b of lesson.blocks) {
          if (b.kind !== 'exercise') continue;
          const ex = b.exercise;
          it(`${lang}: exercise “${ex.id}” (${ex.kind}) accepts its solution${'start' in ex ? ' and rejects its start' : ''}`, () => {
            const r = checkExercise(ex, solutionOf(ex), env);
            expect(r, JSON.stringify(r)).toEqual({ ok: true });
            if (ex.kind === 'frame' || ex.kind === 'http')
              expect(checkExercise(ex, ex.start, env).ok).toBe(false);
            // A keepalive exercise accepts every interval the simulator keeps alive (answer + 1 among them);
            // its refusals are tested in lesson-staying-connected.test.ts.
            if (ex.kind === 'number' && !ex.keepalive)
              expect(checkExercise(ex, String(ex.answer + 1), env).ok).toBe(false);
            if (ex.kind === 'choice') expect(checkExercise(ex, [], env).ok).toBe(false);
            if (ex.kind === 'text') expect(checkExercise(ex, `${ex.answer}x`, env).ok).toBe(false);
          });
          if ('mistakes' in ex && ex.mistakes.length > 0) {
            it(`${lang}: exercise “${ex.id}” turns down each known mistake with the lesson's nudge for it`, () => {
              for (const m of ex.mistakes) {
                const r = checkExercise(ex, typeof m.answer === 'number' ? String(m.answer) : m.answer, env);
                expect(r.ok).toBe(false);
                expect(!r.ok && r.nudge).toBe(m.hint);
              }
            });
          }
        }
      }
    });
  }
});
