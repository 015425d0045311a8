/**
 * Virtual time: a discrete-event scheduler. Actions run strictly one after another in (time, order of
 * scheduling), each to its end (the engine is synchronous), and the clock only moves when the next
 * action is due — so a run is deterministic.
 */
export type Action = () => void;

/**
 * How a long run shares the thread with a page (`runPaced`): after `sliceMs` of real time spent running
 * actions, the run awaits `pause()` (a macrotask: the page paints and takes input) before the next
 * action. Virtual time is untouched, so the timeline is the same with or without it. `runUntil` never
 * pauses (Node, tests, benchmarks, short runs).
 */
export interface Pacer {
  readonly sliceMs: number;
  pause(): Promise<void>;
}

interface Entry {
  readonly t: number;
  readonly seq: number;
  readonly action: Action;
}

export class VirtualClock {
  #now = 0;
  #seq = 0;
  #heap: Entry[] = [];
  /** Called after every action (the race snapshots its counters here). */
  afterEach: (() => void) | null = null;
  /** Set by a page that must stay responsive while a long scenario runs. */
  pacer: Pacer | null = null;
  #halted = false;

  get now(): number {
    return this.#now;
  }

  /** Time of the next scheduled action, or Infinity. */
  get next(): number {
    return this.#heap[0]?.t ?? Number.POSITIVE_INFINITY;
  }

  get pending(): number {
    return this.#heap.length;
  }

  at(t: number, action: Action): void {
    if (this.#halted) return;
    this.#push({ t: Math.max(t, this.#now), seq: this.#seq++, action });
  }

  after(delay: number, action: Action): void {
    this.at(this.#now + delay, action);
  }

  /**
   * Run every action due at or before `until` (bounded by `maxActions` so a runaway scenario cannot
   * freeze the page), then move the clock to `until` unless `advance` is false. Returns the number of
   * actions run. Synchronous: it never pauses, whatever the pacer.
   */
  runUntil(until: number, maxActions = 1_000_000, advance = true): number {
    const n = this.#slice(until, maxActions, Number.POSITIVE_INFINITY);
    this.#advance(until, n, maxActions, advance);
    return n;
  }

  /**
   * The same run as `runUntil`, in slices of `pacer.sliceMs` of real time with `await pacer.pause()`
   * between them (at least one action per slice), so a page stays responsive through a long one. The
   * pauses fall between actions, never inside one: the timeline is the one `runUntil` makes.
   */
  async runPaced(until: number, maxActions = 1_000_000, advance = true): Promise<number> {
    let n = 0;
    for (;;) {
      const pacer = this.pacer;
      const deadline = pacer ? performance.now() + pacer.sliceMs : Number.POSITIVE_INFINITY;
      n += this.#slice(until, maxActions - n, deadline);
      if (!pacer || !this.#due(until) || n >= maxActions) break;
      await pacer.pause();
      // Halted meanwhile (a new world, a spent budget): the heap is empty, and the loop ends.
    }
    this.#advance(until, n, maxActions, advance);
    return n;
  }

  #due(until: number): boolean {
    return this.#heap.length > 0 && this.#heap[0]!.t <= until;
  }

  /** Run due actions until `maxActions` or, after the first, until real time reaches `deadline`. */
  #slice(until: number, maxActions: number, deadline: number): number {
    const timed = deadline !== Number.POSITIVE_INFINITY;
    let n = 0;
    while (this.#due(until) && n < maxActions) {
      if (timed && n > 0 && performance.now() >= deadline) break;
      const e = this.#pop();
      this.#now = e.t;
      e.action();
      this.afterEach?.();
      n++;
    }
    return n;
  }

  #advance(until: number, ran: number, maxActions: number, advance: boolean): void {
    if (
      advance &&
      !this.#halted &&
      until !== Number.POSITIVE_INFINITY &&
      until > this.#now &&
      ran < maxActions
    )
      this.#now = until;
  }

  clear(): void {
    this.#heap = [];
  }

  /** Stop for good: what is scheduled is dropped, and nothing new is (a world that has ended). */
  halt(): void {
    this.#halted = true;
    this.#heap = [];
  }

  get halted(): boolean {
    return this.#halted;
  }

  #less(a: Entry, b: Entry): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  #push(e: Entry): void {
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  #pop(): Entry {
    const h = this.#heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
