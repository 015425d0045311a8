/**
 * The home page in Chromium: its story is the engine's own output (the same rows, labels and bytes
 * the story model computes here in Node from the same seeded World), the course outline shows the
 * stored progress, the ways in lead where they say, reduced motion shows the whole story at once,
 * and axe finds nothing serious in either language.
 */
import { readdirSync } from 'node:fs';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_STORAGE_KEY } from '../../src/lessons/progress.ts';
import { tellStory, type Story } from '../../src/ui/home/story.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const STILL: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };

let h: Harness;
let story: Story;

beforeAll(async () => {
  h = await startHarness();
  story = await tellStory();
});
afterAll(async () => {
  await h?.close();
});

describe('home page', () => {
  it('tells the story the engine computes: SYN, Upgrade, 101, frames, close, FIN', async () => {
    expect(story.refused).toEqual([]);
    const page = await h.open('#/', STILL, 'story-row');
    const rows = page.getByTestId('story-row');
    await expect.poll(() => rows.count()).toBe(story.rows.length);
    const labels = await rows.locator('.label').allTextContents();
    expect(labels).toEqual(story.rows.map((r) => r.label));
    expect(labels).toContain('GET /chat (Upgrade: websocket)');
    expect(labels).toContain('101 Switching Protocols');
    expect(labels).toContain('CLOSE 1000 "bye" (masked)');
    expect(labels.filter((l) => l.startsWith('FIN'))).toHaveLength(2);
    // The bytes under each arrow are the engine's: the echoed text frame is unmasked, 81 05 "hello".
    const hex = await rows.locator('code').allTextContents();
    expect(hex).toEqual(story.rows.filter((r) => r.hex).map((r) => r.hex));
    expect(hex).toContain('81 05 68 65 6c 6c …');
    // Reduced motion: every arrow is there at once, nothing is animating.
    const opacities = await rows.evaluateAll((els) => els.map((e) => getComputedStyle(e).opacity));
    expect(new Set(opacities)).toEqual(new Set(['1']));
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    // "Open in the playground" replays the same lines there.
    await page.getByTestId('story-open').click();
    await page.getByTestId('playground').waitFor();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(
      '#/playground?server=echo&run=connect;send hello;ping;close 1000 bye',
    );
    expect(h.problems).toEqual([]);
  });

  it('animates with a pause button when motion is allowed', async () => {
    const page = await h.open('#/', { locale: 'en-US' }, 'story-row');
    const pause = page.getByRole('button', { name: 'Pause' });
    await pause.click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const states = await page
      .getByTestId('story-row')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).animationPlayState));
    expect(new Set(states)).toEqual(new Set(['paused']));
    expect(h.problems).toEqual([]);
  });

  it('shows the course with stored progress and continues where the learner left off', async () => {
    const page = await h.open('#/', STILL, 'home-outline');
    // One row per lesson file of the course.
    expect(await page.getByTestId('home-lesson').count()).toBe(readdirSync('lessons/en').length);
    expect(await page.getByTestId('home-continue').textContent()).toContain('Start the course');
    // Two exercises of lesson 1 done, as the lessons page would have stored them.
    await page.evaluate((key) => {
      const done = {
        'http-request-response/who-starts': true,
        'http-request-response/same-connection': true,
      };
      localStorage.setItem(key, JSON.stringify({ version: 1, done, answers: {} }));
    }, PROGRESS_STORAGE_KEY);
    await page.reload();
    await page.getByTestId('home-outline').waitFor();
    expect(await page.getByTestId('home-lesson').first().getAttribute('data-done')).toBe('2');
    expect(await page.getByTestId('home-progress').textContent()).toMatch(/^2 of \d+/);
    const cont = page.getByTestId('home-continue');
    expect(await cont.textContent()).toContain(
      'Continue with lesson 1, “HTTP: a request, then its response”',
    );
    await cont.click();
    await page.waitForURL(/#\/lessons\/http-request-response$/);
    expect(h.problems).toEqual([]);
  });

  it('leads to the playground, the decoder and the comparison', async () => {
    const page = await h.open('#/', STILL, 'home');
    for (const [name, ready] of [
      ['Playground', 'playground'],
      ['Frame decoder', 'verdict'],
      ['Why WebSocket', 'compare'],
    ] as const) {
      await page.getByRole('main').getByRole('link', { name, exact: true }).click();
      await page.getByTestId(ready).first().waitFor();
      await page.goBack();
      await page.getByTestId('home').waitFor();
    }
    expect(h.problems).toEqual([]);
  });

  for (const locale of ['en-US', 'ko-KR']) {
    it(`has no serious accessibility findings (${locale}, light and dark)`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await h.open('#/', { ...STILL, locale, colorScheme }, 'story-row');
        expect(await seriousAxeFindings(page)).toEqual([]);
      }
      expect(h.problems).toEqual([]);
    });
  }
});
