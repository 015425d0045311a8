/**
 * The seams between the views for permessage-deflate (RFC 7692), in the built site:
 * - the playground's inspector reads a compressed session's frames with the extension its 101 agreed,
 *   and its "Open these bytes in the frame decoder" link carries `ext=`, so the decoder shows the same
 *   inflated text; a message compressed against a kept window (context takeover, §7.2.3.2) is said to
 *   need the earlier message, in the inspector and in the decoder, instead of a wrong 1002;
 * - a link that only changes `ext=`, followed while on the decoder, is read again (App.svelte);
 * English and Korean, axe at 1280×720 and 390×844. Needs `npx vite build` first. Screenshots go to
 * /tmp/fix12-*.png.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

type Lang = 'en' | 'ko';
const LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };
const WIDE: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
};
const TEXT = 'hello hello hello hello';
/** The same text twice: with context takeover the second message is a back-reference into the first. */
const RUN = ['connect --deflate', `send ${TEXT}`, `send ${TEXT}`].map(encodeURIComponent).join(';');
const NEEDS: Record<Lang, string> = { en: 'Needs an earlier message', ko: '앞선 메시지가 필요함' };

const verdict = (page: Page) => page.getByTestId('verdict');

/**
 * The (2n+1)-th compressed frame the event log lists, selected for the inspector. Each text goes client →
 * server and its echo comes back, so on a wide screen those are the client's 1st and 2nd messages; the
 * phone's log may list a later window of rows, where the frame picked for n = 1 is still a second message.
 */
async function selectCompressed(page: Page, n: number): Promise<void> {
  const entries = page.getByTestId('event-log').getByText(/RSV1 deflate 23→/);
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2 * n + 1);
  await entries.nth(2 * n).click();
  await page.getByTestId('deflate-summary').waitFor();
}

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: a compressed session, from the inspector to the decoder`, () => {
    it('the first message: the link carries ext=permessage-deflate and the decoder inflates the same text', async () => {
      const page = await h.open(`#/playground?run=${RUN}`, { ...WIDE, locale: LOCALE[lang] }, 'event-log');
      await selectCompressed(page, 0);
      const link = page.getByTestId('open-decoder');
      expect(await link.getAttribute('href')).toMatch(/&dir=c2s&ext=permessage-deflate/);
      expect(await page.getByTestId('kept-window-note').count()).toBe(0);
      await page.screenshot({ path: `/tmp/fix12-inspector-${lang}-1280.png` });
      expect(await seriousAxeFindings(page, ['[data-testid="inspector"]'])).toEqual([]);
      await link.click();
      await expect.poll(() => verdict(page).getAttribute('data-kind'), { timeout: 15_000 }).toBe('valid');
      expect(await verdict(page).textContent()).toContain(`“${TEXT}”`);
      expect(await page.getByTestId('ext-select').inputValue()).toBe('permessage-deflate');
      await page.context().close();
    });

    it('§7.2.3.2 the second message (window kept): said so in the inspector, and the decoder says it needs the earlier one, not 1002', async () => {
      const page = await h.open(`#/playground?run=${RUN}`, { ...WIDE, locale: LOCALE[lang] }, 'event-log');
      await selectCompressed(page, 1);
      await page.getByTestId('kept-window-note').waitFor();
      await page.getByTestId('open-decoder').click();
      await expect
        .poll(() => verdict(page).getAttribute('data-kind'), { timeout: 15_000 })
        .toBe('incomplete');
      const text = (await verdict(page).textContent()) ?? '';
      expect(text).toContain(NEEDS[lang]);
      expect(text).toContain('§7.2.3.2');
      expect(text).not.toMatch(/Protocol error|프로토콜 오류:/);
      // Nor a receiver closing with 1002: the real one, with the earlier message, inflates it.
      expect(await page.getByTestId('receiver').count()).toBe(0);
      await verdict(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/fix12-decoder-window-${lang}-1280.png` });
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.context().close();
    });
  });

  it(`${lang}: a link that only changes ext=, followed on the decoder, is read again`, async () => {
    const page = await h.open('#/frame?hex=c107f248cdc9c90700&dir=s2c', { ...WIDE, locale: LOCALE[lang] });
    await expect.poll(() => verdict(page).textContent()).toContain('1002');
    expect(await page.getByTestId('ext-select').inputValue()).toBe('none');
    await page.evaluate(
      () => (location.hash = '#/frame?ext=permessage-deflate%3Bserver_no_context_takeover'),
    );
    await expect.poll(() => page.getByTestId('ext-select').inputValue()).toBe('permessage-deflate');
    expect(await page.getByTestId('ext-server_no_context_takeover').isChecked()).toBe(true);
    await page.evaluate(() => (location.hash = '#/frame?ext=none'));
    await expect.poll(() => page.getByTestId('ext-select').inputValue()).toBe('none');
    await page.context().close();
  });
}

it('390×844: the inspector’s note and the decoder’s verdict fit a phone; axe finds nothing serious', async () => {
  const page = await h.open(`#/playground?run=${RUN}`, { ...PHONE, locale: 'ko-KR' }, 'event-log');
  await selectCompressed(page, 1);
  const note = page.getByTestId('kept-window-note');
  await note.scrollIntoViewIfNeeded();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/fix12-inspector-ko-390.png' });
  expect(await seriousAxeFindings(page, ['[data-testid="inspector"]'])).toEqual([]);
  await page.getByTestId('open-decoder').click();
  await expect.poll(() => verdict(page).getAttribute('data-kind'), { timeout: 15_000 }).toBe('incomplete');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await verdict(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/fix12-decoder-window-ko-390.png' });
  expect(await seriousAxeFindings(page)).toEqual([]);
  await page.context().close();
});
