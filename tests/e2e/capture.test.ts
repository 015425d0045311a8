/**
 * The capture page (#/capture): each fixture of tests/fixtures/capture opened through the file input
 * shows its messages' text and its summary; bad files give their message; HAR says it holds messages,
 * not frames; axe finds nothing serious at 1280×720 and 390×844 in English and Korean; screenshots of
 * a real capture in /tmp/capui13-*.png.
 *
 *   npx vite build --logLevel warn && npx vitest run --project e2e tests/e2e/capture.test.ts
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { analyzeCapture, type CaptureResult } from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { seriousAxeFindings } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const DIR = 'tests/fixtures/capture';
const EN: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'en-US' };
const KO: BrowserContextOptions = { reducedMotion: 'reduce', locale: 'ko-KR' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function openFile(page: Page, name: string): Promise<void> {
  await page.getByTestId('capture-file').setInputFiles(`${DIR}/${name}`);
  await expect
    .poll(
      () =>
        page
          .locator(
            '[data-testid="capture-summary"], [data-testid="capture-problem"], [data-testid="capture-none"]',
          )
          .count(),
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  // A connection's diagram is built after its summary has painted: wait for the playback controls.
  if ((await page.getByTestId('capture-summary').count()) > 0)
    await page.getByTestId('live').waitFor({ timeout: 20_000 });
}

/** The messages' texts as the reader in Node finds them, first connection (what the page shows first). */
function expectedTexts(name: string): { texts: string[]; messages: { c2s: number; s2c: number } } {
  const r: CaptureResult = analyzeCapture(new Uint8Array(readFileSync(`${DIR}/${name}`)), {
    codec: pakoCodec,
  });
  if (!r.ok) throw new Error(`${name}: ${r.problem.kind}`);
  const ws =
    r.kind === 'har' ? r.report.sockets[0] : r.report.connections.find((c) => c.kind === 'websocket');
  if (!ws || !('ws' in ws)) throw new Error(`${name}: no WebSocket`);
  const texts = ws.ws.events.flatMap((e) =>
    e.event.type === 'message' && typeof e.event.data === 'string' && e.event.data.length > 0
      ? [e.event.data]
      : [],
  );
  return { texts, messages: ws.summary.messages };
}

const WEBSOCKET_FIXTURES = [
  'ws-deflate.pcap',
  'ws-deflate.pcapng',
  'ipv6-fragmented.pcap',
  'ipv6-fragmented.pcapng',
  'chromium.pcap',
  'chromium.pcapng',
  'linux-sll.pcap',
  'linux-sll2.pcapng',
  'no-handshake.pcap',
  'gap.pcap',
  'chromium.har',
];

describe('#/capture: each fixture through the file input', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.open('#/capture', EN, 'capture-file');
  });

  for (const name of WEBSOCKET_FIXTURES) {
    it(`${name}: the summary's message counts and every message's text, as the engine read them`, async () => {
      await openFile(page, name);
      const { texts, messages } = expectedTexts(name);
      await expect
        .poll(() => page.getByTestId('sum-messages').first().textContent())
        .toContain(`${messages.c2s} client → server`);
      expect(await page.getByTestId('sum-messages').first().textContent()).toContain(
        `${messages.s2c} server → client`,
      );
      const log = (await page.getByTestId('capture').textContent()) ?? '';
      for (const text of texts.slice(0, 20)) expect(log, text).toContain(text.slice(0, 12));
    });
  }

  it('HAR: says plainly that it holds messages, not frames', async () => {
    await openFile(page, 'chromium.har');
    expect(await page.getByTestId('capture-har-notice').textContent()).toContain('messages, not frames');
  });

  it('a connection without its handshake: decoded from a guessed boundary, said so', async () => {
    await openFile(page, 'no-handshake.pcap');
    expect(await page.getByTestId('capture-guess').textContent()).toContain('guess');
  });

  it('a capture with gaps: the gaps are counted and the frames after them marked as a guess', async () => {
    await openFile(page, 'gap.pcap');
    expect(await page.getByTestId('capture-gaps').textContent()).toMatch(/misses \d+ stretch/);
  });

  it('wss://: the bytes are encrypted, the server name is named, SSLKEYLOGFILE is not read', async () => {
    await openFile(page, 'wss.pcap');
    const text = await page.getByTestId('capture-tls').first().textContent();
    expect(text).toContain('SSLKEYLOGFILE');
    expect(text).toContain('ws101.test');
    expect(await page.getByTestId('capture-none').textContent()).toContain('No WebSocket connection found');
  });

  it('plain HTTP: no WebSocket connection found, with the requests found instead', async () => {
    await openFile(page, 'http-only.pcapng');
    const text = await page.getByTestId('capture-none').textContent();
    expect(text).toContain('No WebSocket connection found');
    expect(text).toMatch(/GET \//);
  });

  it('a truncated file: everything before the cut is decoded, and where it ends is said', async () => {
    await openFile(page, 'truncated.pcap');
    expect(await page.getByTestId('capture-problem').textContent()).toMatch(
      /truncated: it ends inside a record at byte [\d,]+/,
    );
    await page.getByTestId('capture-summary').waitFor();
  });

  it('not a capture: says so, with the first bytes', async () => {
    await page.getByTestId('capture-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello, this is not a capture'),
    });
    await expect
      .poll(() => page.getByTestId('capture-problem').textContent())
      .toContain('is not a capture file');
    expect(await page.getByTestId('capture-problem').textContent()).toContain('68 65 6c 6c 6f');
  });

  it('Export this connection: a trimmed pcap that reads back to the same frames', async () => {
    await openFile(page, 'chromium.pcapng');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('capture-export').click(),
    ]);
    const path = await download.path();
    const trimmed = analyzeCapture(new Uint8Array(readFileSync(path)), { codec: pakoCodec });
    const original = analyzeCapture(new Uint8Array(readFileSync(`${DIR}/chromium.pcapng`)), {
      codec: pakoCodec,
    });
    if (!trimmed.ok || trimmed.kind !== 'capture' || !original.ok || original.kind !== 'capture')
      throw new Error('not read back');
    expect(trimmed.report.format).toBe('pcap');
    expect(trimmed.report.connections).toHaveLength(1);
    const frames = (r: typeof trimmed.report): string[] =>
      r.connections.flatMap((c) =>
        c.kind === 'websocket'
          ? c.ws.frames.map((f) => `${f.direction} ${f.frame.opcode} ${f.frame.size}`)
          : [],
      );
    expect(frames(trimmed.report)).toEqual(frames(original.report).slice(0, frames(trimmed.report).length));
    expect(frames(trimmed.report).length).toBeGreaterThan(0);
  });

  it('a large file: a progress bar while the worker reads it, and Cancel stops it', async () => {
    // ~16 MiB: the fixture's packets repeated (retransmissions to the reader), enough to be mid-read.
    const one = readFileSync(`${DIR}/ws-deflate.pcap`);
    const records = one.subarray(24);
    const copies = Math.ceil((16 << 20) / records.length);
    const big = Buffer.alloc(24 + records.length * copies);
    one.copy(big, 0, 0, 24);
    for (let i = 0; i < copies; i++) records.copy(big, 24 + i * records.length);
    await page.getByTestId('capture-file').setInputFiles({
      name: 'big.pcap',
      mimeType: 'application/vnd.tcpdump.pcap',
      buffer: big,
    });
    await page.getByTestId('capture-progress').waitFor();
    await page.getByTestId('capture-cancel').click();
    await expect.poll(() => page.getByTestId('capture-status').textContent()).toContain('was cancelled');
  });

  it('the playground has an "Open capture…" entry that leads here', async () => {
    const pg = await h.open('#/playground', EN, 'open-capture');
    await pg.getByTestId('open-capture').click();
    await pg.getByTestId('capture-file').waitFor();
    expect(pg.url()).toContain('#/capture');
  });

  it('nothing went wrong in the page', () => {
    expect(h.problems).toEqual([]);
  });
});

describe('#/capture in English and Korean at 1280×720 and 390×844: axe and screenshots', () => {
  for (const [lang, base] of [
    ['en', EN],
    ['ko', KO],
  ] as const) {
    for (const [size, extra] of [
      ['desktop', {}],
      ['phone', PHONE],
    ] as const) {
      it(`${lang} ${size}: no serious axe finding with a capture open`, async () => {
        const page = await h.open('#/capture', { ...base, ...extra }, 'capture-file');
        await openFile(page, 'ws-deflate.pcapng');
        await page.getByTestId('capture-summary').waitFor();
        await page.screenshot({ path: `/tmp/capui13-${lang}-${size}.png`, fullPage: true });
        expect(await seriousAxeFindings(page)).toEqual([]);
      });
    }
  }
});
