/**
 * The page half of `npm run bench:capture`: the built site in Chromium, the capture opened through the
 * `#/capture` file input, timed from the choice until the summary shows the message counts. Long tasks
 * (PerformanceObserver 'longtask') are counted on the page's thread, and the resident memory of all the
 * browser's processes (renderer, worker, GPU…: /proc VmRSS of the pids CDP's SystemInfo names) is
 * sampled every 100 ms, from the choice until the connection's diagram is drawn (a second after).
 * `slowdown` > 1 slows the page's CPU that many times (CDP Emulation.setCPUThrottlingRate), as a loaded
 * machine does: a task that stays under 200 ms at 4× does on a machine at load 8 too.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, NO_CHROMIUM_HINT } from '../support/chromium.ts';
import { previewDist } from '../support/preview.ts';

export interface PageFigures {
  readonly ms: number;
  /** Until the connection's diagram is drawn (its frames have come from the worker and are laid out). */
  readonly drawnMs: number;
  readonly summary: string;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly tasksOver200: number;
  readonly peakRssMb: number;
  readonly baselineRssMb: number;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export async function openInPage(
  distDir: string,
  file: string,
  expectC2s: number,
  slowdown = 1,
): Promise<PageFigures> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  const { server, baseUrl } = await previewDist(distDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const cdp = await browser.newBrowserCDPSession();
    const pids = async (): Promise<number[]> => {
      const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
      return info.processInfo.map((p) => p.id);
    };
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${baseUrl}#/capture`);
    await page.getByTestId('capture-file').waitFor();
    if (slowdown > 1)
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    // Long tasks of loading the page itself are not the capture's.
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
    const total = async (): Promise<number> => {
      let kb = 0;
      for (const pid of await pids()) kb += rssKb(pid);
      return kb;
    };
    const baseline = await total();
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await total());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const t = performance.now();
    await page.getByTestId('capture-file').setInputFiles(file);
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="sum-messages"]')
          ?.textContent?.includes(`${n.toLocaleString('en-US')} client`),
      expectC2s,
      { timeout: 600_000, polling: 50 },
    );
    const ms = performance.now() - t;
    // Long tasks and memory are counted until the connection's diagram is drawn too, not only its summary.
    await page.getByTestId('live').waitFor({ timeout: 600_000 });
    const drawnMs = performance.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    sampling = false;
    await sampler;
    const summary = (await page.getByTestId('sum-messages').textContent()) ?? '';
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    return {
      ms,
      drawnMs,
      summary,
      longTasks: long.length,
      longestTaskMs: Math.round(Math.max(0, ...long)),
      tasksOver200: long.filter((d) => d > 200).length,
      peakRssMb: Math.round(peak / 1024),
      baselineRssMb: Math.round(baseline / 1024),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
