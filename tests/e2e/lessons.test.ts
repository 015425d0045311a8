/**
 * The lessons, end to end: the built site in Chromium. Every lesson in both languages renders without
 * a page error, console error or warning; every exercise, typed and clicked as a learner would, turns
 * down a wrong answer and accepts its solution; progress survives a reload and a language switch; axe
 * finds nothing serious; and bad stored state or a bad link is a message, not a blank page.
 * Needs a build: `npx vite build --outDir /tmp/dist-ls` and WS101_DIST=/tmp/dist-ls (or dist/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { solutionOf, type Exercise, type Lang, type Lesson } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { PROGRESS_STORAGE_KEY } from '../../src/lessons/progress.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const root = new URL('../../lessons/', import.meta.url);
function course(lang: Lang): Lesson[] {
  return readdirSync(new URL(`${lang}/`, root))
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const r = parseLesson(readFileSync(new URL(`${lang}/${file}`, root), 'utf8'), lang, file);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      return r.lesson;
    })
    .sort((a, b) => a.meta.order - b.meta.order);
}
const LESSONS: Record<Lang, Lesson[]> = { en: course('en'), ko: course('ko') };
const exercisesOf = (l: Lesson): Exercise[] =>
  l.blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exercise] : []));
const TOTAL = LESSONS.en.reduce((n, l) => n + exercisesOf(l).length, 0);

const CONTEXT: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };

let h: Harness;
/** One page walks the whole course: English, then (after the switch) Korean. */
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.open('#/lessons', CONTEXT, 'lessons');
});
afterAll(async () => h?.close());
afterEach(() => {
  // Every test must leave no page errors, console errors or warnings, and no HTTP ≥ 400 behind.
  const problems = h.problems.splice(0);
  expect(problems).toEqual([]);
});

async function go(p: Page, hash: string): Promise<void> {
  await p.evaluate((to) => {
    location.hash = to;
  }, hash);
}

/** Scroll through the page so every lazily loaded widget near the reader is fetched and started. */
async function loadAllWidgets(p: Page): Promise<void> {
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 1200) await p.evaluate((to) => window.scrollTo(0, to), y);
  await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => p.getByTestId('widget-loading').count()).toBe(0);
  await p.evaluate(() => window.scrollTo(0, 0));
}

type AnswerKind = 'wrong' | 'solution';

/** Enter an answer the way a learner does: click the options, type into the input or editor. */
async function enter(card: Locator, ex: Exercise, which: AnswerKind): Promise<void> {
  switch (ex.kind) {
    case 'choice': {
      const want =
        which === 'solution' ? ex.answer : [ex.options.findIndex((_, i) => !ex.answer.includes(i))];
      const options = card.getByTestId('option');
      for (let i = 0; i < ex.options.length; i++) {
        const box = options.nth(i);
        if ((await box.isChecked()) !== want.includes(i)) await box.click();
      }
      return;
    }
    case 'text':
    case 'number': {
      // A keepalive exercise (lesson 15) is judged by a simulator run, which keeps answer + 1 alive too;
      // an interval as long as the idle timeout is one it refuses.
      const wrong =
        ex.kind === 'number' ? String(ex.keepalive ? ex.keepalive.idleMs : ex.answer + 1) : `${ex.answer}x`;
      await card.getByTestId('answer-input').fill(which === 'solution' ? String(solutionOf(ex)) : wrong);
      return;
    }
    case 'frame':
      // The same Monaco editor for every frame exercise (with `deflate`, it reads RSV1 as compressed).
      await typeFrame(card, which === 'solution' ? ex.solution : ex.start);
      return;
    case 'http':
      await card.getByTestId('http-input').fill(which === 'solution' ? ex.solution : ex.start);
      return;
  }
}

async function verdict(card: Locator): Promise<{ ok: string | null; text: string }> {
  const result = card.getByTestId('result');
  await expect.poll(() => result.getAttribute('data-ok')).not.toBeNull();
  return { ok: await result.getAttribute('data-ok'), text: (await result.textContent())?.trim() ?? '' };
}

const HANGUL = /[가-힣]/;

function walkCourse(lang: Lang): void {
  const lessons = LESSONS[lang];
  for (const [i, lesson] of lessons.entries()) {
    const { meta } = lesson;
    it(`${lang} ${meta.order}. ${meta.id}: renders, and each exercise rejects a wrong answer and accepts its solution`, async () => {
      await go(page, `#/lessons/${meta.id}`);
      const title = page.getByTestId('lesson-title');
      await expect.poll(() => title.textContent()).toBe(meta.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.title()).toContain(meta.title);
      await loadAllWidgets(page);

      const exercises = exercisesOf(lesson);
      expect(await page.getByTestId('exercise').count()).toBe(exercises.length);
      for (const ex of exercises) {
        const card = page.locator(`[data-testid="exercise"][data-id="${ex.id}"]`);
        await card.scrollIntoViewIfNeeded();

        await enter(card, ex, 'wrong');
        await card.getByTestId('check').click();
        const no = await verdict(card);
        expect(no.ok, `${ex.id} accepted a wrong answer`).toBe('false');
        expect(no.text.length).toBeGreaterThan(lang === 'en' ? 8 : 4);
        if (lang === 'ko') expect(no.text).toMatch(HANGUL);
        // One status word, said once: the reason after it never repeats it (walkthrough 2.3).
        expect(no.text.split(lang === 'en' ? 'Not yet' : '아직 아닙니다').length - 1, no.text).toBe(1);

        await enter(card, ex, 'solution');
        await card.getByTestId('check').click();
        const yes = await verdict(card);
        expect(yes.ok, `${ex.id}: ${yes.text}`).toBe('true');
        expect(yes.text).toContain(lang === 'en' ? 'Correct.' : '정답입니다.');
        expect(await card.getAttribute('data-done')).toBe('true');
      }

      // The way on: previous and next in course order, and back to the list.
      const prev = lessons[i - 1];
      const next = lessons[i + 1];
      if (prev) expect(await page.getByTestId('prev').getAttribute('href')).toBe(`#/lessons/${prev.meta.id}`);
      else expect(await page.getByTestId('prev').count()).toBe(0);
      if (next) expect(await page.getByTestId('next').getAttribute('href')).toBe(`#/lessons/${next.meta.id}`);
      else expect(await page.getByTestId('next').count()).toBe(0);

      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }
}

/** Hex digits only: the editor lays bytes out in lines of its own, the check reads them the same way. */
const compact = (hex: string): string =>
  hex
    .replace(/#.*$/gm, '')
    .replace(/[^0-9a-fA-F]/g, '')
    .toLowerCase();

/** The lesson's frame editor is Monaco: wait until it is ready, select all, and type the bytes in. */
async function typeFrame(card: Locator, text: string): Promise<void> {
  await card.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor();
  await card.locator('.monaco-editor .view-lines').click();
  await card.page().keyboard.press('ControlOrMeta+A');
  await card.page().keyboard.press('Delete');
  await card.page().keyboard.insertText(text);
}

/** What the frame editor holds, as hex digits (its rendered lines, in order). */
async function frameHex(card: Locator): Promise<string> {
  await card.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor();
  const text = await card.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('.monaco-editor .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  );
  return compact(text);
}

describe('the lesson list', () => {
  it('lists every lesson in order, with its summary and no progress yet', async () => {
    await go(page, '#/lessons');
    const items = page.getByTestId('lesson-item');
    await expect.poll(() => items.count()).toBe(LESSONS.en.length);
    for (const [i, l] of LESSONS.en.entries()) {
      const item = items.nth(i);
      expect(await item.getAttribute('data-id')).toBe(l.meta.id);
      const text = (await item.textContent()) ?? '';
      expect(text).toContain(l.meta.title);
      expect(text).toContain(l.meta.summary);
      expect(text).toContain(`0 of ${exercisesOf(l).length} exercise`);
    }
    expect(await page.getByTestId('overall-count').textContent()).toBe(`0 of ${TOTAL} exercises done`);
    expect(await page.title()).toBe('Lessons — ws101');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('keeps a typed answer that was not checked yet across a reload', async () => {
    const l = LESSONS.en.find((x) => exercisesOf(x).some((e) => e.kind === 'text'))!;
    const ex = exercisesOf(l).find((e) => e.kind === 'text')!;
    await go(page, `#/lessons/${l.meta.id}`);
    const input = page.locator(`[data-testid="exercise"][data-id="${ex.id}"]`).getByTestId('answer-input');
    await input.fill('draft answer');
    // Let lazy widget chunks finish loading: a reload mid-fetch aborts them ("request failed").
    await page.waitForLoadState('networkidle');
    await page.reload();
    await expect.poll(() => input.inputValue()).toBe('draft answer');
    await input.fill('');
  });
});

describe('English', () => walkCourse('en'));

describe('progress', () => {
  it('survives a reload: every exercise is still done, in the list and in the lessons', async () => {
    await page.reload();
    await go(page, '#/lessons');
    await page.getByTestId('lessons').waitFor();
    expect(await page.getByTestId('overall-count').textContent()).toBe(`${TOTAL} of ${TOTAL} exercises done`);
    for (const [i, l] of LESSONS.en.entries()) {
      expect(await page.getByTestId('lesson-item').nth(i).getAttribute('data-done')).toBe(
        String(exercisesOf(l).length),
      );
    }
    const stored = await page.evaluate(
      (k) => JSON.parse(localStorage.getItem(k) ?? 'null'),
      PROGRESS_STORAGE_KEY,
    );
    expect(stored.version).toBe(1);
    expect(Object.keys(stored.done)).toHaveLength(TOTAL);
  });

  it('the language switch re-renders the lesson in Korean: same slug, same progress, Korean title', async () => {
    const en = LESSONS.en[4]!;
    const ko = LESSONS.ko[4]!;
    await go(page, `#/lessons/${en.meta.id}`);
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(en.meta.title);
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(ko.meta.title);
    expect(page.url()).toContain(`#/lessons/${en.meta.id}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await expect.poll(() => page.title()).toContain(ko.meta.title);
    const cards = page.getByTestId('exercise');
    for (let i = 0; i < (await cards.count()); i++)
      expect(await cards.nth(i).getAttribute('data-done')).toBe('true');
    // What was entered stays: the exercises are the same ones, only their words changed.
    const frame = exercisesOf(ko).find((e) => e.kind === 'frame')!;
    const card = page.locator(`[data-testid="exercise"][data-id="${frame.id}"]`);
    await card.scrollIntoViewIfNeeded();
    expect(await frameHex(card)).toBe(compact(String(solutionOf(frame))));
    expect((await card.getByTestId('check').textContent())?.trim()).toBe('채점하기');
  });
});

describe('Korean', () => walkCourse('ko'));

describe('bad input is a lesson, not a crash', () => {
  it('an unknown lesson slug says so and links to the list', async () => {
    const p = await h.open('#/lessons/no-such-lesson', CONTEXT, 'lesson-missing');
    const text = (await p.getByTestId('lesson-missing').textContent()) ?? '';
    expect(text).toContain('no-such-lesson');
    await p.getByTestId('lesson-missing').getByRole('link').click();
    await p.getByTestId('lessons').waitFor();
    await p.context().close();
  });

  it.each([
    ['corrupt JSON', '{"version":1,"done":'],
    ['an old version', JSON.stringify({ version: 0, done: { 'masking/x': true }, answers: {} })],
    ['a wrong shape', JSON.stringify({ version: 1, done: ['masking/x'], answers: {} })],
  ])('%s in storage: progress is reset with a visible notice, and the page works', async (_, raw) => {
    const p = await h.open('#/lessons', CONTEXT, 'lessons');
    await p.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS_STORAGE_KEY, raw]);
    await p.reload();
    const notice = p.getByTestId('progress-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Your saved progress could not be read and was reset.');
    expect(await p.getByTestId('lesson-item').count()).toBe(LESSONS.en.length);
    const stored = await p.evaluate(
      (k) => JSON.parse(localStorage.getItem(k) ?? 'null'),
      PROGRESS_STORAGE_KEY,
    );
    expect(stored).toEqual({ version: 1, done: {}, answers: {} });
    // Dismissed, it stays gone; reloaded, there is nothing left to report.
    await notice.getByRole('button').click();
    expect(await notice.count()).toBe(0);
    await p.reload();
    await p.getByTestId('lessons').waitFor();
    expect(await p.getByTestId('progress-notice').count()).toBe(0);
    await p.context().close();
  });

  it('storage that throws: the lessons work in memory and say progress is not saved', async () => {
    const p = await h.open('#/lessons', { ...CONTEXT, locale: 'ko-KR' }, 'lessons');
    await p.context().addInitScript(() => {
      const deny = (): never => {
        throw new DOMException('denied', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
    });
    await p.reload();
    await p.getByTestId('progress-notice').waitFor();
    expect(await p.getByTestId('progress-notice').getAttribute('data-kind')).toBe('memory');
    expect(await p.getByTestId('progress-notice').textContent()).toMatch(HANGUL);
    const l = LESSONS.ko[0]!;
    const ex = exercisesOf(l)[0]!;
    await go(p, `#/lessons/${l.meta.id}`);
    const card = p.locator(`[data-testid="exercise"][data-id="${ex.id}"]`);
    await enter(card, ex, 'solution');
    await card.getByTestId('check').click();
    expect((await verdict(card)).ok).toBe('true');
    await p.context().close();
  });

  it('hints come one at a time; "Show solution" fills the answer in, and it counts once checked', async () => {
    const p = await h.open('#/lessons', CONTEXT, 'lessons');
    const l = LESSONS.en.find((x) => exercisesOf(x).some((e) => e.kind === 'frame'))!;
    const ex = exercisesOf(l).find((e) => e.kind === 'frame')!;
    await go(p, `#/lessons/${l.meta.id}`);
    const card = p.locator(`[data-testid="exercise"][data-id="${ex.id}"]`);
    await card.scrollIntoViewIfNeeded();
    for (let n = 1; n <= ex.hints.length; n++) {
      await card.getByTestId('hint').click();
      expect(await card.getByTestId('hints').locator('li').count()).toBe(n);
    }
    expect(await card.getByTestId('hint').getAttribute('aria-disabled')).toBe('true');
    await card.getByTestId('solution').click();
    await expect.poll(() => frameHex(card)).toBe(compact(ex.solution));
    expect(await card.getAttribute('data-done')).toBe('false');
    await card.getByTestId('check').click();
    expect((await verdict(card)).ok).toBe('true');
    expect(await card.getAttribute('data-done')).toBe('true');
    await p.context().close();
  });

  it('dark theme: axe finds no serious contrast problem in a lesson with every kind of card', async () => {
    const p = await h.open(
      '#/lessons/opening-handshake',
      { ...CONTEXT, colorScheme: 'dark' },
      'lesson-title',
    );
    await loadAllWidgets(p);
    expect(await seriousAxeFindings(p)).toEqual([]);
    await p.context().close();
  });
});
