/**
 * The bench page's side (tests/bench/playground.html, served by a Vite dev server): the simulation and
 * the event log in a real Chromium, driven by tests/bench/playground.bench.ts through `window.wsBench`.
 * It measures and reports; it asserts nothing.
 */
import { flushSync, mount } from 'svelte';
import '../../src/ui/styles/global.css';
import { loadLang } from '../../src/i18n/index.ts';
import { World } from '../../src/sim/world.ts';
import EventLog from '../../src/ui/playground/EventLog.svelte';
import { PlaygroundSession } from '../../src/ui/playground/session.svelte.ts';

export interface MessagesResult {
  readonly ms: number;
  readonly events: number;
}

export interface MountResult {
  readonly events: number;
  readonly buildMs: number;
  readonly mountMs: number;
  /** Script time of mount() + flushSync(), before the browser lays out and paints. */
  readonly mountScriptMs: number;
  readonly rowsInDom: number;
  readonly longTasks: readonly number[];
}

export interface ScrollResult {
  readonly steps: number;
  /** For each long task: at which step (frame) of the scroll it started. */
  readonly longTaskSteps: readonly number[];
  readonly durationMs: number;
  readonly frames: readonly number[];
  readonly longTasks: readonly number[];
  readonly rowsInDomMax: number;
  readonly reachedBottom: boolean;
}

export interface StepCost {
  readonly steps: number;
  /** Script time of each step: set scrollTop, run the log's scroll handler, flush Svelte's updates. */
  readonly ms: readonly number[];
}

export interface BenchApi {
  messages(n: number): Promise<MessagesResult>;
  mountLog(messages: number): Promise<MountResult>;
  scroll(steps: number): Promise<ScrollResult>;
  stepCost(steps: number): Promise<StepCost>;
}

/** 10,000 messages through an echo server with animation off: send them all, then let the world settle. */
async function messages(n: number): Promise<MessagesResult> {
  const world = new World({ server: 'echo', maxEvents: Infinity }); // a stress test, past the playground's budget
  await world.connect();
  await world.settle();
  const before = world.timeline.events.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) world.send(`message ${i}`);
  await world.settle();
  const ms = performance.now() - t0;
  return { ms, events: world.timeline.events.length - before };
}

function observeLongTasks(): { stop(): PerformanceEntry[] } {
  const found: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    found.push(...list.getEntries());
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      found.push(...observer.takeRecords());
      observer.disconnect();
      return found;
    },
  };
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

let session: PlaygroundSession | null = null;

/** A session holding `n` echoed messages, played to the end (about 7 timeline events per message). */
async function buildSession(n: number): Promise<{ session: PlaygroundSession; buildMs: number }> {
  const t0 = performance.now();
  const s = new PlaygroundSession({ server: 'echo', maxEvents: Infinity }); // past the playground's budget

  s.playing = false;
  await s.world.connect();
  await s.world.settle();
  for (let i = 0; i < n; i++) s.world.send(`message ${i}`);
  await s.world.settle();
  s.playhead = s.end; // everything revealed, as after playing to the end
  s.live = false;
  return { session: s, buildMs: performance.now() - t0 };
}

async function mountLog(n: number): Promise<MountResult> {
  const { session: s, buildMs } = await buildSession(n);
  session = s;
  await loadLang('en'); // as main.ts does before the page renders

  await nextFrame();
  const tasks = observeLongTasks();
  const m0 = performance.now();
  mount(EventLog, { target: document.getElementById('log')!, props: { session: s } });
  flushSync();
  const mountScriptMs = performance.now() - m0;
  await nextFrame();
  await nextFrame();
  const mountMs = performance.now() - m0;
  await new Promise((r) => setTimeout(r, 100));
  return {
    events: s.events.length,
    buildMs,
    mountMs,
    mountScriptMs,
    rowsInDom: document.querySelectorAll('[data-testid="log-row"]').length,
    longTasks: tasks.stop().map((e) => e.duration),
  };
}

/** Scroll the log from top to bottom, one step per animation frame, recording frames and long tasks. */
async function scroll(steps: number): Promise<ScrollResult> {
  const viewport = document.querySelector<HTMLElement>('#log [role="grid"]');
  if (!viewport || !session) throw new Error('mountLog first');
  viewport.scrollTop = 0;
  await nextFrame();
  await nextFrame();
  const max = viewport.scrollHeight - viewport.clientHeight;
  const tasks = observeLongTasks();
  const frames: number[] = [];
  const frameStarts: number[] = [];
  let rowsInDomMax = 0;
  let last = await nextFrame();
  const start = last;
  for (let i = 1; i <= steps; i++) {
    viewport.scrollTop = Math.round((max * i) / steps);
    frameStarts.push(last);
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
    rowsInDomMax = Math.max(rowsInDomMax, viewport.querySelectorAll('[data-testid="log-row"]').length);
  }
  await nextFrame();
  await new Promise((r) => setTimeout(r, 200));
  const lastRow = viewport.querySelector('[data-testid="log-row"]:last-child');
  const long = tasks.stop();
  return {
    steps,
    longTaskSteps: long.map((e) => frameStarts.filter((t) => t <= e.startTime).length),
    durationMs: last - start,
    frames,
    longTasks: long.map((e) => e.duration),
    rowsInDomMax,
    reachedBottom: Number(lastRow?.getAttribute('data-id')) === session.events.length - 1,
  };
}

/**
 * Our own work per scroll step, without the machine's other load in between: each step sets scrollTop,
 * dispatches the scroll event synchronously and flushes Svelte, timed around exactly that.
 */
async function stepCost(steps: number): Promise<StepCost> {
  const viewport = document.querySelector<HTMLElement>('#log [role="grid"]');
  if (!viewport) throw new Error('mountLog first');
  viewport.scrollTop = 0;
  viewport.dispatchEvent(new Event('scroll'));
  flushSync();
  await nextFrame();
  const max = viewport.scrollHeight - viewport.clientHeight;
  const out: number[] = [];
  for (let i = 1; i <= steps; i++) {
    const t0 = performance.now();
    viewport.scrollTop = Math.round((max * i) / steps);
    viewport.dispatchEvent(new Event('scroll'));
    flushSync();
    out.push(performance.now() - t0);
    if (i % 20 === 0) await nextFrame();
  }
  return { steps, ms: out };
}

(globalThis as unknown as { wsBench: BenchApi }).wsBench = { messages, mountLog, scroll, stepCost };
document.body.dataset.ready = 'true';
