/**
 * "Copy as" in the built site: the decoder's card for RFC 6455's "Hello" frame copies exactly the
 * texts the unit tests expect (read back from the real clipboard), the playground's inspector copies
 * the bytes it shows, the lesson's frame editor copies the frame under its cursor, and where the page
 * may not write the clipboard the text is offered selected in a textarea. Keyboard and axe included.
 *
 *   npx vite build --outDir /tmp/copyas-dist --emptyOutDir --logLevel warn
 *   WS101_DIST=/tmp/copyas-dist npx vitest run --project e2e tests/e2e/copy-as.test.ts
 *
 * With SCREENSHOTS=1 it writes desktop (1280×720) and phone (390×844) screenshots to /tmp/copyas-shots.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOTS = process.env.SCREENSHOTS ? '/tmp/copyas-shots' : null;
const HELLO = '#/frame?hex=810548656c6c6f&dir=s2c';
const CLIPBOARD: BrowserContextOptions = {
  permissions: ['clipboard-read', 'clipboard-write'],
  locale: 'en-US',
  reducedMotion: 'reduce',
};
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The same strings tests/unit/copy-formats.test.ts expects for RFC 6455 §5.7's unmasked "Hello". */
const EXPECTED = {
  hex: '81 05 48 65 6c 6c 6f',
  base64: 'gQVIZWxsbw==',
  js: '// text frame, FIN, unmasked, 5-byte payload\nnew Uint8Array([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])',
  c: '/* text frame, FIN, unmasked, 5-byte payload */\nstatic const uint8_t frame[7] = { 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f };',
} as const;
const SHORT = { hex: 'hex', base64: 'base64', js: 'JS', c: 'C' } as const;
type Format = keyof typeof EXPECTED;
const FORMATS = Object.keys(EXPECTED) as Format[];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

const readClipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
const activeTestId = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function copyWith(scope: Locator, format: Format, prefix = 'copy'): Promise<void> {
  await scope.getByTestId(`${prefix}-toggle`).click();
  await scope.getByTestId(`${prefix}-${format}`).click();
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('the decoder card', () => {
  it('copies RFC 6455’s "Hello" frame as hex, base64, JS and C, exactly, and says so', async () => {
    const page = await h.open(HELLO, CLIPBOARD);
    const card = page.getByTestId('frame-card').first();
    for (const format of FORMATS) {
      await page.evaluate(() => navigator.clipboard.writeText('(not yet)'));
      await copyWith(card, format);
      await expect.poll(() => readClipboard(page)).toBe(EXPECTED[format]);
      const n = EXPECTED[format].length;
      expect(await card.getByTestId('copy-status').textContent()).toBe(
        `Copied as ${SHORT[format]} (${n} chars)`,
      );
      // The menu closed and focus went back to the button that opened it.
      expect(await card.getByTestId('copy-panel').count()).toBe(0);
      expect(await activeTestId(page)).toBe('copy-toggle');
    }
    // The status is a polite live region, so the confirmation is announced.
    expect(await card.getByTestId('copy-status').getAttribute('role')).toBe('status');
  });

  it('works from the keyboard: Enter opens, arrows move, Escape closes and returns focus', async () => {
    const page = await h.open(HELLO, CLIPBOARD);
    const card = page.getByTestId('frame-card').first();
    const toggle = card.getByTestId('copy-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-label')).toBe('Copy as… (Frame 1)');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.getAttribute('aria-controls')).toBe(
      await card.getByTestId('copy-panel').getAttribute('id'),
    );
    expect(await activeTestId(page)).toBe('copy-hex');
    await page.keyboard.press('ArrowDown');
    expect(await activeTestId(page)).toBe('copy-base64');
    await shot(page, 'keyboard-focus-1280');
    await page.keyboard.press('End');
    expect(await activeTestId(page)).toBe('copy-c');
    await page.keyboard.press('ArrowDown'); // wraps around
    expect(await activeTestId(page)).toBe('copy-hex');
    await page.keyboard.press('ArrowUp');
    expect(await activeTestId(page)).toBe('copy-c');
    await page.keyboard.press('Escape');
    expect(await card.getByTestId('copy-panel').count()).toBe(0);
    expect(await activeTestId(page)).toBe('copy-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // ↓ on the button opens at the first item, Space chooses it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await activeTestId(page)).toBe('copy-base64');
    await page.keyboard.press('Space');
    await expect.poll(() => readClipboard(page)).toBe(EXPECTED.base64);
    expect(await activeTestId(page)).toBe('copy-toggle');

    // Tab away or press elsewhere: the menu closes.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await card.getByTestId('copy-panel').count()).toBe(0);
    await toggle.click();
    await page.getByTestId('verdict').click();
    expect(await card.getByTestId('copy-panel').count()).toBe(0);
  });

  it('has no serious axe finding with the menu open', async () => {
    const page = await h.open(HELLO, CLIPBOARD);
    await page.getByTestId('frame-card').first().getByTestId('copy-toggle').click();
    await page.getByTestId('copy-panel').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await shot(page, 'decoder-menu-1280');
    await page.getByTestId('copy-js').click();
    await page.getByTestId('copy-status').filter({ hasText: 'Copied' }).waitFor();
    await shot(page, 'decoder-copied-1280');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('fits a phone: the menu stays inside the screen', async () => {
    const page = await h.open(HELLO, { ...CLIPBOARD, ...PHONE });
    const card = page.getByTestId('frame-card').first();
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('copy-toggle').click();
    const box = await card.getByTestId('copy-panel').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'decoder-menu-390');
    await card.getByTestId('copy-c').click();
    await expect.poll(() => readClipboard(page)).toBe(EXPECTED.c);
    await shot(page, 'decoder-copied-390');
  });

  it('speaks Korean: the comment and the confirmation follow the language', async () => {
    const page = await h.open(HELLO, { ...CLIPBOARD, ...PHONE, locale: 'ko-KR' });
    const card = page.getByTestId('frame-card').first();
    await card.scrollIntoViewIfNeeded();
    expect((await card.getByTestId('copy-toggle').textContent())?.trim()).toBe('다른 형식으로 복사…');
    await copyWith(card, 'js');
    const js = '// 텍스트 프레임, FIN, 마스킹 안 됨, 페이로드 5바이트\n' + EXPECTED.js.split('\n')[1];
    await expect.poll(() => readClipboard(page)).toBe(js);
    expect(await card.getByTestId('copy-status').textContent()).toBe(
      `JS 형식으로 복사했습니다(${js.length}자)`,
    );
    await shot(page, 'decoder-copied-ko-390');
    await card.getByTestId('copy-toggle').click();
    await shot(page, 'decoder-menu-ko-390');
  });

  it('copies each frame of several on its own, with the engine’s description of it', async () => {
    // RFC 6455 §5.7: "Hel" (FIN = 0) then "lo" (continuation, FIN).
    const page = await h.open('#/frame?hex=010348656c80026c6f&dir=s2c', CLIPBOARD);
    const cards = page.getByTestId('frame-card');
    await copyWith(cards.nth(1), 'js');
    await expect
      .poll(() => readClipboard(page))
      .toBe('// continuation frame, FIN, unmasked, 2-byte payload\nnew Uint8Array([0x80, 0x02, 0x6c, 0x6f])');
    await copyWith(cards.nth(0), 'c');
    await expect
      .poll(() => readClipboard(page))
      .toBe(
        '/* text frame, FIN = 0 (more fragments follow), unmasked, 3-byte payload */\n' +
          'static const uint8_t frame[5] = { 0x01, 0x03, 0x48, 0x65, 0x6c };',
      );
  });
});

describe('without the clipboard', () => {
  it('a refused write puts the text in a selected textarea to copy by hand', async () => {
    const page = await h.open(HELLO, { locale: 'en-US', reducedMotion: 'reduce' }, 'verdict');
    await page.evaluate(() => {
      // What an iframe without clipboard-write permission gets.
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const card = page.getByTestId('frame-card').first();
    await copyWith(card, 'base64');
    const area = card.getByTestId('copy-fallback');
    await area.waitFor();
    expect(await area.inputValue()).toBe(EXPECTED.base64);
    expect(await area.getAttribute('readonly')).not.toBeNull();
    expect(await activeTestId(page)).toBe('copy-fallback');
    const selection = await area.evaluate((el) => {
      const t = el as HTMLTextAreaElement;
      return [t.selectionStart, t.selectionEnd];
    });
    expect(selection).toEqual([0, EXPECTED.base64.length]);
    expect(await card.getByTestId('copy-status').textContent()).toContain('press Ctrl+C');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await shot(page, 'fallback-1280');
    await page.keyboard.press('Escape');
    expect(await area.count()).toBe(0);
    expect(await activeTestId(page)).toBe('copy-toggle');
  });

  it('no Clipboard API at all (an http origin): the same textarea, and no error', async () => {
    const page = await h.open(HELLO, { locale: 'en-US', ...PHONE }, 'verdict');
    await page.evaluate(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    const card = page.getByTestId('frame-card').first();
    await card.scrollIntoViewIfNeeded();
    await copyWith(card, 'c');
    const area = card.getByTestId('copy-fallback');
    await area.waitFor();
    expect(await area.inputValue()).toBe(EXPECTED.c);
    const box = await card.getByTestId('copy-panel').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'fallback-390');
  });
});

describe('the playground inspector', () => {
  it('copies the selected frame’s wire bytes, the ones the inspector shows', async () => {
    const page = await h.open('#/playground?server=echo&run=connect;send%20hi', CLIPBOARD, 'event-log');
    const arrow = page.locator(`[data-testid="arrow"][data-label='TEXT "hi" (masked)']`);
    await arrow.waitFor({ timeout: 20_000 });
    await arrow.click();
    const card = page.getByTestId('inspector').getByTestId('frame-card');
    await card.waitFor();
    const shown = (await card.locator('.hex .seg').allTextContents()).join(' ');
    expect(shown).toMatch(/^81 82( [0-9a-f]{2}){6}$/); // masked "hi": header, key, 2 bytes
    await copyWith(card, 'hex');
    await expect.poll(() => readClipboard(page)).toBe(shown);
    await copyWith(card, 'js');
    const js = await readClipboard(page);
    expect(js.split('\n')[0]).toBe('// text frame, FIN, masked, 2-byte payload');
    expect(js).toContain(
      shown
        .split(' ')
        .map((b) => `0x${b}`)
        .join(', '),
    );
    await shot(page, 'playground-1280');
  });
});

describe('the lesson’s frame editor', () => {
  it('copies the frame under the cursor', async () => {
    const page = await h.open('#/lessons/frame-anatomy', CLIPBOARD, 'lesson');
    const widget = page.locator('[data-widget="frame-editor"]').first();
    await widget.scrollIntoViewIfNeeded();
    const tree = widget.getByTestId('field-tree');
    await tree.getByTestId('tree-copy-toggle').waitFor({ timeout: 20_000 });
    await copyWith(tree, 'c', 'tree-copy');
    await expect.poll(() => readClipboard(page)).toBe(EXPECTED.c);
    await tree.getByTestId('tree-copy-toggle').click();
    await shot(page, 'editor-1280');
    expect(await seriousAxeFindings(page, ['[data-widget="frame-editor"]'])).toEqual([]);
  });
});
