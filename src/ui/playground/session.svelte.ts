/**
 * One playground session: the simulated World, and the view state that plays its Timeline back.
 * State flows one way: commands → World → Timeline → (playhead) → components. The diagram, the log,
 * the inspector and the console all read this object; only the console and the controls write to it.
 * The playback itself (playhead, steps, the one animation-frame driver) is the shared Playback class.
 *
 * The timeline can hold 100,000+ events, so it is not deep-reactive: `events`, `committed` and `end`
 * are getters that subscribe the reader (createSubscriber), and the session tells its readers once the
 * World has committed new events: when a command has run, when the playhead has moved, and every
 * slice of a long run (the pacer); at most once per animation frame, never per commit. A long run
 * commits once per action, and each announcement re-runs every view's effects (a 200,000-event link
 * spent 12 s of its 20 in Svelte's effect traversal when each commit was announced).
 */
import { yieldToPage } from '../state/yield.ts';
import { parseCommand, runCommand, type Command, type CommandTextId } from '../../sim/commands.ts';
import type { ServerKind } from '../../sim/servers.ts';
import { loadDeflateCodec, needsDeflateCodec } from '../../sim/deflate-codec.ts';
import { isArrow, type TimelineEvent } from '../../sim/timeline.ts';
import type { WorkLimit } from '../../sim/budget.ts';
import { World, type WorldSettings, type WorldTextId } from '../../sim/world.ts';
import type { RuleTextId, Text } from '../../protocol/index.ts';
import { createSubscriber } from 'svelte/reactivity';
import { Playback, pageClock } from '../state/playback.svelte.ts';

/**
 * A long run of the world pauses every SLICE_MS for a macrotask, so the page paints and takes input
 * while a heavy link loads (README, `npm run bench:heavy-link`); the views catch up with it every
 * ANNOUNCE_MS (each catch-up lays the whole diagram out again, so not at every pause).
 */
const SLICE_MS = 30;
const ANNOUNCE_MS = 250;

/** Virtual milliseconds per real millisecond at 1× — 40 ms of latency takes 0.4 s on screen. */
export const BASE_RATE = 0.1;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
export type LayerName = 'tcp' | 'http' | 'ws';

export type CommandOutcome =
  | { readonly kind: 'ok'; readonly command: Command }
  | {
      readonly kind: 'refused';
      readonly message: Text<CommandTextId | WorldTextId | RuleTextId>;
      readonly usage?: string;
    }
  /** The world stopped at its work budget: `ran` when this command ran into it (it is then recorded). */
  | { readonly kind: 'stopped'; readonly limit: WorkLimit; readonly ran: boolean }
  /** Console-only verbs the console answers itself. */
  | {
      readonly kind: 'console';
      readonly command: Extract<Command, { name: 'help' | 'clear' | 'dump' | 'reset' }>;
    };

export class PlaygroundSession extends Playback<Speed> {
  world: World;
  readonly #settings: Partial<WorldSettings>;

  /** Follow new events as they happen (false after the learner scrubs back). */
  live = $state(true);
  layers = $state<Record<LayerName, boolean>>({ tcp: true, http: true, ws: true });
  /** Id of the selected event (its bytes are shown in the inspector). */
  selected = $state<number | null>(null);
  /** Print an xxd dump under each frame in the console. */
  dump = $state(false);
  /** Skip idle stretches when playing (nothing in flight): a ticker's quiet second does not take 10 s. */
  skipIdle = $state(true);
  server = $state<ServerKind>('echo');
  /**
   * The world commands that ran, in order, since the session started or was reset, and the server it
   * started with: replayed on the seeded world they give the same timeline, byte for byte (a share link).
   */
  recorded = $state.raw<readonly string[]>([]);
  recordedServer = $state<ServerKind>('echo');
  /**
   * The time of the latest event revealed so far. Revealing only goes forward (the console prints as
   * the playhead first reaches an event), so after a step back the console is ahead of the playhead.
   */
  revealedUntil = $state(0);
  /** Pause when playing reaches this time, once (a lesson holds its first screen of arrows there). */
  holdAt = $state<number | null>(null);

  // Plain fields on purpose: subscriptions, listeners, caches and scratch are not view state.
  #unsubscribe: () => void = () => {};
  /** The World has committed events that the readers have not been told about yet. */
  #unannounced = false;
  /** Tells the readers of `events` (set while some view reads them; see the header). */
  #notify: (() => void) | null = null;
  #notifyPending: (() => void) | null = null;
  readonly #subscribe = createSubscriber((update) => {
    this.#notify = update;
    return () => {
      this.#notify = null;
      this.#notifyPending?.();
      this.#notifyPending = null;
    };
  });
  #revealed = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #revealListeners = new Set<(events: readonly TimelineEvent[]) => void>();
  #busy: Promise<unknown> = Promise.resolve();
  /** Where reduced motion's paced time is (it may lag behind the playhead, never run ahead of it). */
  #paced = 0;
  #moments: { world: World; length: number; times: readonly number[] } | null = null;

  constructor(settings: Partial<WorldSettings> = {}) {
    // Paused until there is something to play: a fresh page shows "Play" at 0 of 0 ms, not "Pause".
    // A command plays from where it happens.
    super({ rate: BASE_RATE, speed: 1, playing: false, atEnd: 'hold' });
    this.#settings = settings;
    this.server = settings.server ?? 'echo';
    this.recordedServer = this.server;
    this.world = this.#newWorld();
  }

  /** The timeline so far (reading it subscribes to new commits; it is appended to in place). */
  get events(): readonly TimelineEvent[] {
    this.#subscribe();
    return this.world.timeline.events;
  }

  /** How many events the World has committed (the rest of `events` is still being computed). */
  get committed(): number {
    this.#subscribe();
    return this.world.timeline.committed;
  }

  /** The last moment anything happens in the timeline computed so far. */
  override get end(): number {
    this.#subscribe();
    return this.world.timeline.end;
  }

  #newWorld(): World {
    this.#unsubscribe();
    // A codec loaded for an earlier world is kept: loading it again would only cost time.
    const world = new World({ ...this.#settings, server: this.server }, this.world?.codec ?? null);
    // Between slices of a long run the views catch up once, then the page paints.
    let announced = performance.now();
    world.clock.pacer = {
      sliceMs: SLICE_MS,
      pause: () => {
        if (performance.now() - announced >= ANNOUNCE_MS) {
          this.#announce();
          announced = performance.now();
        }
        return yieldToPage();
      },
    };
    this.#unsubscribe = world.timeline.subscribe(() => {
      this.#unannounced = true;
    });
    this.#revealed = 0;
    this.revealedUntil = 0;
    return world;
  }

  /**
   * Parse and run one console line. World commands run at the live edge: if the learner was looking
   * at the past, the view jumps back to now first.
   */
  async command(line: string): Promise<CommandOutcome> {
    const parsed = parseCommand(line);
    if (!parsed.ok)
      return { kind: 'refused', message: parsed.error, ...(parsed.usage ? { usage: parsed.usage } : {}) };
    const c = parsed.command;
    if (c.name === 'help' || c.name === 'clear' || c.name === 'dump' || c.name === 'reset') {
      if (c.name === 'dump') this.dump = c.on;
      if (c.name === 'reset') this.reset();
      return { kind: 'console', command: c };
    }
    const run = async (): Promise<CommandOutcome> => {
      const world = this.world;
      if (world.stopped) return { kind: 'stopped', limit: world.stopped, ran: false };
      await world.runUntilPaced(Math.max(world.now, this.playhead));
      // Looking at the past (scrubbed or stepped back): back to now, where the command happens.
      if (!this.live) this.seek(this.end);
      this.live = true;
      this.holdAt = null;
      this.playing = true;
      if (c.name === 'server' && c.set === 'kind') this.server = c.kind;
      // The engine is synchronous: the DEFLATE codec is loaded before the command that needs it runs.
      if (needsDeflateCodec(c) && !world.codec) {
        try {
          world.codec = await loadDeflateCodec();
        } catch {
          // Offline, say: the world refuses the command with con.refuse.noCodec.
        }
      }
      const r = runCommand(world, c);
      await this.#computeAhead();
      // A command that ran into the budget is recorded: its link stops at the same place.
      const stopped = world.stopped;
      if (r.ok || stopped) this.recorded = [...this.recorded, line.trim()];
      this.#unannounced = true;
      this.#announce();
      if (stopped) return { kind: 'stopped', limit: stopped, ran: true };
      if (r.ok) return { kind: 'ok', command: c };
      return 'reason' in r
        ? { kind: 'refused', message: r.reason }
        : { kind: 'stopped', limit: r.stopped, ran: true };
    };
    const p = this.#busy.then(run, run);
    this.#busy = p;
    return p;
  }

  /** Run the world ahead of the playhead: to quiescence, or a few seconds for a server that never rests. */
  async #computeAhead(): Promise<void> {
    if (this.world.settings.server === 'ticker') await this.world.runUntilPaced(this.playhead + 5000);
    else await this.world.settlePaced(120_000);
  }

  reset(): void {
    this.world.halt(); // a paced run of the old world ends at its next pause
    this.world = this.#newWorld();
    this.playhead = 0;
    this.#paced = 0;
    this.selected = null;
    this.live = true;
    this.playing = false;
    this.holdAt = null;
    this.recorded = [];
    this.recordedServer = this.server;
    this.#unannounced = true;
    this.#announce();
  }

  /**
   * Advance the playhead by `realMs` of wall-clock time (called every animation frame while playing).
   * With `reducedMotion` nothing is ever drawn moving: the playhead jumps to the end, where every
   * arrow has arrived. A ticker never ends, so there the time is paced as in normal motion (in
   * `#paced`), and the playhead jumps from one quiet moment to the next: a tick appears whole.
   */
  override async advance(realMs: number, reducedMotion: boolean): Promise<void> {
    if (!this.playing) return;
    const endless = this.world.settings.server === 'ticker';
    let next: number;
    if (reducedMotion && !endless) next = this.end;
    else {
      const from = reducedMotion ? this.#paced : this.playhead;
      next = from + realMs * this.rate * this.speed;
      if (this.skipIdle && !this.#inFlight(from)) {
        const upcoming = this.#nextEventTime(from);
        if (upcoming !== null && upcoming > next) next = Math.min(upcoming, this.end);
      }
      if (endless) {
        await this.world.runUntilPaced(next + 2000);
        this.#announce();
      }
      if (reducedMotion) {
        this.#paced = next;
        next = this.#quietAfter(next);
      }
    }
    const hold = this.holdAt;
    const holding = hold !== null && hold >= this.playhead - 1e-9 && next >= hold;
    if (holding) next = hold;
    const end = this.end;
    this.#deliver();
    this.playhead = Math.min(Math.max(next, this.playhead), Math.max(end, this.playhead));
    if (holding) {
      this.holdAt = null;
      this.playing = false;
    }
    if (!reducedMotion) this.#paced = this.playhead;
    // Played up to now after scrubbing back: following new events again.
    if (!this.live && this.playhead >= this.end) this.live = true;
    this.#reveal();
  }

  /**
   * Tell the readers if the World has committed since they were last told: at the next animation
   * frame, so that many commits between two frames are one update.
   */
  #announce(): void {
    if (!this.#unannounced) return;
    this.#unannounced = false;
    if (!this.#notify || this.#notifyPending) return;
    this.#notifyPending = pageClock.nextFrame(() => this.#deliver());
  }

  /**
   * Tell the readers now if news is waiting: called before the playhead moves, so that what they
   * draw from both agrees (a scrubber whose value went past a stale `max` would be clamped there).
   */
  #deliver(): void {
    const pending = this.#notifyPending;
    if (!pending) return;
    this.#notifyPending = null;
    pending();
    this.#notify?.();
  }

  /** The first moment at or after `t` when nothing is in flight. */
  #quietAfter(t: number): number {
    let cur = t;
    for (let round = 0; round < 100_000; round++) {
      const evs = this.world.timeline.events;
      let lo = 0,
        hi = evs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (evs[mid]!.t <= cur + 1e-9) lo = mid + 1;
        else hi = mid;
      }
      let latest = cur;
      for (let i = lo - 1; i >= 0 && i >= lo - 2000; i--) {
        const e = evs[i]!;
        if (isArrow(e) && e.arriveT > latest) latest = e.arriveT;
      }
      if (latest <= cur) return cur;
      cur = latest;
    }
    return cur;
  }

  /** Jump to a time (the scrubber), without changing what has been computed. */
  override seek(t: number): void {
    this.#deliver();
    super.seek(t);
    this.#paced = this.playhead;
    this.live = this.playhead >= this.end;
    this.#reveal();
  }

  /** Listen to events as the playhead reaches them (the console prints them then). */
  onReveal(listener: (events: readonly TimelineEvent[]) => void): () => void {
    this.#revealListeners.add(listener);
    return () => this.#revealListeners.delete(listener);
  }

  #reveal(): void {
    const evs = this.world.timeline.events;
    let i = this.#revealed;
    while (i < evs.length && evs[i]!.t <= this.playhead + 1e-9) i++;
    if (i === this.#revealed) return;
    const batch = evs.slice(this.#revealed, i);
    this.#revealed = i;
    this.revealedUntil = batch.at(-1)!.t;
    for (const l of this.#revealListeners) l(batch);
  }

  #inFlight(t: number): boolean {
    const evs = this.world.timeline.events;
    for (let i = evs.length - 1; i >= 0 && i >= evs.length - 2000; i--) {
      const e = evs[i]!;
      if (isArrow(e) && e.sendT <= t && e.arriveT > t) return true;
    }
    return false;
  }

  /** The next time something starts (binary search: events are appended in time order) or arrives. */
  #nextEventTime(t: number): number | null {
    const evs = this.world.timeline.events;
    let lo = 0,
      hi = evs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (evs[mid]!.t <= t + 1e-9) lo = mid + 1;
      else hi = mid;
    }
    let next = lo < evs.length ? evs[lo]!.t : Number.POSITIVE_INFINITY;
    for (let i = Math.max(0, lo - 2000); i < lo; i++) {
      const e = evs[i]!;
      if (isArrow(e) && e.arriveT > t + 1e-9 && e.arriveT < next) next = e.arriveT;
    }
    return next === Number.POSITIVE_INFINITY ? null : next;
  }

  /**
   * Sorted distinct times at which something starts or arrives: the moments a step moves between.
   * Cached per world and length (the timeline only grows), since the presenter asks on every message.
   */
  override moments(): readonly number[] {
    const cached = this.#moments;
    const evs = this.events;
    if (cached && cached.world === this.world && cached.length === evs.length) return cached.times;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const set = new Set<number>();
    for (const e of evs) {
      set.add(e.t);
      if (isArrow(e)) set.add(e.arriveT);
    }
    const times = [...set].sort((a, b) => a - b);
    this.#moments = { world: this.world, length: evs.length, times };
    return times;
  }
}
