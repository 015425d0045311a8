/**
 * Staying connected (issue 14, lesson 15): the rules the middlebox, backoff and resume models state.
 * Times are virtual numbers passed in; nothing here waits.
 */
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, herd, type BackoffPolicy } from '../../src/sim/backoff.ts';
import { Middlebox, heartbeatKeepsAlive } from '../../src/sim/middlebox.ts';
import { Inbox, Outbox } from '../../src/sim/resume.ts';
import { SeededRandom } from '../../src/sim/rng.ts';

describe('an idle timeout forgets a connection after exactly idleMs without a segment', () => {
  it('a segment at last + idle − 1 passes and refreshes; at last + idle the connection is gone', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 60_000, onIdle: 'drop' });
    expect(lb.cross(1, 'out', 0)).toBe('pass');
    expect(lb.expiresAt(1)).toBe(60_000);
    expect(lb.cross(1, 'in', 59_999)).toBe('pass');
    expect(lb.expiresAt(1)).toBe(119_999);
    expect(lb.forgot(1, 119_998)).toBe(false);
    expect(lb.forgot(1, 119_999)).toBe(true);
  });
  it('drop mode: everything after is dropped in both directions, and stays dropped', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 60_000, onIdle: 'drop' });
    lb.cross(1, 'out', 0);
    expect(lb.cross(1, 'out', 60_000)).toBe('drop');
    expect(lb.cross(1, 'in', 60_001)).toBe('drop');
    expect(lb.cross(1, 'out', 60_002)).toBe('drop');
  });
  it('RFC 9293 §3.10.7.1 reset mode: the next segment is answered with RST', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 350_000, onIdle: 'reset' });
    lb.cross(7, 'out', 1000);
    expect(lb.cross(7, 'in', 351_000)).toBe('reset-sender');
  });
  it('connections are forgotten one by one: another connection’s traffic does not keep this one alive', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 100, onIdle: 'drop' });
    lb.cross(1, 'out', 0);
    lb.cross(2, 'out', 0);
    lb.cross(2, 'out', 90);
    expect(lb.cross(2, 'out', 150)).toBe('pass');
    expect(lb.cross(1, 'out', 150)).toBe('drop');
  });
});

describe('a NAT that forgets its mapping (RFC 5382 REQ-5)', () => {
  it('after mappingMs, a segment from the server is dropped: the client never hears it', () => {
    const nat = new Middlebox({ kind: 'nat', mappingMs: 30_000 });
    nat.cross(1, 'out', 0);
    expect(nat.cross(1, 'in', 30_000)).toBe('drop');
  });
  it('…and a segment from the client leaves on a new port, so the server answers RST', () => {
    const nat = new Middlebox({ kind: 'nat', mappingMs: 30_000 });
    nat.cross(1, 'out', 0);
    expect(nat.cross(1, 'out', 45_000)).toBe('reset-sender');
  });
});

describe('a heartbeat keeps the path alive only if it beats the timeout', () => {
  it('pings every 30 s through a 60 s idle timeout: every ping and pong passes for 10 minutes', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 60_000, onIdle: 'drop' });
    const rtt = 80;
    lb.cross(1, 'out', 0);
    for (let t = 30_000; t <= 600_000; t += 30_000) {
      expect(lb.cross(1, 'out', t)).toBe('pass');
      expect(lb.cross(1, 'in', t + rtt)).toBe('pass');
    }
    expect(heartbeatKeepsAlive(30_000, 60_000, rtt)).toBe(true);
  });
  it('pings every 60 s through the same box: the first ping already finds the connection gone', () => {
    const lb = new Middlebox({ kind: 'idle-timeout', idleMs: 60_000, onIdle: 'drop' });
    lb.cross(1, 'out', 0);
    expect(lb.cross(1, 'out', 60_000)).toBe('drop');
    expect(heartbeatKeepsAlive(60_000, 60_000, 80)).toBe(false);
  });
});

describe('exponential backoff with full jitter', () => {
  const p: BackoffPolicy = { baseMs: 1000, capMs: 30_000, jitter: 'full' };
  it('the ceiling doubles from the base and stops at the cap: 1, 2, 4, 8, 16, 30, 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => backoffCeiling(k, p))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    expect(backoffCeiling(10_000, p)).toBe(30_000);
  });
  it('every jittered delay lies in [0, ceiling): 10,000 draws per attempt', () => {
    const rng = new SeededRandom(14);
    for (let k = 0; k < 8; k++)
      for (let i = 0; i < 10_000; i++) {
        const d = backoffDelay(k, p, rng);
        expect(d >= 0 && d < backoffCeiling(k, p)).toBe(true);
      }
  });
  it('full jitter spreads the delays over the whole range: each tenth of it gets 8–12 % of 10,000 draws', () => {
    const rng = new SeededRandom(15);
    const tenths = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) tenths[Math.floor(backoffDelay(3, p, rng) / 800)]!++;
    expect(Math.min(...tenths)).toBeGreaterThan(800);
    expect(Math.max(...tenths)).toBeLessThan(1200);
  });
  it('without jitter the delay is the ceiling itself, for every client alike', () => {
    const rng = new SeededRandom(1);
    expect(backoffDelay(2, { ...p, jitter: 'none' }, rng)).toBe(4000);
  });
});

describe('the thundering herd: 1,000 clients lose the server at once', () => {
  // Without jitter all 1,000 first attempts land at t = 1,000 ms: one 100 ms bucket holds them all.
  // With full jitter they spread over [0, 1,000) ms: 10 buckets of about 100 each.
  it('no jitter: the peak is all 1,000 in one 100 ms bucket', () => {
    const r = herd(1000, { baseMs: 1000, capMs: 30_000, jitter: 'none' }, new SeededRandom(101), 100);
    expect(r.peak).toBe(1000);
    expect(r.buckets.filter((n) => n > 0)).toEqual([1000]);
  });
  it('full jitter: no 100 ms bucket holds more than 130 (seed 101 gives the lesson’s figure)', () => {
    const r = herd(1000, { baseMs: 1000, capMs: 30_000, jitter: 'full' }, new SeededRandom(101), 100);
    expect(r.buckets.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(r.peak).toBeLessThanOrEqual(130);
    console.log(`herd, 1,000 clients, full jitter, seed 101: buckets ${r.buckets.join(' ')}, peak ${r.peak}`);
  });
});

describe('message ids and acknowledgements: nothing lost, nothing twice, across a reconnect', () => {
  it('the sender resends exactly the unacknowledged messages, and the receiver processes each once', () => {
    const out = new Outbox();
    const inbox = new Inbox();
    const sent = ['a', 'b', 'c', 'd', 'e', 'f'].map((b) => out.send(b));
    // Messages 1–4 arrive and are acked up to 3; the ack for 4 and messages 5–6 die with the connection (1006).
    for (const m of sent.slice(0, 4)) inbox.receive(m);
    out.ack(3);
    expect(out.unacked.map((m) => m.id)).toEqual([4, 5, 6]);
    // Reconnect: resend 4, 5, 6. 4 is a duplicate and is dropped; 5 and 6 are new.
    let ack = 0;
    for (const m of out.unacked) ack = inbox.receive(m);
    out.ack(ack);
    expect(inbox.processed).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(out.unacked).toEqual([]);
  });
});
