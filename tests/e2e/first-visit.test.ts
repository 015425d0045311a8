/**
 * A first visit without stumbles, the playground's side (issue 11; docs/../reviews/ux-walkthrough.md):
 * lesson 1's playground is at its start when the reader gets there and opens on the full playground
 * with the same scenario; keyboard focus never falls to the page; a command after a close names
 * `connect`; an embed at 960 × 540 in a page on another origin shows an arrow's bytes beside a diagram
 * that keeps half the frame; a Korean phone gets a one-line header, 44 px controls and Hangul without
 * gaps in the console; axe finds nothing serious. Needs `npx vite build` first.
 *
 * With JOURNEY_SHOTS=1 it also writes the teacher's and the phone journey's screenshots to
 * $JOURNEY_SHOTS_DIR (default /tmp/journey-shots) for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Frame, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHostPage, type HostPage } from '../support/host-page.ts';
import { startHarness, type Harness } from './harness.ts';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, locale: 'en-US' };
const PHONE_KO: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ko-KR',
};
const SHOTS =
  process.env.JOURNEY_SHOTS === '1' ? (process.env.JOURNEY_SHOTS_DIR ?? '/tmp/journey-shots') : null;

let h: Harness;
let host: HostPage;
beforeAll(async () => {
  h = await startHarness();
  host = await startHostPage();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await host?.close();
  await h?.close();
});
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Whether `inner`'s box lies vertically inside `outer`'s (with a pixel of slack). */
async function verticallyInside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  return !!a && !!b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1;
}

describe('lesson 1: the first hands-on moment', () => {
  const LESSON = '#/lessons/http-request-response';
  const widget = (page: Page) => page.locator('[data-widget="playground"]');
  const diagram = (page: Page) => widget(page).getByTestId('diagram');
  const playhead = async (page: Page) => Number(await diagram(page).getAttribute('data-playhead'));

  it('waits at its start until it is in view, then shows the TCP handshake, GET and 101 and holds', async () => {
    const page = await h.open(LESSON, DESKTOP, 'lesson-title');
    // Near the viewport (the widget loads 600 px ahead) but not in view: loaded, waiting at time 0.
    await widget(page).evaluate((el) => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight - 300);
    });
    await diagram(page).waitFor();
    await widget(page).locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    expect(await playhead(page)).toBe(0);
    expect(await widget(page).getByTestId('play-pause').getAttribute('data-playing')).toBe('false');

    // In view: it plays from the start and holds when its first screen is full.
    await diagram(page).scrollIntoViewIfNeeded();
    await expect
      .poll(() => widget(page).getByTestId('lesson-held').innerText(), { timeout: 20_000 })
      .not.toBe('');
    expect(await widget(page).getByTestId('play-pause').getAttribute('data-playing')).toBe('false');
    const labels = await diagram(page)
      .getByTestId('arrow')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
    const order = [
      'SYN',
      'SYN-ACK',
      'ACK',
      'GET /ticker (Upgrade: websocket)',
      '101 Switching Protocols',
    ].map((l) => labels.indexOf(l));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every one of them on screen in the diagram's box, the first arrow included.
    for (const label of ['SYN', '101 Switching Protocols']) {
      const arrow = diagram(page).locator(`[data-testid="arrow"][data-label="${label}"] .hit`);
      expect(await verticallyInside(arrow, diagram(page)), label).toBe(true);
    }
    expect(await playhead(page)).toBeLessThan(300);
    // Not a single tick yet: the console has the opening, not a flood.
    const out = await widget(page).getByTestId('console-output').innerText();
    expect(out).not.toMatch(/tick \d/);
    await shot(page, 'lesson1-held-desktop');
  });

  it('"Open in the playground" carries the same scenario, and the full playground replays it', async () => {
    const page = await h.open(LESSON, { ...DESKTOP, reducedMotion: 'reduce' }, 'lesson-title');
    await widget(page).scrollIntoViewIfNeeded();
    await diagram(page).waitFor();
    await diagram(page).scrollIntoViewIfNeeded();
    await expect
      .poll(() => widget(page).getByTestId('lesson-held').innerText(), { timeout: 20_000 })
      .not.toBe('');
    const link = widget(page).getByTestId('open-playground');
    expect(await link.getAttribute('href')).toBe('#/playground?server=ticker&run=connect%20%2Fticker');
    const inLesson = await diagram(page)
      .getByTestId('arrow')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-label')}`));
    expect(inLesson.length).toBeGreaterThan(6);

    await link.click();
    await page.locator('[data-testid="playground"]:not(.compact)[data-scenario="done"]').waitFor();
    expect(await page.getByTestId('server-description').innerText()).toMatch(/ticker/i);
    // The same seeded world from the same commands: the same arrows, byte for byte, in the same order.
    const full = page.getByTestId('diagram');
    await expect
      .poll(async () => (await full.getByTestId('arrow').count()) >= inLesson.length, { timeout: 15_000 })
      .toBe(true);
    const onPlayground = await full
      .getByTestId('arrow')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-label')}`));
    expect(onPlayground.slice(0, inLesson.length)).toEqual(inLesson);
  });
});

describe('keyboard focus stays in the sequence diagram', () => {
  const focusInDiagram = (page: Page) =>
    page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a !== document.body && !!a.closest('[data-testid="diagram"]');
    });

  it('through ←, →, Home and End with an arrow focused; Space toggles play there; the inspector follows', async () => {
    const page = await h.open(
      '#/playground?run=connect;send%20hello;close%201000%20bye',
      { ...DESKTOP, reducedMotion: 'reduce' },
      'playground',
    );
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    await expect.poll(() => page.getByTestId('live').getAttribute('data-live')).toBe('true');
    const box = page.getByTestId('diagram');
    await box.focus();
    // Tab reaches the newest arrow: focusing it selects it, and the inspector shows it.
    await page.keyboard.press('Tab');
    expect(await focusInDiagram(page)).toBe(true);
    const focused = page.locator('[data-testid="arrow"]:focus');
    expect(await focused.getAttribute('data-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('inspector').innerText()).toMatch(/#\d+/);
    // ↑ walks back to earlier arrows, each scrolled into view inside the diagram (not the page).
    const scrollY = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    expect(await verticallyInside(page.locator('[data-testid="arrow"]:focus .hit'), box)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

    // Each playback key keeps the focus in the diagram, also when the focused arrow is stepped away.
    for (const key of ['ArrowLeft', 'ArrowLeft', 'Home', 'ArrowRight', 'ArrowRight', 'End', 'Home', 'End']) {
      await page.keyboard.press(key);
      await expect.poll(() => focusInDiagram(page), { message: key }).toBe(true);
    }
    // ← from the arrow that left at this very moment steps back past it: focus goes to an arrow still
    // drawn. Home from any arrow removes them all: focus goes to the diagram itself.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight'); // the SYN arrives and the SYN-ACK leaves
    const newest = box.getByTestId('arrow').last();
    const id = await newest.getAttribute('data-id');
    await newest.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusInDiagram(page)).toBe(true);
    expect(await box.locator(`[data-testid="arrow"][data-id="${id}"]`).count()).toBe(0);
    await page.keyboard.press('End');
    await box.getByTestId('arrow').last().focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('diagram');

    // Space on an arrow plays and pauses, and does not scroll the page.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusInDiagram(page)).toBe(true);
    const playing = () => page.getByTestId('play-pause').getAttribute('data-playing');
    expect(await playing()).toBe('false');
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Space');
    expect(await playing()).toBe('true');
    await page.keyboard.press('Space');
    expect(await playing()).toBe('false');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await focusInDiagram(page)).toBe(true);
  });
});

describe('after a close, the console says what to do next', () => {
  const screen = async (page: Page) =>
    (await page.locator('[data-testid="console"] .xterm-rows').innerText()).replace(/\s+/g, ' ').trim();

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: send and close after close name the rule and connect, never a "data frame" for close`, async () => {
      const page = await h.open(
        '#/playground?run=connect;close%201000%20bye',
        { ...DESKTOP, locale: lang === 'ko' ? 'ko-KR' : 'en-US', reducedMotion: 'reduce' },
        'playground',
      );
      await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
      await page.locator('[data-testid="console"] .xterm-rows').waitFor();
      await expect.poll(() => screen(page)).toContain('ws101>');
      await page.locator('[data-testid="console"] .xterm').click();
      await page.keyboard.press('Control+L');
      await page.keyboard.type('send hi');
      await page.keyboard.press('Enter');
      await expect.poll(() => screen(page)).toMatch(/§7\.1\.4/);
      const send = await screen(page);
      expect(send).toMatch(
        lang === 'en' ? /Type connect for a new connection/ : /connect를 입력하면 새 연결/,
      );
      await page.keyboard.press('Control+L');
      await page.keyboard.type('close 1000 bye');
      await page.keyboard.press('Enter');
      await expect.poll(() => screen(page)).toMatch(/§7\.1\.4/);
      const close = await screen(page);
      expect(close).toMatch(/connect/);
      expect(close).not.toMatch(/data frame|데이터 프레임/);
      // And connect does open a new connection.
      await page.keyboard.press('Control+L');
      await page.keyboard.type('connect');
      await page.keyboard.press('Enter');
      await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/101 Switching Protocols/);
    });
  }

  it('explains the server’s 1006 after it sent 1002, and says when it shows the live end', async () => {
    const page = await h.open(
      '#/playground?run=connect;raw%2089%20fe%2000',
      { ...DESKTOP, reducedMotion: 'reduce' },
      'playground',
    );
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/1006/);
    expect(await screen(page)).toMatch(/failed the connection, RFC 6455 §7\.1\.7/);
    expect(await page.getByTestId('console-behind').count()).toBe(0);
    await page.getByTestId('step-back').click();
    await page.getByTestId('step-back').click();
    await expect.poll(() => page.getByTestId('console-behind').innerText()).toMatch(/live end/);
    await page.getByTestId('console-behind-status').getByRole('button').click();
    await expect.poll(() => page.getByTestId('console-behind').count()).toBe(0);
  });
});

describe('a teacher’s slide: the playground embedded at 960 × 540 on another origin', () => {
  const SCENARIO = 'server=echo&run=connect;send%20hello;frag%20hello%203;close%201000%20bye';

  async function openDeck(hash: string): Promise<{ page: Page; widget: Frame }> {
    host.set(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A slide</title><link rel="icon" href="data:,"></head>
<body style="margin:0;background:#222">
<p style="color:#eee;margin:8px">A slide</p>
<iframe id="w" src="${h.baseUrl + hash}" width="960" height="540" title="ws101 playground" style="border:0"></iframe>
<script>
  window.__ready = false;
  addEventListener('message', (e) => { if (e.data && e.data.type === 'ws101:ready') window.__ready = true; });
  window.send = (m) => document.getElementById('w').contentWindow.postMessage(m, '*');
</script>
</body></html>`);
    const page = await h.open('#/frame', { viewport: { width: 1000, height: 640 }, colorScheme: 'dark' });
    await page.goto(host.url);
    await page.waitForFunction(() => (window as unknown as { __ready: boolean }).__ready);
    const widget = page.frames().find((f) => f.url().startsWith(h.baseUrl));
    if (!widget) throw new Error('no widget frame');
    return { page, widget };
  }

  it('compact controls, the newest step in view, a ring with the keys, and an arrow’s bytes beside a tall diagram', async () => {
    const { page, widget } = await openDeck(`#/embed/playground?${SCENARIO}&theme=dark`);
    const send = (m: unknown) =>
      page.evaluate((x) => (window as unknown as { send: (m: unknown) => void }).send(x), m);
    // The controls are one row; the layer toggles and the export are folded into a menu.
    const controls = widget.getByTestId('controls');
    expect((await controls.boundingBox())!.height).toBeLessThan(80);
    expect(await widget.getByTestId('layer-tcp').isVisible()).toBe(false);
    expect(await widget.getByTestId('export-pcap').isVisible()).toBe(false);
    await widget.getByTestId('controls-more').click();
    expect(await widget.getByTestId('layer-tcp').isVisible()).toBe(true);
    await widget.getByTestId('controls-more').click();

    // Stepped by the deck: the arrow just revealed is on screen, not cut off at the bottom.
    const box = widget.getByTestId('diagram');
    for (let i = 0; i < 14; i++) await send({ type: 'step' });
    await expect.poll(() => box.getAttribute('data-playhead')).not.toBe('0');
    const newestId = await box
      .getByTestId('arrow')
      .evaluateAll((els) => Math.max(...els.map((e) => Number(e.getAttribute('data-id')))));
    const newest = box.locator(`[data-testid="arrow"][data-id="${newestId}"] .label`);
    await expect.poll(() => verticallyInside(newest, box)).toBe(true);

    // A click into the frame gives it the keys: a ring says so; a click on the slide takes them back.
    const hasKeys = () => widget.evaluate(() => document.documentElement.hasAttribute('data-has-keys'));
    const frameId = await box
      .locator('[data-testid="arrow"][data-kind="frame"]')
      .last()
      .getAttribute('data-id');
    const frameArrow = box.locator(`[data-testid="arrow"][data-id="${frameId}"]`);
    await frameArrow.click();
    await expect.poll(hasKeys).toBe(true);
    await shot(page, 'teacher-embed-960-dark-arrow-clicked');
    // The click opened the inspector beside the diagram, with the frame's bytes and fields.
    const inspector = widget.getByTestId('inspector');
    await expect.poll(() => inspector.isVisible()).toBe(true);
    await expect.poll(() => inspector.getByTestId('frame-card').isVisible()).toBe(true);
    const frameBox = (await page.locator('#w').boundingBox())!;
    const diagramBox = (await box.boundingBox())!;
    expect(diagramBox.height).toBeGreaterThanOrEqual(frameBox.height / 2);
    const inspectorBox = (await inspector.boundingBox())!;
    expect(inspectorBox.x).toBeGreaterThanOrEqual(diagramBox.x + diagramBox.width - 1);
    // The arrow clicked is still in view in the narrower diagram, marked as selected.
    expect(await frameArrow.getAttribute('data-selected')).toBe('true');
    expect(await verticallyInside(frameArrow.locator('.hit'), box)).toBe(true);
    await page.locator('p').click();
    await expect.poll(hasKeys).toBe(false);
  });

  it('the decoder embed starts with its field table in view', async () => {
    const { page, widget } = await openDeck('#/embed/frame?hex=818537fa213d7f9f4d5158&dir=c2s');
    const table = widget.getByTestId('field-table').first();
    await expect.poll(() => table.isVisible()).toBe(true);
    const t = (await table.boundingBox())!;
    const f = (await page.locator('#w').boundingBox())!;
    expect(t.y).toBeGreaterThanOrEqual(f.y);
    expect(t.y).toBeLessThan(f.y + f.height / 2);
  });

  it('the Embed dialog links to the embedding guide, which the site serves', async () => {
    const page = await h.open('#/playground?run=connect', DESKTOP, 'playground');
    await page.getByTestId('embed-button').click();
    const docs = page.getByTestId('embed-docs');
    const href = await docs.getAttribute('href');
    expect(href).toBe(new URL('docs/embedding.html', h.baseUrl).href);
    const guide = await page.context().newPage();
    const response = await guide.goto(href!);
    expect(response?.status()).toBe(200);
    expect(await guide.locator('h1').first().innerText()).toMatch(/Embedding/);
    expect(await guide.locator('body').innerText()).toMatch(/ws101:state/);
    await guide.close();
  });
});

describe('a Korean student on a phone (390 × 844, ko-KR)', () => {
  it('no sideways scroll, a one-line header with a menu, 44 px playground controls, Hangul without gaps', async () => {
    const page = await h.open('#/playground?run=connect;send%20%EC%95%88%EB%85%95', PHONE_KO, 'playground');
    await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The header: one line (ws101, the language switch, the menu), the navigation and Embed in the menu.
    const bar = page.locator('.topbar-inner');
    const rows = await bar.evaluate((el) => {
      const tops = [...el.children]
        .filter((c) => (c as HTMLElement).offsetParent !== null && getComputedStyle(c).display !== 'none')
        .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
      return new Set(tops.map((t) => Math.round(t / 12))).size;
    });
    expect(rows).toBe(1);
    expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThan(72);
    expect(await page.getByTestId('lang-ko').isVisible()).toBe(true);
    expect(await page.getByTestId('embed-button').isVisible()).toBe(false);
    await page.getByTestId('menu-button').click();
    expect(await page.getByRole('link', { name: '강 목록', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('embed-button').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('embed-button').isVisible()).toBe(false);

    // Every control of the playground is a 44 × 44 px tap target (a checkbox through its label).
    const small = await page.getByTestId('controls').evaluate((el) =>
      [...el.querySelectorAll('button, select, label, summary, input[type="range"]')]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => ({ what: c.outerHTML.slice(0, 60), r: c.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 43.5 || r.width < 43.5)
        .map(({ what, r }) => `${what} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);

    // Hangul in the console: each syllable is exactly two cells (no letter-spacing padding after it).
    const term = page.locator('[data-testid="console"] .xterm-rows');
    await page.getByTestId('console').scrollIntoViewIfNeeded();
    await expect.poll(() => term.innerText(), { timeout: 15_000 }).toMatch(/안녕/);
    await expect
      .poll(
        () =>
          term.evaluate((rows) =>
            Math.max(
              ...[...rows.querySelectorAll('span')]
                .filter((s) => /[\uac00-\ud7a3]/.test(s.textContent ?? ''))
                .map((s) => Math.abs(parseFloat(getComputedStyle(s).letterSpacing) || 0)),
            ),
          ),
        { timeout: 10_000 },
      )
      .toBeLessThan(0.5);
    await shot(page, 'phone-ko-playground-console');
  });

  it('lesson 1 on the phone: no sideways scroll, its playground link and the held first screen', async () => {
    const page = await h.open('#/lessons/http-request-response', PHONE_KO, 'lesson-title');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const widget = page.locator('[data-widget="playground"]');
    await widget.scrollIntoViewIfNeeded();
    await widget.getByTestId('diagram').waitFor();
    await widget.getByTestId('diagram').scrollIntoViewIfNeeded();
    await expect.poll(() => widget.getByTestId('lesson-held').innerText(), { timeout: 20_000 }).not.toBe('');
    expect(await widget.getByTestId('open-playground').innerText()).toMatch(/플레이그라운드에서 열기/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-ko-lesson1-held');
  });
});

describe('axe: nothing serious on the playground and an embed, in both languages, at both sizes', () => {
  const SIZES = {
    desktop: { viewport: { width: 1280, height: 720 } },
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  } as const;
  for (const lang of ['en-US', 'ko-KR'] as const)
    for (const [size, options] of Object.entries(SIZES))
      it(`${lang}, ${size}`, async () => {
        const pg = await h.open(
          '#/playground?run=connect;send%20hi',
          { ...options, locale: lang },
          'playground',
        );
        await pg.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
        expect(await seriousAxeFindings(pg)).toEqual([]);
        if (size === 'phone') {
          await pg.getByTestId('menu-button').click();
          expect(await seriousAxeFindings(pg)).toEqual([]);
        }
        const embed = await h.open(
          '#/embed/playground?server=echo&run=connect;send%20hi',
          { ...options, locale: lang },
          'playground',
        );
        await embed.locator('[data-testid="playground"][data-scenario="done"]').waitFor();
        await embed.getByTestId('controls-more').click();
        expect(await seriousAxeFindings(embed)).toEqual([]);
      });
});
