/**
 * The playground's sequence diagram and playback controls, driven through scenario links
 * (`#/playground?run=connect;send%20hello`) so they do not depend on the console.
 *
 *   npx vite build --outDir /tmp/dist-pg --emptyOutDir --logLevel warn
 *   WS101_DIST=/tmp/dist-pg npx vitest run --project e2e tests/e2e/playground.test.ts
 *
 * With SCREENSHOTS=1 it also writes desktop and phone screenshots, English and Korean, to
 * $SHOTS_DIR (default /tmp/shots-pg) for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.ts';

const REDUCED: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const STORY = 'connect;send%20hello;close%201000%20bye';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

function run(commands: string, extra = ''): string {
  return `#/playground?run=${commands}${extra}`;
}

async function open(hash: string, options: BrowserContextOptions = REDUCED): Promise<Page> {
  return h.open(hash, { ...DESKTOP, ...options }, 'playground');
}

const arrows = (page: Page): Locator => page.getByTestId('arrow');

async function labels(page: Page): Promise<string[]> {
  return arrows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
}

/** Wait until the playback has reached the end of what is computed (reduced motion: at once). */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 15_000 });
  await expect
    .poll(async () => page.getByTestId('live').getAttribute('data-live'), { timeout: 10_000 })
    .toBe('true');
  await expect.poll(() => page.getByTestId('scrubber').inputValue()).not.toBe('0');
  await expect
    .poll(() =>
      page
        .getByTestId('scrubber')
        .evaluate(
          (el) => Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max) - 1e-6,
        ),
    )
    .toBe(true);
}

async function state(page: Page, endpoint: string, layer: 'tcp' | 'ws'): Promise<string> {
  return ((await page.getByTestId(`state-${endpoint}-${layer}`).textContent()) ?? '').trim();
}

describe('playground diagram', () => {
  it('without a scenario: lifelines, a hint to type connect, and the controls', async () => {
    const page = await open('#/playground');
    await expect.poll(() => page.getByTestId('hint').isVisible()).toBe(true);
    expect(await page.getByTestId('hint').textContent()).toContain('connect');
    expect(await state(page, 'client', 'tcp')).toBe('CLOSED');
    expect(await state(page, 'server', 'ws')).toBe('—');
    for (const id of ['play-pause', 'step-back', 'step-forward', 'speed', 'scrubber', 'live'])
      expect(await page.getByTestId(id).count()).toBe(1);
    for (const l of ['tcp', 'http', 'ws'])
      expect(await page.getByTestId(`layer-${l}`).isChecked()).toBe(true);
    // The hint's button runs connect through the session.
    await page.getByTestId('hint').getByRole('button').click();
    await expect.poll(() => arrows(page).count()).toBeGreaterThan(4);
    await expect.poll(() => state(page, 'client', 'ws')).toBe('OPEN');
    expect(h.problems).toEqual([]);
  });

  it('connect draws the TCP handshake, then the HTTP Upgrade and 101, in order', async () => {
    const page = await open(run('connect'));
    await settled(page);
    const ls = await labels(page);
    const order = ['SYN', 'SYN-ACK', 'ACK', 'GET /chat (Upgrade: websocket)', '101 Switching Protocols'].map(
      (l) => ls.indexOf(l),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const syn = arrows(page).and(page.locator('[data-label="SYN"]'));
    expect(await syn.getAttribute('data-from')).toBe('client');
    expect(await syn.getAttribute('data-to')).toBe('server');
    expect(await syn.getAttribute('data-kind')).toBe('segment');
    expect(await syn.getAttribute('data-layer')).toBe('tcp');
    const ok = arrows(page).and(page.locator('[data-label="101 Switching Protocols"]'));
    expect(await ok.getAttribute('data-from')).toBe('server');
    expect(await ok.getAttribute('data-layer')).toBe('http');
    expect(await state(page, 'client', 'tcp')).toBe('ESTABLISHED');
    expect(await state(page, 'client', 'ws')).toBe('OPEN');
    expect(await state(page, 'server', 'ws')).toBe('OPEN');
    expect(h.problems).toEqual([]);
  });

  it('send hello: a masked TEXT from the client, a TEXT back from the server', async () => {
    const page = await open(run('connect;send%20hello'));
    await settled(page);
    const masked = arrows(page).and(page.locator('[data-label=\'TEXT "hello" (masked)\']'));
    await expect.poll(() => masked.count()).toBe(1);
    expect(await masked.getAttribute('data-from')).toBe('client');
    expect(await masked.getAttribute('data-kind')).toBe('frame');
    expect(await masked.getAttribute('data-layer')).toBe('ws');
    const echo = arrows(page).and(page.locator('[data-label=\'TEXT "hello"\']'));
    expect(await echo.getAttribute('data-from')).toBe('server');
    expect(await echo.getAttribute('data-to')).toBe('client');
    // The engines' notes: each side got the message.
    expect(await page.getByTestId('mark-label').allTextContents()).toContain('got "hello"');
    expect(h.problems).toEqual([]);
  });

  it('close 1000 bye: both close frames, then FIN and ACK from both sides; TIME_WAIT on the server', async () => {
    // A tall window, so that the whole close is in the rendered part of the diagram.
    const page = await open(run(STORY), { ...REDUCED, viewport: { width: 1280, height: 1600 } });
    await settled(page);
    // At the very end the server's TIME_WAIT (2 × MSL) is over too.
    expect(await state(page, 'server', 'tcp')).toBe('CLOSED');
    expect(await state(page, 'client', 'tcp')).toBe('CLOSED');
    expect(await state(page, 'client', 'ws')).toBe('CLOSED');
    // One step back: the moment the four-way close completed.
    await page.getByTestId('step-back').click();
    expect(await state(page, 'server', 'tcp')).toBe('TIME_WAIT');
    expect(await state(page, 'client', 'tcp')).toBe('CLOSED');
    // Look at the close: everything that was sent from the first close frame on.
    await page.getByTestId('layer-tcp').check();
    const all = await arrows(page).evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('data-label') ?? '',
        from: e.getAttribute('data-from') ?? '',
      })),
    );
    const closes = all.filter((a) => a.label.startsWith('CLOSE 1000'));
    expect(closes.map((a) => a.from)).toEqual(['client', 'server']);
    expect(closes[0]!.label).toBe('CLOSE 1000 "bye" (masked)');
    const afterClose = all.slice(all.findIndex((a) => a.label.startsWith('CLOSE 1000')));
    const fins = afterClose.filter((a) => a.label === 'FIN-ACK').map((a) => a.from);
    expect(fins).toEqual(['server', 'client']); // the server closes TCP first (§7.1.1)
    const lastFin = afterClose.map((a) => a.label).lastIndexOf('FIN-ACK');
    expect(afterClose.slice(lastFin + 1).some((a) => a.label === 'ACK' && a.from === 'server')).toBe(true);
    expect(afterClose.some((a) => a.label === 'ACK' && a.from === 'client')).toBe(true);
    expect(h.problems).toEqual([]);
  });

  it('clicking an arrow selects it (the inspector gets it); Enter on a focused arrow does too', async () => {
    const page = await open(run('connect;send%20hello'));
    await settled(page);
    const text = arrows(page).and(page.locator('[data-label=\'TEXT "hello" (masked)\']'));
    await text.click();
    expect(await text.getAttribute('data-selected')).toBe('true');
    expect(await text.getAttribute('aria-pressed')).toBe('true');
    const id = await text.getAttribute('data-id');
    await expect
      .poll(async () => ((await page.getByTestId('inspector').textContent()) ?? '').trim())
      .not.toBe('');
    // Its segment is highlighted with it.
    expect(await page.locator('[data-testid="arrow"].related[data-kind="segment"]').count()).toBe(1);
    // Keyboard: ↓ moves to the next arrow and selects it; Enter keeps a focused one selected.
    await text.focus();
    await page.keyboard.press('ArrowDown');
    const next = page.locator('[data-testid="arrow"][data-selected="true"]');
    await expect.poll(() => next.getAttribute('data-id')).not.toBe(id);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('arrow');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => next.getAttribute('data-id')).toBe(id);
    await page.keyboard.press('Enter');
    expect(await text.getAttribute('data-selected')).toBe('true');
    expect(h.problems).toEqual([]);
  });

  it('stepping back restores the earlier picture: fewer arrows, the client OPEN again', async () => {
    // Tall enough for the whole story: only arrows near the view are drawn, so a short one counts the window.
    const page = await open(run(STORY), { ...REDUCED, viewport: { width: 1280, height: 1400 } });
    await settled(page);
    const endCount = await arrows(page).count();
    expect(await state(page, 'client', 'ws')).toBe('CLOSED');
    for (let i = 0; i < 40 && (await state(page, 'client', 'ws')) !== 'OPEN'; i++)
      await page.getByTestId('step-back').click();
    expect(await state(page, 'client', 'ws')).toBe('OPEN');
    expect(await arrows(page).count()).toBeLessThan(endCount);
    expect(await page.getByTestId('live').getAttribute('data-live')).toBe('false');
    expect(await page.getByTestId('play-pause').getAttribute('data-playing')).toBe('false');
    // …and forward again, then the live button jumps to now.
    await page.getByTestId('step-forward').click();
    expect(await state(page, 'client', 'ws')).toBe('CLOSING');
    await page.getByTestId('live').click();
    await expect.poll(() => state(page, 'client', 'ws')).toBe('CLOSED');
    await expect.poll(() => arrows(page).count()).toBe(endCount);
    expect(h.problems).toEqual([]);
  });

  it('the diagram keys: ← → step, Home to the start, End to now, Space plays', async () => {
    const page = await open(run('connect'));
    await settled(page);
    const diagram = page.getByTestId('diagram');
    await diagram.focus();
    await page.keyboard.press('Home');
    expect(await state(page, 'client', 'tcp')).toBe('SYN_SENT');
    await page.keyboard.press('ArrowRight'); // the SYN arrives
    expect(await state(page, 'server', 'tcp')).toBe('SYN_RECEIVED');
    await page.keyboard.press('ArrowRight'); // the SYN-ACK arrives
    expect(await state(page, 'client', 'tcp')).toBe('ESTABLISHED');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await state(page, 'server', 'tcp')).toBe('LISTEN');
    await page.keyboard.press('End');
    await expect.poll(() => state(page, 'client', 'ws')).toBe('OPEN');
    await page.keyboard.press('Home');
    expect(await page.getByTestId('play-pause').getAttribute('data-playing')).toBe('false');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('play-pause').getAttribute('data-playing')).toBe('true');
    await expect.poll(() => state(page, 'client', 'ws')).toBe('OPEN');
    expect(h.problems).toEqual([]);
  });

  it('layer toggles hide and show each layer; the scrubber and speed work', async () => {
    const page = await open(run('connect;send%20hello'));
    await settled(page);
    const layersShown = async () =>
      new Set(await arrows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-layer'))));
    expect(await layersShown()).toEqual(new Set(['tcp', 'http', 'ws']));
    await page.getByTestId('layer-tcp').uncheck();
    expect(await layersShown()).toEqual(new Set(['http', 'ws']));
    await page.getByTestId('layer-http').uncheck();
    expect(await layersShown()).toEqual(new Set(['ws']));
    await page.getByTestId('layer-tcp').check();
    await page.getByTestId('layer-http').check();
    await page.getByTestId('speed').selectOption('0.25');
    expect(await page.getByTestId('speed').inputValue()).toBe('0.25');
    // Scrub to the start: only the first SYN has been sent.
    await page.getByTestId('play-pause').click(); // pause
    await page.getByTestId('scrubber').fill('0');
    await expect.poll(() => labels(page)).toEqual(['SYN']);
    expect(await state(page, 'client', 'tcp')).toBe('SYN_SENT');
    expect(h.problems).toEqual([]);
  });

  it('in normal motion an arrow is seen in flight, its head moving down', async () => {
    const page = await open(run('connect'), { locale: 'en-US', reducedMotion: 'no-preference' });
    const flying = page.locator('[data-testid="arrow"][data-inflight="true"]');
    await flying.first().waitFor({ timeout: 10_000 });
    const head = flying.first().locator('.head');
    const y0 = await head.evaluate((el) => el.getBoundingClientRect().top).catch(() => null);
    await page.waitForTimeout(150);
    const y1 = await head.evaluate((el) => el.getBoundingClientRect().top).catch(() => null);
    if (y0 !== null && y1 !== null) expect(y1).toBeGreaterThanOrEqual(y0);
    // It ends where it should: connected.
    await expect.poll(() => state(page, 'client', 'ws'), { timeout: 15_000 }).toBe('OPEN');
    expect(h.problems).toEqual([]);
  });

  it('a bad link is a notice, not a crash; the good steps still run', async () => {
    const page = await open(run('connect;frobnicate%20now;send', '&server=bogus'));
    await settled(page);
    const notices = await page.getByTestId('run-notice').allTextContents();
    expect(notices.some((n) => n.includes('frobnicate now'))).toBe(true);
    expect(notices.some((n) => n.includes('Step 3'))).toBe(true);
    expect(notices.some((n) => n.includes('bogus'))).toBe(true);
    expect(await state(page, 'client', 'ws')).toBe('OPEN');
    expect(h.problems).toEqual([]);
  });

  it('a new scenario link while open starts over with it', async () => {
    const page = await open(run('connect'));
    await settled(page);
    await page.evaluate(() => (location.hash = '#/playground?run=connect;send%20again'));
    await expect.poll(() => labels(page), { timeout: 10_000 }).toContain('TEXT "again" (masked)');
    expect((await labels(page)).filter((l) => l === 'SYN')).toHaveLength(1);
    expect(h.problems).toEqual([]);
  });

  it('the chat server adds alice and bob as lifelines', async () => {
    const page = await open(run('connect;send%20hi', '&server=chat'));
    await settled(page);
    for (const ep of ['client', 'server', 'alice', 'bob']) expect(await state(page, ep, 'ws')).toBe('OPEN');
    const froms = new Set(
      await arrows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-from'))),
    );
    expect(froms).toEqual(new Set(['client', 'server', 'alice', 'bob']));
    expect(h.problems).toEqual([]);
  });

  it('thousands of events: only the arrows near the view are rendered', async () => {
    const long = 'x'.repeat(1500);
    const page = await open(run(`mss%201;connect;send%20${long}`));
    await settled(page);
    const count = await arrows(page).count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(200);
    // Still responsive: stepping back and forward redraws at once.
    const t0 = Date.now();
    await page.getByTestId('step-back').click();
    await page.getByTestId('step-forward').click();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(h.problems).toEqual([]);
  });

  it('Korean: the controls and notes speak Korean', async () => {
    const page = await open(run('connect;send%20hello'), { ...REDUCED, locale: 'ko-KR' });
    await settled(page);
    expect(await page.getByTestId('live').textContent()).toContain('실시간');
    expect(await page.getByTestId('mark-label').allTextContents()).toContain('"hello" 받음');
    expect(h.problems).toEqual([]);
  });
});

describe.runIf(process.env.SCREENSHOTS === '1')('playground screenshots', () => {
  const OUT = process.env.SHOTS_DIR ?? '/tmp/shots-pg';
  const shots: {
    name: string;
    options: BrowserContextOptions;
    hash: string;
    select?: string;
    /** Reach the selected arrow by keyboard (focus ring). */
    keyboard?: boolean;
  }[] = [
    { name: 'desktop-en', options: { ...DESKTOP, locale: 'en-US' }, hash: run(STORY) },
    { name: 'desktop-ko', options: { ...DESKTOP, locale: 'ko-KR' }, hash: run(STORY) },
    { name: 'phone-en', options: { ...PHONE, locale: 'en-US' }, hash: run(STORY) },
    { name: 'phone-ko', options: { ...PHONE, locale: 'ko-KR' }, hash: run(STORY) },
    {
      name: 'desktop-en-dark-selected',
      options: { ...DESKTOP, locale: 'en-US', colorScheme: 'dark' },
      hash: run('connect;send%20hello'),
      select: 'TEXT "hello" (masked)',
    },
    {
      name: 'desktop-ko-keyboard',
      options: { ...DESKTOP, locale: 'ko-KR' },
      hash: run('connect;send%20hello'),
      select: 'TEXT "hello" (masked)',
      keyboard: true,
    },
    {
      name: 'desktop-en-chat',
      options: { ...DESKTOP, locale: 'en-US' },
      hash: run('connect;send%20hi', '&server=chat'),
    },
    { name: 'desktop-en-empty', options: { ...DESKTOP, locale: 'en-US' }, hash: '#/playground' },
    {
      name: 'phone-en-chat',
      options: { ...PHONE, locale: 'en-US' },
      hash: run('connect;send%20hi', '&server=chat'),
    },
  ];
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  for (const s of shots) {
    it(s.name, async () => {
      const page = await h.open(s.hash, { reducedMotion: 'reduce', ...s.options }, 'playground');
      if (s.hash.includes('run=')) await settled(page);
      if (s.select) {
        await arrows(page)
          .and(page.locator(`[data-label='${s.select}']`))
          .click();
        await page.mouse.move(0, 0);
      }
      if (s.keyboard) {
        // From the diagram box, Tab reaches the selected arrow; ↓ moves to the next one.
        await page.getByTestId('diagram').focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${s.name}.png` });
      await page.screenshot({ path: `${OUT}/${s.name}-full.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, 'no horizontal page scroll').toBe(false);
    });
  }
});
