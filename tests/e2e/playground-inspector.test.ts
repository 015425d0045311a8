/**
 * The playground's inspector and event log, end to end in the built site. After
 * `#/playground?run=connect;send%20hello`: the Upgrade request's headers are explained, the 101 shows
 * the Sec-WebSocket-Accept derivation (checked here against Node's own SHA-1), the masked text frame
 * shows its fields and lights up their bytes, and the log and the diagram select the same event.
 * Needs a build first: `npx vite build --outDir /tmp/dist-ins && WS101_DIST=/tmp/dist-ins npx vitest
 * run --project e2e tests/e2e/playground-inspector.test.ts`.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
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

const SCENARIO = '#/playground?run=connect;send%20hello';
// Reduced motion: the playhead jumps to the end, so every arrow is there at once.
const STILL: BrowserContextOptions = { reducedMotion: 'reduce' };

async function openScenario(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await h.open(SCENARIO, { ...STILL, ...options }, 'event-log');
  await arrow(page, 'TEXT "hello" (masked)').waitFor({ timeout: 20_000 });
  return page;
}

/** axe-core's serious and critical findings inside the inspector and the log. */
const axeFindings = (page: Page): Promise<string[]> =>
  seriousAxeFindings(page, ['[data-testid="inspector"]', '[data-testid="event-log"]']);

const arrow = (page: Page, label: string) => page.locator(`[data-testid="arrow"][data-label='${label}']`);
const inspector = (page: Page) => page.getByTestId('inspector');
const title = (page: Page) => page.getByTestId('inspector-title');
const header = (page: Page, name: string) =>
  inspector(page)
    .getByTestId('http-header')
    .filter({ hasText: new RegExp(`^\\s*${name}:`) });

describe('the inspector', () => {
  it('says what to do while nothing is selected', async () => {
    const page = await openScenario();
    expect(await page.getByTestId('inspector-hint').textContent()).toContain('Click an arrow');
  });

  it('shows the Upgrade request with every header explained, each linked to its bytes', async () => {
    const page = await openScenario();
    await arrow(page, 'GET /chat (Upgrade: websocket)').click();
    await expect.poll(() => title(page).textContent()).toBe('HTTP: GET /chat (Upgrade: websocket)');
    const rows = inspector(page).getByTestId('http-header');
    const names = await rows.evaluateAll((els) =>
      els.map((el) => el.querySelector('.wire')?.firstChild?.textContent?.trim()),
    );
    expect(names).toEqual([
      'Host',
      'Upgrade',
      'Connection',
      'Sec-WebSocket-Key',
      'Sec-WebSocket-Version',
      'Origin',
    ]);
    for (const note of await rows.locator('.note').allTextContents()) expect(note.length).toBeGreaterThan(10);
    expect(await header(page, 'Upgrade').textContent()).toContain('must be “websocket”');
    expect(await header(page, 'Sec-WebSocket-Key').textContent()).toContain('16 random bytes');
    expect(await header(page, 'Sec-WebSocket-Version').textContent()).toContain('13 is RFC 6455');

    // A header line and its bytes light up together (CR LF included).
    await header(page, 'Host').getByRole('button').click();
    const lit = await inspector(page).locator('.ascii .run.lit').allTextContents();
    expect(lit.join('')).toBe('Host: ws101.example..');
    expect(await header(page, 'Host').getAttribute('class')).toContain('pinned');
    // And the reverse: pointing at bytes lights up their header line.
    await inspector(page).locator('.ascii .run').filter({ hasText: 'Upgrade' }).first().hover();
    await expect.poll(() => header(page, 'Upgrade').getAttribute('class')).toContain('lit');
  });

  it('derives Sec-WebSocket-Accept for the 101 step by step, equal to the header', async () => {
    const page = await openScenario();
    await arrow(page, '101 Switching Protocols').click();
    const derivation = page.getByTestId('accept-derivation');
    await derivation.getByTestId('accept-check').waitFor();
    const key = (await derivation.getByTestId('accept-key').textContent())!.trim();
    const computed = (await derivation.getByTestId('accept-computed').textContent())!.trim();
    const sent = (await header(page, 'Sec-WebSocket-Accept')
      .getByTestId('field-value')
      .textContent())!.trim();
    expect(computed).toBe(sent);
    expect(await derivation.getByTestId('accept-check').getAttribute('data-ok')).toBe('true');
    // The same derivation, done independently with Node's SHA-1.
    const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
    const sha1 = createHash('sha1').update(key + GUID);
    const digest = sha1.copy().digest('hex');
    expect(computed).toBe(sha1.digest('base64'));
    expect((await derivation.getByTestId('accept-sha1').textContent())!.replace(/\s/g, '')).toBe(digest);
    // The key step names the request it came from; following it selects the request.
    await derivation.getByRole('button', { name: /request #/ }).click();
    await expect.poll(() => title(page).textContent()).toContain('GET /chat');
  });

  it('shows the masked text frame field by field; a field lights up its bytes', async () => {
    const page = await openScenario();
    await arrow(page, 'TEXT "hello" (masked)').click();
    const card = inspector(page).getByTestId('frame-card');
    await card.waitFor();
    const raw = (field: string) =>
      card.locator(`tr[data-field="${field}"]`).getByTestId('field-raw').textContent();
    expect(await raw('fin')).toBe('1');
    expect(await raw('opcode')).toBe('0x1');
    expect(await raw('mask')).toBe('1');
    expect(await raw('payload-len')).toBe('5');
    expect(await raw('payload')).toBe('68 65 6c 6c 6f'); // shown unmasked: “hello”
    const key = (await raw('masking-key'))!.split(' ').map((b) => parseInt(b, 16));

    await card.locator('tr[data-field="payload"] button').click();
    const lit = card.locator('.seg.lit');
    expect(await lit.count()).toBe(1);
    // The lit bytes are the payload as it travelled: "hello" XOR the masking key (§5.3).
    const masked = Array.from(new TextEncoder().encode('hello'), (b, i) => b ^ key[i % 4]!);
    expect(await lit.textContent()).toBe(masked.map((b) => b.toString(16).padStart(2, '0')).join(' '));
    expect(await lit.getAttribute('aria-pressed')).toBe('true');

    // And the reverse: the first byte lights up FIN, RSV1–3 and the opcode.
    await card.locator('.seg').first().hover();
    const litRows = await card
      .locator('tr.lit')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-field')));
    expect(litRows).toEqual(['fin', 'rsv1', 'rsv2', 'rsv3', 'opcode']);
  });

  it('lists the segment that carried the frame; following it shows seq, ack and the relative numbers', async () => {
    const page = await openScenario();
    await arrow(page, 'TEXT "hello" (masked)').click();
    await inspector(page).getByTestId('carrier').first().click();
    const segment = inspector(page).getByTestId('segment-view');
    await segment.waitFor();
    expect(await title(page).textContent()).toBe('TCP segment: PSH,ACK len=11');
    const text = (await segment.textContent())!;
    // The 189-byte request took stream bytes 1–189, so this segment's first byte is number 190.
    expect(text).toContain('(relative 190)');
    expect(text).toContain('ack = the next byte expected');
    expect(text).toContain('the whole frame');
    // Its payload is the frame: selecting the part lights up all 11 bytes.
    await segment.locator('[data-key^="part-"] button.name').click();
    expect((await segment.locator('.cols .run.lit').allTextContents()).join(' ').split(' ')).toHaveLength(11);
  });
});

describe('the event log', () => {
  it('a row and an arrow select the same event', async () => {
    const page = await openScenario();
    const log = page.getByTestId('event-log');
    await expect.poll(() => log.getByTestId('log-count').textContent()).toMatch(/^2\d events/);

    // Keyboard: Home brings the first rows into view.
    await log.getByRole('grid').focus();
    await page.keyboard.press('Home');
    const row101 = log.getByTestId('log-row').filter({ hasText: '101 Switching Protocols' });
    await row101.click();
    await expect.poll(() => title(page).textContent()).toBe('HTTP: 101 Switching Protocols');
    expect(await row101.getAttribute('aria-selected')).toBe('true');
    const id = await row101.getAttribute('data-id');
    expect(await arrow(page, '101 Switching Protocols').getAttribute('data-id')).toBe(id);

    // The other way: an arrow selected in the diagram is the row highlighted in the log.
    await arrow(page, 'GET /chat (Upgrade: websocket)').click();
    const getId = await arrow(page, 'GET /chat (Upgrade: websocket)').getAttribute('data-id');
    await expect
      .poll(() => log.locator(`[data-testid="log-row"][data-id="${getId}"]`).getAttribute('aria-selected'))
      .toBe('true');
    expect(await row101.getAttribute('aria-selected')).toBe('false');

    // Arrow keys and Enter select too.
    await log.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('[data-testid="log-row"][aria-selected="true"]')?.getAttribute('data-id'),
        ),
      )
      .toBe(String(Number(getId) + 1));
  });

  it('shows state changes and engine events too, which have no bytes', async () => {
    const page = await openScenario();
    const log = page.getByTestId('event-log');
    await log.getByRole('grid').focus();
    await page.keyboard.press('Home');
    await log.getByTestId('log-row').filter({ hasText: 'TCP CLOSED → LISTEN' }).click();
    await expect.poll(() => title(page).textContent()).toBe('TCP state of the server');
    expect(await inspector(page).textContent()).toContain('LISTEN: waiting for a SYN');
    await log.getByRole('grid').focus();
    await page.keyboard.press('End');
    await log.getByTestId('log-row').filter({ hasText: 'message "hello"' }).first().click();
    await expect.poll(() => title(page).textContent()).toBe('What the server’s engine did');
    expect(await inspector(page).textContent()).toContain(
      'Delivers a text message to the application: “hello”',
    );
  });

  it('follows the layer filter', async () => {
    const page = await openScenario();
    const log = page.getByTestId('event-log');
    await expect.poll(() => log.getByTestId('log-count').textContent()).toMatch(/^2\d events$/);
    await page.getByRole('checkbox', { name: /TCP/ }).uncheck();
    await expect.poll(() => log.getByTestId('log-count').textContent()).toMatch(/hidden by the layer filter/);
    const layers = await log.locator('[data-testid="log-row"] .badge').allTextContents();
    expect(layers.length).toBeGreaterThan(0);
    expect(layers).not.toContain('TCP');
    // TCP state changes follow the TCP layer too; WebSocket ones stay.
    const summaries = await log.locator('[data-testid="log-row"] .c-sum').allTextContents();
    expect(summaries.some((s) => s.startsWith('TCP '))).toBe(false);
    expect(summaries.some((s) => s.startsWith('WS '))).toBe(true);
  });

  it('follows the playhead while live, and stops when the learner scrolls up', async () => {
    const sends = Array.from({ length: 12 }, (_, i) => `send%20m${i}`).join(';');
    const page = await h.open(`#/playground?run=connect;${sends}`, {}, 'event-log');
    const log = page.getByTestId('event-log');
    const viewport = log.getByRole('grid');
    const gapToBottom = () => viewport.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
    const rows = async () => Number((await log.getByTestId('log-count').textContent())!.replace(/\D/g, ''));
    await expect.poll(rows, { timeout: 20_000 }).toBeGreaterThan(20);
    expect(await gapToBottom()).toBeLessThan(2);

    await viewport.hover();
    await page.mouse.wheel(0, -400);
    await log.getByTestId('log-follow').waitFor();
    const top = await viewport.evaluate((el) => el.scrollTop);
    const seen = await rows();
    await expect.poll(rows, { timeout: 20_000 }).toBeGreaterThan(seen + 5);
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(top);

    await log.getByTestId('log-follow').click();
    await expect.poll(gapToBottom).toBeLessThan(2);
    expect(await log.getByTestId('log-follow').count()).toBe(0);
  });

  it('passes axe (no serious or critical findings), light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openScenario({ colorScheme });
      await arrow(page, '101 Switching Protocols').click();
      await page.getByTestId('accept-check').waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await arrow(page, 'TEXT "hello" (masked)').click();
      await inspector(page).getByTestId('frame-card').locator('tr[data-field="payload"] button').click();
      expect(await axeFindings(page)).toEqual([]);
      await inspector(page).getByTestId('carrier').first().click();
      await inspector(page).getByTestId('segment-view').waitFor();
      expect(await axeFindings(page)).toEqual([]);
    }
  });

  it('speaks Korean', async () => {
    const page = await openScenario({ locale: 'ko-KR' });
    const log = page.getByTestId('event-log');
    expect(await log.getByRole('columnheader').allTextContents()).toEqual(['시간', '방향', '계층', '요약']);
    await arrow(page, 'GET /chat (Upgrade: websocket)').click();
    expect(await header(page, 'Sec-WebSocket-Key').textContent()).toContain('16바이트 난수');
    await arrow(page, '101 Switching Protocols').click();
    expect(await page.getByTestId('accept-check').textContent()).toContain('같습니다');
  });
});
