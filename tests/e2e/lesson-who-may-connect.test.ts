/**
 * Lesson 14, who may connect, in the built site (needs `npx vite build` first), in English and Korean:
 * - the lesson renders with its bank playground, whose attacker socket receives the account;
 * - the playground (a run link): the attacker's `connect --origin https://evil.example` reads the
 *   account, and after `server origins https://bank.example` it gets 403;
 * - each exercise accepts the solution and refuses a wrong answer;
 * - axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/sec14-lesson14-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'who-may-connect';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

const request = (origin: string): string =>
  [
    'GET /account HTTP/1.1',
    'Host: bank.example',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    `Origin: ${origin}`,
    'Cookie: session=alice-7f3a9c',
  ].join('\n');

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 14, ${SLUG}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('renders, and its bank playground runs the attack to the end', async () => {
      const widget = page.locator('[data-widget="playground"]');
      await widget.scrollIntoViewIfNeeded();
      await widget.getByTestId('diagram').waitFor();
      await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 20_000 });
      await page.screenshot({ path: `/tmp/sec14-lesson14-${lang}-1280-playground.png` });
    });

    it('attacker-request: the bank’s own request → not yet (101); Origin evil.example → 403 → solved', async () => {
      const c = card(page, 'attacker-request');
      await c.scrollIntoViewIfNeeded();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('403');
      await c.getByTestId('http-input').fill(request('https://evil.example'));
      await expect.poll(() => c.getByTestId('http-response').textContent()).toContain('403');
      expect((await check(c)).ok).toBe('true');
    });

    it('exact-origin: a path in Origin → 403, not yet; the serialized origin → 101 → solved', async () => {
      const c = card(page, 'exact-origin');
      await c.scrollIntoViewIfNeeded();
      expect((await check(c)).ok).toBe('false');
      await c.getByTestId('http-input').fill(request('https://bank.example'));
      await expect.poll(() => c.getByTestId('http-response').textContent()).toContain('101');
      expect((await check(c)).ok).toBe('true');
    });

    it('stop-hijack and token-in-protocol: CORS → its nudge; the right picks → solved', async () => {
      const s = card(page, 'stop-hijack');
      await s.scrollIntoViewIfNeeded();
      for (const i of [0, 1, 2]) await s.getByTestId('option').nth(i).click();
      const no = await check(s);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('CORS');
      await s.getByTestId('option').nth(2).click();
      expect((await check(s)).ok).toBe('true');
      const t = card(page, 'token-in-protocol');
      await t.scrollIntoViewIfNeeded();
      for (const i of [0, 1, 2]) await t.getByTestId('option').nth(i).click();
      expect((await check(t)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(4);
    });

    it('axe: nothing serious at 1280×720; screenshot', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/sec14-lesson14-${lang}-1280.png` });
    });
  });

  it(`${lang}: the playground: the attacker reads the account; with server origins it gets 403`, async () => {
    const run = async (steps: string): Promise<string> => {
      const page = await h.open(
        `#/playground?server=bank&run=${steps}`,
        { ...DESKTOP, locale: LOCALE[lang] },
        'playground',
      );
      try {
        await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 20_000 });
        await page.getByTestId('diagram').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/sec14-lesson14-${lang}-playground-${steps.length}.png` });
        return await page.getByTestId('playground').innerText();
      } finally {
        await page.context().close();
      }
    };
    const evil = encodeURIComponent('connect --origin https://evil.example');
    expect(await run(evil)).toContain('alice: balance');
    const guarded = await run(`${encodeURIComponent('server origins https://bank.example')};${evil}`);
    expect(guarded).toContain('403');
    expect(guarded).not.toContain('alice: balance');
  });

  it(`${lang}: 390×844 phone: the lesson fits, axe finds nothing serious; screenshots`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await p.screenshot({ path: `/tmp/sec14-lesson14-${lang}-390.png` });
      const widget = p.locator('[data-widget="playground"]');
      await widget.scrollIntoViewIfNeeded();
      await widget.getByTestId('diagram').waitFor();
      await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 20_000 });
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/sec14-lesson14-${lang}-390-playground.png` });
    } finally {
      await p.context().close();
    }
  });
}
