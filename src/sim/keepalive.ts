/**
 * Lesson 15's judge: does a heartbeat every `everyMs` keep a connection alive through a load balancer
 * that forgets it after `idleMs` of silence? Not a formula: the seeded World runs it (middlebox on the
 * path, the client's heartbeat, connect) for `forMs` of virtual time, and the answer is what the
 * connection's state says at the end. The lesson's page passes this to the exercise check
 * (lessons/check.ts CheckEnv.keepalive); the shapes below match lessons/model.ts by structure, since
 * neither room may import the other.
 */
import { MAX_TIMER_MS, MIN_TIMER_MS } from './commands.ts';
import { World } from './world.ts';

export interface KeepaliveRun {
  readonly idleMs: number;
  readonly onIdle: 'drop' | 'reset';
  readonly forMs: number;
}

export type KeepaliveOutcome =
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly at: number }
  | { readonly kind: 'out-of-range'; readonly min: number; readonly max: number };

export function runKeepalive(spec: KeepaliveRun, everyMs: number): KeepaliveOutcome {
  if (!Number.isInteger(everyMs) || everyMs < MIN_TIMER_MS || everyMs > MAX_TIMER_MS)
    return { kind: 'out-of-range', min: MIN_TIMER_MS, max: MAX_TIMER_MS };
  const w = new World();
  w.setMiddlebox({ kind: 'idle-timeout', idleMs: spec.idleMs, onIdle: spec.onIdle });
  // The console's default deadline (half the interval): a pong is due long before the next ping.
  w.setHeartbeat({ everyMs, timeoutMs: Math.max(MIN_TIMER_MS, Math.floor(everyMs / 2)) });
  w.connect();
  w.runUntil(spec.forMs);
  const client = w.learner?.client;
  if (client?.state === 'OPEN') return { kind: 'open' };
  const closed = w.timeline.events.find(
    (e) => e.kind === 'engine' && e.endpoint === 'client' && e.event.type === 'closed',
  );
  return { kind: 'closed', at: closed?.t ?? w.now };
}
