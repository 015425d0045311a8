/**
 * axe on every route, in both languages, at both sizes (issue 11's proof): the desktop a learner reads
 * on (1280×720) and a phone (390×844, touch), in English and Korean, including the embed of each view a
 * teacher puts in a slide (960×540, dark). Serious and critical findings only, one line each, so a
 * failure names the rule and the element. Needs `npx vite build` first.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const ROUTES = [
  { hash: '#/', ready: 'home' },
  { hash: '#/lessons', ready: 'lessons' },
  { hash: '#/lessons/masking', ready: 'lesson' },
  { hash: '#/frame?hex=818537fa213d7f9f4d5158&dir=c2s', ready: 'verdict' },
  { hash: '#/compare', ready: 'compare' },
  { hash: '#/playground?run=connect;send%20hello', ready: 'playground' },
  { hash: '#/build', ready: 'build' },
];
const EMBEDS = [
  { hash: '#/embed/playground?run=connect;send%20hello&theme=dark', ready: 'playground' },
  { hash: '#/embed/compare?theme=dark', ready: 'compare' },
  { hash: '#/embed/frame?hex=810548656c6c6f&dir=s2c&theme=dark', ready: 'verdict' },
];
const SIZES: Record<string, BrowserContextOptions> = {
  '1280×720': { viewport: { width: 1280, height: 720 } },
  '390×844': { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
const LOCALES = ['en-US', 'ko-KR'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

/** The page once its view has rendered and its lazy parts (fonts, chunks) have settled. */
async function settled(page: Page): Promise<Page> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
  return page;
}

for (const locale of LOCALES) {
  for (const [size, options] of Object.entries(SIZES)) {
    describe(`${locale} at ${size}`, () => {
      for (const { hash, ready } of ROUTES) {
        it(`${hash}: nothing serious`, async () => {
          const page = await settled(
            await h.open(hash, { ...options, locale, reducedMotion: 'reduce' }, ready),
          );
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
          expect(await seriousAxeFindings(page)).toEqual([]);
          await page.context().close();
        });
      }
    });
  }
  describe(`${locale}, embedded at 960×540 in the dark theme`, () => {
    for (const { hash, ready } of EMBEDS) {
      it(`${hash}: nothing serious`, async () => {
        const options = { viewport: { width: 960, height: 540 }, locale, colorScheme: 'dark' as const };
        const page = await settled(await h.open(hash, options, ready));
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.context().close();
      });
    }
  });
}
