/**
 * Lesson 17, proxies and scale, in the built site (needs `npx vite build` first):
 * - in English and Korean, the forwarded request is refused by the engine's server with 400 and the
 *   rule, one rule at a time, and the fixed request gets its 101; every other exercise refuses a known
 *   wrong answer and accepts the right one;
 * - axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/scale14-17-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'proxies-and-scale';
const OK = { en: 'Correct.', ko: '정답입니다.' } as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

const forwarded = (version: string, ...fields: string[]): string =>
  [
    `GET /chat ${version}`,
    'Host: backend',
    ...fields,
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
  ].join('\n');

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 17, ${SLUG}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('proxy-forward: HTTP/1.0 → 400 §4.2.1; no Upgrade → 400; both fields sent again → 101 → solved', async () => {
      const c = card(page, 'proxy-forward');
      await c.scrollIntoViewIfNeeded();
      const first = await check(c);
      expect(first.ok).toBe('false');
      expect(first.text).toContain('400');
      expect(first.text).toContain('HTTP/1.0');
      await c.getByTestId('http-input').fill(forwarded('HTTP/1.1', 'Connection: close'));
      const second = await check(c);
      expect(second.ok).toBe('false');
      expect(second.text).toContain('Upgrade: websocket');
      await c
        .getByTestId('http-input')
        .fill(forwarded('HTTP/1.1', 'Upgrade: websocket', 'Connection: upgrade'));
      await expect.poll(() => c.getByTestId('http-response').textContent()).toContain('101');
      const yes = await check(c);
      expect(yes.ok, yes.text).toBe('true');
      expect(yes.text).toContain(OK[lang]);
      await page.screenshot({ path: `/tmp/scale14-17-${lang}-1280-exercise.png` });
    });

    it('wss-through, cross-server, restart-code: a known wrong pick gets its nudge; the right one is solved', async () => {
      for (const [id, wrong, right, nudge] of [
        ['wss-through', 3, 0, '5.3'],
        ['cross-server', 0, 1, null],
        ['restart-code', 1, 3, '7.4.1'],
      ] as const) {
        const c = card(page, id);
        await c.scrollIntoViewIfNeeded();
        await c.getByTestId('option').nth(wrong).click();
        const no = await check(c);
        expect(no.ok, id).toBe('false');
        if (nudge) expect(no.text).toContain(nudge);
        await c.getByTestId('option').nth(right).click();
        expect((await check(c)).ok, id).toBe('true');
      }
    });

    it('million-connections: the compressors alone → the nudge; 281,250 MiB → solved', async () => {
      const m = card(page, 'million-connections');
      await m.scrollIntoViewIfNeeded();
      await m.getByTestId('answer-input').fill('250000');
      const no = await check(m);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('32');
      await m.getByTestId('answer-input').fill('281,250 MiB');
      expect((await check(m)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(5);
    });

    it('axe: nothing serious at 1280×720; screenshot', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/scale14-17-${lang}-1280.png` });
    });
  });

  it(`${lang}: 390×844 phone: the lesson fits, axe finds nothing serious; screenshots`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/scale14-17-${lang}-390.png` });
      const c = card(p, 'proxy-forward');
      await c.scrollIntoViewIfNeeded();
      const no = await check(c);
      expect(no.ok).toBe('false');
      await p.screenshot({ path: `/tmp/scale14-17-${lang}-390-exercise.png` });
      // The drain table stays inside the page on a phone.
      await p.locator('table').first().scrollIntoViewIfNeeded();
      expect(
        await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await p.screenshot({ path: `/tmp/scale14-17-${lang}-390-table.png` });
    } finally {
      await p.context().close();
    }
  });
}
