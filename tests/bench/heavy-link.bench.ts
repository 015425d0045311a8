/**
 * `npm run bench:heavy-link`: the heaviest playground link the documented limits allow, opened in
 * headless Chromium on the built site, with every long task recorded from the page's start (figures
 * printed, nothing asserted; the goal is no long task over 200 ms).
 *
 * The link: 50 steps (MAX_LINK_STEPS) of at most 1 KiB (MAX_STEP_BYTES): `mss 1`, `connect`, then 48 ×
 * `frag <1014 × x> 1000`. With an MSS of 1 every byte is its own TCP segment and its own ACK, so this
 * is the most work per byte of link a learner can ask for (security review M4: 808,969 events before
 * the work budget). The page must stay responsive while it loads and stop the scenario at its budget
 * with a notice.
 *
 * Long tasks come from a PerformanceObserver ('longtask', buffered) installed before any page script,
 * so the page's own start (parsing, Svelte, xterm) counts too. The machine is shared (2 cores, other
 * builds running), so a task's wall time includes time the renderer waited for a core: a Chrome trace
 * of the same run gives each main-thread task its CPU time as well, and the bench prints both, with
 * the plain `#/playground` (no link) as the baseline of what page start alone costs. Needs
 * `npx vite build` first.
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, NO_CHROMIUM_HINT, chromiumPath } from '../support/chromium.ts';
import { siteDist } from '../support/page-watch.ts';
import { startStaticServer } from '../support/static-server.ts';

const RUNS = Number(process.env.RUNS ?? 3);
/** How long to let the page run after its scenario is done (the console and diagram catch up). */
const SETTLE_MS = 3000;

/** The maximal link: 50 steps of exactly 1024 bytes or less. */
export function heavyLinkHash(): string {
  const frag = `frag ${'x'.repeat(1014)} 1000`; // 5 + 1014 + 5 = 1024 bytes
  const steps = ['mss 1', 'connect', ...Array.from({ length: 48 }, () => frag)];
  return `#/playground?run=${steps.map(encodeURIComponent).join(';')}`;
}

interface RunResult {
  /** Long tasks (over 50 ms of wall time) seen by the PerformanceObserver. */
  readonly count: number;
  readonly longest: number;
  readonly total: number;
  /** From the trace: the longest main-thread task by CPU time, and how many took over 200 ms of CPU. */
  readonly longestCpu: number;
  readonly cpuOver200: number;
  readonly loadMs: number;
  readonly notices: string[];
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** CPU ms of each top-level task on the renderer's main thread (CrRendererMain). */
function mainThreadCpu(trace: readonly TraceEvent[]): number[] {
  const main = new Set(
    trace
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return trace
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? 0) / 1000);
}

async function measure(browser: Browser, url: string): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  const trace: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => trace.push(...(d.value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  const t0 = performance.now();
  await page.goto(url);
  await page.locator('[data-testid="playground"][data-scenario="done"]').waitFor({ timeout: 600_000 });
  const loadMs = performance.now() - t0;
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await traced;
  const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
  const notices = await page.getByTestId('run-notice').allInnerTexts();
  const cpu = mainThreadCpu(trace);
  if (problems.length > 0) console.log(`  page errors: ${problems.join(' | ')}`);
  await context.close();
  return {
    count: tasks.length,
    longest: Math.max(0, ...tasks),
    total: tasks.reduce((a, b) => a + b, 0),
    longestCpu: Math.max(0, ...cpu),
    cpuOver200: cpu.filter((c) => c > 200).length,
    loadMs,
    notices,
  };
}

const ms = (v: number): string => `${v.toFixed(0)} ms`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function report(label: string, results: readonly RunResult[]): void {
  console.log(label);
  for (const [i, r] of results.entries()) {
    console.log(
      `  run ${i + 1}: scenario done after ${ms(r.loadMs)} · ${r.count} long tasks, longest ${ms(r.longest)} wall ` +
        `(${ms(r.total)} in long tasks) · longest ${ms(r.longestCpu)} CPU, ${r.cpuOver200} over 200 ms of CPU`,
    );
  }
  for (const n of results[0]?.notices ?? []) console.log(`  notice: ${n}`);
  console.log(
    `  longest long task: median ${ms(median(results.map((r) => r.longest)))} wall, ` +
      `${ms(median(results.map((r) => r.longestCpu)))} CPU (goal: none over 200 ms)`,
  );
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT);
  const hash = heavyLinkHash();
  console.log(
    `ws101 heavy-link bench · ${cpus().length} cores (shared) · load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  console.log(
    `link: ${hash.length.toLocaleString('en-US')} characters, 50 steps (mss 1, connect, 48 × frag)`,
  );
  const server = await startStaticServer({ root: siteDist() });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const heavy: RunResult[] = [];
  const plain: RunResult[] = [];
  try {
    // Alternate, so both see the same (shared, noisy) machine.
    for (let run = 0; run < RUNS; run++) {
      heavy.push(await measure(browser, server.url(hash)));
      plain.push(await measure(browser, server.url('#/playground')));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report('the heavy link', heavy);
  report('baseline: #/playground without a link (page start alone)', plain);
  console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    `SUMMARY heavy link: longest task ${ms(median(heavy.map((r) => r.longest)))} wall / ` +
      `${ms(median(heavy.map((r) => r.longestCpu)))} CPU (median of ${RUNS}); page start alone ` +
      `${ms(median(plain.map((r) => r.longest)))} wall / ${ms(median(plain.map((r) => r.longestCpu)))} CPU`,
  );
}

await main();
