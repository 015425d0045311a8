/**
 * #/compare on a phone (390×844, ko-KR) and on a desktop, as issue 11 item 5 and the walkthrough
 * (rows 1.3, 1.4, 2.7–2.10, 3.9) ask: the counters' headers never break inside a word, the page never
 * scrolls sideways, the delay column can be reached from the keyboard with a visible cue that there is
 * more, every control is a 44 px target, the lanes and charts have legends and axis units in both
 * languages, the native select follows a forced dark theme, and axe finds nothing serious.
 * Needs `npx vite build` first.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareEn } from '../../src/i18n/compare.en.ts';
import { compareKo } from '../../src/i18n/compare.ko.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  locale: 'ko-KR',
  reducedMotion: 'reduce',
};

/** The race at its end (reduced motion jumps there), ready to be measured. */
async function openRace(options: BrowserContextOptions, hash = '#/compare'): Promise<Page> {
  const page = await h.open(hash, options, 'compare');
  await page.locator('[data-testid="conclusion"][data-state="final"]').waitFor();
  return page;
}

interface HeaderMeasure {
  readonly text: string;
  /** The th's content box width, px. */
  readonly content: number;
  /** The widest whitespace-separated word of its text in its own font, px (canvas measure). */
  readonly widest: number;
  /** Words whose letters lie on more than one line (a Range over each word, its line boxes). */
  readonly broken: readonly string[];
}

/** Each header cell of the counters table (column and row headers) against the words in it. */
function measureHeaders(page: Page): Promise<HeaderMeasure[]> {
  return page.getByTestId('cmp-counters').evaluate((table) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return [...table.querySelectorAll('th')].map((th) => {
      const cs = getComputedStyle(th);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = (th.textContent ?? '').trim();
      const words = text.split(/\s+/).filter(Boolean);
      const widest = Math.max(0, ...words.map((w) => ctx.measureText(w).width));
      const broken: string[] = [];
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = node.textContent ?? '';
        for (const m of data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
      const border = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
      const padding = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
      const content = th.getBoundingClientRect().width - border - padding;
      return { text, content, widest, broken };
    });
  });
}

describe('the counters table on a phone (390×844, ko-KR)', () => {
  it('no header is narrower than its widest word, and no word breaks across lines', async () => {
    const page = await openRace(PHONE);
    const headers = await measureHeaders(page);
    expect(headers.length).toBe(9 + 5); // nine columns, five techniques
    for (const th of headers) {
      expect(th.broken, th.text).toEqual([]);
      expect(
        th.content + 0.5,
        `${th.text}: ${th.content} px for a ${th.widest} px word`,
      ).toBeGreaterThanOrEqual(th.widest);
    }
    // The page itself never scrolls sideways: the table scrolls inside its own box.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(h.problems).toEqual([]);
  });

  it('says there are more columns, and the delay column scrolls into view from the keyboard', async () => {
    const page = await openRace(PHONE);
    const wrap = page.getByTestId('cmp-counters-scroll');
    const delay = page.locator('[data-testid="cmp-counters"] th[data-key="latency"]');
    const stickyEdge = () =>
      page
        .locator('[data-testid="cmp-counters"] th[scope="row"]')
        .first()
        .evaluate((th) => th.getBoundingClientRect().right);
    const visible = async (): Promise<boolean> => {
      const box = await wrap.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const th = await delay.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      return th.left >= (await stickyEdge()) - 1 && th.right <= box.right + 1;
    };
    // Off to the right at first, with the cue showing: the hint and the edge shadow.
    expect(await visible()).toBe(false);
    await expect.poll(() => page.getByTestId('cmp-scroll-hint').isVisible()).toBe(true);
    expect(await page.getByTestId('cmp-scroll-hint').textContent()).toBe(compareKo['cmp.scrollHint']);
    expect(await wrap.evaluate((el) => el.parentElement!.classList.contains('more-after'))).toBe(true);

    // The region is a tab stop; the arrow keys scroll it, 40 px a press, smoothly: each press is let
    // settle before looking (bounded: the table is a few hundred px wider than its box).
    const settled = async (): Promise<void> => {
      let last = -1;
      for (let i = 0; i < 40; i++) {
        const now = await wrap.evaluate((el) => el.scrollLeft);
        if (now === last) return;
        last = now;
        await page.waitForTimeout(50);
      }
    };
    await wrap.focus();
    for (let i = 0; i < 30 && !(await visible()); i++) {
      await page.keyboard.press('ArrowRight');
      await settled();
    }
    expect(await visible()).toBe(true);
    // Scrolled: the technique column stays, with its shadow saying the numbers go on under it.
    await expect
      .poll(() => wrap.evaluate((el) => el.parentElement!.classList.contains('more-before')))
      .toBe(true);
    expect(await stickyEdge()).toBeGreaterThan(0);
    expect(h.problems).toEqual([]);
  });

  it('every control of the race is at least 44×44 px; a checkbox’s label is its target', async () => {
    const page = await openRace(PHONE);
    const controls = page.locator(
      [
        '.settings input[type="number"]',
        '.settings select',
        '[data-testid="cmp-speed"]',
        '[data-testid="cmp-play"]',
        '[data-testid="cmp-time"]',
        '.settings label:has(input[type="checkbox"])',
      ].join(', '),
    );
    const boxes = await controls.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.outerHTML.slice(0, 60), width: r.width, height: r.height };
      }),
    );
    // 6 numbers, the schedule and heartbeat selects, speed, play, time, 5 checkboxes (keep-alive, HTTP/2,
    // upstream, SSE drop, WebSocket compression)
    expect(boxes.length).toBe(6 + 2 + 1 + 1 + 1 + 5);
    for (const b of boxes) {
      expect(b.height, b.what).toBeGreaterThanOrEqual(44);
      expect(b.width, b.what).toBeGreaterThanOrEqual(44);
    }
    // A tap in the corner of a checkbox's label, away from the box itself, toggles it.
    const label = page.locator('.settings label:has(input[type="checkbox"])').first();
    const box = (await label.boundingBox())!;
    const checkbox = label.locator('input');
    const before = await checkbox.isChecked();
    await page.mouse.click(box.x + box.width - 3, box.y + box.height - 3);
    expect(await checkbox.isChecked()).toBe(!before);
    expect(h.problems).toEqual([]);
  });
});

describe('legends and axes', () => {
  for (const [lang, locale, catalog] of [
    ['en', 'en-US', compareEn],
    ['ko', 'ko-KR', compareKo],
  ] as const) {
    it(`the lanes have a key and the charts a legend and axis titles with units (${lang})`, async () => {
      const page = await openRace({ locale, reducedMotion: 'reduce' });
      const key = page.getByTestId('cmp-lane-legend');
      expect(await key.getAttribute('aria-label')).toBe(catalog['cmp.legend.lanes']);
      expect((await key.locator('li').allTextContents()).map((s) => s.trim())).toEqual(
        [
          'cmp.legend.lifelines',
          'cmp.legend.event',
          'cmp.legend.delivered',
          'cmp.legend.request',
          'cmp.legend.response',
          'cmp.legend.data',
          'cmp.legend.control',
        ].map((k) => catalog[k as keyof typeof catalog]),
      );
      const legend = page.getByTestId('cmp-chart-legend');
      expect((await legend.locator('li').allTextContents()).map((s) => s.trim())).toEqual(
        (['polling', 'long-polling', 'streaming', 'sse', 'websocket'] as const).map(
          (l) => catalog[`cmp.lane.${l}`],
        ),
      );
      const titles = await page.locator('[data-testid="cmp-charts"] text.title').allTextContents();
      expect(titles).toEqual([
        catalog['cmp.axis.delay'],
        catalog['cmp.axis.eventTime'],
        catalog['cmp.axis.kb'],
        catalog['cmp.axis.time'],
      ]);
      // Round steps on the delay axis, not just "0" and the maximum.
      const delayTicks = await page
        .locator('[data-testid="cmp-charts"] figure')
        .first()
        .locator('text.lbl')
        .allTextContents();
      expect(delayTicks.length).toBeGreaterThanOrEqual(3 + 4);
      expect(h.problems).toEqual([]);
    });
  }
});

describe('the native controls follow a forced theme (walkthrough 3.9)', () => {
  it('theme=dark on a light system: the speed select is drawn dark', async () => {
    const page = await openRace({ colorScheme: 'light', reducedMotion: 'reduce' }, '#/compare?theme=dark');
    const select = await page.getByTestId('cmp-speed').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { scheme: cs.colorScheme, background: cs.backgroundColor };
    });
    expect(select).toEqual({ scheme: 'dark', background: 'rgb(23, 27, 34)' });
    expect(h.problems).toEqual([]);
  });
});

describe('axe on #/compare', () => {
  for (const [size, viewport] of [
    ['1280×720', { width: 1280, height: 720 }],
    ['390×844', { width: 390, height: 844 }],
  ] as const) {
    for (const locale of ['en-US', 'ko-KR']) {
      it(`finds nothing serious at ${size} in ${locale}`, async () => {
        const page = await openRace({ viewport, locale, reducedMotion: 'reduce' });
        expect(await seriousAxeFindings(page)).toEqual([]);
        expect(h.problems).toEqual([]);
      });
    }
  }

  it('finds nothing serious mid-race, with the conclusion still to come', async () => {
    const page = await h.open(
      '#/compare',
      { locale: 'ko-KR', viewport: { width: 390, height: 844 } },
      'compare',
    );
    await page.getByTestId('cmp-time').fill('12000');
    expect(await page.getByTestId('conclusion').getAttribute('data-state')).toBe('pending');
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
