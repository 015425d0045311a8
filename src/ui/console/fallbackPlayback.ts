/**
 * Plays the session back when nothing else does. The playground view owns the playback loop (it calls
 * `session.advance` every animation frame); the console prints events as that loop reveals them. Where
 * the console is shown without that loop (the view is still a stub, or a lesson embeds the console
 * alone), nothing would ever be revealed. So this watches: if the playhead stays behind the end while
 * playing for a while, nobody is driving and this takes over; if the playhead moves without it, someone
 * else drives and it stops for good. It never advances in the same stretch as another driver.
 */
import type { PlaygroundSession } from '../playground/session.svelte.ts';

/** How long the playhead must stand still, behind the end while playing, before taking over. */
const TAKE_OVER_MS = 300;

export function startFallbackPlayback(session: PlaygroundSession, reducedMotion: () => boolean): () => void {
  let frame = 0;
  let stopped = false;
  let driving = false;
  let busy = false;
  let last = performance.now();
  let stillSince: number | null = null;
  let seenPlayhead = session.playhead;
  let seenWorld = session.world;

  const stop = (): void => {
    stopped = true;
    cancelAnimationFrame(frame);
  };

  const tick = (now: number): void => {
    if (stopped) return;
    frame = requestAnimationFrame(tick);
    const dt = Math.min(now - last, 250);
    last = now;
    if (busy) return;
    const behind = session.playing && session.playhead < session.end - 1e-9;
    if (session.world !== seenWorld) {
      // A reset starts a new world at playhead 0: not a sign of another driver.
      seenWorld = session.world;
      seenPlayhead = session.playhead;
      stillSince = null;
    } else if (session.playhead !== seenPlayhead) {
      if (!driving) return stop(); // another loop moves the playhead
      seenPlayhead = session.playhead;
    }
    if (!behind) {
      stillSince = null;
      return;
    }
    if (!driving) {
      stillSince ??= now;
      if (now - stillSince < TAKE_OVER_MS) return;
      driving = true;
    }
    busy = true;
    session
      .advance(dt, reducedMotion())
      .then(() => {
        seenPlayhead = session.playhead;
      })
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  };
  frame = requestAnimationFrame(tick);
  return stop;
}
