/**
 * The frame decoder page, end to end: the built site in Chromium. Given these bytes (in the URL, typed,
 * pasted or from an example), this verdict, these fields, this answer from the receiver — and no page
 * error, console error/warning or HTTP error along the way. Needs `npx vite build` first.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  // Every test must leave no page errors, console errors or warnings, and no HTTP ≥ 400 behind.
  const problems = h.problems.splice(0);
  expect(problems).toEqual([]);
});

const verdict = (page: Page) => page.getByTestId('verdict');
const row = (page: Page, field: string, card = 0) =>
  page.getByTestId('frame-card').nth(card).locator(`tr[data-field="${field}"]`);
const rawOf = (page: Page, field: string, card = 0) =>
  row(page, field, card).getByTestId('field-raw').textContent();

/** Replace the textarea's content the way a paste does: set the value, fire one input event. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('hex-input').evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

describe('RFC 6455 §5.7 examples', () => {
  it('a link with an unmasked server text frame shows “Hello” and its fields', async () => {
    const page = await h.open('#/frame?hex=810548656c6c6f&dir=s2c');
    await expect.poll(() => verdict(page).textContent()).toContain('Valid');
    expect(await verdict(page).textContent()).toContain('“Hello”');
    expect(await page.getByTestId('hex-input').inputValue()).toBe('81 05 48 65 6c 6c 6f');
    expect(await page.getByTestId('dir-s2c').isChecked()).toBe(true);
    expect(await page.getByTestId('frame-summary').first().textContent()).toBe(
      'Text frame, 5 bytes: “Hello”',
    );
    expect(await rawOf(page, 'fin')).toBe('1');
    expect(await rawOf(page, 'rsv1')).toBe('0');
    expect(await rawOf(page, 'opcode')).toBe('0x1');
    expect(await rawOf(page, 'mask')).toBe('0');
    expect(await rawOf(page, 'payload-len')).toBe('5');
    expect(await rawOf(page, 'payload')).toBe('48 65 6c 6c 6f');
    expect(await row(page, 'opcode').textContent()).toContain('byte 0, bits 4–7');
    expect(await row(page, 'payload').textContent()).toContain('bytes 2–6');
    expect(await page.getByTestId('receiver').textContent()).toContain('Delivers a text message');
  });

  it('the masked client frame is unmasked with its key, and example buttons fill the input', async () => {
    const page = await h.open('#/frame');
    await page.getByTestId('example-fragmented').click();
    expect(await page.getByTestId('hex-input').inputValue()).toBe('01 03 48 65 6c\n80 02 6c 6f');
    await expect.poll(() => verdict(page).textContent()).toContain('2 frames → text message “Hello”');
    expect(await page.getByTestId('frame-card').count()).toBe(2);
    expect(page.url()).toContain('#/frame?hex=010348656c80026c6f&dir=s2c');

    await page.getByTestId('example-hello-masked').click();
    await expect.poll(() => rawOf(page, 'masking-key')).toBe('37 fa 21 3d');
    expect(await page.getByTestId('dir-c2s').isChecked()).toBe(true);
    expect(await row(page, 'payload').textContent()).toContain('“Hello”');

    await page.getByTestId('example-ping').click();
    await expect.poll(() => page.getByTestId('replies').textContent()).toContain('Pong frame, 5 bytes');
  });

  it('typing decodes live and keeps the link in the address bar up to date', async () => {
    const page = await h.open('#/frame');
    const input = page.getByTestId('hex-input');
    await input.fill('');
    await input.pressSequentially('88 02 03 e8');
    await page.getByTestId('dir-s2c').check();
    await expect.poll(() => verdict(page).textContent()).toContain('close frame 1000');
    expect(await row(page, 'close-code').textContent()).toContain('1000 Normal Closure');
    expect(await page.getByTestId('replies').textContent()).toContain('Close frame: 1000');
    expect(new URL(page.url()).hash).toBe('#/frame?hex=880203e8&dir=s2c');
  });
});

describe('violations name the rule', () => {
  it('a ping whose length field says 126 (server → client) → §5.5, close 1002', async () => {
    const page = await h.open('#/frame?hex=89%207e%2000%207e&dir=s2c');
    await expect.poll(() => verdict(page).textContent()).toContain('§5.5');
    const text = await verdict(page).textContent();
    expect(text).toContain('125 bytes or less');
    expect(text).toContain('1002');
    expect(await page.getByTestId('replies').textContent()).toContain('Close frame: 1002');
    // The byte the rule is about is marked in the hex pane.
    expect(await page.locator('.seg.err').first().textContent()).toBe('7e');
  });

  it('the same ping from a client (masked) → §5.5, close 1002', async () => {
    const page = await h.open('#/frame?hex=89fe007e00000000&dir=c2s');
    await expect.poll(() => verdict(page).textContent()).toContain('§5.5');
    expect(await verdict(page).textContent()).toContain('1002');
  });

  it('an unmasked client frame → §5.1, with a way to read it the other way round', async () => {
    const page = await h.open('#/frame');
    await page.getByTestId('example-unmasked-client').click();
    await expect.poll(() => verdict(page).textContent()).toContain('§5.1');
    await page.getByRole('button', { name: 'Read them as server → client' }).click();
    await expect.poll(() => verdict(page).textContent()).toContain('Valid');
  });
});

describe('incomplete input', () => {
  it('a truncated text frame says how many more bytes the receiver waits for', async () => {
    const page = await h.open('#/frame?hex=81054865&dir=s2c');
    await expect.poll(() => verdict(page).textContent()).toContain('Incomplete: waiting for 3 more bytes');
    const card = page.getByTestId('frame-card').first();
    expect(await card.getAttribute('data-kind')).toBe('partial');
    expect(await row(page, 'payload').textContent()).toContain('cut short');
  });

  it('a 16-bit length with no payload yet waits for all 256 bytes', async () => {
    const page = await h.open('#/frame');
    await page.getByTestId('example-binary-256').click();
    await expect.poll(() => verdict(page).textContent()).toContain('waiting for 256 more bytes');
    expect(await rawOf(page, 'ext-len')).toBe('256');
  });
});

describe('bad input is a lesson, not a crash', () => {
  it('a non-hex character is named with its position and marked in an excerpt', async () => {
    const page = await h.open('#/frame');
    const input = page.getByTestId('hex-input');
    await input.fill('');
    await input.pressSequentially('81 05 4g');
    await expect.poll(() => verdict(page).textContent()).toContain('“g” at character 8');
    expect(await page.getByTestId('bad-char').textContent()).toBe('g');
    await page.getByRole('button', { name: 'Select it in the input' }).click();
    const selection = await input.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]);
    expect(selection).toEqual([7, 8]);
  });

  it('an odd number of digits says so', async () => {
    const page = await h.open('#/frame');
    await page.getByTestId('hex-input').fill('81 05 4');
    await expect.poll(() => verdict(page).textContent()).toContain('Odd number of hex digits');
    expect(await verdict(page).textContent()).toContain('“4”');
  });

  it('a 3 MB paste decodes only the first 1 MiB, draws only 4 KiB of hex and stays responsive', async () => {
    const page = await h.open('#/frame?dir=s2c');
    // A server's binary frame announcing 1,499,990 payload bytes, then 3 MB of hex in all.
    const header = '82 7f 00 00 00 00 00 16 e3 56';
    const big = header + 'ab'.repeat(1_500_000 - 10);
    expect(big.length).toBeGreaterThan(3_000_000);
    const t0 = Date.now();
    await paste(page, big);
    await page.getByTestId('limit-notice').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('limit-notice').textContent()).toContain(
      'showing the first 1,048,576 bytes of 1,500,000',
    );
    expect(await page.getByTestId('hex-limit-notice').textContent()).toContain('4,096');
    await expect.poll(() => verdict(page).textContent()).toContain('Incomplete');
    // Responsive: the page answers quickly and did not draw a node per byte.
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    expect(nodes).toBeLessThan(2000);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The link stays bounded, and says so.
    expect(page.url().length).toBeLessThan(4096 + 200);
    expect(await page.getByTestId('url-notice').isVisible()).toBe(true);
    // And the page still works afterwards.
    await page.getByTestId('example-hello').click();
    await expect.poll(() => verdict(page).textContent()).toContain('“Hello”');
  });

  it('a garbled link shows clear notices and the page still works', async () => {
    const page = await h.open('#/frame?hex=zz%ZZ&dir=sideways');
    const notices = page.getByTestId('route-notice');
    await expect.poll(() => notices.count()).toBe(2);
    const all = (await notices.allTextContents()).join(' ');
    expect(all).toContain('“sideways”');
    expect(all).toContain('%-escape');
    await expect.poll(() => verdict(page).textContent()).toContain('“z” at character 1');
    await page.getByTestId('example-hello').click();
    await expect.poll(() => verdict(page).textContent()).toContain('Valid');
  });

  it('an unknown route shows a notice and the home page', async () => {
    const page = await h.open('#/nowhere/at-all', {}, 'home');
    expect(await page.getByTestId('route-notice').textContent()).toContain('/nowhere/at-all');
  });

  it('following a new link in the same page re-opens the decoder on its bytes', async () => {
    const page = await h.open('#/frame');
    await page.evaluate(() => (location.hash = '#/frame?hex=8900&dir=s2c'));
    await expect.poll(() => page.getByTestId('hex-input').inputValue()).toBe('89 00');
    await expect.poll(() => verdict(page).textContent()).toContain('ping');
    expect(new URL(page.url()).hash).toBe('#/frame?hex=8900&dir=s2c');
    // The nav link carries no bytes: the decoder keeps its input and writes it back into the URL.
    await page.getByRole('link', { name: 'Frame decoder' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/frame?hex=8900&dir=s2c');
    expect(await page.getByTestId('hex-input').inputValue()).toBe('89 00');
  });
});

describe('linked field and byte panes', () => {
  it('hovering a field lights its bytes, and hovering bytes lights their fields', async () => {
    const page = await h.open('#/frame?hex=818537fa213d7f9f4d5158&dir=c2s');
    const segs = page.getByTestId('frame-card').first().locator('.seg');
    await row(page, 'masking-key').hover();
    await expect.poll(() => page.locator('.seg.lit').allTextContents()).toEqual(['37 fa 21 3d']);

    await segs.first().hover(); // byte 0: FIN, RSV1–3 and opcode share it
    await expect
      .poll(() => page.locator('tr.lit').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))))
      .toEqual(['fin', 'rsv1', 'rsv2', 'rsv3', 'opcode']);

    // Keyboard: focusing a field's button lights its bytes too; Enter pins the selection.
    await page.mouse.move(0, 0);
    await row(page, 'payload').getByRole('button').focus();
    await expect.poll(() => page.locator('.seg.lit').allTextContents()).toEqual(['7f 9f 4d 51 58']);
    await page.keyboard.press('Enter');
    expect(await row(page, 'payload').getByRole('button').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await row(page, 'payload').getByRole('button').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('languages', () => {
  it('switching to Korean changes the UI and survives a reload', async () => {
    const page = await h.open('#/frame?hex=810548656c6c6f&dir=s2c', { locale: 'en-US' });
    expect(await page.locator('nav').textContent()).toContain('Frame decoder');
    await page.getByTestId('lang-ko').click();
    await expect.poll(() => page.locator('nav').textContent()).toContain('프레임 디코더');
    expect(await verdict(page).textContent()).toContain('올바름');
    expect(await page.getByTestId('frame-summary').first().textContent()).toBe(
      '텍스트 프레임, 5바이트: “Hello”',
    );
    expect(await row(page, 'fin').textContent()).toContain('마지막 조각');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.evaluate(() => localStorage.getItem('ws101:v1:lang'))).toBe('ko');
    await page.reload();
    await expect.poll(() => page.locator('nav').textContent()).toContain('프레임 디코더');
    expect(await page.getByTestId('lang-ko').getAttribute('aria-pressed')).toBe('true');
    // Engine errors come in Korean too.
    await page.getByTestId('example-ping-126').click();
    await expect.poll(() => verdict(page).textContent()).toContain('제어 프레임');
  });

  it('the default follows the browser language; a corrupt stored value is ignored', async () => {
    const ko = await h.open('#/frame', { locale: 'ko-KR' });
    await expect.poll(() => ko.locator('nav').textContent()).toContain('프레임 디코더');

    const context = { locale: 'en-US' };
    const page = await h.open('#/frame', context);
    await page.evaluate(() => localStorage.setItem('ws101:v1:lang', '{"corrupt'));
    await page.reload();
    await expect.poll(() => page.locator('nav').textContent()).toContain('Frame decoder');
  });
});
