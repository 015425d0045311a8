/**
 * Give the page a turn: long work (a heavy link's commands, the comparison's race) runs in slices and
 * awaits this between them, so input and painting are not held up behind it. `scheduler.yield()` where
 * the browser has it (the work resumes ahead of other queued tasks), else a zero timeout.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * After the page's next paint. A fetch begun before a view's first text has painted counts against
 * that text in Lighthouse's simulated slow 4G (its LCP moves to after the fetch): views start the
 * chunks they do not need for their first screen after this.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
