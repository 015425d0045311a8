/**
 * Nothing a link or stored value says may freeze the tab (security review M4, L1), end to end on the
 * built site: the heaviest link the limits allow loads and says where the work budget stopped it; a
 * 100 kB `connect` path, from a link or pasted into the console, is refused with a notice; a stored
 * history entry full of terminal escapes is shown escaped. No timing is asserted here: the figures are
 * `npm run bench:heavy-link`'s. Needs `npx vite build` first.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  const problems = h.problems.splice(0);
  expect(problems).toEqual([]);
});

const screen = async (page: Page) =>
  (await page.locator('[data-testid="console"] .xterm-rows').innerText()).replace(/\s+/g, ' ').trim();

const notices = (page: Page) => page.getByTestId('run-notice').allInnerTexts();

async function scenarioDone(page: Page): Promise<void> {
  await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 120_000 });
}

describe('a heavy link', () => {
  it('50 steps of 1 KiB with mss 1 load, and the page says where the work budget stopped them', async () => {
    const frag = `frag ${'x'.repeat(1014)} 1000`; // 1,024 bytes: the most a step may hold
    const steps = ['mss 1', 'connect', ...Array.from({ length: 48 }, () => frag)];
    expect(steps.every((s) => new TextEncoder().encode(s).length <= 1024)).toBe(true);
    const page = await h.open(
      `#/playground?run=${steps.map(encodeURIComponent).join(';')}`,
      {},
      'playground',
    );
    await scenarioDone(page);
    const shown = await notices(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(
      /The simulation stopped at 50,000 timeline events, the playground’s work budget\..*It stopped during step \d+ of the link; \d+ steps after it were not run\./,
    );
    // The page still answers: the console takes a command and says the world has stopped.
    // Focus the terminal's input directly: while the scenario plays the diagram keeps growing and the
    // console keeps moving, so a click would wait for an element that is never "stable".
    await page.locator('[data-testid="console"] .xterm').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="console"] .xterm-helper-textarea').focus();
    await page.keyboard.type('send more');
    await page.keyboard.press('Enter');
    // (The console is still printing the scenario as it plays: the answer is read from its mirror.)
    await expect
      .poll(() => page.getByTestId('console-output').innerText(), { timeout: 15_000 })
      .toMatch(/send more\s+■ The simulation stopped at 50,000 timeline events/);
  });
});

describe('a 100 kB connect path', () => {
  it('in a link: the step is over 1 KiB, so it is not run, and the notice names the limit', async () => {
    const page = await h.open(`#/playground?run=connect%20/${'A'.repeat(100_000)}`, {}, 'playground');
    await scenarioDone(page);
    const shown = await notices(page);
    expect(shown, shown.join(' | ').slice(0, 400)).toEqual([
      expect.stringMatching(/^Step 1 of the link is longer than 1,024 bytes \(1 KiB\).*were not run\.$/),
    ]);
    expect(await page.locator('[data-testid="arrow"]').count()).toBe(0);
  });

  it('pasted into the console: the line is capped, then connect refuses the path, naming the limit', async () => {
    const page = await h.open('#/playground', { reducedMotion: 'reduce' }, 'playground');
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    // Focus the terminal's input directly: while the scenario plays the diagram keeps growing and the
    // console keeps moving, so a click would wait for an element that is never "stable".
    await page.locator('[data-testid="console"] .xterm').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="console"] .xterm-helper-textarea').focus();
    await page.keyboard.insertText(`connect /${'A'.repeat(100_000)}`);
    // The notice is printed above the input area, which now fills many screens: read the mirror.
    await expect
      .poll(() => page.getByTestId('console-output').innerText(), { timeout: 30_000 })
      .toContain('A console line holds at most 65,536 characters');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('console-output').innerText()).slice(-3000), {
        timeout: 30_000,
      })
      .toMatch(/The path is 65528 bytes; a path here is at most 1024 \(1 KiB\)/);
    // xterm draws its rows on the next animation frame after the mirror has the text.
    await expect.poll(() => screen(page)).toMatch(/The path is 65528 bytes/);
    expect(await page.locator('[data-testid="arrow"]').count()).toBe(0);
  });
});

describe('console history from storage', () => {
  it('an entry with terminal escapes is shown escaped: the screen is not cleared, no link is drawn', async () => {
    const page = await h.open('#/playground', {}, 'playground');
    await page.evaluate(() =>
      localStorage.setItem(
        'ws101:v1:console-history',
        JSON.stringify([
          '\u001b[2J\u001b[H\u001b]8;;https://evil.example/\u0007Session expired: click to log in\u001b]8;;\u0007',
        ]),
      ),
    );
    await page.reload();
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await expect.poll(() => screen(page)).toMatch(/Type help, or connect to begin/);
    // Focus the terminal's input directly: while the scenario plays the diagram keeps growing and the
    // console keeps moving, so a click would wait for an element that is never "stable".
    await page.locator('[data-testid="console"] .xterm').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="console"] .xterm-helper-textarea').focus();
    await page.keyboard.press('ArrowUp');
    // (Compared without spaces: the entry wraps over two rows.)
    await expect
      .poll(async () => (await screen(page)).replace(/\s/g, ''))
      .toContain('ws101>␛[2J␛[H␛]8;;https://evil.example/␇Sessionexpired:clicktologin␛]8;;␇');
    // The greeting is still on screen (no ED 2), and xterm drew no OSC 8 hyperlink.
    expect(await screen(page)).toMatch(/Type help, or connect to begin/);
    expect(await page.locator('[data-testid="console"] .xterm-rows a').count()).toBe(0);
  });
});
