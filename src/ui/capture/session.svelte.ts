/**
 * A captured connection played back by the playground's own machinery: a PlaygroundSession whose world
 * never runs (no console, no commands), its timeline filled once from the capture (timeline.ts). The
 * diagram, inspector, event log and playback controls read it exactly as they read a simulated one,
 * so nothing is copied: the capture only decides what is on the timeline.
 */
import { PlaygroundSession } from '../playground/session.svelte.ts';
import { yieldToPage } from '../state/yield.ts';
import { captureTimeline, type Spacing } from './timeline.ts';
import type { ShownSocket } from './model.ts';

/** Events appended between two pauses: a 64 000-frame capture fills its timeline without a long task. */
const SLICE_EVENTS = 4000;

export class CaptureSession extends PlaygroundSession {
  private constructor(events: number) {
    // The budget is the capture's size: the whole connection is drawn, however long.
    super({ maxEvents: events + 1 });
    // The TCP layer is not drawn: the report keeps frames, not the segments that carried them.
    this.layers = { tcp: false, http: true, ws: true };
  }

  /** The session of one captured connection, its timeline filled in slices (the page paints between). */
  static async open(socket: ShownSocket, spacing: Spacing): Promise<CaptureSession> {
    const events = captureTimeline(socket.ws, socket.startUs, spacing);
    const session = new CaptureSession(events.length);
    const timeline = session.world.timeline;
    for (let i = 0; i < events.length; i++) {
      timeline.append(events[i]!);
      if (i % SLICE_EVENTS === SLICE_EVENTS - 1) await yieldToPage();
    }
    timeline.commit();
    // Opened at its end: everything the capture holds is shown; Play replays it from the start.
    session.seek(session.end);
    return session;
  }
}
