/**
 * The race's HTTP/2 switch and heartbeats in the built site (needs `npx vite build` first): switching
 * HTTP/2 on reruns the race with the HTTP lanes speaking HTTP/2 (the counters equal the model's, and the
 * lanes label the frames sent),
 * the heartbeat select adds pings and comment lines, and the conclusion says what changed, in English
 * and Korean. The controls are at least 44 px tall on a phone; axe finds nothing serious at 1280×720 and 390×844;
 * screenshots go to /tmp/h2-14-compare-*.png.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Race } from '../../src/sim/race/index.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
};
const num = (s: string): number => Number(s.replace(/[^\d.]/g, ''));

async function switchOn(page: Page): Promise<void> {
  await page.getByTestId('cmp-http2').check();
  await page.getByTestId('cmp-heartbeat').selectOption('15');
  await page.getByTestId('cmp-speed').selectOption('20');
  await page.getByTestId('cmp-play').click();
  await expect.poll(() => page.getByTestId('cmp-clock').textContent(), { timeout: 30_000 }).toBe('30.0 s');
  await expect.poll(() => page.getByTestId('conclusion').getAttribute('data-state')).toBe('final');
}

describe('the race with HTTP/2 and heartbeats', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: the counters are the model's HTTP/2 figures and the conclusion says what changed`, async () => {
      const page = await h.open(
        '#/compare',
        {
          reducedMotion: 'reduce',
          locale: lang === 'en' ? 'en-US' : 'ko-KR',
          viewport: { width: 1280, height: 720 },
        },
        'compare',
      );
      try {
        await page.getByTestId('conclusion').waitFor();
        await switchOn(page);
        const model = new Race({ http2: true, heartbeat: 15_000 });
        model.run();
        const poll = model.lane('polling')!.at(model.settings.duration);
        const cell = page.getByTestId('cmp-row-polling').locator('td[data-key="headerBytes"]');
        expect(num((await cell.textContent()) ?? '')).toBe(poll.headerBytes);
        // The lane diagram draws the HTTP/2 frames that were sent, labelled (the same in every language).
        const labels = await page.getByTestId('lane-polling').locator('.h2-label').allTextContents();
        expect(labels[0]).toBe('preface + SETTINGS');
        expect(labels.some((l) => /^HEADERS s\d+ GET \/events$/.test(l))).toBe(true);
        expect(labels.some((l) => /^HEADERS s\d+ (200|204)$/.test(l))).toBe(true);
        expect(await page.getByTestId('lane-websocket').locator('.h2-label').count()).toBe(0);
        const text = (await page.getByTestId('conclusion').textContent()) ?? '';
        expect(text).toContain(lang === 'en' ? 'Over HTTP/2' : 'HTTP/2에서는');
        expect(text).toContain(lang === 'en' ? 'heartbeat' : '하트비트');
        expect(text).toContain(lang === 'en' ? 'SSE put' : 'SSE는 WebSocket의');
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.getByTestId('cmp-http2').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/h2-14-compare-${lang}-1280.png` });
        await page.getByTestId('conclusion').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/h2-14-compare-${lang}-1280-conclusion.png` });
        expect(h.problems.splice(0)).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('390×844: the switch fits and axe finds nothing serious; screenshot', async () => {
    const page = await h.open('#/compare', PHONE, 'compare');
    try {
      await page.getByTestId('conclusion').waitFor();
      await switchOn(page);
      // Touch targets (WCAG 2.5.5): the checkbox's whole label, and the select.
      const box = await page.getByTestId('cmp-http2').locator('xpath=..').boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      const select = await page.getByTestId('cmp-heartbeat').boundingBox();
      expect(select!.height).toBeGreaterThanOrEqual(44);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.getByTestId('cmp-http2').scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/h2-14-compare-en-390.png' });
      await page.getByTestId('conclusion').scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/h2-14-compare-en-390-conclusion.png' });
      expect(h.problems.splice(0)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
