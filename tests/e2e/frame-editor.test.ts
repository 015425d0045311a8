/**
 * The frame editor in Chromium, on its own page (tests/bench/editor.html on a vite dev server: the
 * editor has no route yet). Given these bytes typed into Monaco, this field tree; given this violation,
 * a marker naming the rule and the close code; given an edit in the tree, these bytes in Monaco —
 * and no page error, console error or warning along the way. Screenshots go to /tmp/shots-ed/.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEditorServer, type EditorServer } from '../bench/editor.server.ts';
import { seriousAxeFindings } from './axe.ts';

const SHOTS = '/tmp/shots-ed';
let s: EditorServer;
const problems: string[] = [];

beforeAll(async () => {
  s = await startEditorServer();
  // The first page load makes the dev server bundle Monaco; do it once here, not inside a test's time.
  await open('');
}, 180_000);
afterAll(async () => s?.close());
afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

async function open(query: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await s.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(s.url(query));
  await page.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor({ timeout: 120_000 });
  return page;
}

/** Monaco's text as rendered, line by line (its DOM lines are positioned, not ordered). */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.monaco-editor .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

async function typeAll(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const status = (page: Page) => page.getByTestId('editor-status');
const raw = (page: Page, field: string) =>
  page.locator(`[data-testid="field-tree"] li[data-field="${field}"] [data-testid="tree-raw"]`).first();

describe('typing into Monaco', () => {
  it('shows the bytes as text until Monaco is there, then the editor; its worker starts', async () => {
    const page = await open('hex=81+05+48+65+6c+6c+6f&dir=s2c');
    expect(await editorText(page)).toBe('81 05\n48 65 6c 6c 6f');
    await expect.poll(() => page.workers().length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await status(page).textContent()).toContain('Text frame, 5 bytes: “Hello”');
    await page.context().close();
  });

  it('updates the field tree on every keystroke', async () => {
    const page = await open('hex=81+05+48+65+6c+6c+6f&dir=s2c');
    await typeAll(page, '82 03 41 42');
    await expect.poll(() => status(page).getAttribute('data-kind')).toBe('incomplete');
    expect(await raw(page, 'payload-len').textContent()).toBe('3');
    expect(await page.getByTestId('tree-opcode').inputValue()).toBe('2');
    await page.keyboard.type(' 43');
    await expect.poll(() => status(page).textContent()).toContain('Binary frame, 3 bytes');
    expect(await page.getByTestId('tree-payload').inputValue()).toBe('ABC');
    await page.context().close();
  });

  it('§5.5: "89 7e" from the server gets a marker on 7e that names the rule and 1002', async () => {
    const page = await open('hex=81+00&dir=s2c');
    await typeAll(page, '89 7e');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    expect(await status(page).textContent()).toMatch(/RFC 6455 §5\.5: .*→ close 1002/);
    await page.locator('.monaco-editor .view-line span', { hasText: '7e' }).last().hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: '§5.5' });
    await hover.first().waitFor();
    const text = (await hover.first().textContent()) ?? '';
    expect(text).toContain('RFC 6455 §5.5');
    expect(text).toContain('close 1002');
    expect(text).toContain('Payload len');
    await page.screenshot({ path: `${SHOTS}/marker-hover-1280-en.png` });
    await page.context().close();
  });

  it('non-hex characters are marked and the status says where', async () => {
    const page = await open('hex=81+00&dir=s2c');
    await typeAll(page, '81 0g');
    await expect.poll(() => status(page).getAttribute('data-kind')).toBe('input');
    expect(await status(page).textContent()).toContain('“g” is not a hex digit (line 1, column 5)');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.context().close();
  });
});

describe('editing in the field tree', () => {
  it('toggling FIN rewrites the first byte in Monaco, and undo brings it back', async () => {
    const page = await open('hex=81+85+37+fa+21+3d+7f+9f+4d+51+58&dir=c2s');
    await page.getByTestId('tree-fin').uncheck();
    await expect.poll(() => editorText(page)).toBe('01 85 37 fa 21 3d\n7f 9f 4d 51 58');
    expect(await raw(page, 'fin').textContent()).toBe('0');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => editorText(page)).toBe('81 85 37 fa 21 3d\n7f 9f 4d 51 58');
    await page.context().close();
  });

  it('a reserved opcode, MASK off, a longer length form, a new payload: each re-encoded by the engine', async () => {
    const page = await open('hex=81+85+37+fa+21+3d+7f+9f+4d+51+58&dir=c2s');
    await page.getByTestId('tree-opcode').selectOption('3');
    await expect.poll(() => status(page).textContent()).toContain('§5.2');
    await page.getByTestId('tree-opcode').selectOption('1');
    await page.getByTestId('tree-mask').uncheck();
    await expect.poll(() => editorText(page)).toBe('81 05\n48 65 6c 6c 6f');
    expect(await status(page).textContent()).toContain('§5.1');
    await page.getByTestId('tree-length-form').selectOption('16');
    await expect.poll(() => editorText(page)).toBe('81 7e 00 05\n48 65 6c 6c 6f');
    await page.getByTestId('tree-payload').fill('Hi');
    await expect.poll(() => editorText(page)).toBe('81 7e 00 02\n48 69');
    await page.getByTestId('ed-dir-s2c').check();
    await expect.poll(() => status(page).textContent()).toMatch(/§5\.2: .*16-bit form/);
    await page.context().close();
  });

  it('an incomplete frame: only the first byte is editable, and the tree says so', async () => {
    const page = await open('hex=81+85+37&dir=c2s');
    expect(await page.getByTestId('tree-note').textContent()).toContain(
      'only the fields whose bytes are all there',
    );
    expect(await page.getByTestId('tree-mask').count()).toBe(0);
    await page.getByTestId('tree-rsv1').check();
    await expect.poll(() => editorText(page)).toBe('c1 85 37');
    await page.context().close();
  });

  it('a new random masking key re-masks the payload; the masking table shows i, key[i mod 4] and the XOR', async () => {
    const page = await open('hex=81+85+37+fa+21+3d+7f+9f+4d+51+58&dir=c2s');
    const rows = page.getByTestId('mask-table').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells.map((c) => c.trim()).join(' ')).toBe('0 48 H ⊕ 37 [0] = 7f ·');
    await page.getByTestId('tree-random-key').click();
    await expect.poll(async () => (await editorText(page)).startsWith('81 85 37 fa 21 3d')).toBe(false);
    expect(await page.getByTestId('tree-payload').inputValue()).toBe('Hello');
    expect(await status(page).getAttribute('data-kind')).toBe('valid');
    await page.context().close();
  });
});

describe('direction and sending', () => {
  it('an unmasked frame is fine from the server, and a §5.1 error from the client', async () => {
    const page = await open('hex=81+05+48+65+6c+6c+6f&dir=s2c');
    expect(await status(page).getAttribute('data-kind')).toBe('valid');
    await page.getByTestId('ed-dir-c2s').check();
    await expect.poll(() => status(page).textContent()).toMatch(/RFC 6455 §5\.1: .*→ close 1002/);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.context().close();
  });

  it('server → client bytes cannot be sent by the learner, and the page says why', async () => {
    const page = await open('hex=81+05+48+65+6c+6c+6f&dir=s2c');
    expect(await page.getByTestId('send-frame').isDisabled()).toBe(true);
    expect(await page.getByTestId('send-why').textContent()).toContain('Only the client is yours');
    await page.context().close();
  });

  it('"Send this frame" plays the simulated server’s reaction: an unmasked frame is closed with 1002', async () => {
    const page = await open('hex=81+05+48+65+6c+6c+6f&dir=c2s', { reducedMotion: 'reduce' });
    await page.getByTestId('send-frame').click();
    const log = page.getByTestId('send-log');
    await expect.poll(() => log.textContent(), { timeout: 20_000 }).toContain('§5.1');
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('101 Switching Protocols');
    expect(text).toContain('RAW 7 B');
    expect(text).toContain('CLOSE 1002');
    expect(await page.getByTestId('send-playground').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('send-dialog').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('keyboard and focus', () => {
  it('axe finds nothing serious, in light and dark, with a masked frame and with an error', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const query of ['hex=81+85+37+fa+21+3d+7f+9f+4d+51+58&dir=c2s', 'hex=89+7e&dir=s2c&lang=ko']) {
        const page = await open(query, { colorScheme });
        expect(await seriousAxeFindings(page), `${colorScheme} ${query}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('Tab leaves the editor (no keyboard trap); F8 shows the problem under the cursor', async () => {
    const page = await open('hex=89+7e&dir=s2c');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('F8');
    await page.locator('.monaco-editor .marker-widget').filter({ hasText: '§5.5' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
    expect(inEditor).toBe(false);
    await page.context().close();
  });
});

describe('screenshots', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`the send dialog in ${lang}, 1280×720 and 390×844`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      for (const [width, height] of [
        [1280, 720],
        [390, 844],
      ] as const) {
        const page = await open(`hex=81+05+48+65+6c+6c+6f&dir=c2s&lang=${lang}`, {
          viewport: { width, height },
          reducedMotion: 'reduce',
        });
        await page.getByTestId('send-frame').click();
        await expect
          .poll(() => page.getByTestId('send-log').textContent(), { timeout: 20_000 })
          .toContain('1002');
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SHOTS}/send-${width}-${lang}.png` });
        await page.context().close();
      }
    });
  }

  const scenes: [string, string][] = [
    ['hello', 'hex=81+85+37+fa+21+3d+7f+9f+4d+51+58&dir=c2s'],
    ['error', 'hex=89+7e&dir=s2c'],
    ['big', 'size=64k'],
  ];
  for (const [name, query] of scenes) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${name} in ${lang}, 1280×720 and 390×844, light and dark`, async () => {
        mkdirSync(SHOTS, { recursive: true });
        for (const [width, height] of [
          [1280, 720],
          [390, 844],
        ] as const) {
          for (const colorScheme of ['light', 'dark'] as const) {
            if (colorScheme === 'dark' && width !== 1280) continue;
            const page = await open(`${query}&lang=${lang}`, { viewport: { width, height }, colorScheme });
            await page.waitForTimeout(300);
            const suffix = colorScheme === 'dark' ? '-dark' : '';
            await page.screenshot({ path: `${SHOTS}/${name}-${width}-${lang}${suffix}.png` });
            await page.context().close();
          }
        }
      });
    }
  }
});
