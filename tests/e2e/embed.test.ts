/**
 * Embedding, end to end: a teacher's page on another origin frames the widget and steps it with
 * postMessage; the presenter keys; the frame without the site's chrome at slide sizes; a forced theme;
 * the Embed dialog's snippet; and the playground's share link replaying the same bytes after a reload.
 *
 *   npx vite build --outDir /tmp/embed-dist --emptyOutDir
 *   WS101_DIST=/tmp/embed-dist npx vitest run --project e2e tests/e2e/embed.test.ts
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHostPage, type HostPage } from '../support/host-page.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
/** The teacher's site: another port of 127.0.0.1, so another origin than the widget's. */
let host: HostPage;

const SCENARIO = 'server=echo&run=connect;send%20hi';

beforeAll(async () => {
  h = await startHarness();
  host = await startHostPage();
});
afterAll(async () => {
  await host?.close();
  await h?.close();
});
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

interface State {
  type: string;
  view: string;
  step: number;
  steps: number;
  playing: boolean;
  time: number | null;
  label: string;
  action?: string;
  id?: string | number;
}

/** The teacher's page: the widget in an iframe, every message from it kept in order. */
function hostPage(src: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A slide</title><link rel="icon" href="data:,"></head>
<body>
<iframe id="w" src="${src}" width="960" height="540" title="ws101 playground" style="border:0"></iframe>
<script>
  window.__replies = [];
  window.__ready = null;
  const w = document.getElementById('w');
  addEventListener('message', (e) => {
    if (e.source !== w.contentWindow) return;
    if (e.data && e.data.type === 'ws101:ready') window.__ready = { data: e.data, origin: e.origin };
    else window.__replies.push(e.data);
  });
  window.send = (m) => w.contentWindow.postMessage(m, '*');
</script>
</body></html>`;
}

async function openHost(hash: string): Promise<{ page: Page; widget: Frame }> {
  host.set(hostPage(h.baseUrl + hash));
  // Any page of the site first (the harness records problems on it), then the teacher's page.
  const page = await h.open('#/frame');
  await page.goto(host.url);
  await page.waitForFunction(() => (window as unknown as { __ready: unknown }).__ready !== null);
  const widget = page.frames().find((f) => f.url().startsWith(h.baseUrl));
  if (!widget) throw new Error('the widget frame is not there');
  return { page, widget };
}

const replies = (page: Page): Promise<State[]> =>
  page.evaluate(() => (window as unknown as { __replies: State[] }).__replies);

/** Send one message and wait for its reply (the widget answers every accepted message once). */
async function ask(page: Page, message: unknown): Promise<State> {
  const before = (await replies(page)).length;
  await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
  await expect.poll(async () => (await replies(page)).length).toBe(before + 1);
  return (await replies(page))[before]!;
}

describe('a host page on another origin', () => {
  it('steps the playground with messages, and ignores garbage', async () => {
    const { page, widget } = await openHost(`#/embed/playground?${SCENARIO}`);
    expect(host.origin).not.toBe(new URL(h.baseUrl).origin);

    const ready = await page.evaluate(
      () => (window as unknown as { __ready: { data: State; origin: string } }).__ready,
    );
    expect(ready.origin).toBe(new URL(h.baseUrl).origin);
    expect(ready.data).toMatchObject({ type: 'ws101:ready', version: 1, view: 'playground', step: 0 });
    expect(ready.data.steps).toBeGreaterThan(5);
    expect(ready.data.playing).toBe(false);

    const first = await ask(page, { type: 'getState' });
    expect(first).toMatchObject({ type: 'ws101:state', view: 'playground', step: 0, playing: false });
    const steps = first.steps;

    let last = first;
    for (let i = 1; i <= 3; i++) {
      last = await ask(page, { type: 'step' });
      expect(last).toMatchObject({ action: 'step', step: i, steps, playing: false });
      expect(last.label).not.toBe('');
    }
    // The widget shows what it says: its scrubber is at the reported time, which is rounded to 0.1 ms.
    expect(Number(await widget.getByTestId('scrubber').inputValue())).toBeCloseTo(last.time!, 1);
    expect(String(last.time)).toMatch(/^\d+(\.\d)?$/);

    expect(await ask(page, { type: 'back' })).toMatchObject({ action: 'back', step: 2, playing: false });
    // The long form, with an id echoed back.
    expect(await ask(page, { type: 'ws101', action: 'goto', step: 5, id: 'g5' })).toMatchObject({
      action: 'goto',
      step: 5,
      id: 'g5',
    });
    expect(await ask(page, { type: 'step', n: 2 })).toMatchObject({ step: 7 });
    expect(await ask(page, { type: 'reset' })).toMatchObject({ action: 'reset', step: 0, playing: false });
    expect(await ask(page, { type: 'ws101', action: 'play' })).toMatchObject({ playing: true });
    expect(await ask(page, { type: 'pause' })).toMatchObject({ playing: false });

    const count = (await replies(page)).length;
    const garbage: unknown[] = [
      'hello',
      null,
      42,
      [{ type: 'step' }],
      { type: 42 },
      { type: 'step', n: 'x' },
      { type: 'step', n: 0 },
      { type: 'step', n: 1.5 },
      { type: 'back', n: 10_000 },
      { type: 'goto' },
      { type: 'goto', step: -1 },
      { type: 'goto', step: Number.NaN },
      { type: 'ws101', action: 'explode' },
      { type: 'ws101' },
      { type: 'step', action: 'step' },
      { type: 'getState', id: { nested: true } },
      { type: 'getState', id: 'x'.repeat(65) },
      'x'.repeat(1 << 20),
    ];
    for (const g of garbage)
      await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), g);
    // Messages from one window arrive in order: once this one is answered, all the garbage was read.
    const end = await ask(page, { type: 'getState', id: 'end' });
    expect(end).toMatchObject({ id: 'end', step: 0 });
    expect((await replies(page)).length).toBe(count + 1);
  });

  it('answers getState with steps: 0 on a view that cannot step', async () => {
    const { page } = await openHost('#/embed/lessons');
    expect(await ask(page, { type: 'getState' })).toMatchObject({ view: 'lessons', steps: 0, step: 0 });
    expect(await ask(page, { type: 'step' })).toMatchObject({ view: 'lessons', steps: 0, step: 0 });
  });

  it('walks the decoder through the fields of a frame, one by one', async () => {
    const { page, widget } = await openHost('#/embed/frame?hex=818537fa213d7f9f4d5158&dir=c2s');
    const s0 = await ask(page, { type: 'getState' });
    expect(s0).toMatchObject({ view: 'frame', step: 0, playing: false, time: null });
    const fields = ['fin', 'rsv1', 'rsv2', 'rsv3', 'opcode', 'mask', 'payload-len', 'masking-key'];
    expect(s0.steps).toBeGreaterThanOrEqual(fields.length + 1);
    for (const [i, field] of fields.entries()) {
      const s = await ask(page, { type: 'step' });
      expect(s.step).toBe(i + 1);
      await expect.poll(() => widget.locator('tr:has(button[aria-pressed="true"])').count()).toBe(1);
      expect(await widget.locator('tr:has(button[aria-pressed="true"])').getAttribute('data-field')).toBe(
        field,
      );
    }
    expect((await ask(page, { type: 'back' })).label).toBe('Payload len = 5');
  });
});

describe('the presenter keys', () => {
  it('→ and Space step forward, ← steps back, and a space typed in the console does not step', async () => {
    const page = await h.open(`#/embed/playground?${SCENARIO}`, {}, 'playground');
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    const playhead = async () => Number(await page.getByTestId('scrubber').inputValue());
    expect(await playhead()).toBe(0);

    await page.keyboard.press('ArrowRight');
    await expect.poll(playhead).toBeGreaterThan(0);
    const one = await playhead();
    await page.keyboard.press('Space');
    await expect.poll(playhead).toBeGreaterThan(one);
    const two = await playhead();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(playhead).toBe(one);
    expect(await page.getByTestId('play-pause').getAttribute('data-playing')).toBe('false');

    // In the console, Space is a character and the arrows move the cursor: none of them steps.
    await page.locator('[data-testid="console"] .xterm').click();
    await page.keyboard.type('send a b');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () =>
        (await page.locator('[data-testid="console"] .xterm-rows').innerText()).includes('send a b'),
      )
      .toBe(true);
    expect(await playhead()).toBe(one);
    expect(two).toBeGreaterThan(one);
  });
});

describe('the frame alone', () => {
  const SIZES = [
    [480, 270],
    [960, 540],
    [1280, 720],
    [1920, 1080],
  ] as const;
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: no site chrome, the diagram in view, no page scrollbar`, async () => {
      const page = await h.open(
        `#/embed/playground?${SCENARIO}`,
        { viewport: { width, height } },
        'playground',
      );
      expect(await page.locator('header.topbar').count()).toBe(0);
      expect(await page.locator('footer').count()).toBe(0);
      expect(await page.locator('a.skip').count()).toBe(0);
      const box = await page.getByTestId('diagram').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.height).toBeGreaterThan(60);
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
      expect(await page.getByTestId('play-pause').isVisible()).toBe(true);
      const scroll = await page.evaluate(() => ({
        w: document.documentElement.scrollWidth,
        h: document.documentElement.scrollHeight,
      }));
      expect(scroll.w).toBeLessThanOrEqual(width);
      expect(scroll.h).toBeLessThanOrEqual(height);
      // The way out: the same view on the full site, in a new tab.
      const out = page.getByTestId('embed-out');
      expect(await out.getAttribute('target')).toBe('_blank');
      expect(await out.getAttribute('href')).toBe(`${h.baseUrl}#/playground?${SCENARIO}`);
    });
  }

  it('is axe clean embedded: the playground with its toggles, the decoder mid-walk, the race', async () => {
    const pg = await h.open(
      `#/embed/playground?${SCENARIO}`,
      { viewport: { width: 960, height: 540 } },
      'playground',
    );
    await pg.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    await pg.keyboard.press('ArrowRight');
    expect(await seriousAxeFindings(pg)).toEqual([]);
    const dec = await h.open('#/embed/frame?hex=818537fa213d7f9f4d5158&dir=c2s&theme=dark', {
      viewport: { width: 480, height: 270 },
    });
    await dec.keyboard.press('ArrowRight');
    expect(await seriousAxeFindings(dec)).toEqual([]);
    const cmp = await h.open('#/embed/compare', { viewport: { width: 960, height: 540 } }, 'compare');
    await cmp.getByTestId('cmp-time').waitFor();
    expect(await seriousAxeFindings(cmp)).toEqual([]);
  });

  it('the console opens behind a toggle when the frame is small', async () => {
    const page = await h.open(
      `#/embed/playground?${SCENARIO}`,
      { viewport: { width: 960, height: 540 } },
      'playground',
    );
    expect(await page.getByTestId('console').count()).toBe(0);
    const toggle = page.getByTestId('embed-toggle-console');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await page.getByTestId('console').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(540);
  });

  it('scale= multiplies the root font size; garbage parameters change nothing and log nothing', async () => {
    const big = await h.open('#/embed/frame?hex=8100&scale=2', {}, 'verdict');
    expect(await big.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    const clamped = await h.open('#/embed/frame?hex=8100&scale=99&font=20', {}, 'verdict');
    expect(await clamped.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('50px');
    const junk = await h.open(
      '#/embed/playground?run=connect&scale=abc&font=1e9&theme=purple&lang=xx&autoplay=maybe',
      {},
      'playground',
    );
    expect(
      await junk.evaluate(() => ({
        size: getComputedStyle(document.documentElement).fontSize,
        theme: document.documentElement.dataset.theme ?? null,
      })),
    ).toEqual({ size: '16px', theme: null });
    expect(await junk.getByTestId('route-notice').count()).toBe(0);
  });
});

describe('theme=', () => {
  it('dark wins over a light system setting: page, terminal and counters', async () => {
    const page = await h.open(
      `#/embed/playground?${SCENARIO}&theme=dark`,
      { colorScheme: 'light', viewport: { width: 1280, height: 720 } },
      'playground',
    );
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(15, 18, 23)');
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    expect(
      await page.locator('[data-testid="console"] .xterm-rows').evaluate((el) => getComputedStyle(el).color),
    ).toBe('rgb(232, 235, 240)');

    const light = await h.open('#/compare?theme=light', { colorScheme: 'dark' }, 'compare');
    expect(await light.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(246, 247, 249)',
    );
    // On the full site the choice holds while moving around, until theme=auto.
    await light.getByRole('link', { name: 'Frame decoder' }).click();
    await light.getByTestId('verdict').waitFor();
    expect(await light.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('Monaco follows a forced theme', async () => {
    const page = await h.open('#/embed/lessons/frame-anatomy?theme=dark', { colorScheme: 'light' }, 'lesson');
    // Lesson widgets start when they come near the viewport: scroll past each of them.
    for (const box of await page.locator('.deferred').all()) await box.scrollIntoViewIfNeeded();
    const ready = page.locator('[data-testid="frame-editor"][data-phase="ready"]').first();
    await ready.waitFor({ timeout: 30_000 });
    expect(
      await page
        .locator('.monaco-editor .monaco-editor-background')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(23, 27, 34)');
  });
});

describe('the Embed button', () => {
  it('gives the iframe HTML for the view as it is, from the keyboard, and is axe clean', async () => {
    const page = await h.open(
      `#/playground?${SCENARIO}`,
      { reducedMotion: 'reduce', permissions: ['clipboard-read', 'clipboard-write'] },
      'playground',
    );
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    const button = page.getByTestId('embed-button');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('embed-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('embed-copy');

    const code = () => page.getByTestId('embed-code').inputValue();
    const snippet = await code();
    // In an attribute, & is written &amp;.
    expect(snippet).toBe(
      `<iframe src="${h.baseUrl}#/embed/playground?${SCENARIO.replace('&', '&amp;')}" width="960" height="540" title="ws101: Playground"` +
        ' loading="lazy" allow="clipboard-write" style="border:0"></iframe>',
    );

    // Size and theme from the keyboard: arrows move within a radio group.
    await page.getByTestId('embed-size-960').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('embed-theme-auto').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('embed-scale').selectOption('1.5');
    const chosen = await code();
    expect(chosen).toContain('width="1280" height="720"');
    expect(chosen).toContain(
      `#/embed/playground?${SCENARIO.replace('&', '&amp;')}&amp;theme=dark&amp;scale=1.5"`,
    );

    await page.getByTestId('embed-copy').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('embed-status').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chosen);

    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'embed-button',
    );
  });

  it('carries the decoder bytes, and is not on the home page', async () => {
    const page = await h.open('#/frame?hex=810548656c6c6f&dir=s2c', {
      viewport: { width: 390, height: 844 },
    });
    // On a phone the teacher's button is in the header's menu, not in every student's header.
    expect(await page.getByTestId('embed-button').isVisible()).toBe(false);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('embed-button').click();
    expect(await page.getByTestId('embed-code').inputValue()).toContain(
      `src="${h.baseUrl}#/embed/frame?hex=810548656c6c6f&amp;dir=s2c"`,
    );
    expect(await seriousAxeFindings(page)).toEqual([]);
    const home = await h.open('#/', {}, 'home');
    expect(await home.getByTestId('embed-button').count()).toBe(0);
  });
});

describe('the playground share link', () => {
  /** The raw value of every field of the last frame the client sent, read from the inspector. */
  async function lastClientFrame(page: Page): Promise<Record<string, string>> {
    await page.locator('[data-testid="arrow"][data-kind="frame"][data-from="client"]').last().click();
    const card = page.getByTestId('inspector').getByTestId('frame-card');
    await card.waitFor();
    const rows = await card
      .locator('tr[data-field]')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          (tr as HTMLElement).dataset.field ?? '',
          tr.querySelector('[data-testid="field-raw"]')?.textContent?.trim() ?? '',
        ]),
      );
    return Object.fromEntries(rows);
  }

  async function type(page: Page, line: string): Promise<void> {
    await page.locator('[data-testid="console"] .xterm').click();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }

  it('records what ran, keeps the address in step, and replays the same bytes after a reload', async () => {
    const page = await h.open('#/playground?theme=dark', { reducedMotion: 'reduce' }, 'playground');
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await type(page, 'connect');
    await type(page, 'send hello; world');
    await type(page, 'help');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#/playground?server=echo&run=connect;send%20hello%3B%20world&theme=dark');
    const before = await lastClientFrame(page);
    expect(before['masking-key']).toMatch(/^[0-9a-f]{2}( [0-9a-f]{2}){3}$/);

    await page.reload();
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    expect(await lastClientFrame(page)).toEqual(before);
    expect(await page.getByTestId('run-notice').count()).toBe(0);

    await type(page, 'reset');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/playground?theme=dark');
  });

  it('holds at most 50 steps and says so', async () => {
    const run = ['connect', ...Array.from({ length: 49 }, (_, i) => `ping ${i}`)].map(encodeURIComponent);
    const page = await h.open(`#/playground?run=${run.join(';')}`, { reducedMotion: 'reduce' }, 'playground');
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('share-notice').count()).toBe(0);
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await type(page, 'ping extra');
    await page.getByTestId('share-notice').waitFor();
    expect(await page.getByTestId('share-notice').textContent()).toContain('first 50 of the 51');
    expect(await page.evaluate(() => location.hash.split(';').length)).toBe(50);
  });
});
