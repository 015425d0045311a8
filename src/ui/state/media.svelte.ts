/**
 * The reader's colour-scheme setting and the theme a link forces, as reactive values (`.current`),
 * each wrapped once for the whole page: components and modules read these, never `matchMedia` or a
 * MutationObserver of their own. Reduced motion is Svelte's own `prefersReducedMotion` (svelte/motion).
 * `watch` hands a change to code that lives outside components (Monaco's theme, xterm's colours).
 */
import { untrack } from 'svelte';
import { MediaQuery, createSubscriber } from 'svelte/reactivity';

/** The reader's `prefers-color-scheme: dark` (false in Node, where there is no reader). */
export const prefersDark = new MediaQuery('(prefers-color-scheme: dark)');

/** A touch screen is the main pointer: say "tap", not "hover", "Tab" or "F1" (issue 11). */
export const coarsePointer = new MediaQuery('(pointer: coarse)');

/** `<html data-theme>`: set by a link's `theme=` (App.svelte, through styles/scheme.ts forceTheme). */
class ThemeAttribute {
  readonly #subscribe = createSubscriber((update) => {
    const root = globalThis.document?.documentElement;
    if (!root || typeof MutationObserver !== 'function') return;
    const observer = new MutationObserver(update);
    observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  });

  get current(): string | undefined {
    this.#subscribe();
    return globalThis.document?.documentElement.dataset.theme;
  }
}

export const themeAttribute = new ThemeAttribute();

/**
 * Call `listener` with `read()`'s new value whenever it changes (not with the first one), for code
 * outside components. `read` may use any reactive value; returns the unsubscribe.
 */
export function watch<T>(read: () => T, listener: (value: T) => void): () => void {
  return $effect.root(() => {
    let first = true;
    let last: T;
    $effect(() => {
      const value = read();
      if (!first && !Object.is(value, last)) untrack(() => listener(value));
      first = false;
      last = value;
    });
  });
}
