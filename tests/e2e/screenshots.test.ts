/**
 * Screenshots for a human to look at (not compared): SCREENSHOTS=1 npx vitest run --project e2e screenshots
 * writes /tmp/shots/*.png — desktop 1280×720 and phone 390×844, English and Korean, light and dark,
 * valid, incomplete and error states.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { startHarness, type Harness } from './harness.ts';

const OUT = process.env.SHOTS_DIR ?? '/tmp/shots';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

describe.runIf(process.env.SCREENSHOTS === '1')('screenshots', () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  interface Shot {
    readonly name: string;
    readonly hash: string;
    readonly options: BrowserContextOptions;
    readonly fullPage?: boolean;
    /** Scroll this test id to the top of the viewport first. */
    readonly scrollTo?: string;
    /** Hover this field's row (linked highlight). */
    readonly hoverField?: string;
    /** Reach this field's button with the keyboard (focus ring + linked bytes). */
    readonly focusField?: string;
    /** Paste this into the input first. */
    readonly paste?: string;
  }
  const en = { locale: 'en-US' };
  const ko = { locale: 'ko-KR' };
  const dark = { colorScheme: 'dark' as const };
  const shots: Shot[] = [
    {
      name: 'desktop-en',
      hash: '#/frame?hex=818537fa213d7f9f4d5158&dir=c2s',
      options: { ...DESKTOP, ...en },
    },
    {
      name: 'desktop-ko',
      hash: '#/frame?hex=818537fa213d7f9f4d5158&dir=c2s',
      options: { ...DESKTOP, ...ko },
    },
    {
      name: 'desktop-en-hover',
      hash: '#/frame?hex=818537fa213d7f9f4d5158&dir=c2s',
      options: { ...DESKTOP, ...en },
      hoverField: 'masking-key',
    },
    {
      name: 'desktop-en-full',
      hash: '#/frame?hex=010348656c80026c6f&dir=s2c',
      options: { ...DESKTOP, ...en },
      fullPage: true,
    },
    {
      name: 'desktop-error',
      hash: '#/frame?hex=897e007e&dir=s2c',
      options: { ...DESKTOP, ...en },
      fullPage: true,
    },
    {
      name: 'desktop-dark',
      hash: '#/frame?hex=880203e8&dir=s2c',
      options: { ...DESKTOP, ...en, ...dark },
      hoverField: 'close-code',
    },
    {
      name: 'desktop-focus-ko',
      hash: '#/frame?hex=818537fa213d7f9f4d5158&dir=c2s',
      options: { ...DESKTOP, ...ko },
      focusField: 'payload-len',
    },
    {
      name: 'desktop-big-paste',
      hash: '#/frame?dir=s2c',
      options: { ...DESKTOP, ...en },
      paste: '82 7f 00 00 00 00 00 16 e3 56' + 'ab'.repeat(1_500_000 - 10),
    },
    {
      name: 'desktop-garbled',
      hash: '#/frame?hex=zz%ZZ&dir=sideways',
      options: { ...DESKTOP, ...en },
    },
    { name: 'phone-en', hash: '#/frame?hex=810548656c6c6f&dir=s2c', options: { ...PHONE, ...en } },
    {
      name: 'phone-en-frame',
      hash: '#/frame?hex=810548656c6c6f&dir=s2c',
      options: { ...PHONE, ...en },
      scrollTo: 'verdict',
    },
    { name: 'phone-ko', hash: '#/frame?hex=810548656c6c6f&dir=s2c', options: { ...PHONE, ...ko } },
    {
      name: 'phone-ko-frame',
      hash: '#/frame?hex=880203e8&dir=s2c',
      options: { ...PHONE, ...ko },
      scrollTo: 'verdict',
    },
    { name: 'phone-error', hash: '#/frame?hex=81%2005%2048%206g&dir=c2s', options: { ...PHONE, ...en } },
    {
      name: 'phone-incomplete-ko',
      hash: '#/frame?hex=82 7e 01 00 01 02&dir=s2c',
      options: { ...PHONE, ...ko },
      scrollTo: 'verdict',
    },
    {
      name: 'phone-dark-error',
      hash: '#/frame?hex=897e007e&dir=s2c',
      options: { ...PHONE, ...en, ...dark },
      scrollTo: 'verdict',
    },
  ];
  for (const shot of shots) {
    it(shot.name, async () => {
      const page = await h.open(shot.hash, shot.options);
      if (shot.paste !== undefined) {
        await page.getByTestId('hex-input').evaluate((el, value) => {
          (el as HTMLTextAreaElement).value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, shot.paste);
        await page.getByTestId('limit-notice').waitFor();
      }
      if (shot.focusField) {
        const button = page.locator(`tr[data-field="${shot.focusField}"] button`).first();
        await button.evaluate((el) =>
          (el.closest('tr')?.previousElementSibling?.querySelector('button') as HTMLElement).focus(),
        );
        await page.keyboard.press('Tab');
      }
      if (shot.scrollTo) {
        await page.getByTestId(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      }
      if (shot.hoverField) await page.locator(`tr[data-field="${shot.hoverField}"]`).first().hover();
      await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: shot.fullPage ?? false });
    });
  }
});
