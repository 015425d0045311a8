/**
 * The playground console, end to end: the built site in Chromium with reduced motion (the playhead
 * jumps to the end, so every revealed event is printed at once). Given these typed lines, these lines in
 * the terminal (`.xterm-rows`, what is on screen) and these arrows in the diagram (`data-label`) — and
 * no page error, console error/warning or HTTP error along the way. Needs `npx vite build` first.
 *
 * The diagram assertions follow the test-id contract of the sequence diagram; where the diagram is not
 * on the page (a stub view), only the console is checked, and the test says so in its output.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMMANDS } from '../../src/sim/commands.ts';
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

/**
 * What the terminal shows now (its visible rows) as one string with runs of whitespace made one space:
 * long lines wrap on screen (with an indent), so a phrase is matched whatever the panel's width.
 */
const screen = async (page: Page) =>
  (await page.locator('[data-testid="console"] .xterm-rows').innerText()).replace(/\s+/g, ' ').trim();
/** The plain-text mirror of the last printed lines (the screen-reader log). */
const mirror = (page: Page) => page.getByTestId('console-output').innerText();

async function openConsole(lang: 'en' | 'ko' = 'en', viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await h.open(
    '#/playground',
    { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', reducedMotion: 'reduce' },
    'playground',
  );
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('[data-testid="console"] .xterm-rows').waitFor();
  await expect.poll(() => screen(page)).toContain('ws101>');
  await page.locator('[data-testid="console"] .xterm').click();
  return page;
}

/** Type a line, press Enter, and wait until the screen shows `expected` (a string or pattern). */
async function run(page: Page, line: string, expected: string | RegExp): Promise<string> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(expected);
  return screen(page);
}

/** Clear the screen (Ctrl+L) so the next command's output starts at the top of the visible rows. */
async function clearScreen(page: Page): Promise<void> {
  await page.keyboard.press('Control+L');
  await expect.poll(() => screen(page)).toBe('ws101>');
}

async function hasDiagram(page: Page): Promise<boolean> {
  return (await page.getByTestId('diagram').count()) > 0;
}

/**
 * The arrows drawn in the diagram, as "from>to label". The diagram draws only the arrows near its
 * scrolled window, so this scrolls its box from top to bottom and collects what each window shows.
 */
async function arrows(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const diagram = document.querySelector('[data-testid="diagram"]');
    if (!diagram) return [];
    const stop = document.querySelector('[data-testid="playground"]');
    // The scrolling box: the diagram element itself, or its nearest scrollable ancestor.
    let box: Element | null = diagram;
    while (box && box !== stop && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
    const seen = new Set<string>();
    const collect = () =>
      diagram
        .querySelectorAll('[data-testid="arrow"]')
        .forEach((e) =>
          seen.add(
            `${e.getAttribute('data-from')}>${e.getAttribute('data-to')} ${e.getAttribute('data-label')}`,
          ),
        );
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (!box || box === stop) {
      collect();
      return [...seen];
    }
    for (let top = 0; ; top += Math.max(50, box.clientHeight / 2)) {
      box.scrollTop = top;
      await frame();
      collect();
      if (top >= box.scrollHeight - box.clientHeight) break;
    }
    return [...seen];
  });
}

async function expectArrows(page: Page, wanted: string[]): Promise<void> {
  if (!(await hasDiagram(page))) {
    console.info('no diagram on the page: the arrow assertions were skipped');
    return;
  }
  await expect.poll(() => arrows(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(wanted));
}

describe('the console runs lines through the engine and prints what it reveals', () => {
  it('greets, and help lists every command', async () => {
    const page = await openConsole();
    expect(await screen(page)).toMatch(/Type help, or connect to begin/);
    // The list is longer than the panel: its end is on screen, all of it is in the mirror.
    const out = await run(page, 'help', /Keys: Tab completes/);
    expect(out).toContain('help [command] list commands, or explain one');
    const log = await mirror(page);
    expect(log).toContain('Commands:');
    // Every command the console knows (its table, not a copy of it) is in the list with its usage.
    for (const { usage } of COMMANDS) expect(log).toContain(usage);
    await clearScreen(page);
    expect(await run(page, 'help frag', /frag <text> <n>/)).toContain('send one text message as n frames');
  });

  it('connect: TCP handshake, the Upgrade request and the 101, in the console and the diagram', async () => {
    const page = await openConsole();
    const out = await run(page, 'connect', /101 Switching Protocols/);
    expect(out).toMatch(/→\s+TCP\s+SYN\b/);
    expect(out).toMatch(/←\s+TCP\s+SYN-ACK/);
    expect(out).toMatch(/→\s+TCP\s+ACK/);
    expect(out).toMatch(/→\s+HTTP\s+GET \/chat \(Upgrade: websocket\)/);
    expect(out).toMatch(/←\s+HTTP\s+101 Switching Protocols/);
    // The lines come in the order things happened.
    expect(out.indexOf('SYN-ACK')).toBeLessThan(out.indexOf('GET /chat'));
    expect(out.indexOf('GET /chat')).toBeLessThan(out.indexOf('101 Switching'));
    await expectArrows(page, [
      'client>server SYN',
      'server>client SYN-ACK',
      'client>server ACK',
      'client>server GET /chat (Upgrade: websocket)',
      'server>client 101 Switching Protocols',
    ]);
  });

  it('send hello: the masked frame goes out and the echo comes back as a message', async () => {
    const page = await openConsole();
    await run(page, 'connect', /101 Switching Protocols/);
    await clearScreen(page);
    const out = await run(page, 'send hello', /ms WS message "hello"/);
    expect(out).toMatch(/→\s+WS\s+TEXT "hello" \(masked\)/);
    expect(out).toMatch(/server: message "hello"/);
    expect(out).toMatch(/←\s+WS\s+TEXT "hello"/);
    await expectArrows(page, ['client>server TEXT "hello" (masked)', 'server>client TEXT "hello"']);
  });

  it('frag: three frames on the wire, one message of three frames at the server', async () => {
    const page = await openConsole();
    await run(page, 'connect', /101 Switching Protocols/);
    await clearScreen(page);
    const out = await run(page, 'frag fragmented 3', /ms WS message "fragmented"/);
    expect(out).toMatch(/TEXT "fra" FIN=0 \(masked\)/);
    expect(out).toMatch(/CONTINUATION "gme" FIN=0 \(masked\)/);
    expect(out).toMatch(/CONTINUATION "nted" \(masked\)/);
    expect(out).toMatch(/server: message "fragmented" \(3 frames\)/);
    await expectArrows(page, [
      'client>server TEXT "fra" FIN=0 (masked)',
      'client>server CONTINUATION "gme" FIN=0 (masked)',
      'client>server CONTINUATION "nted" (masked)',
    ]);
  });

  it('raw: a ping that claims 126 bytes makes the server fail the connection with 1002, and says why', async () => {
    const page = await openConsole();
    await run(page, 'connect', /101 Switching Protocols/);
    await clearScreen(page);
    await run(page, 'raw 89 fe 00 c8 00 00 00 00', /WebSocket closed: 1002/);
    // The explanation may wrap over rows: read it from the mirror as one line, and check the screen too.
    const log = await mirror(page);
    expect(log).toMatch(
      /server: RFC 6455 §5\.5: Control frames .* 125 bytes or less.* → close 1002 \(Protocol Error\)/,
    );
    const out = await screen(page);
    expect(out).toContain('§5.5');
    expect(out).toMatch(/←\s+WS\s+CLOSE 1002/);
    await expectArrows(page, ['client>server RAW 8 B', 'server>client CLOSE 1002']);
  });

  it('close 1000 bye: both close frames, then FIN and ACK from both sides', async () => {
    const page = await openConsole();
    await run(page, 'connect', /101 Switching Protocols/);
    await clearScreen(page);
    const out = await run(page, 'close 1000 bye', /WebSocket closed: 1000 \(clean\)/);
    expect(out).toMatch(/→\s+WS\s+CLOSE 1000 "bye" \(masked\)/);
    expect(out).toMatch(/←\s+WS\s+CLOSE 1000\b/);
    expect(out).toMatch(/←\s+TCP\s+FIN-ACK/);
    await expect.poll(() => screen(page)).toMatch(/→\s+TCP\s+FIN-ACK/);
    await expectArrows(page, [
      'client>server CLOSE 1000 "bye" (masked)',
      'server>client CLOSE 1000',
      'server>client FIN-ACK',
      'client>server FIN-ACK',
    ]);
  });

  it('a bad command and a bad argument get a one-line error and a usage hint', async () => {
    const page = await openConsole();
    let out = await run(page, 'sned hi', /Unknown command “sned”/);
    expect(out).toMatch(
      /✗ Unknown command “sned”\. Type help for the list\. did you mean send\? usage: send <text>/,
    );
    out = await run(page, 'latency -5', /0–10000/);
    expect(out).toMatch(/✗ Give a whole number of milliseconds, 0–10000\. usage: latency <ms>/);
    // Nothing was run: the world has no events, the diagram no arrows.
    if (await hasDiagram(page)) expect(await arrows(page)).toEqual([]);
  });

  it('dump on prints an xxd dump under each frame', async () => {
    const page = await openConsole();
    await run(page, 'connect', /101 Switching Protocols/);
    await run(page, 'dump on', /Hex dump on/);
    await clearScreen(page);
    const out = await run(page, 'send hello', /ms WS message "hello"/);
    // The server's unmasked echo: 81 05 "hello".
    expect(out).toMatch(/0000: 81 05 68 65 6c 6c 6f \.\.hello/);
  });
});

describe('line editing', () => {
  it('Tab completes, ↑ recalls, ←/Home edit, Backspace deletes, Ctrl+C cancels', async () => {
    const page = await openConsole();
    await page.keyboard.type('he');
    await page.keyboard.press('Tab');
    await expect.poll(() => screen(page)).toMatch(/ws101> help$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => screen(page)).toMatch(/Keys: Tab completes/);
    await clearScreen(page);
    // Several matches are listed.
    await page.keyboard.type('se');
    await page.keyboard.press('Tab');
    await expect.poll(() => screen(page)).toMatch(/send\s+server/);
    await page.keyboard.press('Control+C');
    await expect.poll(() => screen(page)).toMatch(/ws101> se\^C/);
    // ↑ recalls the last line; Home, then editing in the middle.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => screen(page)).toMatch(/ws101> help$/);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('x');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect.poll(() => screen(page)).toMatch(/ws101> hxe!$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => screen(page)).toMatch(/Unknown command “hxe!”/);
    // The history survives a reload.
    const stored = await page.evaluate(() => localStorage.getItem('ws101:v1:console-history'));
    expect(JSON.parse(stored ?? '[]')).toEqual(['help', 'hxe!']);
  });

  it('a pasted script runs line by line, and corrupt stored history is ignored', async () => {
    const page = await h.open(
      '#/playground',
      { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' },
      'playground',
    );
    await page.evaluate(() => localStorage.setItem('ws101:v1:console-history', '{not json'));
    await page.reload();
    await page.locator('[data-testid="console"] .xterm-rows').waitFor();
    await expect.poll(() => screen(page)).toContain('ws101>');
    await page.locator('[data-testid="console"] .xterm').click();
    // A paste arrives as one piece of text (xterm turns its newlines into CRs); each line is run in turn.
    await page.locator('[data-testid="console"] textarea').evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 'connect\nsend one\nsend two\n');
    await expect.poll(() => mirror(page), { timeout: 15_000 }).toMatch(/message "two"/);
    const log = await mirror(page);
    const at = (s: string) => log.indexOf(s);
    expect(at('ws101> connect')).toBeGreaterThanOrEqual(0);
    // Each line's output follows it, before the next line is run.
    expect(at('101 Switching Protocols')).toBeLessThan(at('ws101> send one'));
    expect(at('ws101> send one')).toBeLessThan(at('message "one"'));
    expect(at('message "one"')).toBeLessThan(at('ws101> send two'));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => screen(page)).toMatch(/ws101> send two$/);
  });

  it('keyboard: Escape leaves the terminal, Tab moves on from there, Tab on an empty line is not trapped', async () => {
    const page = await openConsole();
    const focusedIn = () =>
      page.evaluate(() => {
        const panel = document.querySelector('[data-testid="console"]');
        const a = document.activeElement;
        if (a === panel) return 'panel';
        if (a && panel?.querySelector('.xterm')?.contains(a)) return 'terminal';
        if (a && panel?.contains(a)) return 'panel-child';
        return 'outside';
      });
    expect(await focusedIn()).toBe('terminal');
    await page.keyboard.press('Escape');
    expect(await focusedIn()).toBe('panel');
    await page.keyboard.press('Enter');
    expect(await focusedIn()).toBe('terminal');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab'); // the screen-reader toggle in the panel's header…
    await page.keyboard.press('Tab'); // …then past the terminal, out of the panel
    expect(await focusedIn()).toBe('outside');
    await page.keyboard.press('Shift+Tab'); // back into the terminal: it is in the Tab order again
    expect(await focusedIn()).toBe('terminal');
    await page.keyboard.press('Tab'); // empty line: Tab moves on
    expect(await focusedIn()).not.toBe('terminal');
    const label = await page.locator('[data-testid="console"] textarea').getAttribute('aria-label');
    expect(label).toMatch(/Console input/);
  });
});

describe('accessibility', () => {
  it('screen reader mode turns on xterm’s accessibility tree and quiets the mirror', async () => {
    const page = await openConsole();
    const toggle = page.getByTestId('console-sr-mode');
    const log = page.getByTestId('console-output');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await log.getAttribute('role')).toBe('log');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await log.getAttribute('aria-live')).toBe('off');
    await page.locator('[data-testid="console"] .xterm-accessibility').waitFor({ state: 'attached' });
    // Still a working console, and the choice is remembered.
    await page.locator('[data-testid="console"] .xterm').click();
    await run(page, 'latency 100', /Latency is now 100 ms/);
    expect(await page.evaluate(() => localStorage.getItem('ws101:v1:console-screen-reader'))).toBe('on');
    expect(await page.getByRole('region', { name: 'Console' }).count()).toBe(1);
  });
});

describe('Korean', () => {
  it('switching the language mid-session: earlier lines stay, new lines and the input label follow', async () => {
    const page = await openConsole();
    await run(page, 'latency -5', /Give a whole number of milliseconds/);
    await page.getByTestId('lang-ko').click();
    await page.locator('[data-testid="console"] .xterm').click();
    const out = await run(page, 'latency -5', /0–10000 사이의 밀리초를 정수로 적어 주세요/);
    expect(out).toContain('Give a whole number of milliseconds');
    expect(out).toContain('사용법: latency <ms>');
    await expect
      .poll(() => page.locator('[data-testid="console"] textarea').getAttribute('aria-label'))
      .toMatch(/^콘솔 입력란입니다/);
  });

  it('prints help and messages in Korean when the page is in Korean', async () => {
    const page = await openConsole('ko');
    expect(await screen(page)).toContain('help를 입력하거나 connect로 시작하세요');
    await run(page, 'help', /키: Tab은 자동 완성/);
    expect(await mirror(page)).toContain('명령:');
    expect(await mirror(page)).toContain('텍스트 메시지 보내기');
    await run(page, 'latency -5', /0–10000 사이의 밀리초를 정수로 적어 주세요/);
    await clearScreen(page);
    await run(page, 'connect', /101 Switching Protocols/);
    await run(page, 'send 안녕', /메시지 "안녕"/);
  });
});
