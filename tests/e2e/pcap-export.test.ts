/**
 * The playground's "Export .pcap" button. It downloads ws101-session.pcap, built in the page from the
 * session. That file must be exactly the one src/sim/pcap.ts builds in Node for the same scenario, and
 * hold one record per TCP segment the diagram shows. Before anything has happened, the button says why
 * it has nothing to export.
 *
 *   npx vite build --outDir /tmp/dist-pcap --emptyOutDir --logLevel warn
 *   WS101_DIST=/tmp/dist-pcap npx vitest run --project e2e tests/e2e/pcap-export.test.ts
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { sessionToPcap } from '../../src/sim/pcap.ts';
import { World } from '../../src/sim/world.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const REDUCED: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };
/** The diagram draws only the arrows near its visible window: a tall page shows this whole story. */
const TALL: BrowserContextOptions = { ...REDUCED, viewport: { width: 1280, height: 2400 } };
const STEPS = ['connect', 'send hi', 'close'];
const SCENARIO = `#/playground?server=echo&run=${STEPS.map(encodeURIComponent).join(';')}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Wait until the pre-run is done and the playback has reached the end (reduced motion: at once). */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 15_000 });
  await expect
    .poll(async () => page.getByTestId('live').getAttribute('data-live'), { timeout: 10_000 })
    .toBe('true');
  await expect
    .poll(() =>
      page
        .getByTestId('scrubber')
        .evaluate(
          (el) =>
            Number((el as HTMLInputElement).value) > 0 &&
            Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max) - 1e-6,
        ),
    )
    .toBe(true);
}

/** The same scenario in Node, the way the session runs a link: each step, then to quiescence. */
async function sameScenarioInNode(): Promise<Uint8Array> {
  const world = new World({ server: 'echo' });
  for (const line of STEPS) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`cannot parse ${line}`);
    expect(await runCommand(world, parsed.command)).toEqual({ ok: true });
    await world.settle(120_000);
  }
  return sessionToPcap(world.timeline.events);
}

/** Records in a classic (big-endian) pcap file. */
function recordCount(file: Uint8Array): number {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let n = 0;
  for (let at = 24; at < file.length; at += 16 + v.getUint32(at + 8)) n++;
  return n;
}

describe('Export .pcap', () => {
  it('downloads ws101-session.pcap: the bytes Node builds for the same scenario, one record per segment', async () => {
    const page = await h.open(SCENARIO, TALL, 'playground');
    await settled(page);
    const button = page.getByTestId('export-pcap');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false');
    expect((await button.textContent())?.trim()).toBe('Export .pcap');

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('ws101-session.pcap');
    const path = await download.path();
    const file = new Uint8Array(readFileSync(path));
    expect([...file.subarray(0, 4)]).toEqual([0xa1, 0xb2, 0xc3, 0xd4]);

    const expected = await sameScenarioInNode();
    expect(file.length).toBe(expected.length);
    expect(Buffer.from(file).equals(Buffer.from(expected))).toBe(true);

    const segmentArrows = await page.locator('[data-testid="arrow"][data-kind="segment"]').count();
    expect(segmentArrows).toBeGreaterThan(10);
    expect(recordCount(file)).toBe(segmentArrows);

    expect(await seriousAxeFindings(page, ['[data-testid="controls"]'])).toEqual([]);
    expect(h.problems).toEqual([]);
  });

  it('before anything has happened: aria-disabled, and a press shows why instead of downloading', async () => {
    const page = await h.open('#/playground', REDUCED, 'playground');
    const button = page.getByTestId('export-pcap');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await button.getAttribute('title')).toMatch(/^Nothing to export yet/);
    // The reason is the button's description for screen readers, and is shown after a press.
    const described = page.locator(`[id="${await button.getAttribute('aria-describedby')}"]`);
    expect(await described.textContent()).toMatch(/^Nothing to export yet/);
    const why = page.getByTestId('export-pcap-why');
    expect(await why.count()).toBe(0);
    let downloads = 0;
    page.on('download', () => downloads++);
    // aria-disabled, not disabled: it stays focusable, and a keyboard press reaches it.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await why.textContent()).toMatch(/^Nothing to export yet/);
    expect(downloads).toBe(0);

    // After connect, the button works and the reason is gone.
    await page.getByTestId('hint').getByRole('button').click();
    await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => why.count()).toBe(0);
    expect(await described.textContent()).toMatch(/^Download the TCP segments/);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = new Uint8Array(readFileSync(await download.path()));
    expect(recordCount(file)).toBeGreaterThan(0);
    expect(h.problems).toEqual([]);
  });
});
