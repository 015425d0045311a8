/**
 * Lesson 15, staying connected, in the built site (needs `npx vite build` first), in English and
 * Korean: it renders, its exercises refuse a known wrong answer with the nudge and accept the answer,
 * axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/sec14-lesson15-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'staying-connected';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 15, ${SLUG}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('why-1006: "the client may send 1006" → the §7.4.1 nudge; the right picks → solved', async () => {
      const c = card(page, 'why-1006');
      await c.scrollIntoViewIfNeeded();
      for (const i of [0, 2, 3]) await c.getByTestId('option').nth(i).click();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('7.4.1');
      await c.getByTestId('option').nth(3).click();
      expect((await check(c)).ok).toBe('true');
    });

    it('backoff-ceiling and resend-count: a known wrong number → nudge; the answer → solved', async () => {
      const b = card(page, 'backoff-ceiling');
      await b.scrollIntoViewIfNeeded();
      await b.getByTestId('answer-input').fill('30000');
      expect((await check(b)).ok).toBe('false');
      await b.getByTestId('answer-input').fill('16,000 ms');
      expect((await check(b)).ok).toBe('true');
      const r = card(page, 'resend-count');
      await r.scrollIntoViewIfNeeded();
      await r.getByTestId('answer-input').fill('2');
      expect((await check(r)).ok).toBe('false');
      await r.getByTestId('answer-input').fill('4');
      expect((await check(r)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(3);
    });

    it('axe: nothing serious at 1280×720; screenshots', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/sec14-lesson15-${lang}-1280.png` });
      await page.locator('table').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/sec14-lesson15-${lang}-1280-herd.png` });
    });
  });

  it(`${lang}: 390×844 phone: the lesson fits, axe finds nothing serious; screenshot`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.locator('table').first().scrollIntoViewIfNeeded();
      await p.screenshot({ path: `/tmp/sec14-lesson15-${lang}-390-herd.png` });
    } finally {
      await p.context().close();
    }
  });
}
