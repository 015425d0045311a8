/**
 * The playground's work budget (security review M4): a world stops at MAX_TIMELINE_EVENTS with a limit
 * the page can word (a catalog key, not a sentence), keeps what it recorded, and refuses the rest. And
 * the work itself stays in small pieces: TCP cuts at most SEGMENTS_PER_FLUSH segments per action, tags
 * frames to segments in one pass, and a paced run gives the same timeline as an unpaced one.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TIMELINE_EVENTS } from '../../src/sim/budget.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { SEGMENTS_PER_FLUSH } from '../../src/sim/tcp.ts';
import type { FrameEvent, SegmentEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World, type WorldSettings } from '../../src/sim/world.ts';
import { PlaygroundSession } from '../../src/ui/playground/session.svelte.ts';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';

/** Run console lines the way a link does (each followed by settling), stopping with the world. */
function run(world: World, lines: readonly string[]): void {
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`bad line ${line}`);
    runCommand(world, parsed.command);
    world.settle(120_000);
    if (world.stopped) return;
  }
}

/** The same, as the page runs them: each settling in slices with the clock's pacer between them. */
async function runPaced(world: World, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`bad line ${line}`);
    runCommand(world, parsed.command);
    await world.settlePaced(120_000);
    if (world.stopped) return;
  }
}

const dataSegments = (w: World, from: string): SegmentEvent[] =>
  w.timeline.events.filter(
    (e): e is SegmentEvent => e.kind === 'segment' && e.from === from && e.payload.length > 0,
  );

/** What a timeline says, without object identity: for comparing two runs. */
const shape = (events: readonly TimelineEvent[]): string[] =>
  events.map((e) =>
    e.kind === 'segment'
      ? `${e.id} ${e.t} seg ${e.from} ${e.seq} ${e.ack} ${e.payload.length} ${e.arriveT}`
      : e.kind === 'frame'
        ? `${e.id} ${e.t} frame ${e.from} ${e.bytes.length} [${e.segments.join(',')}] ${e.arriveT}`
        : `${e.id} ${e.t} ${e.kind}`,
  );

describe('the work budget', () => {
  it('is 50,000 timeline events, worded in both catalogs', () => {
    expect(MAX_TIMELINE_EVENTS).toBe(50_000);
    expect(new World().settings.maxEvents).toBe(MAX_TIMELINE_EVENTS);
    expect(en['pg.budget.events']).toContain('{max}');
    expect(ko['pg.budget.events']).toContain('{max}');
  });

  it('mss 1 and a large send: the world stops at the budget, keeps exactly that many events, refuses the rest', async () => {
    const w = new World({ maxEvents: 2000 });
    run(w, ['mss 1', 'connect', `send ${'x'.repeat(1000)}`]);
    expect(w.stopped).toEqual({ key: 'pg.budget.events', params: { max: 2000 } });
    expect(w.timeline.events.length).toBe(2000);
    expect(w.timeline.committed).toBe(2000);
    // Later commands are refused with the same limit; nothing is added; time does not move.
    const now = w.now;
    expect(w.send('more')).toEqual({ ok: false, stopped: w.stopped });
    expect(w.connect()).toEqual({ ok: false, stopped: w.stopped });
    expect(w.raw(new Uint8Array([0x89, 0x80, 0, 0, 0, 0]))).toEqual({ ok: false, stopped: w.stopped });
    w.runUntil(w.now + 10_000);
    w.settle();
    expect(w.timeline.events.length).toBe(2000);
    expect(w.now).toBe(now);
  });

  it('a command that spends the budget inside one action (one flush) is stopped in the middle of it', () => {
    const w = new World({ maxEvents: 50, mss: 1 });
    run(w, ['connect']);
    const r = w.send('y'.repeat(500)); // 506 bytes → 506 segments in one flush
    expect(r).toEqual({ ok: false, stopped: { key: 'pg.budget.events', params: { max: 50 } } });
    expect(w.timeline.events.length).toBe(50);
  });

  it('the heaviest link the limits allow (mss 1, 48 × frag <1 KiB> 1000) stops at MAX_TIMELINE_EVENTS', async () => {
    const w = new World();
    const frag = `frag ${'x'.repeat(1014)} 1000`;
    run(w, ['mss 1', 'connect', ...Array.from({ length: 48 }, () => frag)]);
    expect(w.stopped?.params.max).toBe(MAX_TIMELINE_EVENTS);
    expect(w.timeline.events.length).toBe(MAX_TIMELINE_EVENTS);
  });

  it('ordinary scenarios fit with room: a 50-step link of 1 KiB sends is under 1,000 events', async () => {
    const w = new World();
    run(w, ['connect', ...Array.from({ length: 49 }, () => `send ${'y'.repeat(1019)}`)]);
    expect(w.stopped).toBeNull();
    expect(w.timeline.events.length).toBeLessThan(1000);
  });
});

describe('TCP cuts a large write in pieces (SEGMENTS_PER_FLUSH per action), the same segments either way', () => {
  it('mss 1: 3,000 bytes are 3,000 segments of one byte, all sent in the same instant, PSH on the last', async () => {
    const w = new World({ mss: 1 });
    run(w, ['connect']);
    const before = dataSegments(w, 'client').length;
    const t = w.now;
    w.raw(new Uint8Array(3000).fill(0x41));
    w.settle();
    // (The server then closes on these bytes, and the client's close frame follows later.)
    const sent = dataSegments(w, 'client')
      .slice(before)
      .filter((s) => s.t === t);
    expect(sent.length).toBe(3000);
    expect(3000).toBeGreaterThan(2 * SEGMENTS_PER_FLUSH);
    for (const [i, s] of sent.entries()) {
      expect(s.t).toBe(t);
      expect(s.payload.length).toBe(1);
      expect(s.seq).toBe((sent[0]!.seq + i) >>> 0);
      expect(s.flags.psh).toBe(i === 2999);
    }
  });

  it('frames are tagged with exactly the segments that carry their bytes (one linear pass)', async () => {
    const w = new World({ mss: 3 });
    run(w, ['connect', 'frag abcdefghij 5']);
    const frames = w.timeline.events.filter(
      (e): e is FrameEvent => e.kind === 'frame' && e.from === 'client',
    );
    const byId = new Map(w.timeline.events.map((e) => [e.id, e]));
    let offset = 0; // the frames' bytes, one after another, are the segments' payloads
    const stream = dataSegments(w, 'client').filter((s) => s.t === frames[0]!.t);
    const streamStart = stream[0]!.seq;
    for (const f of frames) {
      const start = offset;
      const end = offset + f.bytes.length;
      const expected = stream
        .filter((s) => {
          const a = (s.seq - streamStart) >>> 0;
          return a < end && a + s.payload.length > start;
        })
        .map((s) => s.id);
      expect(f.segments).toEqual(expected);
      expect(f.arriveT).toBe((byId.get(expected.at(-1)!) as SegmentEvent).arriveT);
      offset = end;
    }
  });
});

describe('pacing', () => {
  it('a paced run pauses between actions and gives the same timeline, byte for byte', async () => {
    const lines = ['mss 7', 'connect', 'send hello', 'frag abcdefghijklmnop 6', 'ping x', 'close 1000 bye'];
    const plain = new World({ maxEvents: Infinity });
    run(plain, lines);
    const paced = new World({ maxEvents: Infinity });
    let pauses = 0;
    paced.clock.pacer = {
      sliceMs: 0, // pause before every action
      pause: () => {
        pauses++;
        return new Promise((resolve) => setImmediate(resolve));
      },
    };
    await runPaced(paced, lines);
    expect(pauses).toBeGreaterThan(20);
    expect(shape(paced.timeline.events)).toEqual(shape(plain.timeline.events));
  });

  it('a halted world stops at its next pause', async () => {
    const w = new World({ mss: 1, maxEvents: Infinity } satisfies Partial<WorldSettings>);
    run(w, ['connect']);
    w.clock.pacer = { sliceMs: 0, pause: () => Promise.resolve() };
    w.send('z'.repeat(200));
    const settling = w.settlePaced();
    w.halt();
    await settling;
    const n = w.timeline.events.length;
    await w.settlePaced();
    expect(w.timeline.events.length).toBe(n);
  });
});

describe('the session reports the stop', () => {
  it('the command that ran into the budget is recorded (its link stops at the same place); later ones are not', async () => {
    const s = new PlaygroundSession({ mss: 1, maxEvents: 1500 });
    expect(await s.command('connect')).toMatchObject({ kind: 'ok' });
    const limit = { key: 'pg.budget.events', params: { max: 1500 } };
    expect(await s.command(`send ${'q'.repeat(900)}`)).toEqual({ kind: 'stopped', limit, ran: true });
    expect(await s.command('send again')).toEqual({ kind: 'stopped', limit, ran: false });
    expect(s.recorded).toEqual(['connect', `send ${'q'.repeat(900)}`]);
    expect(s.events.length).toBe(1500);
    s.reset();
    expect(await s.command('connect')).toMatchObject({ kind: 'ok' });
  });
});
