/**
 * A lesson link can name the step the learner is on: `#/lessons/<slug>?step=<exercise-id>`. Opening it
 * brings that exercise into view; working on an exercise writes its id back into the address, so the
 * address bar is always a link to where the learner is. Other parameters (embed, theme…) are kept.
 */
import { decodeParam, hashPath, queryPairs } from '../route.ts';

/** Exercise ids are lowercase slugs (the lesson format says so); anything else is not a step. */
const STEP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type StepRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'step'; readonly id: string }
  | { readonly kind: 'bad'; readonly value: string };

/** The `step` parameter of a hash, checked for shape (whether the lesson has it is the view's to say). */
export function readStep(hash: string): StepRead {
  const pair = queryPairs(hash).find((p) => p.name === 'step');
  if (!pair) return { kind: 'none' };
  const value = decodeParam(pair.raw).value.trim();
  if (value === '') return { kind: 'none' };
  return STEP_ID.test(value) ? { kind: 'step', id: value } : { kind: 'bad', value: value.slice(0, 40) };
}

/** The same hash with `step` set to `id` (or removed, for null), every other parameter as it was. */
export function withStep(hash: string, id: string | null): string {
  const kept = queryPairs(hash)
    .filter((p) => p.name !== 'step')
    .map((p) => (p.raw === '' ? p.rawName : `${p.rawName}=${p.raw}`));
  if (id !== null) kept.push(`step=${encodeURIComponent(id)}`);
  const path = `#${hashPath(hash)}`;
  return kept.length ? `${path}?${kept.join('&')}` : path;
}
