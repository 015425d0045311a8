/**
 * A captured connection played back by the playground's own machinery: a PlaygroundSession whose world
 * never runs (no console, no commands), its timeline filled once from the capture (timeline.ts). The
 * diagram, inspector, event log and playback controls read it exactly as they read a simulated one,
 * so nothing is copied: the capture only decides what is on the timeline.
 */
import { PlaygroundSession } from '../playground/session.svelte.ts';
import { yieldToPage } from '../state/yield.ts';
import { mapCapture, type Spacing } from './timeline.ts';
import type { ShownSocket } from './model.ts';

/**
 * Events made and appended between two pauses: 2 000 take ~5 ms on an idle machine, so a 64 000-frame
 * capture (130 000 events) fills its timeline without a long task even on a loaded one.
 */
const SLICE_EVENTS = 2000;

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
    const mapped = mapCapture(socket.ws, socket.startUs, spacing);
    const session = new CaptureSession(mapped.length);
    const timeline = session.world.timeline;
    let n = 0;
    for (const e of mapped.events(timeline.events.length)) {
      // Pushed as made, not through `append`: append copies each event (`{ ...e }`), which would read
      // every frame's `bytes` and so re-encode all of them now (timeline.ts, CapturedFrameArrow).
      timeline.events.push(e);
      timeline.extend(e.t);
      if (++n % SLICE_EVENTS === 0) {
        await yieldToPage();
        if (!current()) return session;
      }
    }
    timeline.commit();
    // Opened at its end: everything the capture holds is shown; Play replays it from the start.
    session.seek(session.end);
    return session;
  }
}
