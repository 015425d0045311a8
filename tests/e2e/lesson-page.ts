/**
 * What the lesson pages' browser tests share: the two screen sizes they are looked at in, the locale of
 * each language, an exercise card by its id, and pressing Check until the card shows a new verdict.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 720 },
  reducedMotion: 'reduce',
};
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
};
export const LOCALE = { en: 'en-US', ko: 'ko-KR' } as const;

export const card = (p: Page, id: string): Locator => p.locator(`[data-testid="exercise"][data-id="${id}"]`);

/** Press Check and wait for a verdict other than the one shown before (the same text twice is no news). */
export async function check(c: Locator): Promise<{ ok: string | null; text: string }> {
  const result = c.getByTestId('result');
  const before = (await result.textContent()) ?? '';
  await c.getByTestId('check').click();
  await expect
    .poll(
      async () => (await result.getAttribute('data-ok')) !== null && (await result.textContent()) !== before,
    )
    .toBe(true);
  return { ok: await result.getAttribute('data-ok'), text: (await result.textContent())?.trim() ?? '' };
}
