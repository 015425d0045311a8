/**
 * Lesson 15 (staying connected): every exercise's answer and the lesson's herd table are recomputed
 * from the simulator's models (src/sim/backoff.ts, resume.ts, middlebox.ts), so the text cannot drift
 * from what the models say; and a known wrong answer is refused with its nudge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/lessons/check.ts';
import { LANGS, solutionOf, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { backoffCeiling, herd } from '../../src/sim/backoff.ts';
import { heartbeatKeepsAlive } from '../../src/sim/middlebox.ts';
import { Inbox, Outbox } from '../../src/sim/resume.ts';
import { SeededRandom } from '../../src/sim/rng.ts';
import { runKeepalive } from '../../src/sim/keepalive.ts';

const FILE = '15-staying-connected.md';
const source = (lang: Lang): string =>
  readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
function exercises(lang: Lang): Exercise[] {
  const r = parseLesson(source(lang), lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson.blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exercise] : []));
}
const exercise = (lang: Lang, id: string): Exercise => exercises(lang).find((e) => e.id === id)!;

describe('lesson 15: every solution is accepted, in both languages', () => {
  for (const lang of LANGS)
    for (const ex of exercises(lang))
      it(`${lang}: ${ex.id}`, () =>
        expect(checkExercise(ex, solutionOf(ex), { keepalive: runKeepalive })).toEqual({ ok: true }));
});

describe('the answers are the models’ own', () => {
  it('backoff-ceiling: min(30 s, 500 ms × 2^5) from backoff.ts', () => {
    const want = backoffCeiling(5, { baseMs: 500, capMs: 30_000, jitter: 'none' });
    for (const lang of LANGS) {
      const ex = exercise(lang, 'backoff-ceiling');
      expect(ex.kind === 'number' && ex.answer).toBe(want);
      expect(checkExercise(ex, '16,000 ms')).toEqual({ ok: true });
      const wrong = checkExercise(ex, '8000');
      expect(!wrong.ok && wrong.nudge).toBeTruthy();
    }
  });

  it('resend-count: the Outbox keeps exactly the unacknowledged messages', () => {
    const out = new Outbox();
    const inbox = new Inbox();
    const sent = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => out.send(`m${i}`));
    for (const m of sent.slice(0, 7)) inbox.receive(m); // the server processed 1–7
    out.ack(5); // …but the last ack the client saw says 5
    for (const lang of LANGS) {
      const ex = exercise(lang, 'resend-count');
      expect(ex.kind === 'number' && ex.answer).toBe(out.unacked.length);
      const wrong = checkExercise(ex, '2');
      expect(!wrong.ok && wrong.nudge).toBeTruthy();
    }
    let ack = 0;
    for (const m of out.unacked) ack = inbox.receive(m);
    expect(ack).toBe(9);
    expect(inbox.processed).toHaveLength(9);
  });

  it('why-1006: the heartbeat option holds by the middlebox model (30 s + a round trip < 60 s)', () => {
    expect(heartbeatKeepsAlive(30_000, 60_000, 100)).toBe(true);
    for (const lang of LANGS) {
      const wrong = checkExercise(exercise(lang, 'why-1006'), [0, 2, 3]);
      expect(!wrong.ok && wrong.nudge).toMatch(/7\.4\.1/);
    }
  });

  it('the herd table: the peaks the lesson prints are herd()’s, with seed 101', () => {
    const none = herd(1000, { baseMs: 1000, capMs: 30_000, jitter: 'none' }, new SeededRandom(101), 100);
    const full = herd(1000, { baseMs: 1000, capMs: 30_000, jitter: 'full' }, new SeededRandom(101), 100);
    const used = (b: readonly number[]): number => b.filter((n) => n > 0).length;
    for (const lang of LANGS) {
      const text = source(lang);
      expect(text).toMatch(new RegExp(`\\| ${none.peak.toLocaleString('en')} \\| ${used(none.buckets)} `));
      expect(text).toMatch(new RegExp(`\\| ${full.peak} \\| ${used(full.buckets)} \\|`));
    }
  });
});

describe('keepalive-interval is judged by the simulator (sim/keepalive.ts), not by comparing numbers', () => {
  const env = { keepalive: runKeepalive };
  for (const lang of LANGS) {
    it(`${lang}: 30,000 ms and 59,000 ms keep a 60 s idle timeout from firing for 10 minutes; 60,000 and 90,000 do not`, () => {
      const ex = exercise(lang, 'keepalive-interval');
      expect(checkExercise(ex, '30000', env)).toEqual({ ok: true });
      expect(checkExercise(ex, '59,000 ms', env)).toEqual({ ok: true });
      const at60 = checkExercise(ex, '60000', env);
      expect(!at60.ok && at60.nudge).toBeTruthy();
      const at90 = checkExercise(ex, '90000', env);
      expect(!at90.ok && at90.reason.id).toBe('ls.check.keepaliveDied');
      // Not on the list of known mistakes, and still refused by the run, not by a comparison.
      const at75 = checkExercise(ex, '75000', env);
      expect(!at75.ok && at75.reason.id).toBe('ls.check.keepaliveDied');
      const tiny = checkExercise(ex, '5', env);
      expect(!tiny.ok && tiny.reason.id).toBe('ls.check.keepaliveRange');
    });
  }
  it('without the simulator the check says so instead of guessing', () => {
    const r = checkExercise(exercise('en', 'keepalive-interval'), '30000');
    expect(!r.ok && r.reason.id).toBe('ls.check.noSimulator');
  });
  it('the run: a 60,000 ms interval dies at 60,160 ms (the box forgets 60 s after the open’s last ACK)', () => {
    // The client's last segment before the silence is the ACK of the 101 at 160.4 ms; the first ping
    // would leave at that same 160.4 + 60,000, the instant the box has already forgotten.
    const r = runKeepalive({ idleMs: 60_000, onIdle: 'reset', forMs: 600_000 }, 60_000);
    expect(r.kind).toBe('closed');
    expect(r.kind === 'closed' && Math.round(r.at)).toBe(60_200);
  });
});
