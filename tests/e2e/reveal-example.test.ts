/**
 * docs/examples/reveal.html, the deck teachers copy (security review M5), served from a local static
 * server with a stub in place of reveal.js from jsDelivr (intercepted, so nothing leaves the machine).
 * The stub does what reveal.js does with a lazy iframe: `src` = `data-src`, with no scheme check.
 *
 * - `?ws101=javascript:…` is ignored (with a console warning): the frames get the default http address,
 *   and no script or dialog runs in the deck's origin.
 * - `?ws101=http://…` is used.
 * - A widget's messages count only from a ws101 frame's window and ws101's origin, and a claimed step
 *   count is clamped (1e9 steps would hang the deck): a fake ws101 that claims 1e9 gets 1,000
 *   fragments; a sibling frame of another origin that claims steps gets none.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const EXAMPLES = fileURLToPath(new URL('../../docs/examples', import.meta.url));

/** Enough of reveal.js for the example: lazy frames get their src, the deck API does nothing. */
const REVEAL_STUB = `
window.Reveal = class {
  constructor() {}
  on() {}
  sync() {}
  initialize() {
    for (const f of document.querySelectorAll('iframe[data-src]')) f.setAttribute('src', f.getAttribute('data-src'));
  }
};`;

/** A fake ws101: says it is ready with an absurd number of steps, and a label. */
const FAKE_WS101 = `<!doctype html><meta charset="utf-8"><title>fake ws101</title><script>
parent.postMessage({ type: 'ws101:ready', steps: 1e9, step: 0 }, '*');
parent.postMessage({ type: 'ws101:state', steps: 'x', step: 2, label: 'fake' }, '*');
</script>`;

/** Another origin's frame on the same slide: claims to be ws101. */
const SIBLING = `<!doctype html><meta charset="utf-8"><title>sibling</title><script>
parent.postMessage({ type: 'ws101:ready', steps: 5 }, '*');
</script>`;

let deck: StaticServer;
let fake: StaticServer;
let sibling: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  const fakeRoot = mkdtempSync(join(tmpdir(), 'ws101-fake-'));
  writeFileSync(join(fakeRoot, 'index.html'), FAKE_WS101);
  const siblingRoot = mkdtempSync(join(tmpdir(), 'ws101-sibling-'));
  writeFileSync(join(siblingRoot, 'index.html'), SIBLING);
  deck = await startStaticServer({ root: EXAMPLES });
  fake = await startStaticServer({ root: fakeRoot });
  sibling = await startStaticServer({ root: siblingRoot });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await deck?.close();
  await fake?.close();
  await sibling?.close();
});

interface Opened {
  page: Page;
  dialogs: string[];
  warnings: string[];
  errors: string[];
}

async function openDeck(search: string, prepare?: (page: Page) => Promise<void>): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const opened: Opened = { page, dialogs: [], warnings: [], errors: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'warning') opened.warnings.push(m.text());
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  await page.route('https://cdn.jsdelivr.net/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: REVEAL_STUB })
      : route.fulfill({ contentType: 'text/css', body: '' }),
  );
  // The default ws101 address is not served here: an empty page stands in for it.
  await page.route('http://localhost:4173/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>ws101</title>' }),
  );
  await prepare?.(page);
  await page.goto(deck.url(`reveal.html${search}`));
  await page.locator('iframe.ws101').first().waitFor({ state: 'attached' });
  return opened;
}

const frameSources = (page: Page) =>
  page.locator('iframe.ws101').evaluateAll((frames) => frames.map((f) => f.getAttribute('src')));

describe('docs/examples/reveal.html', () => {
  it('ignores ?ws101=javascript:…: the frames get the default http address, nothing runs', async () => {
    const { page, dialogs, warnings, errors } = await openDeck(
      `?ws101=${encodeURIComponent('javascript:alert(document.domain)//')}`,
    );
    await expect.poll(() => frameSources(page)).toHaveLength(2);
    const sources = await frameSources(page);
    for (const src of sources) {
      expect(src).not.toMatch(/^javascript:/i);
      expect(src).toMatch(/^http:\/\/localhost:4173\/#\/embed\//);
    }
    await page.waitForTimeout(500); // a javascript: frame would have run by now
    expect(dialogs).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/ws101: ignoring \?ws101=javascript:/)]);
    expect(errors).toEqual([]);
    // Other schemes that would run or read something are ignored the same way.
    for (const bad of ['data:text/html,<script>alert(1)</script>', 'vbscript:x', ' javascript:alert(1)']) {
      const o = await openDeck(`?ws101=${encodeURIComponent(bad)}`);
      await expect.poll(() => frameSources(o.page)).toHaveLength(2);
      for (const src of await frameSources(o.page)) expect(src).toMatch(/^http:\/\/localhost:4173\//);
      expect(o.dialogs).toEqual([]);
      await o.page.context().close();
    }
    await page.context().close();
  });

  it('uses an http(s) ?ws101= address', async () => {
    const { page, errors } = await openDeck(`?ws101=${encodeURIComponent(fake.url())}`);
    await expect.poll(() => frameSources(page)).toHaveLength(2);
    for (const src of await frameSources(page)) expect(src!.startsWith(`${fake.url()}#/embed/`)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('believes only ws101 frames, and at most 1,000 steps of them', async () => {
    const { page, errors } = await openDeck(`?ws101=${encodeURIComponent(fake.url())}`, async (p) => {
      // A sibling frame of another origin on the auto slide, as an ad or another widget would be.
      await p.addInitScript((src) => {
        document.addEventListener('DOMContentLoaded', () => {
          const slide = document.querySelector('section[data-ws101-steps="auto"]');
          const f = document.createElement('iframe');
          f.src = src;
          f.className = 'sibling';
          slide?.append(f);
        });
      }, sibling.url());
    });
    const auto = page.locator('section[data-ws101-steps="auto"]');
    await expect.poll(() => auto.locator('.ws101-step').count(), { timeout: 15_000 }).toBe(1000);
    await page.waitForTimeout(500); // the sibling's message has arrived by now, and was ignored
    expect(await auto.locator('.ws101-step').count()).toBe(1000);
    expect(await auto.locator('iframe.sibling').count()).toBe(1);
    // The state message's steps were not a number: the label says nothing rather than "2 / x".
    expect(await auto.locator('.ws101-label').textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
