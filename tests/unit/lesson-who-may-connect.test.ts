/**
 * Lesson 14 (who may connect), read as a learner answers it: the handshake exercises are judged by the
 * engine's server with the bank's Origin allow-list (RFC 6455 §10.2 → 403 origin-not-allowed), so the
 * attacker's request is refused by the rule and not by a string compare; the choices are the
 * playground's own outcomes (tests/unit/origins.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise, type CheckFailure } from '../../src/lessons/check.ts';
import { LANGS, solutionOf, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { renderText } from '../../src/i18n/text.ts';

const FILE = '14-who-may-connect.md';
function exercises(lang: Lang): Exercise[] {
  const src = readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
  const r = parseLesson(src, lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson.blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exercise] : []));
}
const exercise = (lang: Lang, id: string): Exercise => exercises(lang).find((e) => e.id === id)!;
function failure(ex: Exercise, answer: string | number[]): CheckFailure {
  const r = checkExercise(ex, answer);
  if (r.ok) throw new Error(`${ex.id}: ${JSON.stringify(answer)} was accepted`);
  return r;
}
const request = (...extra: string[]): string =>
  [
    'GET /account HTTP/1.1',
    'Host: bank.example',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
  ].join('\n');

describe('lesson 14: every solution is accepted, in both languages', () => {
  for (const lang of LANGS)
    for (const ex of exercises(lang))
      it(`${lang}: ${ex.id}`, () => expect(checkExercise(ex, solutionOf(ex))).toEqual({ ok: true }));
});

describe('§10.2 attacker-request: the server refuses the attacker’s Origin with 403', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'attacker-request');
    it(`${lang}: the bank's own request (the start) gets 101 → not yet, and says so`, () => {
      const r = failure(ex, ex.kind === 'http' ? ex.start : '');
      expect(renderText('en', r.reason)).toMatch(/403/);
    });
    it(`${lang}: any other site's origin is refused by the rule origin-not-allowed`, () => {
      for (const o of ['https://evil.example', 'https://forum.bank.example', 'http://bank.example'])
        expect(checkExercise(ex, request(`Origin: ${o}`, 'Cookie: session=alice-7f3a9c'))).toEqual({
          ok: true,
        });
    });
    it(`${lang}: a broken request gets another status (400), which is not the Origin verdict → not yet`, () => {
      failure(ex, request('Origin: https://evil.example').replace('Upgrade: websocket\n', ''));
    });
  }
});

describe('RFC 6454 §6.2 exact-origin: the allow-list compares the serialized origin', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'exact-origin');
    it.each([
      ['a path', 'https://bank.example/account'],
      ['a trailing slash', 'https://bank.example/'],
      ['no scheme', 'bank.example'],
      ['http instead of https', 'http://bank.example'],
    ])(`${lang}: an Origin with %s → 403, not yet`, (_, origin) => {
      const r = failure(ex, request(`Origin: ${origin}`));
      expect(renderText('en', r.reason)).toMatch(/403/);
    });
    it(`${lang}: no Origin at all → 403 too (an allow-list refuses a request from no page)`, () => {
      failure(ex, request('Cookie: session=alice-7f3a9c'));
    });
  }
});

describe('stop-hijack and token-in-protocol: CORS, TLS and the key stop nothing; the nudges say why', () => {
  for (const lang of LANGS) {
    it(`${lang}: adding CORS to the two defences gets the CORS nudge`, () => {
      const r = failure(exercise(lang, 'stop-hijack'), [0, 1, 2]);
      expect(r.nudge).toMatch(/CORS/);
    });
    it(`${lang}: "browsers encrypt the header" is refused`, () => {
      expect(failure(exercise(lang, 'token-in-protocol'), [0, 1, 2, 3]).nudge).toBeTruthy();
    });
  }
});
