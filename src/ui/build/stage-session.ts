/**
 * One stage's run, played back by the playground's own machinery: a PlaygroundSession whose world never
 * runs (no console, no commands), its timeline filled once with the stage's Timeline as the grader
 * recorded it (src/build/report.ts). The diagram, inspector and playback controls read it exactly as
 * they read the playground's, so the learner's bytes are drawn by the same code as every other byte on
 * the site — the capture page does the same with a captured connection (capture/session.svelte.ts).
 */
import type { DiagramSpot } from '../../build/report.ts';
import { isArrow, type Timeline } from '../../sim/timeline.ts';
import { PlaygroundSession } from '../playground/session.svelte.ts';

export class StageSession extends PlaygroundSession {
  /** The arrow and byte the diagram opened at (a failing stage's spot), for the inspector to light. */
  readonly spot: DiagramSpot | null;

  constructor(recorded: Timeline, spot: DiagramSpot | null) {
    // The budget is the stage's own size: the whole run is drawn, however long.
    super({ maxEvents: recorded.events.length + 1 });
    const timeline = this.world.timeline;
    // Event ids are indices into the timeline (the inspector looks them up so): the recorded events go
    // in order into an empty one, so every id, and the spot's, stays what the grader gave it.
    for (const e of recorded.events) {
      timeline.events.push(e);
      timeline.extend(isArrow(e) ? Math.max(e.t, e.arriveT) : e.t);
    }
    timeline.commit();
    const at = spot ? recorded.events[spot.eventId] : undefined;
    this.spot = at ? spot : null;
    if (at) {
      // Paused where it went wrong: that arrow has just arrived, the newest on screen, and selected.
      this.selected = at.id;
      this.seek(isArrow(at) ? at.arriveT : at.t);
    } else this.seek(this.end);
    this.playing = false;
  }
}
