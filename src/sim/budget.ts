/**
 * The playground's work budget: how much one world may record before it stops. A share link is input
 * like any other, and even within its limits (50 steps of 1 KiB) it can ask for a great deal of work:
 * `mss 1` puts every byte in its own segment with its own ACK, so 48 × `frag <1 KiB> 1000` is about
 * 800,000 timeline events (security review M4), seconds of CPU and hundreds of MB. The world stops at
 * the budget instead, keeps what happened so far, and says which limit it reached.
 *
 * What may live here: the limit, its reason as a catalog key (sim/ returns keys, the UI words them),
 * and the timeline that enforces it. Nothing about how the page shows it.
 */
import { Timeline, type NewEvent } from './timeline.ts';

/**
 * Timeline events one world may hold. Chosen by measurement (`npm run bench:heavy-link`, README): the
 * diagram lays the whole timeline out again whenever it grows, about 2.4 µs of CPU per event in
 * Chromium, so at 50,000 events its longest task is about 120 ms of CPU (100,000 gave 200 ms). Real
 * scenarios are far below it: a lesson's is under 100 events, a 50-step link of ordinary commands
 * under 1,000; even 49 × `frag <1 KiB> 1000` at the default MSS (about 49,000) fits.
 */
export const MAX_TIMELINE_EVENTS = 50_000;

/** A limit the world reached: a catalog key (src/i18n/playground.*.ts) and its parameters. */
export type WorkLimit = { readonly key: 'pg.budget.events'; readonly params: { readonly max: number } };

/**
 * Thrown by an over-budget append, and caught in one place: World turns it into a value (its
 * `stopped`). It unwinds whatever loop was producing events (a flush cutting segments, an engine's
 * burst of frames) without each loop having to know about the budget.
 */
export class BudgetSpent extends Error {
  constructor(readonly limit: WorkLimit) {
    super(`work budget spent: ${limit.key}`);
    this.name = 'BudgetSpent';
  }
}

/** A Timeline that refuses to grow past `maxEvents`. */
export class BudgetedTimeline extends Timeline {
  constructor(readonly maxEvents: number) {
    super();
  }

  override append<E extends NewEvent>(e: E): E & { id: number } {
    if (this.events.length >= this.maxEvents)
      throw new BudgetSpent({ key: 'pg.budget.events', params: { max: this.maxEvents } });
    return super.append(e);
  }
}
