/**
 * permessage-deflate (RFC 7692) in the built site, in Chromium: the decoder's Extensions choice, its
 * `&ext=` link, RFC 7692 §7.2.3's examples, pako loaded only when chosen; the frame editor recompressing
 * edited text and marking corrupt DEFLATE data; English and Korean; axe at 1280×720 and 390×844.
 * Needs `npx vite build` first. Screenshots go to /tmp/decoder12-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { pakoRequests, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const verdict = (page: Page) => page.getByTestId('verdict');
const row = (page: Page, field: string, card = 0) =>
  page.getByTestId('frame-card').nth(card).locator(`tr[data-field="${field}"]`);
const rawOf = (page: Page, field: string, card = 0) =>
  row(page, field, card).getByTestId('field-raw').textContent();

describe('the decoder’s Extensions choice', () => {
  it('RFC 7692 §7.2.3.1: without the extension RSV1 is a 1002; choosing permessage-deflate decodes “Hello” with its tail and window', async () => {
    const page = await h.open('#/frame?hex=c107f248cdc9c90700&dir=s2c');
    const pako = pakoRequests(page);
    await expect.poll(() => verdict(page).textContent()).toContain('RFC 6455 §5.2');
    expect(await verdict(page).textContent()).toContain('1002');
    expect(await page.getByTestId('ext-select').inputValue()).toBe('none');
    expect(pako).toEqual([]);

    await page.getByTestId('ext-select').selectOption('permessage-deflate');
    await expect.poll(() => verdict(page).textContent()).toContain('text message “Hello”');
    // Fetched now, and each script once (pako's library and the codec on it).
    expect(pako.length).toBeGreaterThan(0);
    expect(new Set(pako).size).toBe(pako.length);
    expect(await page.getByTestId('frame-summary').first().textContent()).toBe(
      'Text frame, 7 bytes of DEFLATE data → 5 bytes inflated: “Hello”',
    );
    expect(await rawOf(page, 'rsv1')).toBe('1');
    expect(await rawOf(page, 'payload')).toBe('f2 48 cd c9 c9 07 00');
    expect(await rawOf(page, 'inflated')).toBe('48 65 6c 6c 6f');
    expect(await row(page, 'inflated').textContent()).toContain('“Hello”');
    expect(await rawOf(page, 'deflate-tail')).toBe('00 00 ff ff');
    expect(await row(page, 'deflate-tail').textContent()).toContain('RFC 7692 §7.2.1');
    expect(await row(page, 'deflate-window').textContent()).toContain('empty');
    expect(new URL(page.url()).hash).toBe('#/frame?hex=c107f248cdc9c90700&dir=s2c&ext=permessage-deflate');
  });

  it('the link’s &ext= with parameters restores the choice; the §7.2.3.2 window is reset, then kept', async () => {
    const ext = encodeURIComponent('permessage-deflate;server_no_context_takeover;server_max_window_bits=10');
    const page = await h.open(`#/frame?hex=c107f248cdc9c90700c107f248cdc9c90700&dir=s2c&ext=${ext}`);
    await expect.poll(() => verdict(page).textContent()).toContain('2 frames → text message “Hello”');
    expect(await page.getByTestId('ext-select').inputValue()).toBe('permessage-deflate');
    expect(await page.getByTestId('ext-params').getAttribute('open')).not.toBeNull();
    expect(await page.getByTestId('ext-server_no_context_takeover').isChecked()).toBe(true);
    expect(await page.getByTestId('ext-server_max_window_bits').inputValue()).toBe('10');
    expect(await page.getByTestId('ext-client_no_context_takeover').isChecked()).toBe(false);
    expect(await row(page, 'deflate-window', 1).textContent()).toContain('reset');
    expect(await rawOf(page, 'deflate-window', 1)).toBe('2^10');

    // Taking the flag off: the window is kept, and the link says so.
    await page.getByTestId('ext-server_no_context_takeover').uncheck();
    await expect.poll(() => row(page, 'deflate-window', 1).textContent()).toContain('kept');
    expect(new URL(page.url()).hash).toContain(
      `&ext=${encodeURIComponent('permessage-deflate;server_max_window_bits=10')}`,
    );
  });

  it('an RFC 7692 example switches the extension on (with the parameters it needs); the lost window is a 1002', async () => {
    const page = await h.open('#/frame');
    await page.getByTestId('example-deflate-takeover').click();
    await expect.poll(() => verdict(page).textContent()).toContain('2 frames → text message “Hello”');
    expect(await page.getByTestId('ext-select').inputValue()).toBe('permessage-deflate');
    expect(await row(page, 'deflate-window', 1).textContent()).toContain('kept');

    await page.getByTestId('example-deflate-lost-window').click();
    await expect.poll(() => verdict(page).textContent()).toContain('RFC 7692 §6.2');
    expect(await verdict(page).textContent()).toContain('1002');
    expect(await page.getByTestId('ext-server_no_context_takeover').isChecked()).toBe(true);
    expect(await row(page, 'inflated', 1).textContent()).toContain('not valid DEFLATE data');

    // An RFC 6455 example is a setting without the extension.
    await page.getByTestId('example-hello').click();
    await expect.poll(() => page.getByTestId('ext-select').inputValue()).toBe('none');
    await page.close();
  });

  it('an invalid &ext= names the RFC 7692 rule and falls back to none, without a crash', async () => {
    const ext = encodeURIComponent('permessage-deflate;server_max_window_bits=16');
    const page = await h.open(`#/frame?hex=c107f248cdc9c90700&dir=s2c&ext=${ext}`);
    const notice = page.getByTestId('ext-notice');
    await expect.poll(() => notice.textContent()).toContain('RFC 7692 §7.1.2');
    expect(await notice.textContent()).toContain('without an extension');
    expect(await page.getByTestId('ext-select').inputValue()).toBe('none');
    expect(await verdict(page).textContent()).toContain('1002');
    // Any change drops the notice.
    await page.getByTestId('ext-select').selectOption('permessage-deflate');
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('in Korean: the choice, the example, the notice and the verdict', async () => {
    const page = await h.open('#/frame?hex=c107f248cdc9c90700&dir=s2c&ext=x-foo&lang=ko');
    await expect.poll(() => page.getByTestId('ext-notice').textContent()).toContain('x-foo');
    expect(await page.getByTestId('ext-notice').textContent()).toContain('확장 없이');
    await page.getByTestId('example-deflate-hello').click();
    await expect.poll(() => verdict(page).textContent()).toContain('“Hello”');
    expect(await page.getByTestId('ext-choice').textContent()).toContain('핸드셰이크에서 합의한 확장');
    expect(await page.getByTestId('frame-summary').first().textContent()).toContain('DEFLATE 데이터');
    await page.screenshot({ path: '/tmp/decoder12-decoder-ko-1280.png', fullPage: true });
  });

  for (const [size, options] of [
    ['1280', {}],
    ['390', PHONE],
  ] as const) {
    it(`axe finds nothing serious at ${size === '1280' ? '1280×720' : '390×844'}, with the parameters open (en and ko)`, async () => {
      const ext = encodeURIComponent('permessage-deflate;client_no_context_takeover');
      for (const lang of ['en', 'ko']) {
        const page = await h.open(`#/frame?hex=c107f248cdc9c90700&dir=s2c&ext=${ext}&lang=${lang}`, options);
        await expect.poll(() => verdict(page).textContent()).toContain('“Hello”');
        expect(await seriousAxeFindings(page)).toEqual([]);
        if (!(lang === 'ko' && size === '1280')) {
          await page.screenshot({ path: `/tmp/decoder12-decoder-${lang}-${size}.png`, fullPage: true });
        }
        await page.close();
      }
    });
  }
});

describe('the frame editor with permessage-deflate (lesson 5’s editor)', () => {
  /** The lesson's first free frame editor: its widget loads when scrolled near (Deferred.svelte). */
  async function openEditor(lang = 'en', options = {}): Promise<Page> {
    const q = lang === 'en' ? '' : `?lang=${lang}`;
    const page = await h.open(`#/lessons/frame-anatomy${q}`, options, 'widget');
    await page.locator('[data-widget="frame-editor"]').first().scrollIntoViewIfNeeded();
    await page.locator('[data-testid="frame-editor"][data-phase="ready"]').first().waitFor();
    return page;
  }
  const status = (page: Page) => page.getByTestId('editor-status').first();

  async function typeFrame(page: Page, text: string): Promise<void> {
    const ed = page.getByTestId('frame-editor').first();
    await ed.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  }

  it('editing the inflated text recompresses it into new frame bytes; corrupt DEFLATE bytes get a marker', async () => {
    const page = await openEditor();
    const ed = page.getByTestId('frame-editor').first();
    await typeFrame(page, 'c1 07 f2 48 cd c9 c9 07 00');
    await expect.poll(() => status(page).textContent()).toContain('RFC 6455 §5.2');

    await ed.getByTestId('ed-ext-select').selectOption('permessage-deflate');
    await expect.poll(() => status(page).textContent()).toContain('“Hello”');
    const inflated = ed.getByTestId('tree-inflated');
    expect(await inflated.inputValue()).toBe('Hello');

    await inflated.fill('Hello, Hello, Hello!');
    await expect.poll(() => status(page).textContent()).toContain('“Hello, Hello, Hello!”');
    // The engine's bytes, not the typed ones: RSV1 set, a new length, DEFLATE data.
    await expect
      .poll(() => ed.locator('li[data-field="rsv1"] [data-testid="tree-raw"]').textContent())
      .toBe('1');
    const payload = await ed.locator('li[data-field="payload"] .meaning').textContent();
    expect(payload).toContain('bytes of DEFLATE data, 20 bytes inflated');
    await page.screenshot({ path: '/tmp/decoder12-editor-en-1280.png', fullPage: false });

    await typeFrame(page, 'c1 03 ff ff ff');
    await expect.poll(() => status(page).textContent()).toContain('RFC 7692 §6.2');
    expect(await status(page).textContent()).toContain('1002');
    await expect.poll(() => ed.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    expect(await seriousAxeFindings(page, ['[data-testid="frame-editor"]'])).toEqual([]);
  });

  it('in Korean at 390×844: the choice and the recompressing tree, with nothing serious for axe', async () => {
    const page = await openEditor('ko', PHONE);
    const ed = page.getByTestId('frame-editor').first();
    await ed.getByTestId('ed-ext-select').selectOption('permessage-deflate');
    await typeFrame(page, 'c1 07 f2 48 cd c9 c9 07 00');
    await expect.poll(() => status(page).textContent()).toContain('“Hello”');
    expect(await ed.getByTestId('ed-ext-choice').textContent()).toContain('핸드셰이크에서 합의한 확장');
    await ed.getByTestId('tree-inflated').scrollIntoViewIfNeeded();
    expect(await ed.getByTestId('tree-inflated').inputValue()).toBe('Hello');
    await page.screenshot({ path: '/tmp/decoder12-editor-ko-390.png', fullPage: false });
    expect(await seriousAxeFindings(page, ['[data-testid="frame-editor"]'])).toEqual([]);
  });
});
