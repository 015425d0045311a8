/**
 * Lesson 15's middlebox in the built site (needs `npx vite build` first), in English and Korean:
 * - the lesson's playground runs `middlebox idle 5000 reset; connect` to the end: two RSTs
 *   drawn as the middlebox's, and 1006 in the log, with no close frame on the wire;
 * - the playground (a run link): behind a silent box, a sent message is drawn crossed out; with
 *   `ping every 2000` the connection outlives the idle timeout;
 * - keepalive-interval is judged by the simulator: 60000 → the nudge, 75000 → the run's verdict, 30000 → solved;
 * - axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/mbox14-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { card, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'staying-connected';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function check(c: Locator): Promise<{ ok: string | null; text: string }> {
  const result = c.getByTestId('result');
  const before = (await result.textContent()) ?? '';
  await c.getByTestId('check').click();
  await expect
    .poll(
      async () => (await result.getAttribute('data-ok')) !== null && (await result.textContent()) !== before,
      { timeout: 15_000 },
    )
    .toBe(true);
  return { ok: await result.getAttribute('data-ok'), text: (await result.textContent())?.trim() ?? '' };
}

const labels = async (scope: Locator | Page): Promise<string[]> =>
  scope
    .locator('[data-testid="arrow"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 15's middlebox`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
    });
    afterAll(async () => page?.context().close());

    it('the playground: idle 5 s, then a RST from the box to each end and 1006, no close frame', async () => {
      const widget = page.locator('[data-widget="playground"]');
      await widget.scrollIntoViewIfNeeded();
      await widget.getByTestId('diagram').waitFor();
      await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 30_000 });
      await expect
        .poll(async () => (await labels(widget)).filter((l) => l.includes('RST')).length, { timeout: 20_000 })
        .toBe(2);
      const all = await labels(widget);
      expect(all.filter((l) => l.includes('(middlebox)'))).toHaveLength(2);
      expect(all.some((l) => l.startsWith('CLOSE'))).toBe(false);
      expect(await widget.innerText()).toContain('1006');
      await widget.locator('[data-label*="RST"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/mbox14-lesson15-${lang}-1280-playground.png` });
    });

    it('keepalive-interval: 60000 → the nudge, 75000 → the simulator’s verdict, 30000 → solved', async () => {
      const c = card(page, 'keepalive-interval');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('answer-input').fill('60000');
      const at60 = await check(c);
      expect(at60.ok).toBe('false');
      expect(at60.text).toMatch(/60 s|60초/);
      await c.getByTestId('answer-input').fill('75000');
      const at75 = await check(c);
      expect(at75.ok).toBe('false');
      expect(at75.text).toContain('1006');
      await c.getByTestId('answer-input').fill('30000');
      expect((await check(c)).ok).toBe('true');
      await page.screenshot({ path: `/tmp/mbox14-lesson15-${lang}-1280-exercise.png` });
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  });

  it(`${lang}: the playground: a silent box loses a message (crossed out); a heartbeat keeps it open`, async () => {
    const run = async (
      steps: readonly string[],
      shot: string,
    ): Promise<{ text: string; labels: string[] }> => {
      const page = await h.open(
        `#/playground?run=${steps.map(encodeURIComponent).join(';')}`,
        { ...DESKTOP, locale: LOCALE[lang] },
        'playground',
      );
      try {
        await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 30_000 });
        await page.getByTestId('diagram').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/mbox14-${lang}-${shot}.png` });
        return { text: await page.getByTestId('playground').innerText(), labels: await labels(page) };
      } finally {
        await page.context().close();
      }
    };
    const silent = await run(
      ['middlebox idle 5000', 'connect', 'send anyone?', 'ping every 8000 timeout 1000'],
      'drop',
    );
    expect(silent.labels.some((l) => l.startsWith('✕'))).toBe(true);
    expect(silent.text).toContain('1006');
    const kept = await run(['middlebox idle 5000 reset', 'ping every 2000', 'connect', 'send hi'], 'kept');
    expect(kept.labels.some((l) => l.includes('RST'))).toBe(false);
    expect(kept.text).not.toContain('1006');
    // Two minutes of pings later (the world runs ahead to its 120 s limit), both ends are still open.
    expect(kept.text).toMatch(/TCP ESTABLISHED\s+WS OPEN[\s\S]*TCP ESTABLISHED\s+WS OPEN/);
  });

  it(`${lang}: 390×844 phone: the playground fits, axe finds nothing serious; screenshot`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const widget = p.locator('[data-widget="playground"]');
      await widget.scrollIntoViewIfNeeded();
      await widget.getByTestId('diagram').waitFor();
      await widget.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 30_000 });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/mbox14-lesson15-${lang}-390-playground.png` });
    } finally {
      await p.context().close();
    }
  });
}
