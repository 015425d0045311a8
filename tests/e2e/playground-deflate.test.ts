/**
 * permessage-deflate in the built site (RFC 7692): `connect --deflate` in the playground's console
 * shows the extension offered in the Upgrade and agreed in the 101, a text frame with RSV1 whose
 * inspector gives its compressed and inflated sizes from the engine's field map, the log's "inflated
 * from N to M", a share link that replays it, and the race's compression switch changing the
 * WebSocket lane's byte counters — in English and Korean, with axe at 1280×720 and 390×844.
 * Needs `npx vite build --logLevel warn` first. Screenshots go to /tmp/play12-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { Race } from '../../src/sim/race/index.ts';
import { seriousAxeFindings } from './axe.ts';
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

const WIDE = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
type Lang = 'en' | 'ko';

const screen = async (page: Page) =>
  (await page.locator('[data-testid="console"] .xterm-rows').innerText()).replace(/\s+/g, ' ').trim();

async function openConsole(lang: Lang, viewport: { width: number; height: number }): Promise<Page> {
  const page = await h.open(
    '#/playground',
    { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', reducedMotion: 'reduce' },
    'playground',
  );
  await page.locator('[data-testid="console"] .xterm-rows').waitFor();
  await expect.poll(() => screen(page)).toContain('ws101>');
  await page.locator('[data-testid="console"] .xterm').click();
  return page;
}

async function run(page: Page, line: string, expected: string | RegExp): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page), { timeout: 20_000 }).toMatch(expected);
}

/** The arrows whose label starts with `prefix` (the diagram draws those near its scrolled window). */
const arrow = (page: Page, prefix: string) =>
  page.locator(`[data-testid="arrow"][data-label^='${prefix.replace(/'/g, "\\'")}']`);

const TEXT = 'hello hello hello hello';

const NEGOTIATED: Record<Lang, RegExp> = {
  en: /Extension: permessage-deflate agreed/,
  ko: /확장: permessage-deflate 합의/,
};
const SUMMARY: Record<Lang, RegExp> = {
  en: /RSV1 is set: a compressed message .*RFC 7692 §6.*The (\d+) bytes of DEFLATE data on the wire inflate to 23 bytes/,
  ko: /RSV1이 1입니다.*DEFLATE 데이터 (\d+)바이트가 23바이트로 풀립니다/,
};

describe('connect --deflate in the playground', () => {
  for (const [lang, viewport, name] of [
    ['en', WIDE, 'wide'],
    ['ko', PHONE, 'phone'],
    ['en', PHONE, 'phone'],
    ['ko', WIDE, 'wide'],
  ] as const) {
    it(`${lang} ${name}: the 101 agrees to the extension, and the RSV1 frame shows both sizes`, async () => {
      let page: Page;
      if (name === 'wide') {
        page = await openConsole(lang, viewport);
        await run(page, 'connect --deflate', NEGOTIATED[lang]);
        await run(
          page,
          `send ${TEXT}`,
          lang === 'en' ? /inflated from \d+ to 23 bytes/ : /23바이트로 풀었습니다/,
        );
      } else {
        // The phone stacks the panes and mounts the console when it scrolls into view: a link runs the
        // same commands (share.ts), and the log lists what they did.
        page = await h.open(
          `#/playground?run=${encodeURIComponent('connect --deflate')};${encodeURIComponent(`send ${TEXT}`)}`,
          { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', reducedMotion: 'reduce' },
          'event-log',
        );
        await page
          .getByTestId('event-log')
          .getByText(lang === 'en' ? /inflated from \d+ to 23 bytes/ : /23바이트로 풀었습니다/)
          .first()
          .waitFor({ timeout: 20_000 });
      }
      if (name === 'wide') {
        await arrow(page, '101 Switching Protocols (Extensions: permessage-deflate)').first().waitFor();
        await arrow(page, 'GET /chat (Upgrade: websocket; Extensions: permessage-deflate').first().waitFor();
        const frame = arrow(page, `TEXT "${TEXT}" RSV1 deflate 23→`).first();
        await frame.waitFor();
        expect(await frame.getAttribute('data-label')).toMatch(
          /^TEXT "hello hello hello hello" RSV1 deflate 23→\d+ B \(masked\)$/,
        );
        await frame.click();
      } else {
        // The phone's diagram draws only the arrows near its scrolled window: select the frame in the log.
        await page
          .getByTestId('event-log')
          .getByText(/RSV1 deflate 23→/)
          .first()
          .click();
      }
      const summary = page.getByTestId('deflate-summary');
      await summary.waitFor();
      const m = SUMMARY[lang].exec((await summary.textContent()) ?? '');
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBeLessThan(23);
      const view = page.getByTestId('deflate-view');
      expect(await view.getByTestId('engine-field-rsv1').textContent()).toMatch(/RFC 7692 §6/);
      expect(await view.getByTestId('engine-field-inflated').textContent()).toContain(TEXT);
      expect(await view.getByTestId('engine-field-deflate-tail').count()).toBe(1);
      await page.screenshot({ path: `/tmp/play12-inspector-${lang}-${viewport.width}.png` });
      expect(
        await seriousAxeFindings(page, ['[data-testid="inspector"]', '[data-testid="console"]']),
      ).toEqual([]);
    });
  }

  it('a share link replays connect --deflate: the same RSV1 frames', async () => {
    const page = await h.open(
      `#/playground?run=${encodeURIComponent('connect --deflate=client_no_context_takeover')};${encodeURIComponent(`send ${TEXT}`)}`,
      { viewport: WIDE, reducedMotion: 'reduce' },
      'event-log',
    );
    await arrow(page, `TEXT "${TEXT}" RSV1 deflate 23→`).first().waitFor({ timeout: 20_000 });
    await arrow(page, '101 Switching Protocols (Extensions: permessage-deflate; client_no_context_takeover)')
      .first()
      .waitFor();
    await page.screenshot({ path: '/tmp/play12-link-en-1280.png' });
  });

  it('server deflate off: the 101 carries no extension and the console says it was declined', async () => {
    const page = await openConsole('en', WIDE);
    await run(page, 'server deflate off', /declines permessage-deflate/);
    await run(page, 'connect --deflate', /server declined permessage-deflate .*RFC 7692 §5/);
    await run(page, 'send hi', /message "hi"/);
    await arrow(page, 'TEXT "hi" (masked)').first().waitFor();
    expect(await arrow(page, '101 Switching Protocols').first().getAttribute('data-label')).toBe(
      '101 Switching Protocols',
    );
  });

  it('help lists --deflate and the server settings; a bad parameter names its RFC 7692 rule', async () => {
    const page = await openConsole('ko', WIDE);
    await run(page, 'help server', /server deflate on\|off/);
    await run(page, 'connect --deflate=server_max_window_bits=20', /RFC 7692 §7\.1\.2: .*“20”/);
    await run(page, 'server protocols superchat,chat', /superchat, chat/);
    await run(page, 'connect --protocol chat,superchat', /서브프로토콜: 서버가 superchat/);
  });
});

describe('the race’s compression switch', () => {
  const num = (s: string | null): number => Number((s ?? '').replace(/[^\d]/g, ''));
  const payloadCell = (page: Page) =>
    page.getByTestId('cmp-row-websocket').locator('td[data-key="payloadBytes"]');

  for (const [lang, viewport] of [
    ['en', WIDE],
    ['ko', PHONE],
  ] as const) {
    it(`${lang} ${viewport.width}: turning it on counts the WebSocket lane’s DEFLATE bytes`, async () => {
      const page = await h.open(
        '#/compare',
        { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', reducedMotion: 'reduce' },
        'compare',
      );
      await expect
        .poll(() => page.getByTestId('cmp-clock').textContent(), { timeout: 20_000 })
        .toBe('30.0 s');
      const plain = new Race({});
      plain.run();
      const compressed = new Race({ wsDeflate: true }, undefined, pakoCodec);
      compressed.run();
      const at = (r: Race) => r.lane('websocket')!.at(r.settings.duration).payloadBytes;
      await expect.poll(async () => num(await payloadCell(page).textContent())).toBe(at(plain));

      const toggle = page.getByTestId('cmp-ws-deflate');
      const label = page.locator('label', { has: toggle });
      expect(await label.textContent()).toMatch(lang === 'en' ? /WebSocket compression/ : /WebSocket 압축/);
      const box = await label.boundingBox();
      if (viewport.width < 500) expect(box!.height).toBeGreaterThanOrEqual(44);
      await toggle.check();
      await expect
        .poll(() => page.getByTestId('cmp-clock').textContent(), { timeout: 20_000 })
        .toBe('30.0 s');
      await expect.poll(async () => num(await payloadCell(page).textContent())).toBe(at(compressed));
      expect(at(compressed)).toBeLessThan(at(plain));
      await label.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/play12-race-${lang}-${viewport.width}.png` });
      expect(await seriousAxeFindings(page, ['[data-testid="compare"]'])).toEqual([]);
    });
  }
});
