/**
 * Flow control in the simulated TCP (RFC 9293 §3.8.6): the receive buffer, the advertised window, the
 * sender held to it, the zero-window stall with its probes, and what `bufferedAmount` holds meanwhile.
 * Each test states the rule it checks; the expected figures are derived in a comment above them.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { segmentLabel } from '../../src/sim/describe.ts';
import { MAX_WINDOW, PERSIST_MAX_MS, PERSIST_MIN_MS } from '../../src/sim/tcp.ts';
import type { SegmentEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

function run(world: World, ...lines: string[]): void {
  for (const line of lines) {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(`${line}: ${JSON.stringify(p.error)}`);
    const r = runCommand(world, p.command);
    if (!r.ok) throw new Error(`${line}: ${JSON.stringify(r)}`);
  }
}

const segments = (w: World, from?: string): SegmentEvent[] =>
  w.timeline.events.filter((e): e is SegmentEvent => e.kind === 'segment' && (!from || e.from === from));

/** A client frame carrying 1,000 payload bytes: 2 header bytes, 2 of extended length (126), 4 of mask. */
const FRAME_1000 = 1000 + 8;

/** An echo world whose server has a `buffer`-byte receive buffer, opened and then read as `reader`. */
function opened(buffer: number, reader: string): World {
  const w = new World();
  run(w, `window ${buffer}`, 'connect /echo');
  w.runUntil(1000);
  run(w, `reader ${reader}`);
  return w;
}

/** Check an invariant after every action of the clock while the world runs to `t`. */
function watch(w: World, t: number, check: () => void): void {
  w.clock.afterEach = check;
  w.runUntil(t);
  w.clock.afterEach = null;
}

describe('RFC 9293 §3.8.6: the receive window', () => {
  it('every segment advertises buffer − unread bytes: never negative, never above the buffer', () => {
    const w = opened(4096, 'slow 10');
    run(w, 'flood 20 1000');
    const server = w.learner!.serverTcp;
    watch(w, 10_000, () => {
      expect(server.unread).toBeLessThanOrEqual(4096);
      expect(server.window).toBe(4096 - server.unread);
    });
    const windows = segments(w, 'server').map((s) => s.window);
    expect(Math.min(...windows)).toBe(0); // it did fill up
    expect(Math.max(...windows)).toBe(4096);
    for (const win of windows) expect(win).toBeGreaterThanOrEqual(0);
  });

  it('the sender never has more bytes in flight than the window the receiver last advertised', () => {
    const w = opened(3000, 'slow 7');
    run(w, 'flood 30 1000');
    const client = w.learner!.clientTcp;
    let maxInFlight = 0;
    watch(w, 20_000, () => {
      expect(client.inFlight).toBeLessThanOrEqual(client.peerWindow + 0); // equal is allowed, more is not
      maxInFlight = Math.max(maxInFlight, client.inFlight);
    });
    expect(maxInFlight).toBe(3000); // the window was used in full, not just respected
    // Every byte still arrives: 30 messages, echoed back to the client.
    const got = w.timeline.events.filter(
      (e) => e.kind === 'engine' && e.endpoint === 'client' && e.event.type === 'message',
    );
    expect(got).toHaveLength(30);
  });

  it('by default (65,535-byte buffer, an application that reads at once) every segment says win 65535', () => {
    // So a default world's timeline is the one it was before flow control (sim-fingerprint.test.ts).
    const w = new World();
    run(w, 'connect /echo');
    w.runUntil(1000);
    run(w, 'flood 10 1000');
    w.runUntil(5000);
    for (const s of segments(w)) expect(s.window).toBe(MAX_WINDOW);
    expect(segmentLabel(segments(w)[0]!)).toBe('SYN');
  });

  it('a 16-bit window: `window` takes 1…65,535 and refuses more (no window scaling, RFC 7323)', () => {
    expect(parseCommand('window 65535').ok).toBe(true);
    expect(parseCommand('window 1').ok).toBe(true);
    for (const bad of ['window 65536', 'window 0', 'window', 'window 4k', 'window 10 20']) {
      const p = parseCommand(bad);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error.id).toBe('con.err.window');
    }
  });

  it('the SYN advertises the buffer set before connect, and the diagram labels a small window', () => {
    const w = new World();
    run(w, 'window 4096', 'connect /echo');
    w.runUntil(500);
    const synAck = segments(w, 'server')[0]!;
    expect(synAck.window).toBe(4096);
    expect(segmentLabel(synAck)).toBe('SYN-ACK win=4096');
  });
});

describe('RFC 9293 §3.8.6.1: a zero window stalls the sender, and the persist timer probes it', () => {
  it('with a paused reader, bufferedAmount = bytes written − the buffer the window let through', () => {
    // 20 frames of 1,008 bytes = 20,160 bytes written; the 4,096-byte buffer takes 4,096 of them, and
    // nothing more can leave: 20,160 − 4,096 = 16,064 bytes wait in the client's send queue.
    const w = opened(4096, 'pause');
    run(w, 'flood 20 1000');
    // The first 4,096 bytes leave in the same instant as the writes (the window is open): the rest waits.
    expect(w.bufferedAmount).toBe(20 * FRAME_1000 - 4096);
    w.runUntil(5000);
    expect(w.learner!.serverTcp.unread).toBe(4096);
    expect(w.learner!.serverTcp.window).toBe(0);
    expect(w.bufferedAmount).toBe(20 * FRAME_1000 - 4096);
  });

  it('while the window is 0 only probes leave: one octet of new data, at 200, 400, 800 … ms, never taken', () => {
    const w = opened(4096, 'pause');
    run(w, 'flood 20 1000');
    w.runUntil(30_000);
    const zeroAt = segments(w, 'server').find((s) => s.window === 0)!.arriveT;
    const after = segments(w, 'client').filter((s) => s.t > zeroAt);
    // Every probe is the same octet at the same sequence number: the next byte the window holds back.
    expect(after.every((s) => s.payload.length === 1)).toBe(true);
    expect(new Set(after.map((s) => s.seq)).size).toBe(1);
    expect(new Set(after.map((s) => s.payload[0])).size).toBe(1);
    // Probe k leaves PERSIST_MIN_MS · (2^k − 1) + PERSIST_MIN_MS after the stall was seen: gaps double.
    const gaps = after.slice(1).map((s, i) => Math.round(s.t - after[i]!.t));
    expect(Math.round(after[0]!.t - zeroAt)).toBe(PERSIST_MIN_MS);
    expect(gaps).toEqual(gaps.map((_, i) => Math.min(PERSIST_MAX_MS, PERSIST_MIN_MS * 2 ** (i + 1))));
    expect(gaps.length).toBeGreaterThanOrEqual(5); // 200 + 400 + … + 6,400 < 30 s
    // Each probe is answered with an ACK that repeats the zero window and acknowledges nothing new:
    // the octet was dropped (§3.10.7.4), and the send queue still holds it.
    const answers = segments(w, 'server').filter((s) => s.t > zeroAt + 1);
    expect(answers).toHaveLength(after.length);
    expect(answers.every((s) => s.window === 0 && s.ack === after[0]!.seq)).toBe(true);
    expect(w.bufferedAmount).toBe(20 * FRAME_1000 - 4096);
    // The log says it once per stall, on each side.
    const notes = w.timeline.events.filter((e) => e.kind === 'note').map((e) => e.kind === 'note' && e.text);
    expect(notes).toEqual([
      { id: 'pg.note.bufferFull', params: { bytes: 4096 } },
      { id: 'pg.note.windowZero', params: { bytes: 20 * FRAME_1000 - 4096 } },
    ]);
  });

  it('when the application reads again, a window update reopens the flow and every message arrives', () => {
    const w = opened(4096, 'pause');
    run(w, 'flood 20 1000');
    w.runUntil(3000);
    run(w, 'reader fast');
    w.runUntil(10_000);
    expect(w.bufferedAmount).toBe(0);
    expect(w.learner!.serverTcp.unread).toBe(0);
    const echoed = w.timeline.events.filter(
      (e) => e.kind === 'engine' && e.endpoint === 'server' && e.event.type === 'message',
    );
    expect(echoed).toHaveLength(20);
  });
});

describe('RFC 9293 §3.8.6.1: a probe that finds room', () => {
  it('is taken, and the stream stays byte-exact when the same octet comes again with the data', () => {
    // 1 KB/s: 10 bytes every 10 ms, so a window update (≥ 1,460 bytes) waits 1.46 s, and the probes
    // at 200, 400, 800 ms after the stall find a few hundred bytes of room: their octet is accepted.
    const w = opened(4096, 'pause');
    run(w, 'flood 20 1000');
    w.runUntil(1500);
    run(w, 'reader slow 1');
    w.runUntil(60_000);
    const probes = segments(w, 'client').filter((s) => s.payload.length === 1);
    expect(probes.length).toBeGreaterThan(0);
    const taken = probes.filter((p) =>
      segments(w, 'server').some((s) => s.t >= p.arriveT && s.ack === (p.seq + 1) >>> 0),
    );
    expect(taken.length).toBeGreaterThan(0);
    // All 20 messages reach the server engine whole (a doubled or lost byte would break framing),
    // with the payloads as sent: "000…", "111…", …
    const got = w.timeline.events.flatMap((e) =>
      e.kind === 'engine' && e.endpoint === 'server' && e.event.type === 'message' ? [e.event.data] : [],
    );
    expect(got).toHaveLength(20);
    got.forEach((d, i) => {
      expect(d).toEqual(new Uint8Array(1000).fill(0x30 + (i % 10)));
    });
    expect(w.bufferedAmount).toBe(0);
  });
});

describe('RFC 9293 §3.8.6.2: silly window syndrome avoidance', () => {
  it('a slow reader announces its window only when it has grown by min(buffer / 2, MSS)', () => {
    // Buffer 4,096, MSS 1,460: a segment sent only to announce the window goes out when the window
    // has grown by 1,460 bytes or more since the last one, not after every 100-byte read.
    const w = opened(4096, 'slow 10');
    run(w, 'flood 20 1000');
    w.runUntil(5000);
    const server = segments(w, 'server');
    for (let i = 1; i < server.length; i++) {
      const s = server[i]!;
      const updateOnly = s.payload.length === 0 && !s.flags.fin && s.window > server[i - 1]!.window;
      if (updateOnly && server[i - 1]!.window === 0) expect(s.window).toBeGreaterThanOrEqual(1460);
    }
  });

  it('a sender with less window than a segment and more data waits rather than send a sliver', () => {
    // §3.8.6.2.1 decides *whether* to send: a full segment's worth of window (1,460), or half the
    // largest window offered (2,048), or everything that waits. Once it sends, the model fills the
    // usable window (so a burst may end in a short segment). The reader frees 100 bytes every 10 ms:
    // without the rule the client would send a 100-byte segment each time.
    const w = opened(4096, 'slow 10');
    run(w, 'flood 20 1000');
    w.runUntil(15_000);
    const bursts = new Map<number, SegmentEvent[]>();
    for (const s of segments(w, 'client'))
      if (s.payload.length > 1 && s.t > 1000) bursts.set(s.t, [...(bursts.get(s.t) ?? []), s]);
    expect(bursts.size).toBeGreaterThan(5);
    for (const burst of bursts.values()) {
      const bytes = burst.reduce((n, s) => n + s.payload.length, 0);
      const emptiesQueue = burst.at(-1)!.flags.psh;
      if (!emptiesQueue) expect(bytes).toBeGreaterThanOrEqual(1460);
    }
  });
});

describe('the console: reader and flood', () => {
  it.each([
    ['reader fast', { kind: 'instant' }],
    ['reader pause', { kind: 'paused' }],
    ['reader slow 10', { kind: 'rate', bytesPerSecond: 10_000 }],
  ])('%s', (line, reader) => {
    const p = parseCommand(line);
    expect(p.ok && p.command).toEqual({ name: 'reader', reader });
  });

  it.each(['reader', 'reader slow', 'reader slow 0', 'reader slow ten', 'reader fast 3', 'reader stop'])(
    '%s → a usage error, not a setting',
    (line) => {
      const p = parseCommand(line);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error.id).toBe('con.err.reader');
    },
  );

  it.each(['flood', 'flood 10', 'flood 0 10', 'flood 1001 1', 'flood 1 65537', 'flood 100 65536'])(
    '%s → refused with the bounds (at most 1 MiB in all)',
    (line) => {
      const p = parseCommand(line);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error.id).toBe('con.err.flood');
    },
  );

  it('flood before connect is refused by the world, not thrown', () => {
    const w = new World();
    const p = parseCommand('flood 2 10');
    expect(p.ok).toBe(true);
    if (p.ok) expect(runCommand(w, p.command)).toMatchObject({ ok: false });
  });
});
