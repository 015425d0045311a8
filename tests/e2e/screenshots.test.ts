/**
 * Screenshots for a human to look at (not compared): SCREENSHOTS=1 npx vitest run --project e2e screenshots
 * writes /tmp/shots/*.png — desktop 1280×720 and phone 390×844, English and Korean, light and dark,
 * valid, incomplete and error states. The embed shots (slide sizes, light and dark, inside a host page
 * on another origin, and the Embed dialog) go to $EMBED_SHOTS_DIR (default /tmp/embed-shots).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { startHostPage, type HostPage } from '../support/host-page.ts';
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

describe.runIf(process.env.SCREENSHOTS === '1')('embed screenshots', () => {
  const EMBED_OUT = process.env.EMBED_SHOTS_DIR ?? '/tmp/embed-shots';
  const SCENARIO = 'server=echo&run=connect;send%20hi';
  const FRAME = 'hex=818537fa213d7f9f4d5158&dir=c2s';
  let h: Harness;
  let host: HostPage;
  beforeAll(async () => {
    mkdirSync(EMBED_OUT, { recursive: true });
    h = await startHarness();
    // A teacher's page on another origin, with the widget in an iframe.
    host = await startHostPage();
  });
  afterAll(async () => {
    await host?.close();
    await h?.close();
  });

  /** Press → `n` times (the presenter keys) and let the last step settle on screen. */
  async function steps(page: Page, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight');
  }

  const cases: {
    name: string;
    hash: string;
    w: number;
    h: number;
    ready: string;
    steps: number;
    dark?: boolean;
  }[] = [
    {
      name: 'playground-960-light',
      hash: `#/embed/playground?${SCENARIO}`,
      w: 960,
      h: 540,
      ready: 'playground',
      steps: 6,
    },
    {
      name: 'playground-960-dark',
      hash: `#/embed/playground?${SCENARIO}&theme=dark`,
      w: 960,
      h: 540,
      ready: 'playground',
      steps: 6,
    },
    {
      name: 'playground-1280-dark',
      hash: `#/embed/playground?${SCENARIO}&theme=dark`,
      w: 1280,
      h: 720,
      ready: 'playground',
      steps: 9,
    },
    {
      name: 'playground-480',
      hash: `#/embed/playground?${SCENARIO}`,
      w: 480,
      h: 270,
      ready: 'playground',
      steps: 4,
    },
    {
      name: 'playground-480-scale',
      hash: `#/embed/playground?${SCENARIO}&scale=0.75`,
      w: 480,
      h: 270,
      ready: 'playground',
      steps: 4,
    },
    {
      name: 'playground-1920-scale2',
      hash: `#/embed/playground?${SCENARIO}&scale=2`,
      w: 1920,
      h: 1080,
      ready: 'playground',
      steps: 5,
    },
    { name: 'decoder-960-light', hash: `#/embed/frame?${FRAME}`, w: 960, h: 540, ready: 'verdict', steps: 5 },
    {
      name: 'decoder-960-dark',
      hash: `#/embed/frame?${FRAME}&theme=dark`,
      w: 960,
      h: 540,
      ready: 'verdict',
      steps: 8,
    },
    { name: 'decoder-480', hash: `#/embed/frame?${FRAME}`, w: 480, h: 270, ready: 'verdict', steps: 2 },
    { name: 'compare-960-ko', hash: '#/embed/compare?lang=ko', w: 960, h: 540, ready: 'compare', steps: 12 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const page = await h.open(c.hash, { viewport: { width: c.w, height: c.h }, locale: 'en-US' }, c.ready);
      if (c.ready === 'playground')
        await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
      if (c.ready === 'compare') await page.getByTestId('cmp-time').waitFor();
      await steps(page, c.steps);
      await page.screenshot({ path: `${EMBED_OUT}/${c.name}.png` });
    });
  }

  it('host-page', async () => {
    host.set(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slide</title>
<link rel="icon" href="data:,"><style>body{margin:0;padding:24px 40px;font:20px system-ui;background:#eef;}
h1{margin:0 0 12px;font-size:30px}</style></head><body><h1>The opening handshake</h1>
<iframe id="w" src="${h.baseUrl}#/embed/playground?${SCENARIO}" width="960" height="540"
 title="ws101 playground" style="border:0;box-shadow:0 0 0 1px #99a"></iframe>
<script>addEventListener('message', (e) => {
  if (e.data && e.data.type === 'ws101:ready')
    for (let i = 0; i < 7; i++) e.source.postMessage({ type: 'step' }, e.origin);
});</script></body></html>`);
    const page = await h.open('#/frame', { viewport: { width: 1040, height: 640 } });
    await page.goto(host.url);
    const widget = page.frameLocator('#w');
    await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    await widget.getByTestId('scrubber').evaluate(
      (el) =>
        new Promise<void>((ok) => {
          const check = () =>
            Number((el as HTMLInputElement).value) > 0 ? ok() : requestAnimationFrame(check);
          check();
        }),
    );
    await page.screenshot({ path: `${EMBED_OUT}/host-page-960.png` });
  });

  for (const [name, viewport] of [
    ['dialog-1280', { width: 1280, height: 720 }],
    ['dialog-390', { width: 390, height: 844 }],
  ] as const) {
    it(name, async () => {
      const page = await h.open(
        `#/playground?${SCENARIO}`,
        { viewport, reducedMotion: 'reduce' },
        'playground',
      );
      await page.getByTestId('embed-button').click();
      await page.getByTestId('embed-dialog').waitFor();
      await page.screenshot({ path: `${EMBED_OUT}/${name}.png` });
    });
  }
});
