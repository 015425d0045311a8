/**
 * The middlebox and the heartbeat on the simulated path (lesson 15): what the endpoints see when a load
 * balancer or NAT forgets a connection. Every scenario runs on the seeded world in virtual time, so the
 * instants asserted below are exact: nothing here waits.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import type { EngineNoteEvent, SegmentEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

function world(lines: readonly string[]): World {
  const w = new World({ maxEvents: Infinity });
  for (const line of lines) {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(`${line}: ${JSON.stringify(p.error)}`);
    expect(runCommand(w, p.command)).toEqual({ ok: true });
    w.settle(200);
  }
  return w;
}

const segments = (w: World): SegmentEvent[] =>
  w.timeline.events.filter((e): e is SegmentEvent => e.kind === 'segment');
const notes = (w: World, id: string): TimelineEvent[] =>
  w.timeline.events.filter((e) => e.kind === 'note' && e.text.id === id);
const closed = (w: World): EngineNoteEvent[] =>
  w.timeline.events.filter((e): e is EngineNoteEvent => e.kind === 'engine' && e.event.type === 'closed');
/** Close frames on the wire (opcode 0x8): RFC 6455 §7.4.1 keeps 1006 out of them, and here there are none. */
const closeFrames = (w: World): number =>
  w.timeline.events.filter((e) => e.kind === 'frame' && e.frame.header.opcode === 0x8).length;

describe('a load balancer’s idle timeout on the path', () => {
  it('fires at exactly idle ms after the last segment crossed it (5,000 ms after the ACK of the echo)', () => {
    const w = world(['middlebox idle 5000 drop', 'connect', 'send hi']);
    w.runUntil(20_000);
    const [forgot] = notes(w, 'pg.note.boxDrop');
    // The last segment before the note is the client's ACK of the echo, sent at 240.5 ms (3 one-way
    // trips of 40 ms plus transmission times); the box forgets at 240.5 + 5,000.
    const last = segments(w)
      .filter((s) => s.t < forgot!.t)
      .at(-1)!;
    expect(forgot!.t).toBe(last.t + 5000);
  });
  it('drop: nobody is told; the client still says OPEN, and what it sends later vanishes', () => {
    const w = world(['middlebox idle 5000 drop', 'connect', 'send hi']);
    w.runUntil(6000);
    expect(runCommand(w, { name: 'send', text: 'anyone?' })).toEqual({ ok: true });
    w.settle(10_000);
    expect(w.learner!.client!.state).toBe('OPEN');
    expect(w.learner!.serverTcp.state).toBe('ESTABLISHED');
    const lost = segments(w).filter((s) => s.lost === 'middlebox');
    expect(lost.length).toBe(1);
    expect(lost[0]!.from).toBe('client');
    expect(w.timeline.events.some((e) => e.kind === 'frame' && e.lost === 'middlebox')).toBe(true);
    expect(closed(w)).toEqual([]);
  });
  it('RFC 9293 §3.10.7.4 reset: a RST to both ends closes both TCPs; both engines report 1006, and no close frame is on the wire', () => {
    const w = world(['middlebox idle 5000 reset', 'connect', 'send hi']);
    w.runUntil(20_000);
    const rsts = segments(w).filter((s) => s.flags.rst);
    expect(rsts.map((s) => [s.from, s.to, s.by])).toEqual([
      ['server', 'client', 'middlebox'],
      ['client', 'server', 'middlebox'],
    ]);
    expect(w.learner!.clientTcp.state).toBe('CLOSED');
    expect(w.learner!.serverTcp.state).toBe('CLOSED');
    // RFC 6455 §7.1.5: TCP closed with no close frame received → 1006, not clean, at both ends.
    expect(
      closed(w).map((e) => [
        e.endpoint,
        e.event.type === 'closed' && e.event.code,
        e.event.type === 'closed' && e.event.wasClean,
      ]),
    ).toEqual([
      ['client', 1006, false],
      ['server', 1006, false],
    ]);
    expect(closeFrames(w)).toBe(0);
  });
  it('a ping every 2,000 ms keeps a 5,000 ms idle timeout from firing: 60 s later the connection is open and nothing was lost', () => {
    const w = world(['middlebox idle 5000 reset', 'ping every 2000 timeout 1000', 'connect', 'send hi']);
    w.runUntil(60_000);
    expect(notes(w, 'pg.note.boxReset')).toEqual([]);
    expect(segments(w).some((s) => s.lost || s.flags.rst)).toBe(false);
    expect(w.learner!.client!.state).toBe('OPEN');
    // Pings at 160.4 + 2,000 k for k = 1 … 29 (the last at 58,160.4 ms), each answered by a pong.
    const pongs = w.timeline.events.filter((e) => e.kind === 'engine' && e.event.type === 'pong');
    expect(pongs.length).toBe(29);
  });
  it('a ping every 6,000 ms does not: the box forgets at 5,000 ms of silence, before the first ping', () => {
    const w = world(['middlebox idle 5000 reset', 'ping every 6000 timeout 1000', 'connect', 'send hi']);
    w.runUntil(60_000);
    expect(notes(w, 'pg.note.boxReset').length).toBe(1);
    expect(closed(w).map((e) => e.event.type === 'closed' && e.event.code)).toEqual([1006, 1006]);
  });
});

describe('as the page runs it: each command after the world has settled (120 s at most)', () => {
  it('with a heartbeat the world runs two minutes of pings ahead, and `send hi` then still gets its echo', () => {
    const w = new World({ maxEvents: Infinity });
    for (const line of ['middlebox idle 5000 reset', 'ping every 2000', 'connect', 'send hi']) {
      const p = parseCommand(line);
      if (p.ok) runCommand(w, p.command);
      w.settle(120_000);
    }
    const echoes = w.timeline.events.filter(
      (e): e is EngineNoteEvent => e.kind === 'engine' && e.event.type === 'message',
    );
    expect(echoes.map((e) => e.endpoint)).toEqual(['server', 'client']);
    expect(echoes[0]!.t).toBeGreaterThan(100_000); // the last ping before the 120 s limit, at 119,160 ms + a round trip
    expect(closed(w)).toEqual([]);
  });
  it('without one, `connect` settles through the box’s timer: the RSTs and 1006 come before the next line', () => {
    const w = new World({ maxEvents: Infinity });
    for (const line of ['middlebox idle 5000 reset', 'connect']) {
      const p = parseCommand(line);
      if (p.ok) runCommand(w, p.command);
      w.settle(120_000);
    }
    expect(closed(w).map((e) => e.endpoint)).toEqual(['client', 'server']);
    expect(runCommand(w, { name: 'send', text: 'hi' })).toMatchObject({ ok: false });
  });
});

describe('a NAT whose mapping expires (RFC 5382 REQ-5 asks 2 h 4 min; many keep minutes)', () => {
  it('the client’s next segment leaves on a new port: the server answers RST, the client reports 1006, the server’s side stays half-open', () => {
    const w = world(['middlebox nat 3000', 'connect', 'send hi']);
    w.runUntil(4000);
    expect(notes(w, 'pg.note.natForgot').length).toBe(1);
    runCommand(w, { name: 'send', text: 'still there?' });
    w.settle(10_000);
    const lost = segments(w).filter((s) => s.lost);
    expect(lost.map((s) => s.from)).toEqual(['client']);
    const rst = segments(w).filter((s) => s.flags.rst);
    expect(rst.map((s) => [s.from, s.to, s.by])).toEqual([['server', 'client', 'middlebox']]);
    expect(w.learner!.clientTcp.state).toBe('CLOSED');
    expect(closed(w).map((e) => [e.endpoint, e.event.type === 'closed' && e.event.code])).toEqual([
      ['client', 1006],
    ]);
    // The server never heard anything: it still holds the connection (what a server heartbeat finds).
    expect(w.learner!.serverTcp.state).toBe('ESTABLISHED');
    expect(closeFrames(w)).toBe(0);
  });
  it('a segment from the server after expiry has no mapping to follow: dropped, no RST', () => {
    const w = world(['server ticker', 'middlebox nat 500', 'connect']);
    w.runUntil(3000);
    // The ticker sends every 1,000 ms: its first tick, 1,000 ms after the open, finds the mapping gone.
    const lost = segments(w).filter((s) => s.lost);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((s) => s.from === 'server')).toBe(true);
    expect(segments(w).some((s) => s.flags.rst)).toBe(false);
  });
});

describe('the client’s heartbeat: a missed pong fails the connection (1006 locally)', () => {
  it('behind a silent drop: the ping vanishes, and at ping + timeout the client aborts and reports 1006', () => {
    const w = world(['middlebox idle 5000 drop', 'ping every 8000 timeout 1000', 'connect', 'send hi']);
    w.runUntil(20_000);
    const lostPing = w.timeline.events.find(
      (e) => e.kind === 'frame' && e.lost && e.frame.header.opcode === 0x9,
    );
    expect(lostPing).toBeDefined();
    const [missed] = notes(w, 'pg.note.pongMissed');
    expect(missed!.t).toBe(lostPing!.t + 1000);
    const [c] = closed(w);
    expect(c!.endpoint).toBe('client');
    expect(c!.t).toBe(missed!.t);
    expect(c!.event.type === 'closed' && [c!.event.code, c!.event.wasClean]).toEqual([1006, false]);
    expect(closeFrames(w)).toBe(0);
  });
  it('without a middlebox every pong comes in time: no note, no close', () => {
    const w = world(['ping every 1000 timeout 500', 'connect']);
    w.runUntil(10_000);
    expect(notes(w, 'pg.note.pongMissed')).toEqual([]);
    expect(closed(w)).toEqual([]);
  });
  it('ping off stops the timer: no ping after it', () => {
    const w = world(['ping every 1000 timeout 500', 'connect']);
    w.runUntil(2500);
    runCommand(w, { name: 'ping', heartbeat: null });
    const before = w.timeline.events.length;
    w.runUntil(10_000);
    expect(w.timeline.events.length).toBe(before);
  });
});

describe('the console’s words for it', () => {
  const error = (line: string): string | null => {
    const p = parseCommand(line);
    return p.ok ? null : p.error.id;
  };
  it('parses the forms the lesson uses', () => {
    expect(parseCommand('middlebox idle 60000 reset')).toEqual({
      ok: true,
      command: { name: 'middlebox', middlebox: { kind: 'idle-timeout', idleMs: 60_000, onIdle: 'reset' } },
    });
    expect(parseCommand('middlebox idle 60000')).toMatchObject({
      command: { middlebox: { onIdle: 'drop' } },
    });
    expect(parseCommand('middlebox nat 30000')).toMatchObject({
      command: { middlebox: { kind: 'nat', mappingMs: 30_000 } },
    });
    expect(parseCommand('middlebox off')).toMatchObject({ command: { middlebox: null } });
    expect(parseCommand('ping every 30000 timeout 10000')).toMatchObject({
      command: { name: 'ping', heartbeat: { everyMs: 30_000, timeoutMs: 10_000 } },
    });
    expect(parseCommand('ping every 30000')).toMatchObject({ command: { heartbeat: { timeoutMs: 15_000 } } });
    expect(parseCommand('ping off')).toMatchObject({ command: { name: 'ping', heartbeat: null } });
    // An ordinary ping is still one.
    expect(parseCommand('ping hello')).toMatchObject({ command: { name: 'ping', text: 'hello' } });
  });
  it('refuses with a sentence and the usage', () => {
    expect(error('middlebox')).toBe('con.err.middlebox');
    expect(error('middlebox idle 5')).toBe('con.err.middleboxMs');
    expect(error('middlebox idle 5000 maybe')).toBe('con.err.unexpected');
    expect(error('middlebox nat')).toBe('con.err.middlebox');
    expect(error('ping every')).toBe('con.err.heartbeat');
    expect(error('ping every 1000 timeout')).toBe('con.err.heartbeat');
    expect(error('ping every 1000 timeout 1000')).toBe('con.err.heartbeatDeadline');
    const p = parseCommand('middlebox sideways');
    expect(!p.ok && p.usage).toContain('middlebox idle');
  });
});
