/**
 * The transport race against hand-computed expectations. One-way latency L, bandwidth so high that
 * transmission time is negligible (≤ EPS), HTTP keep-alive unless said otherwise.
 */
import { describe, expect, it } from 'vitest';
import { Race, makeSchedule, type RaceSettings } from '../../src/sim/race/index.ts';
import { SseParser } from '../../src/sim/sse.ts';

const L = 50;
const EPS = 0.5;
const fast: Partial<RaceSettings> = { latency: L, bandwidth: 1e6, duration: 30_000 };

async function run(settings: Partial<RaceSettings>) {
  const race = new Race({ ...fast, ...settings });
  race.run();
  return race;
}

describe('short polling every P', () => {
  // A poll leaves at k·P and reaches the server at k·P + L; an event at e is answered by the first poll
  // to arrive at or after e and reaches the client L later. So L ≤ latency ≤ P + L.
  it.each([true, false])(
    'delivers every event between L and P + L after it happens (keep-alive %s)',
    async (keepAlive) => {
      const P = 2000;
      const race = await run({ schedule: 'random', rate: 2, pollInterval: P, keepAlive });
      const s = race.lane('polling')!.stats;
      expect(s.delivered).toBeGreaterThan(30);
      for (const l of s.latencies) {
        expect(l).toBeGreaterThanOrEqual(L - EPS);
        expect(l).toBeLessThanOrEqual(P + L + EPS);
      }
    },
  );

  it('sends ⌊D / P⌋ + 1 requests whatever happens, most of them answered empty when events are rare', async () => {
    // Events every 5 s (regular schedule at 0.2/s, first at 2.5 s); polls at 0, 1 s, … 30 s: 31 of them.
    // The last is still on its way at the end; of the 30 answered, 6 carry an event each.
    const race = await run({ schedule: 'regular', rate: 0.2, pollInterval: 1000 });
    const s = race.lane('polling')!.stats;
    expect(race.events).toHaveLength(6);
    expect(s.requests).toBe(31);
    expect(s.emptyResponses).toBe(30 - 6);
  });

  it('without keep-alive every poll opens its own TCP connection', async () => {
    const race = await run({ schedule: 'regular', rate: 0.2, pollInterval: 1000, keepAlive: false });
    const s = race.lane('polling')!.stats;
    expect(s.connections).toBe(s.requests);
  });

  it('the cookie is paid again by every request', async () => {
    const base = (await run({ schedule: 'regular', rate: 0.2, pollInterval: 1000, cookieBytes: 0 })).lane(
      'polling',
    )!.stats;
    const heavy = (await run({ schedule: 'regular', rate: 0.2, pollInterval: 1000, cookieBytes: 1000 })).lane(
      'polling',
    )!.stats;
    expect(heavy.headerBytes - base.headerBytes).toBe(31 * 1000); // the whole Cookie line, 31 times
  });
});

describe('long polling with timeout T', () => {
  it('with no events: one request per idle T + 2L, each answered empty', async () => {
    // A held request is answered empty after T; the answer takes L back, the next request L out.
    // Requests sent by D: ⌊D / (T + 2L)⌋ + 1 = ⌊30000 / 10100⌋ + 1 = 3, of which 2 were answered.
    const race = await run({ schedule: 'regular', rate: 0.001, longPollTimeout: 10_000 });
    const s = race.lane('long-polling')!.stats;
    expect(race.events).toHaveLength(0);
    expect(s.requests).toBe(3);
    expect(s.emptyResponses).toBe(2);
  });

  it('with events spaced further apart than T: one request per event plus one per idle T', async () => {
    // Events every 4 s from 2 s, T = 3 s. The first request is answered by the event at 2 s; after
    // that each 4 s gap holds a request that times out (3 s) and then one that the event answers.
    const race = await run({ schedule: 'regular', rate: 0.25, longPollTimeout: 3000, duration: 20_000 });
    const s = race.lane('long-polling')!.stats;
    expect(race.events).toHaveLength(5);
    expect(s.delivered).toBe(5);
    expect(s.emptyResponses).toBe(4); // one idle timeout in each gap after the first
    expect(s.requests).toBe(5 + 4 + 1); // per event, per timeout, and the one still held at the end
  });

  it('delivers an event L after it happens when a request is waiting, and never later than 3L', async () => {
    // If the event comes while the previous answer and the next request are on the wire (2L), it waits
    // for the request. (Before the first request reaches the server — TCP's handshake first — more.)
    const race = await run({ schedule: 'random', rate: 1, longPollTimeout: 10_000 });
    const lane = race.lane('long-polling')!;
    const early = race.events.filter((e) => e.t < 1000).length;
    for (const l of lane.stats.latencies.slice(early)) {
      expect(l).toBeGreaterThanOrEqual(L - EPS);
      expect(l).toBeLessThanOrEqual(3 * L + EPS);
    }
  });
});

describe('streaming, SSE and WebSocket: the connection stays open', () => {
  it.each(['streaming', 'sse', 'websocket'] as const)(
    '%s delivers every event after the opening exactly L later',
    async (t) => {
      const race = await run({ schedule: 'random', rate: 1 });
      const lane = race.lane(t)!;
      const late = race.events.filter((e) => e.t > 1000); // the stream is open well before 1 s
      expect(lane.stats.delivered).toBe(race.events.length);
      const lat = lane.stats.latencies.slice(race.events.length - late.length);
      for (const l of lat) expect(l).toBeCloseTo(L, 0);
    },
  );

  it('SSE reconnects after `retry` when the stream drops, with Last-Event-ID, and loses nothing', async () => {
    const race = await run({ schedule: 'regular', rate: 1, sseRetry: 2000, sseDropAt: 10_000 });
    const lane = race.lane('sse')!;
    expect(lane.stats.reconnects).toBe(1);
    expect(lane.stats.delivered).toBe(race.events.length);
    const gets = lane.timeline.events.filter(
      (e) => e.kind === 'http' && e.message.kind === 'request' && e.message.method === 'GET',
    );
    expect(gets).toHaveLength(2);
    const second = gets[1]!;
    if (second.kind !== 'http' || second.message.kind !== 'request') throw new Error();
    const lastBeforeDrop = race.events.filter((e) => e.t + L < 10_000).at(-1)!.id;
    expect(second.message.headers.find((h) => h.name === 'Last-Event-ID')?.value).toBe(
      String(lastBeforeDrop),
    );
    // The drop (FIN) reaches the client at 10 000 + L; the new connection's SYN leaves `retry` later.
    const syns = lane.timeline.events.filter(
      (e) => e.kind === 'segment' && e.flags.syn && !e.flags.ack && e.from === 'client' && e.t > 9000,
    );
    expect(syns[0]!.t).toBeCloseTo(10_000 + L + 2000, 0);
  });

  it('WebSocket’s per-message overhead is the frame header: 2 bytes for a short unmasked text frame', async () => {
    const race = await run({ schedule: 'random', rate: 2 });
    const lane = race.lane('websocket')!;
    const handshake = lane.timeline.events
      .filter((e) => e.kind === 'http')
      .reduce((n, e) => n + (e.kind === 'http' ? e.bytes.length : 0), 0);
    expect(lane.stats.headerBytes - handshake).toBe(2 * race.events.length);
    expect(lane.stats.requests).toBe(1);
    expect(lane.stats.connections).toBe(1);
  });
});

describe('upstream: what SSE cannot do and polling pays for', () => {
  it('HTTP lanes send every client message as a POST; WebSocket as a frame on the same connection', async () => {
    const race = await run({ schedule: 'regular', rate: 0.2, upstreamEvery: 3000 });
    for (const lane of race.lanes) expect(lane.stats.upstreamDelivered).toBe(9);
    expect(race.lane('websocket')!.stats.connections).toBe(1);
    expect(race.lane('sse')!.stats.requests).toBe(1 + 9); // the stream plus one POST per message
  });
});

describe('counters over time', () => {
  it('at(t) gives the counters as they stood then; at the end they equal the totals', async () => {
    const race = await run({ schedule: 'random', rate: 1 });
    for (const lane of race.lanes) {
      const end = lane.at(race.settings.duration);
      expect(end.requests).toBe(lane.stats.requests);
      expect(end.headerBytes).toBe(lane.stats.headerBytes);
      expect(end.delivered).toBe(lane.stats.delivered);
      expect(lane.at(-1).requests).toBe(0);
      const mid = lane.at(15_000);
      expect(mid.delivered).toBeLessThanOrEqual(end.delivered);
      expect(lane.latenciesAt(15_000)).toHaveLength(mid.delivered);
    }
  });
});

describe('schedules and the SSE parser', () => {
  it('the same seed gives the same events for every lane and every run', () => {
    const a = makeSchedule({ seed: 3, schedule: 'bursty', rate: 2, duration: 10_000 });
    const b = makeSchedule({ seed: 3, schedule: 'bursty', rate: 2, duration: 10_000 });
    expect(a.map((e) => e.t)).toEqual(b.map((e) => e.t));
  });
  it('parses fields as the HTML standard says: data lines joined, id, retry, comments ignored', () => {
    const p = new SseParser();
    expect(p.push(': hi\nretry: 3000\n\nid: 7\ndata: a\ndata:b\n\n')).toEqual([
      { data: null, id: null, retry: 3000 },
      { data: 'a\nb', id: '7', retry: null },
    ]);
  });
});
