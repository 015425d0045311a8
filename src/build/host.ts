/**
 * How the grader talks to "the learner's server", wherever it runs: in a sandbox in the page
 * (sandbox/), or in the same thread (in-process.ts, for Node tests). The grader owns virtual time and
 * TCP; a host only carries socket events to the learner's `onConnection` code and brings back what that
 * code did with its socket. Everything crossing this boundary is plain data (it crosses postMessage).
 */

/** One accepted TCP connection, numbered by the grader. */
export type ConnId = number;

/** What happens to the learner's socket, in the order Node's `net.Socket` would emit it. */
export type HostEvent =
  | { readonly kind: 'open'; readonly remoteAddress: string; readonly remotePort: number }
  | { readonly kind: 'data'; readonly bytes: Uint8Array }
  /** The client sent FIN ('end'); the socket then ends its own side (Node's allowHalfOpen: false). */
  | { readonly kind: 'end' }
  /** The connection is gone ('close'); `hadError` for a reset. */
  | { readonly kind: 'close'; readonly hadError: boolean };

/** What the learner's code did with its socket. */
export type SocketAction =
  | { readonly kind: 'write'; readonly bytes: Uint8Array }
  | { readonly kind: 'end' }
  | { readonly kind: 'destroy' };

export interface ConnAction {
  readonly conn: ConnId;
  readonly action: SocketAction;
}

/** Where in the learner's file something happened (1-based, as editors count). */
export interface SourceAt {
  readonly line: number;
  readonly column: number;
}

/**
 * Why a run of the learner's code ended early. Every kind is a lesson the page can phrase (build.*.ts):
 * none of them is an exception that escapes.
 */
export type HostFailure =
  /** The file does not parse: shown as an editor marker before anything runs. */
  | { readonly kind: 'syntax'; readonly message: string; readonly at: SourceAt }
  /** It imports something other than node:crypto / node:buffer (or uses import()). */
  | { readonly kind: 'import'; readonly specifier: string; readonly at: SourceAt }
  /** The module has no default export, or it is not a function. */
  | { readonly kind: 'no-handler'; readonly found: string }
  /** The module threw while it was being evaluated (top-level code). */
  | { readonly kind: 'load-threw'; readonly message: string; readonly at: SourceAt | null }
  /** A handler (or onConnection itself) threw. */
  | { readonly kind: 'threw'; readonly message: string; readonly at: SourceAt | null }
  /** A promise the code made was rejected and nobody handled it. */
  | { readonly kind: 'rejected'; readonly message: string; readonly at: SourceAt | null }
  /** "Maximum call stack size exceeded". */
  | { readonly kind: 'stack'; readonly at: SourceAt | null }
  /** An allocation failed, or the sandbox's process died (the browser ran out of memory for it). */
  | { readonly kind: 'memory'; readonly message: string }
  /** The code did not give control back within `ms` of real time (an endless loop). */
  | { readonly kind: 'timeout'; readonly ms: number }
  /** It wrote (or logged) more than `limit` bytes in one run. */
  | { readonly kind: 'output'; readonly limit: number }
  /** The sandbox could not start (a host that blocks it: docs/deploy.md says which headers it needs). */
  | { readonly kind: 'sandbox'; readonly message: string };

export type HostReply =
  | {
      readonly ok: true;
      /** For every connection the code acted on (a server may write to another one), each in the order done. */
      readonly actions: readonly ConnAction[];
      /** What the code printed with console.log/warn/error meanwhile, a line each. */
      readonly logs: readonly string[];
    }
  | { readonly ok: false; readonly failure: HostFailure };

/**
 * A loaded learner module. `deliver` resolves once the code is idle again: its handlers returned, its
 * promise jobs ran, and a zero-delay timer turn passed; anything it writes later comes with the next
 * reply. After a failure the host is dead: every later call resolves with the same failure.
 */
export interface ServerHost {
  deliver(conn: ConnId, event: HostEvent): Promise<HostReply>;
  dispose(): void;
}

/** Loads the learner's source into a fresh host (a fresh module instance: no state from earlier stages). */
export type HostFactory = (
  source: string,
) => Promise<
  { readonly ok: true; readonly host: ServerHost } | { readonly ok: false; readonly failure: HostFailure }
>;

/** Bytes written and logged per run before it is stopped: a runaway writer ends with a message. */
export const OUTPUT_LIMIT = 1 << 20;
/** Lines of console output kept per reply (the rest are counted, not kept). */
export const LOG_LINES_KEPT = 200;
