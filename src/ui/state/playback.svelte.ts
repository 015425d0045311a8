/**
 * Playback of something that happens in virtual time: a playhead, playing or paused, a speed, the
 * moments at which something happens and the steps between them, and the one driver that moves the
 * playhead. The playground session (a subclass), the comparison and the home story share it; what the
 * end is, which moments count and how a frame moves the playhead are theirs (options or overrides).
 *
 * Rules for this module:
 * - the playhead moves only here (advance, seek): views draw from it and keep no clock of their own;
 * - one driver per playback however many views attach (`drive()` in an $effect), and none while
 *   nothing is attached or nothing plays: a paused page's main thread is idle;
 * - the reader's reduced-motion setting reaches `advance`: nothing is drawn moving;
 * - an exception while advancing is a bug, not a pause: playback stops, the error goes to the
 *   console and stays in `failure` for the view to show.
 */
import { untrack } from 'svelte';
import { prefersReducedMotion } from 'svelte/motion';

/** Two times closer than this are one moment (virtual ms are sums of floats). */
const EPS = 1e-9;

/** A longer gap between two frames (a background tab, a breakpoint) counts as this: the playhead resumes instead of leaping. */
export const MAX_FRAME_MS = 100;

/** Where the driver gets its time and its wake-ups: the page's, or a fake one in tests. */
export interface FrameClock {
  now(): number;
  /** Call back at the next animation frame; returns the cancel. */
  nextFrame(callback: (now: number) => void): () => void;
  /** Call back after `ms`; returns the cancel. */
  after(ms: number, callback: () => void): () => void;
}

export const pageClock: FrameClock = {
  now: () => performance.now(),
  nextFrame(callback) {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  },
  after(ms, callback) {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
};

/**
 * When the driver moves the playhead: every animation frame (`frame`: something is drawn from the
 * playhead), or only when the next moment or the end is due (`moment`: CSS animations draw, and the
 * main thread sleeps in between).
 */
export type Wake = 'frame' | 'moment';

/** At the end: pause (a finished race), start over (the home story), or play on as the end moves (the playground's live edge). */
export type AtEnd = 'stop' | 'loop' | 'hold';

export interface PlaybackOptions<S extends number> {
  /** Virtual milliseconds per real millisecond at speed 1. */
  readonly rate: number;
  readonly speed: S;
  readonly playing?: boolean;
  /** The last moment the playhead can reach (default: the last of `moments`). */
  readonly end?: () => number;
  /** Sorted distinct times at which something happens: the moments a step moves between. */
  readonly moments?: () => readonly number[];
  readonly atEnd?: AtEnd;
  readonly wake?: Wake;
  readonly clock?: FrameClock;
  /** The reader's setting, unless a test says otherwise. */
  readonly reducedMotion?: () => boolean;
}

export class Playback<S extends number = number> {
  /** Virtual time shown, in ms. */
  playhead = $state(0);
  /** Bumped when playback starts over from the beginning (a view that animates by itself restarts then). */
  restarts = $state(0);
  /** What stopped playback unexpectedly; the view says so. */
  failure = $state.raw<{ readonly error: unknown } | null>(null);
  readonly rate: number;

  #playing: boolean;
  #speed: S;
  readonly #end: (() => number) | undefined;
  readonly #moments: (() => readonly number[]) | undefined;
  readonly #atEnd: AtEnd;
  readonly #wake: Wake;
  readonly #clock: FrameClock;
  readonly #reducedMotion: () => boolean;
  // The driver's bookkeeping is not view state.
  #drivers = 0;
  #cancel: (() => void) | null = null;
  #last = 0;
  /** An asynchronous advance is still running: frames meanwhile are skipped, not queued. */
  #busy = false;

  constructor(o: PlaybackOptions<S>) {
    this.rate = o.rate;
    this.#playing = $state(o.playing ?? false);
    this.#speed = $state(o.speed);
    this.#end = o.end;
    this.#moments = o.moments;
    this.#atEnd = o.atEnd ?? 'stop';
    this.#wake = o.wake ?? 'frame';
    this.#clock = o.clock ?? pageClock;
    this.#reducedMotion = o.reducedMotion ?? (() => prefersReducedMotion.current);
  }

  get playing(): boolean {
    return this.#playing;
  }

  set playing(on: boolean) {
    if (on === this.#playing) return;
    // Woken only at moments: bring the playhead to now first, so a pause holds where the picture is.
    if (!on && this.#wake === 'moment' && this.#cancel) this.#catchUp();
    this.#playing = on;
    this.#wakeUp();
  }

  get speed(): S {
    return this.#speed;
  }

  set speed(s: S) {
    if (this.#wake === 'moment' && this.#cancel) this.#catchUp();
    this.#speed = s;
    if (this.#wake === 'moment') this.#wakeUp();
  }

  get end(): number {
    return this.#end ? this.#end() : (this.moments().at(-1) ?? 0);
  }

  moments(): readonly number[] {
    return this.#moments?.() ?? [];
  }

  /** At the end of what there is (nothing to play: not at an end). */
  get atEnd(): boolean {
    const end = this.end;
    return end > 0 && this.playhead >= end - EPS;
  }

  /**
   * Move the playhead on by `realMs` of wall-clock time. With reduced motion it jumps to the end,
   * where everything has arrived. Subclasses with more to do (the playground) override this.
   */
  advance(realMs: number, reducedMotion: boolean): void | Promise<void> {
    if (!this.#playing) return;
    const end = this.end;
    const next = reducedMotion ? end : this.playhead + realMs * this.rate * this.#speed;
    if (next < end - EPS) {
      this.playhead = next;
      return;
    }
    this.playhead = Math.max(0, end);
    // Looping under reduced motion would only flash the start: the whole picture stays instead.
    if (this.#atEnd === 'loop' && !reducedMotion) this.replay();
    else if (this.#atEnd !== 'hold') this.playing = false;
  }

  /** Show time `t` (clamped to what there is), without changing what plays. */
  seek(t: number): void {
    this.playhead = Math.max(0, Math.min(t, this.end));
    if (this.#wake === 'moment') this.#wakeUp();
  }

  /** Move to the previous or next moment something happens, and pause there. */
  step(direction: 1 | -1): void {
    this.playing = false;
    const times = this.moments();
    const p = this.playhead;
    let target: number | undefined;
    if (direction > 0) target = times.find((t) => t > p + EPS);
    else
      for (let i = times.length - 1; i >= 0; i--)
        if (times[i]! < p - EPS) {
          target = times[i];
          break;
        }
    if (target !== undefined) this.seek(target);
  }

  /**
   * Where the playhead is as a presenter counts: step k of `steps` after k moments. What happens at
   * time 0 is the starting picture (step 0), so a step always shows something new.
   */
  stepPosition(): { step: number; steps: number } {
    const times = this.moments();
    const first = times.length > 0 && times[0]! <= EPS ? 1 : 0;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! <= this.playhead + EPS) lo = mid + 1;
      else hi = mid;
    }
    return { step: Math.max(0, lo - first), steps: times.length - first };
  }

  /** Show step `n` (see stepPosition), clamped to the steps there are, and pause there. */
  showStep(n: number): void {
    this.playing = false;
    const times = this.moments();
    const first = times.length > 0 && times[0]! <= EPS ? 1 : 0;
    const k = Math.max(0, Math.min(n, times.length - first));
    this.seek(k === 0 ? 0 : times[k - 1 + first]!);
  }

  /** Play; at the end, from the start again. */
  play(): void {
    if (this.atEnd) this.replay();
    else this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Start over from the beginning, playing. */
  replay(): void {
    this.seek(0);
    this.restarts++;
    this.playing = true;
  }

  /** Look at time `t` (a scrubber): playback pauses, as it does for a step; play resumes from there. */
  scrub(t: number): void {
    this.playing = false;
    this.seek(t);
  }

  /** Back to the start, paused. */
  toStart(): void {
    this.playing = false;
    this.seek(0);
  }

  /** To the end of what there is, playing on from there. */
  toEnd(): void {
    this.seek(this.end);
    this.playing = true;
  }

  /**
   * The playback keys of a focused view: Space plays or pauses, ← → step, Home goes to the start and
   * End to now. True when the key was one of them (the caller then prevents its default).
   */
  handleKey(key: string): boolean {
    switch (key) {
      case ' ':
        this.toggle();
        return true;
      case 'ArrowLeft':
      case 'ArrowRight':
        this.step(key === 'ArrowRight' ? 1 : -1);
        return true;
      case 'Home':
        this.toStart();
        return true;
      case 'End':
        this.toEnd();
        return true;
      default:
        return false;
    }
  }

  /**
   * Move the playhead while the caller is attached: `$effect(() => playback.drive())`. However many
   * views attach, there is one driver; the returned function detaches (the last one stops it).
   */
  drive(): () => void {
    return untrack(() => {
      this.#drivers++;
      if (this.#drivers === 1) this.#wakeUp();
      let attached = true;
      return () => {
        if (!attached) return;
        attached = false;
        this.#drivers--;
        if (this.#drivers === 0) this.#sleep();
      };
    });
  }

  /** (Re)arm the driver for the current state: nothing while detached or paused. */
  #wakeUp(): void {
    this.#sleep();
    if (this.#drivers === 0 || !this.#playing) return;
    this.#last = this.#clock.now();
    if (this.#wake === 'frame') this.#cancel = this.#clock.nextFrame(this.#onFrame);
    else this.#atNextMoment();
  }

  #sleep(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  #onFrame = (now: number): void => {
    this.#cancel = this.#clock.nextFrame(this.#onFrame);
    const dt = Math.min(MAX_FRAME_MS, Math.max(0, now - this.#last));
    this.#last = now;
    if (!this.#busy) this.#run(dt);
  };

  /** Sleep until the next moment (or the end) is due at this speed. */
  #atNextMoment(): void {
    const p = this.playhead;
    const next = this.moments().find((t) => t > p + EPS) ?? this.end;
    const ms = Math.max(0, (next - p) / (this.rate * this.#speed));
    this.#cancel = this.#clock.after(ms, () => {
      this.#cancel = null;
      this.#catchUp();
      if (this.#cancel === null) this.#wakeUp();
    });
  }

  /** Advance by the wall-clock time since the driver last moved the playhead (moment wake). */
  #catchUp(): void {
    const now = this.#clock.now();
    const dt = Math.max(0, now - this.#last);
    this.#last = now;
    this.#run(dt);
  }

  #run(realMs: number): void {
    let pending: void | Promise<void>;
    try {
      pending = this.advance(realMs, this.#reducedMotion());
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (!pending) return;
    this.#busy = true;
    pending
      .catch((error: unknown) => this.#fail(error))
      .finally(() => {
        this.#busy = false;
      });
  }

  #fail(error: unknown): void {
    this.playing = false;
    this.failure = { error };
    console.error('ws101: playback stopped by an error', error);
  }
}
