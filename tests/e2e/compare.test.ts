/**
 * #/compare in Chromium: the default scenario's counters, read off the page, equal the model's own
 * numbers for the same seed computed here in Node — the page shows what the simulation counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Race, TECHNIQUES, summarize } from '../../src/sim/race/index.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const num = (s: string): number => Number(s.replace(/[^\d.]/g, ''));

async function counters(page: Page, technique: string): Promise<Record<string, string>> {
  const row = page.getByTestId(`cmp-row-${technique}`);
  const cells = await row
    .locator('td')
    .evaluateAll((tds) =>
      tds.map((td) => [(td as HTMLElement).dataset.key ?? '', (td.textContent ?? '').trim()] as const),
    );
  return Object.fromEntries(cells);
}

describe('the transport race', () => {
  it('shows, for the default seed, exactly the counters the model computes', async () => {
    const page = await h.open('#/compare', { reducedMotion: 'reduce' }, 'compare');
    await page.getByTestId('conclusion').waitFor();
    await expect.poll(() => page.getByTestId('cmp-clock').textContent()).toBe('30.0 s');

    const model = new Race({});
    await model.run();
    for (const technique of TECHNIQUES) {
      const lane = model.lane(technique)!;
      const s = lane.at(model.settings.duration);
      const c = await counters(page, technique);
      expect(num(c.requests!), technique).toBe(s.requests);
      expect(num(c.connections!), technique).toBe(s.connections);
      expect(num(c.headerBytes!), technique).toBe(s.headerBytes);
      expect(num(c.payloadBytes!), technique).toBe(s.payloadBytes);
      expect(num(c.tcpBytes!), technique).toBe(s.tcpBytes);
      expect(num(c.emptyResponses!), technique).toBe(s.emptyResponses);
      const lat = summarize(lane.latenciesAt(model.settings.duration))!;
      expect(c.latency!.split('/').map(num), technique).toEqual([lat.mean, lat.p95, lat.max].map(Math.round));
    }
    const poll = model.lane('polling')!.stats;
    expect(await page.getByTestId('conclusion').textContent()).toContain(
      `Short polling sent ${poll.requests} requests for ${model.events.length} events; ${poll.emptyResponses} came back empty.`,
    );
    expect(h.problems).toEqual([]);
  });

  it('a new setting runs a new race: polling every 500 ms sends ⌊30000 / 500⌋ + 1 = 61 requests', async () => {
    const page = await h.open('#/compare', { reducedMotion: 'reduce' }, 'compare');
    await expect.poll(() => page.getByTestId('cmp-clock').textContent()).toBe('30.0 s');
    expect(num((await counters(page, 'polling')).requests!)).toBe(16); // ⌊30000 / 2000⌋ + 1
    await page.getByTestId('cmp-poll').fill('500');
    await expect.poll(async () => num((await counters(page, 'polling')).requests!)).toBe(61);
    // Nonsense is clamped to the 100 ms minimum, not a crash. At that rate a poll often waits for the
    // previous answer (RTT 100 ms): the count is the model's, not 301.
    await page.getByTestId('cmp-poll').fill('-20');
    const model = new Race({ pollInterval: 100 }, ['polling']);
    await model.run();
    await expect
      .poll(async () => num((await counters(page, 'polling')).requests!))
      .toBe(model.lane('polling')!.stats.requests);
    expect(h.problems).toEqual([]);
  });

  it('the conclusion does not change while the race plays: it appears at the end, and stays', async () => {
    const page = await h.open('#/compare', {}, 'compare');
    const conclusion = page.getByTestId('conclusion');
    const clock = async () => num((await page.getByTestId('cmp-clock').textContent()) ?? '');
    await page.getByTestId('cmp-time').waitFor();
    // While it plays: the same words at two different moments, saying when the conclusion comes.
    const early = await conclusion.textContent();
    expect(await conclusion.getAttribute('data-state')).toBe('pending');
    expect(early).toContain('The conclusion appears here when the race reaches 30 s');
    await expect.poll(clock, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await clock()).toBeLessThan(30);
    expect(await conclusion.textContent()).toBe(early);
    // At the end: the run's conclusion, the model's numbers.
    await page.getByTestId('cmp-speed').selectOption('20');
    await expect.poll(() => page.getByTestId('cmp-clock').textContent(), { timeout: 30_000 }).toBe('30.0 s');
    expect(await conclusion.getAttribute('data-state')).toBe('final');
    const model = new Race({});
    await model.run();
    const poll = model.lane('polling')!.stats;
    const final = await conclusion.textContent();
    expect(final).toContain(
      `Short polling sent ${poll.requests} requests for ${model.events.length} events; ${poll.emptyResponses} came back empty.`,
    );
    // Looking back at 5 s afterwards keeps it: it is about the whole run.
    await page.getByTestId('cmp-time').fill('5000');
    expect(await page.getByTestId('cmp-clock').textContent()).toBe('5.0 s');
    expect(await conclusion.textContent()).toBe(final);
    expect(h.problems).toEqual([]);
  });

  it('plays back: counters grow with the playhead', async () => {
    const page = await h.open('#/compare', {}, 'compare');
    await page.getByTestId('conclusion').waitFor();
    await page.getByTestId('cmp-time').fill('5000');
    const early = num((await counters(page, 'polling')).requests!);
    await page.getByTestId('cmp-time').fill('30000');
    const late = num((await counters(page, 'polling')).requests!);
    expect(early).toBeLessThan(late);
    expect(h.problems).toEqual([]);
  });
});
