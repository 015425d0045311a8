/**
 * The worker that runs the learner's module: one worker per loaded host (a fresh module instance, and
 * no timer of an earlier stage still running), started by the frame (frame.ts) from the runtime's blob.
 *
 * The same semantics as in-process.ts, which the grader's Node tests use: an event is delivered, the
 * handlers run, two zero-delay timer turns pass (promise jobs and setTimeout(…, 0) work run), and the
 * reply carries the socket actions and console lines since the last one. Errors become HostFailures
 * (failure.ts); after one, every later reply repeats it.
 *
 * Node's world as a server file expects it: `import … from 'node:crypto' | 'node:buffer'` are blob
 * modules re-exporting the shims (shims.ts), `Buffer` is a global, chunks arrive as Buffers, console
 * output is captured. What the worker does not have — the DOM, storage, the network — the frame's
 * Content-Security-Policy (connect-src 'none') and the opaque origin take away.
 */
import { Buffer } from 'buffer/';
import { failureOf } from '../failure.ts';
import {
  OUTPUT_LIMIT,
  type ConnAction,
  type ConnId,
  type HostEvent,
  type HostFailure,
  type HostReply,
} from '../host.ts';
import { LearnerSocket, RunOutput } from '../socket.ts';
import { formatLog } from './format.ts';
import { nodeBuffer } from './node-buffer.ts';
import { nodeCrypto } from './node-crypto.ts';
import { readWorkerRequest, type LoadResult, type WorkerAnswer } from './protocol.ts';
import {
  SHIM_GLOBAL,
  SHIM_IMPORTS_MARKER,
  shimModuleSource,
  shimPlaceholder,
  type ShimName,
} from './shims.ts';

/** Thrown into the learner's code at the write (or log) that crosses OUTPUT_LIMIT: the run ends there. */
class OutputLimitReached extends Error {
  constructor() {
    super(`more than ${OUTPUT_LIMIT} bytes written or logged in one run`);
    this.name = 'OutputLimitReached';
  }
}

/**
 * RunOutput that stops a runaway writer at the limit instead of after its handler returns: a
 * `for (;;) socket.write(x)` would otherwise fill the worker's memory until the deadline. RunOutput
 * counts with `this.bytes += n` (socket.ts), so the count becomes an accessor that throws past the limit.
 */
class LimitedOutput extends RunOutput {
  constructor(onLimit: () => void) {
    super();
    let bytes = 0;
    Object.defineProperty(this, 'bytes', {
      get: () => bytes,
      set: (n: number) => {
        bytes = n;
        if (n > OUTPUT_LIMIT) {
          onLimit();
          throw new OutputLimitReached();
        }
      },
    });
  }
}

/** The platform functions the runtime needs, taken before the learner's code can replace them. */
const platform = {
  Promise: globalThis.Promise,
  setTimeout: globalThis.setTimeout.bind(globalThis),
  createObjectURL: URL.createObjectURL.bind(URL),
  Blob: globalThis.Blob,
};

/** Characters of a failure's message kept (the rest of a huge thrown string is cut). */
const MESSAGE_KEPT = 2000;

const idle = (): Promise<void> => new platform.Promise((resolve) => platform.setTimeout(resolve, 0));

/** What the runtime uses of a dedicated worker's global scope (tsconfig has the DOM lib, not WebWorker). */
export interface WorkerScope {
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', fn: (e: PromiseRejectionEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

type OnConnection = (socket: LearnerSocket) => unknown;

class LearnerModule {
  #moduleUrl = '';
  #onConnection: OnConnection | null = null;
  #failure: HostFailure | null = null;
  readonly #sockets = new Map<ConnId, LearnerSocket>();
  readonly #output = new LimitedOutput(() => this.#fail({ kind: 'output', limit: OUTPUT_LIMIT }));

  constructor(scope: WorkerScope) {
    // An error thrown in a timer callback, or a rejection nobody handles: Node would crash the
    // process; here the run ends with it (the next reply carries it).
    scope.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.#fail(failureOf('threw', e.error ?? e.message, this.#moduleUrl));
    });
    scope.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
      e.preventDefault();
      this.#fail(failureOf('rejected', e.reason, this.#moduleUrl));
    });
    const log = (...args: unknown[]) => {
      let line: string;
      try {
        line = formatLog(args);
      } catch {
        line = args.map((a) => String(a)).join(' ');
      }
      this.#output.log(line);
    };
    for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[name] = log;
    // Node has Buffer as a global; a server file written for Node may use it without importing it.
    (globalThis as { Buffer?: unknown }).Buffer = Buffer;
  }

  async load(module: string): Promise<LoadResult> {
    const shims: Record<ShimName, string> = { crypto: '', buffer: '' };
    (globalThis as Record<string, unknown>)[SHIM_GLOBAL] = { crypto: nodeCrypto, buffer: nodeBuffer };
    for (const name of Object.keys(shims) as ShimName[]) shims[name] = blobUrl(shimModuleSource(name));
    // Placeholders only in the imports prepare() appended after the learner's code (shims.ts).
    const at = module.lastIndexOf(`\n${SHIM_IMPORTS_MARKER}\n`);
    let text = module;
    if (at >= 0) {
      let moved = module.slice(at);
      for (const name of Object.keys(shims) as ShimName[])
        moved = moved.split(JSON.stringify(shimPlaceholder(name))).join(JSON.stringify(shims[name]));
      text = module.slice(0, at) + moved;
    }
    this.#moduleUrl = blobUrl(text);
    let namespace: Record<string, unknown>;
    try {
      namespace = (await import(/* @vite-ignore */ this.#moduleUrl)) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, failure: this.#named(failureOf('load-threw', error, this.#moduleUrl), shims) };
    } finally {
      delete (globalThis as Record<string, unknown>)[SHIM_GLOBAL];
    }
    if (this.#failure) return { ok: false, failure: this.#failure };
    const handler = namespace.default;
    if (typeof handler !== 'function')
      return {
        ok: false,
        failure: { kind: 'no-handler', found: `default: ${handler === null ? 'null' : typeof handler}` },
      };
    this.#onConnection = handler as OnConnection;
    return { ok: true };
  }

  /** A message that names a shim's blob URL names the module the learner wrote instead. */
  #named(failure: HostFailure, shims: Record<ShimName, string>): HostFailure {
    if (failure.kind !== 'load-threw') return failure;
    let message = failure.message;
    for (const [name, url] of Object.entries(shims)) message = message.split(url).join(`node:${name}`);
    return { ...failure, message: message.split(this.#moduleUrl).join('your file') };
  }

  async deliver(conn: ConnId, event: HostEvent): Promise<HostReply> {
    if (this.#failure) return { ok: false, failure: this.#failure };
    try {
      if (event.kind === 'open') {
        const socket = new LearnerSocket({
          remoteAddress: event.remoteAddress,
          remotePort: event.remotePort,
          output: this.#output,
          // As Node's net.Socket gives it: a Buffer (over the received bytes, not a copy).
          chunk: (bytes) => Buffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength),
          uncaught: (error) => this.#fail(failureOf('threw', error, this.#moduleUrl)),
        });
        this.#sockets.set(conn, socket);
        this.#onConnection?.(socket);
      } else this.#sockets.get(conn)?.receive(event);
    } catch (error) {
      this.#fail(failureOf('threw', error, this.#moduleUrl));
    }
    await idle();
    await idle();
    if (!this.#failure && !this.#output.withinLimit) this.#fail({ kind: 'output', limit: OUTPUT_LIMIT });
    if (this.#failure) return { ok: false, failure: this.#failure };
    const actions: ConnAction[] = [];
    for (const [c, socket] of this.#sockets)
      for (const action of socket.takeActions()) actions.push({ conn: c, action });
    return { ok: true, actions, logs: this.#output.takeLogs() };
  }

  #fail(failure: HostFailure): void {
    // A message is the learner's thrown value: `throw 'x'.repeat(1e8)` must not become the reply.
    if ('message' in failure && failure.message.length > MESSAGE_KEPT)
      failure = { ...failure, message: `${failure.message.slice(0, MESSAGE_KEPT)}…` };
    this.#failure ??= failure;
  }
}

function blobUrl(code: string): string {
  return platform.createObjectURL(new platform.Blob([code], { type: 'text/javascript' }));
}

/**
 * Starts the runtime in a dedicated worker. The frame's first message carries the port every later
 * message uses: the learner's code can call the global postMessage, but it never holds this port, so
 * it cannot speak for the runtime.
 */
export function startWorker(scope: WorkerScope): void {
  const first = (e: MessageEvent) => {
    const port = e.ports[0];
    if (!port) return;
    scope.removeEventListener('message', first);
    const learner = new LearnerModule(scope);
    const answer = (a: WorkerAnswer) => port.postMessage(a);
    port.onmessage = async (m) => {
      const request = readWorkerRequest(m.data);
      if (!request) return;
      if (request.type === 'load') answer({ type: 'loaded', result: await learner.load(request.module) });
      else
        answer({
          type: 'reply',
          seq: request.seq,
          reply: await learner.deliver(request.conn, request.event),
        });
    };
  };
  scope.addEventListener('message', first);
}
