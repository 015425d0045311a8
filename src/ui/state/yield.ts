/**
 * Give the page a turn: long work (a heavy link's commands, the comparison's race) runs in slices and
 * awaits this between them, so input and painting are not held up behind it. `scheduler.yield()` where
 * the browser has it (the work resumes ahead of other queued tasks), else a zero timeout.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
