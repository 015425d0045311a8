/**
 * A captured connection played back by the playground's own machinery: a PlaygroundSession whose world
 * never runs (no console, no commands), its timeline filled once from the capture (timeline.ts). The
 * diagram, inspector, event log and playback controls read it exactly as they read a simulated one,
 * so nothing is copied: the capture only decides what is on the timeline.
 */
import { PlaygroundSession } from '../playground/session.svelte.ts';
import { captureTimeline, type Spacing } from './timeline.ts';
import type { ShownSocket } from './model.ts';

export class CaptureSession extends PlaygroundSession {
  constructor(socket: ShownSocket, spacing: Spacing) {
    const events = captureTimeline(socket.ws, socket.startUs, spacing);
    // The budget is the capture's size: the whole connection is drawn, however long.
    super({ maxEvents: events.length + 1 });
    const timeline = this.world.timeline;
    for (const e of events) timeline.append(e);
    timeline.commit();
    // The TCP layer is not drawn: the report keeps frames, not the segments that carried them.
    this.layers = { tcp: false, http: true, ws: true };
    // Opened at its end: everything the capture holds is shown; Play replays it from the start.
    this.seek(this.end);
  }
}
