/**
 * The shared playback: steps between moments, and the one driver, run on a fake clock (no real time
 * passes in these tests: frames and timers fire when the test says so).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_FRAME_MS,
  Playback,
  type FrameClock,
  type PlaybackOptions,
} from '../../src/ui/state/playback.svelte.ts';

/** A clock whose frames and timers run only when the test calls `frame()` or `wait()`. */
class FakeClock implements FrameClock {
  time = 0;
  frames: ((now: number) => void)[] = [];
  timers: { at: number; callback: () => void }[] = [];

  now(): number {
    return this.time;
  }
  nextFrame(callback: (now: number) => void): () => void {
    this.frames.push(callback);
    return () => {
      this.frames = this.frames.filter((f) => f !== callback);
    };
  }
  after(ms: number, callback: () => void): () => void {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  /** `ms` later, the next animation frame. */
  frame(ms: number): void {
    this.time += ms;
    const due = this.frames;
    this.frames = [];
    for (const f of due) f(this.time);
  }
  /** `ms` later, with every timer due by then fired in order. */
  wait(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.callback();
    }
    this.time = until;
  }
}

const MOMENTS = [0, 10, 20, 30];

function playback(o: Partial<PlaybackOptions<number>> = {}, reduced = false) {
  const clock = new FakeClock();
  const p = new Playback<number>({
    rate: 1,
    speed: 1,
    moments: () => MOMENTS,
    clock,
    reducedMotion: () => reduced,
    ...o,
  });
  return { p, clock };
}

describe('Playback: moments and steps', () => {
  it('a step moves to the next or previous moment and pauses there; at either end it stays', () => {
    const { p } = playback({ playing: true });
    p.step(1);
    expect(p.playhead).toBe(10);
    expect(p.playing).toBe(false);
    p.step(1);
    p.step(-1);
    expect(p.playhead).toBe(10);
    p.seek(15); // between two moments, back goes to the one before the time shown
    p.step(-1);
    expect(p.playhead).toBe(10);
    p.step(-1);
    p.step(-1);
    expect(p.playhead).toBe(0);
    p.seek(30);
    p.step(1);
    expect(p.playhead).toBe(30);
  });

  it('what happens at time 0 is the starting picture: step 0 of 3, not a step of its own', () => {
    const { p } = playback();
    expect(p.stepPosition()).toEqual({ step: 0, steps: 3 });
    p.showStep(2);
    expect(p.playhead).toBe(20);
    expect(p.stepPosition()).toEqual({ step: 2, steps: 3 });
    p.seek(25);
    expect(p.stepPosition()).toEqual({ step: 2, steps: 3 });
    p.showStep(99);
    expect(p.playhead).toBe(30);
    p.showStep(0);
    expect(p.playhead).toBe(0);
  });

  it('without a moment at 0, every moment is a step (the race publishes its first event later)', () => {
    const { p } = playback({ moments: () => [5, 12] });
    expect(p.stepPosition()).toEqual({ step: 0, steps: 2 });
    p.showStep(1);
    expect(p.playhead).toBe(5);
  });

  it('seek clamps to what there is; the end defaults to the last moment', () => {
    const { p } = playback();
    expect(p.end).toBe(30);
    p.seek(-5);
    expect(p.playhead).toBe(0);
    p.seek(1e9);
    expect(p.playhead).toBe(30);
    expect(p.atEnd).toBe(true);
  });

  it('play at the end plays from the start again, and says so (restarts)', () => {
    const { p } = playback();
    p.seek(30);
    p.play();
    expect(p.playhead).toBe(0);
    expect(p.playing).toBe(true);
    expect(p.restarts).toBe(1);
    p.toggle();
    expect(p.playing).toBe(false);
    p.toggle();
    expect(p.restarts).toBe(1); // not at the end: resumes where it was
  });

  it('the playback keys: Space, ← →, Home and End; anything else is not ours', () => {
    const { p } = playback();
    expect(p.handleKey('ArrowRight')).toBe(true);
    expect(p.playhead).toBe(10);
    expect(p.handleKey('End')).toBe(true);
    expect([p.playhead, p.playing]).toEqual([30, true]);
    expect(p.handleKey('Home')).toBe(true);
    expect([p.playhead, p.playing]).toEqual([0, false]);
    expect(p.handleKey(' ')).toBe(true);
    expect(p.playing).toBe(true);
    expect(p.handleKey('a')).toBe(false);
  });
});

describe('Playback: the driver', () => {
  it('moves the playhead by real time × rate × speed each frame, and stops at the end', () => {
    // rate 0.1 and speed 2: a 50 ms frame moves 0.1 × 2 × 50 = 10 virtual ms.
    const { p, clock } = playback({ rate: 0.1, speed: 2, playing: true });
    const detach = p.drive();
    clock.frame(50); // the first frame measures from when the driver started
    expect(p.playhead).toBe(10);
    clock.frame(50);
    expect(p.playhead).toBe(20);
    clock.frame(60); // 12 more would pass the end: it stops there, paused
    expect(p.playhead).toBe(30);
    expect(p.playing).toBe(false);
    expect(clock.frames).toHaveLength(0); // paused: no frame is asked for, the page is idle
    detach();
  });

  it(`a frame after a long gap counts as ${MAX_FRAME_MS} ms: the playhead resumes instead of leaping`, () => {
    const { p, clock } = playback({ rate: 0.1, playing: true, end: () => 1000 });
    p.drive();
    clock.frame(60_000);
    expect(p.playhead).toBeCloseTo(MAX_FRAME_MS * 0.1, 9);
  });

  it('one driver however many views attach; the last to detach stops it', () => {
    const { p, clock } = playback({ playing: true, end: () => 1000 });
    const a = p.drive();
    const b = p.drive();
    expect(clock.frames).toHaveLength(1);
    clock.frame(5);
    expect(p.playhead).toBe(5); // moved once per frame, not once per view
    a();
    a(); // detaching twice counts once
    expect(clock.frames).toHaveLength(1);
    b();
    expect(clock.frames).toHaveLength(0);
  });

  it('pausing stops asking for frames; playing asks again, measuring from then', () => {
    const { p, clock } = playback({ playing: true, end: () => 1000 });
    p.drive();
    clock.frame(5);
    p.pause();
    expect(clock.frames).toHaveLength(0);
    clock.time += 500;
    p.play();
    clock.frame(5);
    expect(p.playhead).toBe(10);
  });

  it('with reduced motion nothing is drawn moving: the first frame shows the end', () => {
    const { p, clock } = playback({ playing: true }, true);
    p.drive();
    clock.frame(16);
    expect(p.playhead).toBe(30);
    expect(p.playing).toBe(false);
  });

  it('an asynchronous advance still running makes the next frames wait, not pile up', async () => {
    let resolve: () => void = () => {};
    let calls = 0;
    class Slow extends Playback<number> {
      override advance(): Promise<void> {
        calls++;
        return new Promise((r) => (resolve = r));
      }
    }
    const clock = new FakeClock();
    const p = new Slow({ rate: 1, speed: 1, playing: true, clock, reducedMotion: () => false });
    p.drive();
    clock.frame(16);
    clock.frame(16);
    clock.frame(16);
    expect(calls).toBe(1);
    resolve();
    await Promise.resolve();
    await Promise.resolve();
    clock.frame(16);
    expect(calls).toBe(2);
  });

  describe('an exception while advancing', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is not a pause: playback stops, the error is logged and kept for the view to show', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const bug = new Error('simulator bug');
      class Broken extends Playback<number> {
        override advance(): Promise<void> {
          return Promise.reject(bug);
        }
      }
      const clock = new FakeClock();
      const p = new Broken({ rate: 1, speed: 1, playing: true, clock, reducedMotion: () => false });
      p.drive();
      clock.frame(16);
      await new Promise((r) => setTimeout(r, 0));
      expect(p.playing).toBe(false);
      expect(p.failure).toEqual({ error: bug });
      expect(logged).toHaveBeenCalledWith(expect.any(String), bug);
    });
  });
});

describe('Playback woken at moments (the home story: CSS draws, the main thread sleeps)', () => {
  // 60 virtual ms at 1/12 virtual ms per real ms: 720 real ms per lap.
  const story = () =>
    playback({
      rate: 1 / 12,
      playing: true,
      moments: () => [],
      end: () => 60,
      atEnd: 'loop',
      wake: 'moment',
    });

  it('asks for no frames, only one timer for when the story is due to start again', () => {
    const { p, clock } = story();
    p.drive();
    expect(clock.frames).toHaveLength(0);
    expect(clock.timers.map((t) => t.at)).toEqual([720]);
    clock.wait(720);
    expect(p.restarts).toBe(1);
    expect(p.playhead).toBe(0);
    expect(p.playing).toBe(true);
    expect(clock.timers.map((t) => t.at)).toEqual([1440]);
  });

  it('a pause holds where the picture is; playing again waits only for the rest of the lap', () => {
    const { p, clock } = story();
    p.drive();
    clock.wait(240);
    p.pause();
    expect(p.playhead).toBeCloseTo(20, 9); // 240 real ms = 20 virtual ms
    expect(clock.timers).toHaveLength(0);
    clock.wait(10_000);
    p.play();
    expect(clock.timers.map((t) => t.at - clock.time)).toEqual([480]);
  });

  it('replay starts over at once, with a new timer for a whole lap', () => {
    const { p, clock } = story();
    p.drive();
    clock.wait(600);
    p.replay();
    expect([p.playhead, p.restarts]).toEqual([0, 1]);
    expect(clock.timers.map((t) => t.at - clock.time)).toEqual([720]);
  });
});
