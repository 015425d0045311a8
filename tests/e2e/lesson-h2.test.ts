/**
 * Lesson 18, WebSocket over HTTP/2 and HTTP/3, in the built site (needs `npx vite build` first):
 * - in English and Korean, the side-by-side widget shows the engine's Upgrade request and 101 next to the
 *   extended CONNECT (`:protocol: websocket`) and its 200, and every HTTP/2 frame of the session;
 * - each exercise rejects a wrong answer (with the lesson's nudge where it has one) and accepts the right one;
 * - the .pcap button downloads a capture; axe finds nothing serious at 1280×720 and 390×844, the phone
 *   layout does not scroll sideways; screenshots go to /tmp/h2-14-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'websocket-over-http2-and-http3';
const OK = { en: 'Correct.', ko: '정답입니다.' } as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function widget(p: Page): Promise<Locator> {
  await p.locator('[data-widget="websocket-over-h2"]').scrollIntoViewIfNeeded();
  const w = p.getByTestId('h2-handshake');
  await w.waitFor();
  return w;
}

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 18, ${SLUG}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('the widget: Upgrade + 101 beside :protocol websocket + 200, and every HTTP/2 frame listed', async () => {
      const w = await widget(page);
      expect(await w.getByTestId('h1-request').textContent()).toContain('Upgrade: websocket');
      expect(await w.getByTestId('h1-response').textContent()).toContain('101 Switching Protocols');
      const connect = (await w.getByTestId('h2-connect').textContent()) ?? '';
      expect(connect).toContain(':protocol: websocket');
      expect(connect).not.toMatch(/upgrade|sec-websocket-key/i);
      expect(await w.getByTestId('h2-ok').textContent()).toContain(':status: 200');
      // 9 flights, 20 frames: SETTINGS ×4, HEADERS ×6, DATA ×8 (the page, 2 + 2 messages, 2 closes, the
      // last END_STREAM), WINDOW_UPDATE and RST_STREAM.
      expect(await w.getByTestId('h2-frames').locator(':scope > li').count()).toBe(20);
      expect(await w.getByTestId('h2-totals').textContent()).toMatch(/\b24\b/);
    });

    it('the .pcap button downloads the HTTP/2 capture', async () => {
      const w = await widget(page);
      const [download] = await Promise.all([page.waitForEvent('download'), w.getByTestId('h2-pcap').click()]);
      expect(download.suggestedFilename()).toBe('ws101-websocket-over-http2.pcap');
    });

    it('which-pseudo-header: :method → the nudge; :protocol → solved', async () => {
      const c = card(page, 'which-pseudo-header');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('option').nth(0).click();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('8.5');
      await c.getByTestId('option').nth(1).click();
      const yes = await check(c);
      expect(yes.ok).toBe('true');
      expect(yes.text).toContain(OK[lang]);
    });

    it('what-replaces-accept, close-one-websocket: wrong → not yet; right → solved', async () => {
      for (const [id, wrong, right] of [
        ['what-replaces-accept', 0, 2],
        ['close-one-websocket', 0, 1],
      ] as const) {
        const c = card(page, id);
        await c.scrollIntoViewIfNeeded();
        await c.getByTestId('option').nth(wrong).click();
        expect((await check(c)).ok).toBe('false');
        await c.getByTestId('option').nth(right).click();
        expect((await check(c)).ok).toBe('true');
      }
    });

    it('second-stream-id and hpack-second-connect: 4 and 24 get their nudges; 5 and 15 are solved', async () => {
      const s = card(page, 'second-stream-id');
      await s.scrollIntoViewIfNeeded();
      await s.getByTestId('answer-input').fill('4');
      const no = await check(s);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('5.1.1');
      await s.getByTestId('answer-input').fill('5');
      expect((await check(s)).ok).toBe('true');
      const hp = card(page, 'hpack-second-connect');
      await hp.scrollIntoViewIfNeeded();
      await hp.getByTestId('answer-input').fill('24');
      expect((await check(hp)).ok).toBe('false');
      await hp.getByTestId('answer-input').fill(lang === 'ko' ? '15바이트' : '15 bytes');
      expect((await check(hp)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(5);
    });

    it('axe: nothing serious at 1280×720; screenshots', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/h2-14-lesson-${lang}-1280.png` });
      await (await widget(page)).scrollIntoViewIfNeeded();
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/h2-14-widget-${lang}-1280.png` });
    });
  });

  it(`${lang}: 390×844 phone: the widget fits, axe finds nothing serious; screenshots`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      await widget(p);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/h2-14-widget-${lang}-390.png` });
      const c = card(p, 'second-stream-id');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('answer-input').fill('5');
      expect((await check(c)).ok).toBe('true');
      await p.screenshot({ path: `/tmp/h2-14-lesson-${lang}-390-exercise.png` });
    } finally {
      await p.context().close();
    }
  });
}
