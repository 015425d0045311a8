/**
 * The page tests/e2e/sandbox.test.ts drives: built by Vite like the site (the sandbox runtime plugin,
 * public/build-sandbox.html), served under the site's Content-Security-Policy, with the page-side
 * sandbox host loaded lazily as the #/build page loads it. The test calls `harness.run` through CDP.
 */
import type { HostEvent, HostFailure, HostReply } from '../../../src/build/host.ts';
import type { SandboxOptions } from '../../../src/build/sandbox/host.ts';

/** One step of a run: an event for a connection, or a pause of the page (real time). */
export type Step =
  | { readonly conn: number; readonly kind: 'open' }
  | { readonly conn: number; readonly kind: 'data'; readonly text: string }
  | { readonly conn: number; readonly kind: 'end' }
  | { readonly conn: number; readonly kind: 'close' }
  | { readonly kind: 'wait'; readonly ms: number }
  /** Data whose reply arrives while the page's own thread is blocked for `busyMs` (it must not be
   * taken for a dead sandbox). */
  | {
      readonly conn: number;
      readonly kind: 'data-while-busy';
      readonly text: string;
      readonly busyMs: number;
    };

/** A reply as JSON: written bytes as text (latin1-safe for the tests' ASCII) and their length. */
export type ReplyJson =
  | {
      readonly ok: true;
      readonly actions: { conn: number; kind: string; text?: string; length?: number }[];
      readonly logs: readonly string[];
    }
  | { readonly ok: false; readonly failure: HostFailure };

export interface RunResult {
  readonly load: { ok: true } | { ok: false; failure: HostFailure };
  readonly replies: ReplyJson[];
  /** Page time the run took, and the longest pause of the page's own 50 ms timer meanwhile. */
  readonly ms: number;
  readonly longestPageGapMs: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toEvent(step: Exclude<Step, { kind: 'wait' }>): HostEvent {
  switch (step.kind) {
    case 'open':
      return { kind: 'open', remoteAddress: '10.0.0.2', remotePort: 50000 + step.conn };
    case 'data':
    case 'data-while-busy':
      return { kind: 'data', bytes: encoder.encode(step.text) };
    case 'end':
      return { kind: 'end' };
    case 'close':
      return { kind: 'close', hadError: false };
  }
}

function toJson(reply: HostReply): ReplyJson {
  if (!reply.ok) return reply;
  return {
    ok: true,
    logs: reply.logs,
    actions: reply.actions.map(({ conn, action }) =>
      action.kind === 'write'
        ? { conn, kind: 'write', text: decoder.decode(action.bytes), length: action.bytes.length }
        : { conn, kind: action.kind },
    ),
  };
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
);

// The page's own timer: if anything of the learner's ran on this thread, its gaps would show it.
let lastTick = performance.now();
let longestGap = 0;
setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - lastTick);
  lastTick = now;
}, 50);

const factories = new Map<string, Awaited<ReturnType<typeof makeFactory>>>();
async function makeFactory(options: SandboxOptions) {
  const { sandboxHostFactory } = await import('../../../src/build/sandbox/host.ts');
  return sandboxHostFactory(options);
}

const harness = {
  violations,
  /** Loads `source` (into the sandbox for these options: one iframe each) and runs the steps. */
  async run(source: string, steps: Step[], options: SandboxOptions = {}): Promise<RunResult> {
    const key = JSON.stringify(options);
    let factory = factories.get(key);
    if (!factory) factories.set(key, (factory = await makeFactory(options)));
    const t0 = performance.now();
    longestGap = 0;
    lastTick = t0;
    const loaded = await factory(source);
    const replies: ReplyJson[] = [];
    if (loaded.ok) {
      for (const step of steps) {
        if (step.kind === 'wait') {
          await new Promise((r) => setTimeout(r, step.ms));
          continue;
        }
        const pending = loaded.host.deliver(step.conn, toEvent(step));
        if (step.kind === 'data-while-busy') {
          const until = performance.now() + step.busyMs;
          while (performance.now() < until); // the page itself busy: no timer, no message handled
        }
        const reply = await pending;
        replies.push(toJson(reply));
        if (!reply.ok) break;
      }
      loaded.host.dispose();
    }
    return {
      load: loaded.ok ? { ok: true } : { ok: false, failure: loaded.failure },
      replies,
      ms: Math.round(performance.now() - t0),
      longestPageGapMs: Math.round(longestGap),
    };
  },
  /** How many sandbox iframes the page has (one per options set; a crashed one is replaced). */
  frames(): number {
    return document.querySelectorAll('iframe[sandbox]').length;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.title = 'ready';
