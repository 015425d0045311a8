/**
 * A lesson link can name the step the learner is on: `#/lessons/<slug>?step=<exercise-id>`. Opening it
 * brings that exercise into view; working on an exercise writes its id back into the address, so the
 * address bar is always a link to where the learner is. Other parameters (embed, theme…) are kept.
 */
import { decodeParam } from '../route.ts';

/** Exercise ids are lowercase slugs (the lesson format says so); anything else is not a step. */
const STEP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type StepRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'step'; readonly id: string }
  | { readonly kind: 'bad'; readonly value: string };

/** The `step` parameter of a hash, checked for shape (whether the lesson has it is the view's to say). */
export function readStep(hash: string): StepRead {
  const q = hash.indexOf('?');
  if (q < 0) return { kind: 'none' };
  for (const pair of hash.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || decodeParam(pair.slice(0, eq)).value !== 'step') continue;
    const value = decodeParam(pair.slice(eq + 1)).value.trim();
    if (value === '') return { kind: 'none' };
    return STEP_ID.test(value) ? { kind: 'step', id: value } : { kind: 'bad', value: value.slice(0, 40) };
  }
  return { kind: 'none' };
}

/** The same hash with `step` set to `id` (or removed, for null), every other parameter as it was. */
export function withStep(hash: string, id: string | null): string {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const kept = (q < 0 ? [] : h.slice(q + 1).split('&')).filter(
    (pair) => pair !== '' && decodeParam(pair.split('=')[0]!).value !== 'step',
  );
  if (id !== null) kept.push(`step=${encodeURIComponent(id)}`);
  return kept.length ? `${path}?${kept.join('&')}` : path;
}
