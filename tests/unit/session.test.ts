/** The playground session: commands feed the World, the playhead plays the Timeline back. */
import { describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../../src/ui/playground/session.svelte.ts';
import type { TimelineEvent } from '../../src/sim/timeline.ts';
import { renderText } from '../../src/i18n/text.ts';

describe('PlaygroundSession', () => {
  it('runs console lines and reveals events only as the playhead reaches them', async () => {
    const s = new PlaygroundSession();
    const seen: TimelineEvent[] = [];
    s.onReveal((batch) => seen.push(...batch));
    expect(await s.command('connect')).toMatchObject({ kind: 'ok' });
    expect(s.events.length).toBeGreaterThan(10);
    expect(seen.length).toBeLessThan(5); // nothing has been played yet
    await s.advance(1000, false); // 1 s real at 1× = 100 ms virtual
    expect(s.playhead).toBeGreaterThan(0);
    await s.advance(60_000, false);
    expect(s.playhead).toBe(s.end);
    expect(seen.length).toBe(s.events.length);
  });

  it('stepping backwards restores the earlier moment; nothing is re-run', async () => {
    const s = new PlaygroundSession();
    await s.command('connect');
    await s.advance(0, true); // reduced motion: jump to the end
    const count = s.events.length;
    const end = s.playhead;
    s.step(-1);
    expect(s.playhead).toBeLessThan(end);
    expect(s.playing).toBe(false);
    s.step(1);
    expect(s.playhead).toBe(end);
    expect(s.events.length).toBe(count);
  });

  it('bad lines are refused with their usage; console verbs are answered by the console', async () => {
    const s = new PlaygroundSession();
    expect(await s.command('send')).toMatchObject({ kind: 'refused', usage: 'send <text>' });
    const refused = await s.command('send hi');
    expect(refused.kind).toBe('refused');
    if (refused.kind === 'refused') expect(renderText('en', refused.message)).toMatch(/connect/);
    expect(await s.command('dump on')).toMatchObject({ kind: 'console' });
    expect(s.dump).toBe(true);
    await s.command('connect');
    await s.command('reset');
    expect(s.events.length).toBe(0);
  });

  it('a ticker keeps producing as the playhead moves', async () => {
    const s = new PlaygroundSession({ server: 'ticker', tickEvery: 500 });
    await s.command('connect');
    for (let i = 0; i < 40; i++) await s.advance(1000, false);
    const ticks = s.events.filter((e) => e.kind === 'frame' && e.from === 'server' && e.frame.opcode === 1);
    expect(ticks.length).toBeGreaterThan(3);
  });
});

describe('PlaygroundSession live edge', () => {
  it('is live again once playing reaches the end after a scrub back', async () => {
    const s = new PlaygroundSession();
    await s.command('connect');
    await s.advance(0, true);
    s.seek(10);
    expect(s.live).toBe(false);
    s.playing = true;
    await s.advance(0, true);
    expect(s.playhead).toBe(s.end);
    expect(s.live).toBe(true);
  });
});

describe('PlaygroundSession in reduced motion', () => {
  it('a ticker is paced as in normal motion, and nothing is ever caught in flight', async () => {
    const s = new PlaygroundSession({ server: 'ticker', tickEvery: 1000 });
    await s.command('connect');
    const inFlight = () =>
      s.events.some((e) => 'arriveT' in e && e.sendT <= s.playhead && e.arriveT > s.playhead);
    // Ten seconds of frames at 60 Hz.
    for (let i = 0; i < 600; i++) {
      await s.advance(1000 / 60, true);
      expect(inFlight()).toBe(false);
    }
    const ticks = s.events.filter(
      (e) => e.kind === 'frame' && e.from === 'server' && e.frame.opcode === 1 && e.t <= s.playhead,
    );
    // Normal motion shows a tick about every 0.8 s (its flight at 1×, the quiet second skipped).
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThan(30);
  });

  it('a finite story jumps straight to its end', async () => {
    const s = new PlaygroundSession();
    await s.command('connect');
    await s.command('close 1000 bye');
    await s.advance(16, true);
    expect(s.playhead).toBe(s.end);
  });
});

describe('PlaygroundSession commands from the past', () => {
  it('a command typed while looking at the past brings the view back to now first', async () => {
    const s = new PlaygroundSession();
    await s.command('connect');
    await s.advance(0, true);
    const now = s.playhead;
    s.step(-1);
    s.step(-1);
    expect(s.live).toBe(false);
    await s.command('send hi');
    expect(s.playhead).toBeGreaterThanOrEqual(now);
    expect(s.live).toBe(true);
    expect(s.playing).toBe(true);
  });
});
