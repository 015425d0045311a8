/**
 * What the capture page's long tasks are: the built site in Chromium opens a capture through
 * `#/capture`'s input with the CPU profiler on, and for each long task on the page's thread
 * (PerformanceObserver) prints when it started, how long it took, and the functions that ran in it
 * (self time, and inclusive time outside Svelte's runtime). Figures are printed, never asserted.
 *
 *   npx vite build --outDir /tmp/ws101-prof --minify false   # readable function names
 *   npx tsx tests/bench/capture.profile.ts /tmp/ws101-prof /tmp/ws101-capture-bench.pcapng [slowdown]
 *
 * `slowdown` > 1 slows the page's CPU that many times (CDP Emulation.setCPUThrottlingRate).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, NO_CHROMIUM_HINT } from '../support/chromium.ts';
import { previewDist } from '../support/preview.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [dist, file, rate] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 1)];
if (!dist || !file) throw new Error('usage: capture.profile.ts <built site> <capture file> [slowdown]');
const executablePath = chromiumPath();
if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
const { server, baseUrl } = await previewDist(dist);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: [number, number][] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}#/capture`);
  await page.getByTestId('capture-file').waitFor();
  await page.evaluate(() => ((window as unknown as { __long: unknown[] }).__long = []));
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  // A function of a known name busy for 20 ms at a known page time: it puts the profile's clock and
  // the page's on one scale. A string, so that the bundler's helpers do not wrap it.
  const marker = (await page.evaluate(
    '(function __clockMark() { const t = performance.now(); while (performance.now() - t < 20) {} return t; })()',
  )) as number;
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('capture-file').setInputFiles(file);
  await page.getByTestId('sum-messages').waitFor({ timeout: 600_000 });
  const summaryAt = (await page.evaluate(() => performance.now())) - t0;
  await page.getByTestId('live').waitFor({ timeout: 600_000 });
  const drawnAt = (await page.evaluate(() => performance.now())) - t0;
  await new Promise((r) => setTimeout(r, 1500));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const long = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
  console.log(`summary at ${summaryAt.toFixed(0)} ms, diagram drawn at ${drawnAt.toFixed(0)} ms`);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let at = profile.startTime;
  for (const d of profile.timeDeltas) times.push((at += d) / 1000);
  const name = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const mark = profile.samples.findIndex((id) => byId.get(id)?.callFrame.functionName === '__clockMark');
  const offset = (times[mark] ?? 0) - marker;
  const top = (m: Map<string, number>, n: number): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
  for (const [start, duration] of long) {
    const from = start + offset;
    const to = from + duration;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (times[i]! < from || times[i]! > to) return;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = name(byId.get(id)!);
      self.set(leaf, (self.get(leaf) ?? 0) + ms);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const k = name(byId.get(n)!);
        if (seen.has(k) || k.includes('index-client')) continue; // Svelte's runtime: in every task
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    });
    console.log(`\nlong task at ${(start - t0).toFixed(0)} ms: ${duration.toFixed(0)} ms`);
    console.log(`  self: ${top(self, 8)}`);
    console.log(`  inclusive: ${top(inclusive, 16)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
