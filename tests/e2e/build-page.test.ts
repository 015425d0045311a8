/**
 * The #/build page in Chromium, in English and Korean, at 1280×720 and as a phone (390×844): the
 * starter in the editor, eight stages not yet run; a syntax error marked at its line and named when
 * Run is refused; the grader's runs through the sandbox (the starter, a broken server from a link, the
 * reference solution), with the summary `N of M stages pass`, each stage's reason, hint and "Show me
 * the bytes" opening its diagram at the spot; the link, storage, reset and undo paths; axe on all of it.
 * Screenshots of a passing and a failing run go to /tmp/buildui15-*.png.
 *
 *   npx vite build --logLevel warn && npx vitest run --project e2e tests/e2e/build-page.test.ts
 */
import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { starterEn } from '../../src/i18n/buildui.starter.en.ts';
import { starterKo } from '../../src/i18n/buildui.starter.ko.ts';
import { BUILD_FILE_KEY } from '../../src/ui/build/stored.ts';
import { codeLink } from '../../src/ui/build/share.ts';
import { STAGES } from '../../src/build/stages.ts';
import { BROKEN, brokenSource } from '../support/build-broken.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';
import { DESKTOP, PHONE } from './lesson-page.ts';

const FIXTURES = 'tests/fixtures/build';
const SHOTS = '/tmp/buildui15';

const LANGS = {
  en: {
    locale: 'en-US',
    starter: starterEn,
    firstLine: '// My WebSocket server (RFC 6455).',
    idle: 'Not run yet. Press Run tests to grade your server.',
    notRun: 'Not run',
    summary: (passed: number, total: number) => `${passed} of ${total} stages pass`,
    run: 'Run tests',
    bytes: 'Show me the bytes',
  },
  ko: {
    locale: 'ko-KR',
    starter: starterKo,
    firstLine: '// 나의 WebSocket 서버 (RFC 6455)',
    idle: '아직 실행하지 않았습니다. 테스트 실행을 눌러 서버를 채점하세요.',
    notRun: '실행 전',
    summary: (passed: number, total: number) => `${total}단계 중 ${passed}단계 통과`,
    run: '테스트 실행',
    bytes: '바이트 보기',
  },
} as const;
type Lang = keyof typeof LANGS;

const SIZES: Record<'desktop' | 'phone', BrowserContextOptions> = { desktop: DESKTOP, phone: PHONE };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

/** `#/build` with `file`'s text in its link (the way a learner shares a file). */
function linkTo(file: string): string {
  return linkToSource(readFileSync(`${FIXTURES}/${file}`, 'utf8'));
}
function linkToSource(source: string): string {
  const link = codeLink(source);
  if (!link.ok) throw new Error('the file is too long for a link');
  return link.hash;
}
/** `#/build` with broken copy `name` (tests/support/build-broken.ts) in its link. */
const linkToBroken = (name: string): string => linkToSource(brokenSource(name));

async function openBuild(lang: Lang, size: keyof typeof SIZES, hash = '#/build'): Promise<Page> {
  const page = await h.open(
    hash,
    { ...SIZES[size], locale: LANGS[lang].locale, reducedMotion: 'reduce' },
    'build',
  );
  await page.locator('[data-testid="build-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
  return page;
}

/** Monaco's text as rendered, line by line (its DOM lines are positioned, not ordered). */
function editorLines(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="build-editor"] .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')),
  );
}

/** What the page saved for the file (null: nothing, the starter). */
function stored(page: Page): Promise<string | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as { source: string }).source;
  }, BUILD_FILE_KEY);
}

const summary = (page: Page) => page.getByTestId('build-summary');
const stage = (page: Page, slug: string) => page.locator(`[data-testid="stage"][data-slug="${slug}"]`);

/** Run the tests and wait for the grader to finish (the Stop button goes away, the summary counts). */
async function runTests(page: Page): Promise<void> {
  await page.getByTestId('build-run').click();
  await page.getByTestId('build-stop').waitFor({ state: 'detached', timeout: 60_000 });
}

async function noSideways(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

for (const lang of ['en', 'ko'] as const) {
  const L = LANGS[lang];
  describe(`#/build in ${lang}`, () => {
    for (const size of ['desktop', 'phone'] as const) {
      it(`${size}: the starter in the editor, eight stages not run, the summary says so; axe clean, no sideways scroll`, async () => {
        const page = await openBuild(lang, size);
        expect((await editorLines(page))[0]).toBe(L.firstLine);
        await expect.poll(() => summary(page).textContent()).toContain(L.idle);
        const cards = page.getByTestId('stage');
        expect(await cards.count()).toBe(8);
        for (const status of await page.getByTestId('stage-status').allTextContents())
          expect(status.trim()).toBe(L.notRun);
        // Stages after the first that has not passed are locked, and say which one to pass first.
        expect(await stage(page, 'handshake').getByTestId('stage-locked').count()).toBe(0);
        expect(await stage(page, 'errors').getByTestId('stage-locked').count()).toBe(1);
        expect(await page.getByTestId('build-run').textContent()).toContain(L.run);
        expect(await stored(page)).toBeNull();
        await noSideways(page);
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.context().close();
      });
    }

    it('a syntax error gets a marker at its line before anything runs, and Run names it', async () => {
      const page = await openBuild(lang, 'desktop');
      await page.locator('[data-testid="build-editor"] .view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('const = 1;');
      // The starter ends with a newline: the typed line is its last one.
      const line = L.starter.split('\n').length;
      await page.locator('[data-testid="build-editor"] .squiggly-error').first().waitFor();
      await page.getByTestId('build-run').click();
      const refused = page.getByTestId('build-refused');
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(
        lang === 'en' ? new RegExp(`line ${line}, column 7`) : new RegExp(`${line}번째 줄`),
      );
      // Nothing ran: the stages are as they were.
      for (const status of await page.getByTestId('stage-status').allTextContents())
        expect(status.trim()).toBe(L.notRun);
      await refused.getByTestId('build-refused-goto').click();
      expect(
        await page.evaluate(() => document.activeElement?.closest('[data-testid="build-editor"]') !== null),
      ).toBe(true);
      await page.context().close();
    });

    it('the starter graded: a summary of the count, stage 1 says why with a hint, its bytes on the diagram', async () => {
      const page = await openBuild(lang, 'desktop');
      await runTests(page);
      const text = (await summary(page).textContent())!.trim();
      expect(text).toMatch(lang === 'en' ? /^\d of 8 stages pass$/ : /^8단계 중 \d단계 통과$/);
      const first = stage(page, 'handshake');
      expect(await first.getAttribute('data-status')).not.toBe('pass');
      expect((await first.getByTestId('stage-reason').textContent())!.length).toBeGreaterThan(10);
      const hint = first.getByTestId('stage-hint');
      expect(await hint.isVisible()).toBe(false);
      await first.getByTestId('stage-hint-toggle').click();
      expect(await hint.isVisible()).toBe(true);
      await first.getByRole('button', { name: L.bytes }).click();
      const view = page.getByTestId('stage-bytes-view');
      await view.waitFor();
      expect(await view.getAttribute('data-stage')).toBe('handshake');
      await view.getByTestId('diagram').waitFor();
      expect(await view.locator('[data-testid="arrow"]').count()).toBeGreaterThan(0);
      // Not every stage passes: the reference solution is behind a question.
      await page.getByTestId('reference-show').click();
      await page.getByTestId('reference-give-up').click();
      await page.locator('[data-testid="reference-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
      await page.getByTestId('reference-hide').click();
      expect(await page.getByTestId('build-reference').count()).toBe(0);
      await page.context().close();
    });

    it('a file from a link opens and runs: a server that forgets to unmask fails stage 3, and its bytes open at the spot', async () => {
      const page = await openBuild(lang, 'desktop', linkToBroken('forgets-unmask'));
      // Nothing of the learner's was there: opened at once, with an undo, and saved.
      await page.locator('[data-testid="build-notice"][data-kind="undo"]').waitFor();
      await expect.poll(() => stored(page)).toBe(brokenSource('forgets-unmask'));
      expect(await page.evaluate(() => location.hash)).toBe('#/build');
      await runTests(page);
      expect((await summary(page).textContent())!.trim()).toBe(L.summary(2, 8));
      const echo = stage(page, 'echo');
      expect(await echo.getAttribute('data-status')).toBe('fail');
      expect(await stage(page, 'lengths').getByTestId('stage-locked').count()).toBe(1);
      await echo.getByTestId('stage-bytes').click();
      const view = page.getByTestId('stage-bytes-view');
      await view.waitFor();
      // Paused at the spot: that arrow selected, the inspector showing it with a field pinned.
      await view
        .locator('[data-testid="arrow"][aria-pressed="true"], [data-testid="arrow"].selected')
        .first()
        .waitFor();
      expect(await view.getByTestId('inspector-title').textContent()).toMatch(/TEXT/);
      expect(await view.locator('[data-testid="inspector"] [aria-pressed="true"]').count()).toBeGreaterThan(
        0,
      );
      expect(await seriousAxeFindings(page)).toEqual([]);
      await view.getByTestId('stage-bytes-close').click();
      expect(await page.getByTestId('stage-bytes-view').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'stage-bytes',
      );
      await page.context().close();
    });

    it('the reference solution passes every stage; the success panel offers the reference without asking', async () => {
      const page = await openBuild(lang, 'phone', linkTo('reference.js'));
      await runTests(page);
      expect((await summary(page).textContent())!.trim()).toBe(L.summary(8, 8));
      await page.getByTestId('build-success').waitFor();
      expect(await page.locator('[data-testid="stage"][data-status="pass"]').count()).toBe(8);
      expect(await page.getByTestId('stage-locked').count()).toBe(0);
      await page.getByTestId('reference-show').click();
      await page.locator('[data-testid="reference-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
      await noSideways(page);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.context().close();
    });
  });
}

describe('#/build: one broken copy per stage, graded in the page through the sandbox', () => {
  for (const [file, slug, says] of BROKEN) {
    it(`${file} fails stage "${slug}" and passes every stage before it`, async () => {
      const page = await openBuild('en', 'desktop', linkToBroken(file));
      await runTests(page);
      const at = STAGES.findIndex((s) => s.slug === slug);
      for (const s of STAGES.slice(0, at))
        expect(await stage(page, s.slug).getAttribute('data-status'), s.slug).toBe('pass');
      const card = stage(page, slug);
      expect(await card.getAttribute('data-status')).toBe('fail');
      expect((await card.getByTestId('stage-reason').textContent())!.replace(/\s+/g, ' ')).toMatch(says);
      await page.context().close();
    });
  }
});

describe('#/build: code that stops the run is a message, and the page stays responsive', () => {
  const cases: readonly [name: string, body: string, says: RegExp][] = [
    ['an endless loop', 'for (;;) {}', /did not give control back within 2 s/],
    [
      'a megabyte of output',
      'for (;;) socket.write(new Uint8Array(65536));',
      /wrote or logged more than 1 MiB/,
    ],
    [
      'gigabytes of allocation',
      'const keep = []; for (;;) keep.push(new Uint8Array(256 * 1024 * 1024));',
      /ran out of memory|did not give control back/,
    ],
  ];
  for (const [name, body, says] of cases) {
    it(`${name} ends the run in stage 1 with its message; the page keeps painting meanwhile`, async () => {
      const source = `export default function onConnection(socket) {\n  socket.on('data', () => {\n    ${body}\n  });\n}\n`;
      const page = await openBuild('en', 'desktop', linkToSource(source));
      await page.getByTestId('build-run').click();
      // While the sandbox is busy the page's own thread is free: it paints frames, several times over.
      await page.getByTestId('build-stop').waitFor();
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
        expect(Date.now() - started).toBeLessThan(1000);
      }
      await page.getByTestId('build-stop').waitFor({ state: 'detached', timeout: 60_000 });
      const card = stage(page, 'handshake');
      expect(await card.getAttribute('data-status')).toBe('crash');
      expect((await card.getByTestId('stage-reason').textContent())!.replace(/\s+/g, ' ')).toMatch(says);
      // The run ended there: the later stages would only meet the same loop, flood or allocation.
      await page.getByTestId('build-halted').waitFor();
      expect(await page.locator('[data-testid="stage"][data-status="stopped"]').count()).toBe(7);
      await page.context().close();
    });
  }
});

describe('#/build: the file', () => {
  it('what is typed is saved, and is there after a reload', async () => {
    const page = await openBuild('en', 'desktop');
    await page.locator('[data-testid="build-editor"] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('// saved?');
    await expect.poll(() => stored(page)).toBe(`${starterEn}// saved?`);
    await page.reload();
    await page.locator('[data-testid="build-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => stored(page)).toBe(`${starterEn}// saved?`);
    await page.context().close();
  });

  it('a link to another file asks before replacing a saved one; Undo brings the saved one back', async () => {
    const first = await openBuild('en', 'desktop');
    await first.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({ source: '// mine\n' })),
      BUILD_FILE_KEY,
    );
    // The link opened in another tab of the same browser: the saved file is there.
    const page = await first.context().newPage();
    await page.goto(`${h.baseUrl}${linkTo('reference.js')}`);
    await page.locator('[data-testid="build-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
    const ask = page.locator('[data-testid="build-notice"][data-kind="link-ask"]');
    await ask.waitFor();
    expect((await editorLines(page))[0]).toBe('// mine');
    await ask.getByTestId('link-open').click();
    await expect.poll(() => stored(page)).toBe(readFileSync(`${FIXTURES}/reference.js`, 'utf8'));
    await page.getByTestId('build-undo').click();
    await expect.poll(() => stored(page)).toBe('// mine\n');
    // "Keep mine" leaves the file as it is.
    await page.goto(`${h.baseUrl}${linkToBroken('wrong-accept')}`);
    await ask.waitFor();
    await ask.getByTestId('link-keep').click();
    expect(await ask.count()).toBe(0);
    expect(await stored(page)).toBe('// mine\n');
    await first.context().close();
  });

  it('a garbled link says so and changes nothing; a link past 16 000 characters is not read', async () => {
    const page = await openBuild('ko', 'desktop', '#/build?code=not*base64');
    const notice = page.locator('[data-testid="build-notice"][data-kind="link-bad"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('base64url');
    expect((await editorLines(page))[0]).toBe(LANGS.ko.firstLine);
    await page.context().close();
    const long = await openBuild('en', 'desktop', `#/build?code=${'A'.repeat(16_001)}`);
    const tooLong = long.locator('[data-testid="build-notice"][data-kind="link-bad"]');
    await tooLong.waitFor();
    expect(await tooLong.textContent()).toContain('16,001 characters');
    await long.context().close();
  });

  it('Reset to the starter asks first; Undo brings the file back', async () => {
    const page = await openBuild('ko', 'desktop', linkTo('reference.js'));
    await expect.poll(() => stored(page)).not.toBeNull();
    await page.getByTestId('build-reset').click();
    await page.getByTestId('build-reset-yes').click();
    await expect.poll(() => stored(page)).toBeNull();
    expect((await editorLines(page))[0]).toBe(LANGS.ko.firstLine);
    await page.getByTestId('build-undo').click();
    await expect.poll(() => stored(page)).toBe(readFileSync(`${FIXTURES}/reference.js`, 'utf8'));
    await page.context().close();
  });

  it('#/build/<stage> opens that stage; an unknown stage is named', async () => {
    const page = await openBuild('en', 'desktop', '#/build/fragments');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-testid="stage"]')?.getAttribute('data-slug'),
        ),
      )
      .toBe('fragments');
    await page.context().close();
    const bad = await openBuild('en', 'desktop', '#/build/nope');
    const notice = bad.locator('[data-testid="build-notice"][data-kind="bad-stage"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('“nope”');
    await bad.context().close();
  });
});

describe('#/build: running', () => {
  it('Ctrl+Enter in the editor runs the tests; Stop ends a run at once', async () => {
    const page = await openBuild('en', 'desktop');
    await page.locator('[data-testid="build-editor"] .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('build-stop').click();
    await page.getByTestId('build-stopped').waitFor();
    expect(await page.getByTestId('build-stop').count()).toBe(0);
    // The next run starts clean.
    await runTests(page);
    expect((await summary(page).textContent())!.trim()).toMatch(/^\d of 8 stages pass$/);
    await page.context().close();
  });

  it('code that throws stops the stage with what it threw, and "Go to line" moves the cursor there', async () => {
    const page = await openBuild('en', 'desktop');
    await page.evaluate(
      (key) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            source:
              "export default function onConnection(socket) {\n  socket.on('data', () => {\n    throw new Error('boom');\n  });\n}\n",
          }),
        ),
      BUILD_FILE_KEY,
    );
    await page.reload();
    await page.locator('[data-testid="build-editor"][data-phase="ready"]').waitFor({ timeout: 60_000 });
    await runTests(page);
    const first = stage(page, 'handshake');
    expect(await first.getAttribute('data-status')).toBe('crash');
    expect(await first.getByTestId('stage-reason').textContent()).toContain('boom');
    const go = first.getByTestId('stage-goto');
    expect(await go.textContent()).toBe('Go to line 3');
    await go.click();
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="build-editor"]') !== null),
    ).toBe(true);
    await page.context().close();
  });
});

describe('screenshots (looked at): a failing and a passing run, desktop and phone, en and ko', () => {
  for (const lang of ['en', 'ko'] as const) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`${lang} ${size}`, async () => {
        const failing = await openBuild(lang, size, linkToBroken('no-16bit-length'));
        await runTests(failing);
        await failing.screenshot({ path: `${SHOTS}-${lang}-${size}-failing.png`, fullPage: true });
        await stage(failing, 'lengths').getByTestId('stage-bytes').click();
        await failing.getByTestId('stage-bytes-view').waitFor();
        await failing.screenshot({ path: `${SHOTS}-${lang}-${size}-failing-bytes.png` });
        await failing.context().close();
        const passing = await openBuild(lang, size, linkTo('reference.js'));
        await runTests(passing);
        await passing.screenshot({ path: `${SHOTS}-${lang}-${size}-passing.png` });
        await passing.context().close();
      });
    }
  }
});
