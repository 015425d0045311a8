/**
 * Lesson step links: `#/lessons/<slug>?step=<exercise-id>` opens the lesson at that exercise, working
 * on an exercise writes its id into the address (so the address bar is always a share link), and a
 * link to a step that does not exist, or is not an id at all, says so and starts at the top.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const STILL: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };
const LESSON = '#/lessons/http-request-response';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const exercise = (id: string): string => `[data-testid="exercise"][data-id="${id}"]`;

describe('lesson step links', () => {
  it('open the lesson at the exercise they name, with focus on it', async () => {
    const page = await h.open(`${LESSON}?step=stateless-meaning`, STILL, 'lesson');
    const title = page.locator(`${exercise('stateless-meaning')} [data-testid="exercise-title"]`);
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    const top = await title.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(720);
    expect(await page.getByTestId('step-notice').count()).toBe(0);
    expect(h.problems).toEqual([]);
  });

  it('follow the learner: working on an exercise puts it in the address, other parameters kept', async () => {
    const page = await h.open(`${LESSON}?lang=en`, STILL, 'lesson');
    await page
      .locator(`${exercise('same-connection')} input, ${exercise('same-connection')} textarea`)
      .first()
      .focus();
    await expect.poll(() => new URL(page.url()).hash).toBe(`${LESSON}?lang=en&step=same-connection`);
    // The link next to an exercise is the same address; following it lands on that exercise.
    const link = page.locator(`${exercise('who-starts')} [data-testid="step-link"]`);
    expect(await link.getAttribute('href')).toBe(`${LESSON}?step=who-starts`);
    await link.click();
    const title = page.locator(`${exercise('who-starts')} [data-testid="exercise-title"]`);
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(h.problems).toEqual([]);
  });

  it('name a step the lesson does not have, and a step that is not an id, then start at the top', async () => {
    const page = await h.open(`${LESSON}?step=no-such-exercise`, STILL, 'lesson');
    expect(await page.getByTestId('step-notice').textContent()).toContain('“no-such-exercise”');
    const bad = await h.open(`${LESSON}?step=%3Cimg%20src%3Dx%3E`, STILL, 'lesson');
    const notice = bad.getByTestId('step-notice');
    expect(await notice.textContent()).toContain('“<img src=x>” is not an exercise name');
    expect(await bad.locator('main img').count()).toBe(0);
    expect(h.problems).toEqual([]);
  });

  it('an exercise’s frame editor shows the exercise’s direction, without a switch', async () => {
    const page = await h.open('#/lessons/frame-anatomy?step=make-ping', STILL, 'lesson');
    const card = page.locator(exercise('make-ping'));
    await card.getByTestId('ed-dir-fixed').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('ed-dir-c2s').count()).toBe(0);
    expect(await card.getByTestId('ed-dir-s2c').count()).toBe(0);
    expect(h.problems).toEqual([]);
  });
});
