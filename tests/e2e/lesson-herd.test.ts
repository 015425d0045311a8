/**
 * Lesson 15's herd chart in the built site (needs `npx vite build` first), in English and Korean:
 * - the busiest slot and slots used written beside the chart are herd()'s, computed here in Node for the
 *   same settings (src/ui/lessons/widgets/herd-model.ts), and so is the screen readers' table;
 * - each control (clients, base delay, series, seed) changes the chart, by pointer and by keyboard;
 * - bars glide only without `prefers-reduced-motion: reduce`;
 * - axe finds nothing serious at 1280×720 (light and dark) and 390×844, the phone does not scroll
 *   sideways, also embedded; screenshots go to /tmp/herd14-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, loadLang, translate, type Lang } from '../../src/i18n/index.ts';
import { HERD_SLOT_MS, herdSeries, type HerdSeries } from '../../src/ui/lessons/widgets/herd-model.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'staying-connected';
let h: Harness;
beforeAll(async () => {
  await Promise.all([loadLang('en'), loadLang('ko')]);
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function widget(p: Page): Promise<Locator> {
  await p.locator('[data-widget="herd"]').scrollIntoViewIfNeeded();
  const w = p.getByTestId('herd');
  await w.waitFor();
  await w.scrollIntoViewIfNeeded();
  return w;
}

/** What the page must write for one series, from herd() run in Node. */
function expected(lang: Lang, s: HerdSeries): { busiest: string; used: string } {
  const n = (v: number): string => formatNumber(v, lang);
  const i = s.summary.busiest;
  return {
    busiest: translate(lang, 'herd.w.busiest', {
      peak: n(s.summary.peak),
      from: n(i * HERD_SLOT_MS),
      to: n(i * HERD_SLOT_MS + HERD_SLOT_MS - 1),
    }),
    used: translate(lang, 'herd.w.used', { used: n(s.summary.used), slots: n(s.result.buckets.length) }),
  };
}

const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').trim();

async function expectFigures(
  w: Locator,
  lang: Lang,
  clients: number,
  baseMs: number,
  seed: number,
): Promise<void> {
  for (const s of herdSeries(clients, baseMs, seed)) {
    const want = expected(lang, s);
    await expect.poll(() => text(w.getByTestId(`herd-busiest-${s.jitter}`))).toBe(want.busiest);
    expect(await text(w.getByTestId(`herd-used-${s.jitter}`))).toBe(want.used);
  }
}

/** The bars' counts as drawn, series after series. */
const bars = (w: Locator): Promise<number[]> =>
  w
    .locator('[data-testid="herd-bars"] rect')
    .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-n'))));

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 15's herd chart at 1280×720`, () => {
    let page: Page;
    let w: Locator;
    beforeAll(async () => {
      page = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
      w = await widget(page);
    });
    afterAll(async () => page?.context().close());

    it('starts as the lesson’s table (1,000 clients, 1 s, seed 101): the peaks are herd()’s, and so are the bars', async () => {
      await expectFigures(w, lang, 1_000, 1_000, 101);
      const [none, full] = herdSeries(1_000, 1_000, 101);
      expect(await bars(w)).toEqual([...none.result.buckets, ...full.result.buckets]);
      expect(await text(w.getByTestId('herd-seed'))).toBe(translate(lang, 'herd.w.seed', { seed: 101 }));
      // The screen readers' table holds the same counts: one row per slot, one column per series.
      const rows = await w.locator('[data-testid="herd-table"] tbody tr').count();
      expect(rows).toBe(none.result.buckets.length);
      const row10 = w.locator('[data-testid="herd-table"] tbody tr').nth(10).locator('td');
      expect(await row10.allTextContents()).toEqual(['1,000', '0']);
      // The chart names the summary as its description.
      const svg = w.getByTestId('herd-chart');
      const described = await svg.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${described}"]`).getAttribute('data-testid')).toBe('herd-summary');
      await page.screenshot({ path: `/tmp/herd14-${lang}-1280.png` });
    });

    it('10,000 clients, then a 4 s base: the figures and the bars follow (41 slots)', async () => {
      const before = await bars(w);
      await w.getByTestId('herd-clients-10000').check();
      await expectFigures(w, lang, 10_000, 1_000, 101);
      expect(await bars(w)).not.toEqual(before);
      await w.getByTestId('herd-base-4000').check();
      await expectFigures(w, lang, 10_000, 4_000, 101);
      expect(await w.getByTestId('herd-chart').getAttribute('data-slots')).toBe('41');
      await page.screenshot({ path: `/tmp/herd14-${lang}-1280-10000-4s.png` });
    });

    it('by keyboard: ← in the base-delay group picks 1 s, the native radio way', async () => {
      await w.getByTestId('herd-base-4000').focus();
      await page.keyboard.press('ArrowLeft');
      expect(await w.getByTestId('herd-base-1000').isChecked()).toBe(true);
      await expectFigures(w, lang, 10_000, 1_000, 101);
    });

    it('"Draw again" moves to seed 102: the jittered bars are redrawn, the spike stays', async () => {
      await w.getByTestId('herd-reseed').click();
      expect(await text(w.getByTestId('herd-seed'))).toBe(translate(lang, 'herd.w.seed', { seed: 102 }));
      await expectFigures(w, lang, 10_000, 1_000, 102);
    });

    it('show full jitter only: one series, its own scale, no ratio', async () => {
      await w.getByTestId('herd-show-full').check();
      await expect.poll(() => w.getByTestId('herd-stats-none').count()).toBe(0);
      expect(await w.getByTestId('herd-stats-full').count()).toBe(1);
      expect(await w.getByTestId('herd-ratio').count()).toBe(0);
      const [, full] = herdSeries(10_000, 1_000, 102);
      expect(await bars(w)).toEqual([...full.result.buckets]);
      await page.screenshot({ path: `/tmp/herd14-${lang}-1280-full.png` });
      await w.getByTestId('herd-show-both').check();
    });

    it('axe: nothing serious on the page with the chart on screen', async () => {
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  });

  it(`${lang}: 390×844 phone: the chart fits without sideways scroll, 44 px targets, axe clean; screenshot`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const w = await widget(p);
      await expectFigures(w, lang, 1_000, 1_000, 101);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = await w.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      const heights = await w
        .locator('label.option, [data-testid="herd-reseed"]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/herd14-${lang}-390.png`, fullPage: false });
      await w.getByTestId('herd-summary').scrollIntoViewIfNeeded();
      await p.screenshot({ path: `/tmp/herd14-${lang}-390-summary.png` });
    } finally {
      await p.context().close();
    }
  });
}

it('dark colours at 1280×720: axe finds nothing serious; screenshot', async () => {
  const p = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, colorScheme: 'dark' }, 'lesson-title');
  try {
    await widget(p);
    expect(await seriousAxeFindings(p)).toEqual([]);
    await p.screenshot({ path: '/tmp/herd14-en-1280-dark.png' });
  } finally {
    await p.context().close();
  }
});

it('bars glide to a new height only when the reader allows motion', async () => {
  const duration = async (reducedMotion: 'reduce' | 'no-preference'): Promise<string> => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...DESKTOP, reducedMotion }, 'lesson-title');
    try {
      const w = await widget(p);
      return await w
        .locator('[data-testid="herd-bars"] rect')
        .first()
        .evaluate((r) => {
          const s = getComputedStyle(r);
          return `${s.transitionProperty} ${s.transitionDuration}`;
        });
    } finally {
      await p.context().close();
    }
  };
  expect(await duration('no-preference')).toBe('y, height 0.25s, 0.25s');
  expect(await duration('reduce')).toMatch(/^none /);
});

it('embedded (#/embed/lessons/…) at 390×844: the chart renders and fits', async () => {
  const p = await h.open(`#/embed/lessons/${SLUG}`, PHONE, 'lesson-title');
  try {
    const w = await widget(p);
    await expectFigures(w, 'en', 1_000, 1_000, 101);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await p.context().close();
  }
});
