/**
 * Lesson 16, backpressure, in the built site (needs `npx vite build` first):
 * - in English and Korean, the lesson's playground pre-runs a flood into a paused reader, and the
 *   diagram and the log show the zero window and the bytes waiting (bufferedAmount);
 * - each exercise: a known wrong answer gets its nudge, the right one is solved;
 * - axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/scale14-16-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'backpressure';
const OK = { en: 'Correct.', ko: '정답입니다.' } as const;
const FULL = { en: 'receive buffer full', ko: '수신 버퍼가 가득 참' } as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function playgroundDone(p: Page): Promise<Locator> {
  const widget = p.locator('[data-widget="playground"]');
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 60_000 });
  return widget;
}

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 16, ${SLUG}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('the playground shows the window reaching 0 and the bytes that wait (bufferedAmount)', async () => {
      const widget = await playgroundDone(page);
      // With reduced motion the playhead jumps to the end: every arrow is drawn.
      await expect
        .poll(() => widget.locator('[data-testid="arrow"][aria-label*="win=0"]').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      // The lesson's playground has no log pane: its console prints the notes.
      // (It loads when it scrolls into view, and prints what the playhead has revealed.)
      await widget.getByTestId('console').scrollIntoViewIfNeeded();
      const out = widget.getByTestId('console-output');
      await expect.poll(() => out.textContent(), { timeout: 30_000 }).toContain(FULL[lang]);
      expect(await out.textContent()).toContain('bufferedAmount');
      await page.screenshot({ path: `/tmp/scale14-16-${lang}-1280-playground.png` });
    });

    it('buffered-after-stall: payloads only → the header nudge; 15,984 bytes → solved', async () => {
      const c = card(page, 'buffered-after-stall');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('answer-input').fill('15904');
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toMatch(/header|헤더/);
      await c.getByTestId('answer-input').fill('15,984 B');
      const yes = await check(c);
      expect(yes.ok, yes.text).toBe('true');
      expect(yes.text).toContain(OK[lang]);
    });

    it('first-window-update: 100 → the silly-window nudge; 1500 → solved', async () => {
      const c = card(page, 'first-window-update');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('answer-input').fill('100');
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('3.8.6.2.2');
      await c.getByTestId('answer-input').fill('1500');
      expect((await check(c)).ok).toBe('true');
    });

    it('slow-consumer-code and stream-brake: a wrong pick is refused; the right ones are solved', async () => {
      const s = card(page, 'slow-consumer-code');
      await s.scrollIntoViewIfNeeded();
      for (const i of [0, 1, 2]) await s.getByTestId('option').nth(i).click();
      const no = await check(s);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('1006');
      await s.getByTestId('option').nth(2).click();
      expect((await check(s)).ok).toBe('true');
      const b = card(page, 'stream-brake');
      await b.scrollIntoViewIfNeeded();
      await b.getByTestId('option').nth(1).click();
      expect((await check(b)).ok).toBe('false');
      await b.getByTestId('option').nth(0).click();
      expect((await check(b)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(4);
    });

    it('axe: nothing serious at 1280×720; screenshots', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/scale14-16-${lang}-1280.png` });
      await card(page, 'buffered-after-stall').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/scale14-16-${lang}-1280-exercise.png` });
    });
  });

  it(`${lang}: 390×844 phone: the lesson and its playground fit, axe finds nothing serious; screenshots`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const widget = await playgroundDone(p);
      await expect
        .poll(() => widget.locator('[data-testid="arrow"][aria-label*="win=0"]').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/scale14-16-${lang}-390-playground.png` });
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: `/tmp/scale14-16-${lang}-390.png` });
      const c = card(p, 'buffered-after-stall');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('answer-input').fill('15984');
      expect((await check(c)).ok).toBe('true');
      await p.screenshot({ path: `/tmp/scale14-16-${lang}-390-exercise.png` });
    } finally {
      await p.context().close();
    }
  });
}

describe('the full playground: a zero window in the diagram, the inspector and the log', () => {
  const RUN = '#/playground?server=echo&run=window%204096;connect%20/echo;reader%20pause;flood%2020%201000';
  for (const [size, options] of [
    ['1280', DESKTOP],
    ['390', PHONE],
  ] as const) {
    it(`${size}: the server's "ACK win=0" arrow opens in the inspector with Window 0; axe clean; screenshot`, async () => {
      const p = await h.open(RUN, { ...options, locale: 'en-US' }, 'playground');
      try {
        await p.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 60_000 });
        const zero = p.locator('[data-testid="arrow"][data-label="ACK win=0"]').first();
        await zero.waitFor({ timeout: 30_000 });
        await zero.scrollIntoViewIfNeeded();
        await zero.click();
        const inspector = p.getByTestId('inspector');
        await expect
          .poll(() => inspector.textContent())
          .toContain('How many more bytes the sender of this segment');
        expect((await inspector.textContent())!.replace(/\s+/g, ' ')).toMatch(/Window ?0/);
        expect(await seriousAxeFindings(p)).toEqual([]);
        await p.screenshot({ path: `/tmp/scale14-16-playground-${size}.png` });
      } finally {
        await p.context().close();
      }
    });
  }
});
