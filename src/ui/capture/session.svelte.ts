/**
 * A captured connection played back by the playground's own machinery: a PlaygroundSession whose world
 * never runs (no console, no commands), its timeline filled once from the capture (timeline.ts). The
 * diagram, inspector, event log and playback controls read it exactly as they read a simulated one,
 * so nothing is copied: the capture only decides what is on the timeline.
 */
import { layoutSteps, rememberLayout } from '../playground/diagram/layout.ts';
import { PlaygroundSession } from '../playground/session.svelte.ts';
import { yieldToPage } from '../state/yield.ts';
import { mapCaptureSteps, type Spacing } from './timeline.ts';
import type { ShownSocket } from './model.ts';

/**
 * Events made and appended between two pauses: 2 000 take ~5 ms on an idle machine, so a 64 000-frame
 * capture (130 000 events) fills its timeline without a long task even on a loaded one.
 */
const SLICE_EVENTS = 2000;

/** Mapping and laying out, the page gets a turn after this much work (both pause every few thousand items). */
const SLICE_MS = 12;

export class CaptureSession extends PlaygroundSession {
  private constructor(events: number) {
    // The budget is the capture's size: the whole connection is drawn, however long.
    super({ maxEvents: events + 1 });
    // The TCP layer is not drawn: the report keeps frames, not the segments that carried them.
    this.layers = { tcp: false, http: true, ws: true };
  }

  /**
   * The session of one captured connection, its timeline filled in slices (the page paints between).
   * `current` false: the page has moved on (another connection, spacing or file), so stop filling.
   */
  static async open(
    socket: ShownSocket,
    spacing: Spacing,
    current: () => boolean = () => true,
  ): Promise<CaptureSession> {
    const mapped = await inSlices(mapCaptureSteps(socket.ws, socket.startUs, spacing), current);
    const session = new CaptureSession(mapped?.length ?? 0);
    if (!mapped) return session;
    const timeline = session.world.timeline;
    let n = 0;
    for (const e of mapped.events(timeline.events.length)) {
      // Pushed as made, not through `append`: append copies each event (`{ ...e }`), which would read
      // every frame's `bytes` and so re-encode all of them now (timeline.ts, CapturedFrameArrow).
      timeline.events.push(e);
      timeline.extend(e.t);
      if (++n % SLICE_EVENTS === 0) {
        // Opened at its end (below): revealing what the playhead passes is a walk over every event,
        // so the playhead follows the filling, one slice at a time.
        session.seek(e.t);
        await yieldToPage();
        if (!current()) return session;
      }
    }
    timeline.commit();
    // Opened at its end: everything the capture holds is shown; Play replays it from the start.
    session.seek(session.end);
    // The diagram's layout, made here between paints rather than in the diagram's first render.
    const layers = { ...session.layers };
    const layout = await inSlices(layoutSteps(timeline.events, timeline.committed, layers), current);
    if (layout) rememberLayout(timeline.events, timeline.committed, layers, layout);
    // The diagram's first render is a task of its own, not the end of the layout's last slice.
    await yieldToPage();
    return session;
  }
}

/**
 * Run work that pauses often (a generator that yields) with a turn for the page every SLICE_MS; null
 * when the page has moved on (`current` false) before it was done.
 */
async function inSlices<T>(steps: Generator<void, T, undefined>, current: () => boolean): Promise<T | null> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= SLICE_MS) {
      await yieldToPage();
      if (!current()) return null;
      started = performance.now();
    }
  }
}
