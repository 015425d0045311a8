/**
 * Lesson 11, extensions and subprotocols, in the built site (needs `npx vite build` first):
 * - in English and Korean, each exercise solved the way a learner does it (a different valid DEFLATE
 *   answer than the solution for inflate-to-hi), and a wrong answer told why;
 * - the lesson's frame editors (the Monaco one, as in every lesson) read bytes as on a permessage-deflate
 *   connection, the extension shown and not switchable, with pako loaded on demand: another lesson never
 *   requests it; in an exercise, accepted bytes read as the receiver's verdict, never as "solved";
 * - axe finds nothing serious at 1280×720 and 390×844; screenshots go to /tmp/fix12-lesson11-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './axe.ts';
import { pakoRequests, startHarness, type Harness } from './harness.ts';
import { card, check, DESKTOP, LOCALE, PHONE } from './lesson-page.ts';

const SLUG = 'extensions-and-subprotocols';
const OK = { en: 'Correct.', ko: '정답입니다.' } as const;
const NOT_GRADED = { en: 'Check says whether', ko: '채점하기가 알려 줍니다' } as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

const request = (...extra: string[]): string =>
  [
    'GET /chat HTTP/1.1',
    'Host: server.example.com',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
  ].join('\n');

/** Type into a Monaco frame editor the way a learner does: select everything, then type over it. */
async function typeFrame(where: Locator, text: string): Promise<void> {
  await where.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor();
  await where.locator('.monaco-editor .view-lines').click();
  await where.page().keyboard.press('ControlOrMeta+A');
  await where.page().keyboard.press('Delete');
  await where.page().keyboard.insertText(text);
}

const status = (where: Locator): Locator => where.getByTestId('editor-status');

for (const lang of ['en', 'ko'] as const) {
  describe(`${lang}: lesson 11, ${SLUG}`, () => {
    let page: Page;
    let pako: string[];
    beforeAll(async () => {
      page = await h.open('#/lessons/masking', { ...DESKTOP, locale: LOCALE[lang] }, 'lesson-title');
      pako = pakoRequests(page);
    });
    afterAll(async () => page?.context().close());

    it('another lesson does not load the DEFLATE codec; this one does, and its editor reads RSV1 as compressed', async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.getByTestId('widget-loading').count()).toBe(0);
      expect(pako).toEqual([]);
      await page.evaluate((s) => (location.hash = `#/lessons/${s}`), SLUG);
      // The "Try it" editor loads when it scrolls into view (Lazy.svelte).
      const widget = page.locator('[data-widget="frame-editor"]').first();
      await widget.scrollIntoViewIfNeeded();
      await widget.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor();
      // The lesson's extension, shown and fixed: no Extensions choice to switch it off.
      expect(await widget.getByTestId('ed-ext-fixed').count()).toBe(1);
      expect(await widget.getByTestId('ed-ext-select').count()).toBe(0);
      await expect.poll(() => status(widget).getAttribute('data-kind')).toBe('valid');
      // RFC 7692 §7.2.3.2: the first "Hello", inflated by the engine, in the field tree.
      expect(await widget.getByTestId('tree-inflated').inputValue()).toBe('Hello');
      // Fetched now, and each script once (pako's library and the codec on it).
      expect(pako.length).toBeGreaterThan(0);
      expect(new Set(pako).size).toBe(pako.length);
      // A ping with RSV1 (§6): the engine's refusal, with its close code.
      await typeFrame(widget, 'c1 07 f2 48 cd c9 c9 07 00 c9 00');
      await expect.poll(() => status(widget).getAttribute('data-kind')).toBe('invalid');
      expect(await status(widget).textContent()).toContain('1002');
    });

    it('inflate-to-hi: uncompressed "Hi" → not yet (RSV1 = 0); a compressor’s bytes, not the stored-block solution → solved', async () => {
      const c = card(page, 'inflate-to-hi');
      await c.scrollIntoViewIfNeeded();
      await typeFrame(c, '81 02 48 69');
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('RSV1');
      await typeFrame(c, 'c1 04 f2 c8 04 00');
      await expect.poll(() => status(c).textContent()).toContain('“Hi”');
      // Accepted bytes are the receiver's verdict, not the exercise's: a neutral line, not a green "Valid".
      expect(await status(c).getAttribute('class')).toContain('in-exercise');
      expect(await status(c).textContent()).toContain(NOT_GRADED[lang]);
      expect(await c.getByTestId('result').getAttribute('data-ok')).toBeNull();
      const yes = await check(c);
      expect(yes.ok, yes.text).toBe('true');
      expect(yes.text).toContain(OK[lang]);
    });

    it('why-refused: "no 00 00 ff ff" → the nudge; the continuation with RSV1 → solved', async () => {
      const c = card(page, 'why-refused');
      await c.scrollIntoViewIfNeeded();
      await c.getByTestId('option').nth(0).click();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('7.2.1');
      await c.getByTestId('option').nth(2).click();
      expect((await check(c)).ok).toBe('true');
    });

    it('fix-continuation: the start → refused (the rule named); 80 on the continuation → solved', async () => {
      const c = card(page, 'fix-continuation');
      await c.scrollIntoViewIfNeeded();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('RSV1');
      await typeFrame(c, '41 03 f2 48 cd 80 04 c9 c9 07 00');
      expect((await check(c)).ok).toBe('true');
    });

    it('offer-chat: superchat alone → 400; "superchat, chat" → the 101 names chat → solved', async () => {
      const c = card(page, 'offer-chat');
      await c.scrollIntoViewIfNeeded();
      const no = await check(c);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('400');
      await c.getByTestId('http-input').fill(request('Sec-WebSocket-Protocol: superchat, chat'));
      await expect
        .poll(() => c.getByTestId('http-response').textContent())
        .toContain('Sec-WebSocket-Protocol: chat');
      expect((await check(c)).ok).toBe('true');
    });

    it('ask-no-takeover: the browser’s offer → not yet; with server_no_context_takeover → the 101 agrees → solved', async () => {
      const c = card(page, 'ask-no-takeover');
      await c.scrollIntoViewIfNeeded();
      expect((await check(c)).ok).toBe('false');
      await c
        .getByTestId('http-input')
        .fill(request('Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover'));
      await expect
        .poll(() => c.getByTestId('http-response').textContent())
        .toContain('Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover');
      expect((await check(c)).ok).toBe('true');
    });

    it('compressor-memory and crime-conditions: a known wrong answer gets its nudge; the right one is solved', async () => {
      const m = card(page, 'compressor-memory');
      await m.scrollIntoViewIfNeeded();
      await m.getByTestId('answer-input').fill('128');
      const no = await check(m);
      expect(no.ok).toBe('false');
      expect(no.text).toContain('32');
      await m.getByTestId('answer-input').fill('1,024 MiB');
      expect((await check(m)).ok).toBe('true');
      const c = card(page, 'crime-conditions');
      await c.scrollIntoViewIfNeeded();
      for (const i of [0, 1, 2]) await c.getByTestId('option').nth(i).click();
      expect((await check(c)).ok).toBe('true');
      expect(await page.locator('[data-testid="exercise"][data-done="true"]').count()).toBe(7);
    });

    it('axe: nothing serious at 1280×720; screenshot', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/fix12-lesson11-${lang}-1280.png` });
      await card(page, 'inflate-to-hi').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/fix12-lesson11-${lang}-1280-exercise.png` });
    });
  });

  it(`${lang}: 390×844 phone: the lesson and its DEFLATE editor fit, axe finds nothing serious; screenshots`, async () => {
    const p = await h.open(`#/lessons/${SLUG}`, { ...PHONE, locale: LOCALE[lang] }, 'lesson-title');
    try {
      const widget = p.locator('[data-widget="frame-editor"]').first();
      await widget.scrollIntoViewIfNeeded();
      await widget.locator('[data-testid="frame-editor"][data-phase="ready"]').waitFor();
      await expect.poll(() => status(widget).getAttribute('data-kind')).toBe('valid');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(p)).toEqual([]);
      await p.screenshot({ path: `/tmp/fix12-lesson11-${lang}-390-editor.png` });
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: `/tmp/fix12-lesson11-${lang}-390.png` });
      const c = card(p, 'inflate-to-hi');
      await c.scrollIntoViewIfNeeded();
      await typeFrame(c, 'c1 08 00 02 00 fd ff 48 69 00');
      expect((await check(c)).ok).toBe('true');
      await p.screenshot({ path: `/tmp/fix12-lesson11-${lang}-390-exercise.png` });
    } finally {
      await p.context().close();
    }
  });
}
