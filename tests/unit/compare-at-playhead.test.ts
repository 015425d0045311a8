/**
 * The race's view state at the playhead (ui/compare/at-playhead.svelte.ts) is the model's own numbers,
 * found by binary search instead of a scan: at every 10 ms of the default run, and at every moment a
 * counter changes or an event is delivered, each lane's counters, delivered count and delay summary
 * equal what the Lane computes for that time. And a run computed in slices (the page's pacer pausing
 * after every action) is the run computed in one go.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Race, summarize, type Lane } from '../../src/sim/race/index.ts';
import { LaneAtPlayhead } from '../../src/ui/compare/at-playhead.svelte.ts';
import { Playback } from '../../src/ui/state/playback.svelte.ts';

let race: Race;
beforeAll(async () => {
  race = new Race({});
  race.run();
});

/** Every 10 ms, plus each time a counter changes or an event arrives, and a hair before each. */
function probeTimes(r: Race): number[] {
  const times = new Set<number>();
  for (let t = 0; t <= r.settings.duration; t += 10) times.add(t);
  for (const lane of r.lanes) {
    for (const s of lane.history) times.add(s.t).add(Math.max(0, s.t - 1e-6));
    for (const d of lane.deliveredAt) times.add(d).add(Math.max(0, d - 1e-6));
  }
  return [...times].sort((a, b) => a - b);
}

describe('LaneAtPlayhead: one lane at the playhead', () => {
  it('equals the Lane’s own counters, deliveries and delay summary at every probed time', () => {
    const playback = new Playback({ rate: 1, speed: 1, end: () => race.settings.duration });
    const at = race.lanes.map((lane) => new LaneAtPlayhead(lane, () => playback.playhead));
    const times = probeTimes(race);
    expect(times.length).toBeGreaterThan(3000);
    for (const t of times) {
      playback.seek(t);
      for (const a of at) {
        const lane: Lane = a.lane;
        expect(a.counters, `${lane.technique} at ${t}`).toBe(lane.at(t));
        expect(a.delivered, `${lane.technique} at ${t}`).toBe(lane.latenciesAt(t).length);
        expect(a.latency, `${lane.technique} at ${t}`).toEqual(summarize(lane.latenciesAt(t)));
      }
    }
  });
});

describe('a race computed in slices', () => {
  it('pausing after every action (the page’s pacer) changes nothing: same counters, history and bytes', async () => {
    const paced = new Race({});
    let pauses = 0;
    paced.clock.pacer = {
      sliceMs: 0,
      pause: () => {
        pauses++;
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    await paced.runPaced();
    expect(pauses).toBeGreaterThan(100);
    for (const [i, lane] of race.lanes.entries()) {
      const other = paced.lanes[i]!;
      expect(other.stats, lane.technique).toEqual(lane.stats);
      expect(other.history, lane.technique).toEqual(lane.history);
      expect(other.deliveredAt, lane.technique).toEqual(lane.deliveredAt);
      expect(other.timeline.events, lane.technique).toEqual(lane.timeline.events);
    }
  });
});
