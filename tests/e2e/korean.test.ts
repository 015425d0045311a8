/**
 * One voice for the learner, end to end: with the page in Korean, every route — home, the lesson list,
 * a lesson with its exercises answered wrongly, the frame decoder with a valid and an invalid frame,
 * the transport race after its run, the playground after a session in its console — shows no English
 * sentence; switched back to English, the same page shows no Korean. Needs `npx vite build` first.
 *
 * An "English sentence" is a run of three or more English words (two letters or more) in one line of
 * visible text. Not prose, and so not counted: words in capitals (protocol labels such as TCP, SYN,
 * TEXT, FIN, RFC), units (ms, kB), hex bytes, numbers, and the protocol's own vocabulary in ALLOWED
 * below, which a Korean text quotes as it is written on the wire. Code (`code`, `pre`, `kbd`, `samp`),
 * the hex views, the Monaco editor and anything marked with another `lang` are not checked either.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/sim/commands.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * Written as on the wire or in the RFC, in every language: header names and values, status reasons,
 * the extension's name, the wire label's "(masked)" (like FIN=0 beside it), and the console's command
 * syntax, taken from the command table itself.
 */
const ALLOWED: readonly string[] = [
  'Sec-WebSocket-Accept',
  'Sec-WebSocket-Key',
  'Sec-WebSocket-Version',
  'Sec-WebSocket-Protocol',
  'Sec-WebSocket-Extensions',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Switching Protocols',
  'Upgrade Required',
  'Bad Request',
  'permessage-deflate',
  '(masked)',
  // Names Korean technical writing keeps in English, as the Korean lessons do (lessons 2 and 12).
  'Server-Sent Events',
  'head-of-line blocking',
  ...COMMANDS.map((c) => c.usage),
];

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;
const UNITS = new Set(['ms', 'kB', 'KiB', 'MiB']);

/** Is this whitespace-separated token an English word that counts towards a sentence? */
function kindOf(token: string): 'word' | 'neutral' | 'break' {
  if (HANGUL.test(token) || token === '\u2016') return 'break';
  // A command's options and URLs are code, however the terminal wraps the usage line that holds them.
  if (/^\[?--?[a-z]/.test(token) || /^\[?[a-z]+:$/.test(token)) return 'neutral';
  // So are the syntax's optional parts and placeholders ("[timeout", "<ms>]") when a wrap splits them.
  if (/^[[<]|[\]>]$/.test(token)) return 'neutral';
  const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!/^[A-Za-z][A-Za-z'’-]*$/.test(core)) return 'neutral'; // numbers, symbols, identifiers like ws101
  const letters = core.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2 || UNITS.has(core)) return 'neutral';
  if (core === core.toUpperCase()) return 'neutral'; // TCP, SYN, TEXT, RFC, MASK: protocol labels
  if (/^[0-9a-f]{2}$/.test(core)) return 'neutral'; // a hex byte such as "fe"
  return 'word';
}

/** Runs of three or more English words in a line of text, as they read. */
function englishSentences(text: string): string[] {
  const found: string[] = [];
  for (let line of text.split('\n')) {
    for (const phrase of ALLOWED) line = line.split(phrase).join(' \u2016 ');
    let run: string[] = [];
    const flush = (): void => {
      if (run.length >= 3) found.push(run.join(' '));
      run = [];
    };
    // "libraries/frameworks" is two words; "/chat" and "HTTP/1.1" are a path and a label.
    for (const token of line.split(/[\s/]+/).filter(Boolean)) {
      const kind = kindOf(token);
      if (kind === 'word') run.push(token);
      else if (kind === 'break') flush();
    }
    flush();
  }
  return found;
}

/**
 * The page's visible text (innerText skips what `visibility: hidden` hides, so the parts not checked
 * are hidden for the moment of reading), plus aria-label and title of visible elements: what a screen
 * reader or a tooltip says is text a learner reads too.
 */
async function visibleText(page: Page, lang: 'en' | 'ko', skipConsole = false): Promise<string> {
  return page.evaluate(
    ({ lang, skipConsole }) => {
      const skip = [
        'code',
        'pre',
        'kbd',
        'samp',
        '.monaco-editor',
        '.hex',
        `[lang]:not([lang|="${lang}"])`,
        ...(skipConsole ? ['.xterm', '[data-testid="console-output"]'] : []),
      ];
      const style = document.createElement('style');
      style.textContent = `${skip.map((s) => `${s}, ${s} *`).join(', ')} { visibility: hidden !important; }`;
      document.head.append(style);
      try {
        const labels: string[] = [];
        for (const el of document.body.querySelectorAll<HTMLElement>('[aria-label], [title]')) {
          if (!el.checkVisibility({ visibilityProperty: true })) continue;
          for (const a of ['aria-label', 'title']) {
            const v = el.getAttribute(a);
            if (v) labels.push(v);
          }
        }
        return [document.body.innerText, ...labels].join('\n');
      } finally {
        style.remove();
      }
    },
    { lang, skipConsole },
  );
}

const KOREAN: BrowserContextOptions = { locale: 'ko-KR', reducedMotion: 'reduce' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  const problems = h.problems.splice(0);
  expect(problems).toEqual([]);
});

async function open(hash: string, ready: string): Promise<Page> {
  const page = await h.open(hash, KOREAN, ready);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
  return page;
}

/** Korean now: no English sentence. Then the switch to English: no Hangul, except the switch's "한국어". */
async function expectOneVoice(page: Page, skipConsoleInEnglish = false): Promise<void> {
  expect(englishSentences(await visibleText(page, 'ko'))).toEqual([]);
  await page.getByTestId('lang-en').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  // The console's scrollback is history: lines printed in Korean stay as they were (like a terminal).
  const english = await visibleText(page, 'en', skipConsoleInEnglish);
  expect(english.split('\n').filter((l) => HANGUL.test(l))).toEqual([]);
}

describe('the detector', () => {
  it('finds English sentences and lets protocol labels, numbers and quoted wire text through', () => {
    expect(englishSentences('RFC 6455 §5.5: 제어 프레임의 페이로드는 125바이트 이하여야 합니다')).toEqual([]);
    expect(englishSentences('0.0 ms → TCP SYN')).toEqual([]);
    expect(englishSentences('HTTP/1.1 101 Switching Protocols')).toEqual([]);
    expect(englishSentences('GET /chat (Upgrade: websocket)')).toEqual([]);
    expect(englishSentences('81 85 37 fa 21 3d ff fe')).toEqual([]);
    expect(englishSentences('상태 코드 3000 (registered for libraries/frameworks)')).toEqual([
      '(registered for libraries frameworks)',
    ]);
    expect(englishSentences('요청 형식이 잘못됐습니다: “hello” is not a request line.')).toEqual([
      '“hello” is not request line.',
    ]);
    expect(englishSentences('요약 (Nagle, head-of-line blocking) 끝')).toEqual([]);
  });
});

describe('in Korean, every route speaks Korean; back in English, English', () => {
  it('#/ (home)', async () => {
    const page = await open('#/', 'home');
    await page.getByTestId('story-row').first().waitFor();
    await expectOneVoice(page);
  });

  it('#/lessons', async () => {
    const page = await open('#/lessons', 'lessons');
    await expectOneVoice(page);
  });

  it('a lesson, its HTTP editor given a broken request, and each exercise answered wrongly', async () => {
    const page = await open('#/lessons/opening-handshake', 'lesson-title');
    // Load every lazy widget on the way down.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 600) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await expect.poll(() => page.getByTestId('widget-loading').count()).toBe(0);
    }
    // A head that is not HTTP: the engine names what is wrong with it (the HTTP rule's {detail}).
    const editors = page.getByTestId('http-input');
    await expect.poll(() => editors.count()).toBeGreaterThan(0);
    for (const input of await editors.all()) await input.fill('hello');
    for (const verdict of await page.getByTestId('http-verdict').all())
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('400');
    for (const card of await page.getByTestId('exercise').all()) {
      await card.scrollIntoViewIfNeeded();
      const answer = card.getByTestId('answer-input');
      if ((await answer.count()) > 0) await answer.fill('x');
      await card.getByTestId('check').click();
      await expect.poll(() => card.getByTestId('result').getAttribute('data-ok')).toBe('false');
    }
    await expectOneVoice(page);
  });

  it('#/frame with a valid run of frames: a text, then a close with a code registered for libraries', async () => {
    const page = await open('#/frame?hex=810548656c6c6f88020bb8&dir=s2c', 'verdict');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    await expectOneVoice(page);
  });

  it('#/frame with an invalid frame: a length in the 16-bit form that fits in 7 bits', async () => {
    const page = await open('#/frame?hex=817e000548656c6c6f&dir=s2c', 'verdict');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('invalid');
    await expectOneVoice(page);
  });

  it('#/compare after the race has run', async () => {
    const page = await open('#/compare', 'compare');
    await page.getByTestId('conclusion').waitFor();
    await expect.poll(() => page.getByTestId('cmp-clock').textContent()).toBe('30.0 s');
    await expectOneVoice(page);
  });

  it('#/playground after connect, send hi, raw 89 fe 00, close 1000 bye, and the console’s help', async () => {
    const page = await open('#/playground', 'playground');
    const rows = page.locator('[data-testid="console"] .xterm-rows');
    const screen = async () => (await rows.innerText()).replace(/\s+/g, ' ');
    await expect.poll(screen).toContain('ws101>');
    await page.locator('[data-testid="console"] .xterm').click();
    const seen: string[] = [];
    for (const [line, shows] of [
      ['connect', '101 Switching Protocols'],
      ['send hi', '메시지 "hi"'],
      ['raw 89 fe 00', '1002'],
      ['close 1000 bye', '✗'],
      ['help', 'Ctrl+L'],
    ] as const) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      await expect.poll(screen, { timeout: 15_000 }).toContain(shows);
      // The console scrolls: read each command's output while it is on screen.
      seen.push(await rows.innerText());
    }
    expect(englishSentences(seen.join('\n'))).toEqual([]);
    await expectOneVoice(page, true);
  });
});
