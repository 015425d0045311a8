/**
 * Focus on arrival: when a lessons page is reached by following a link inside the app (next lesson,
 * the list), it starts at the top with focus on its title, as a new page would, so keyboard and
 * screen-reader users land on what changed. On the page's own first load the browser's focus and
 * scroll are left alone.
 */
let firstView = true;

function isInitialDocument(): boolean {
  const nav = globalThis.performance?.getEntriesByType?.('navigation')[0];
  return !nav || nav.name === location.href;
}

export function focusOnArrival(title: HTMLElement): void {
  const initial = firstView && isInitialDocument();
  firstView = false;
  if (initial) return;
  window.scrollTo(0, 0);
  title.focus({ preventScroll: true });
}
