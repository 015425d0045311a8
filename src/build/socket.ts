/**
 * The socket the learner's `onConnection(socket)` receives in the page: the part of Node's `net.Socket`
 * a WebSocket server uses, with Node's behaviour where it matters (strings written as UTF-8; after the
 * peer's FIN the socket ends its own side, as `net.createServer` does with `allowHalfOpen: false`), so the
 * same file runs unchanged under `npm run my-server`. It records what the code does as SocketActions
 * for the host to carry back; it never touches a network.
 */
import { LOG_LINES_KEPT, OUTPUT_LIMIT, type HostEvent, type SocketAction } from './host.ts';

type Listener = (...args: unknown[]) => void;
type SocketEventName = 'data' | 'end' | 'close' | 'error';
const encoder = new TextEncoder();

/** Bytes and console lines of one run, shared by its sockets so one limit holds for the whole run. */
export class RunOutput {
  bytes = 0;
  readonly logs: string[] = [];
  #dropped = 0;

  /** False once the run has written or logged more than OUTPUT_LIMIT bytes. */
  get withinLimit(): boolean {
    return this.bytes <= OUTPUT_LIMIT;
  }

  log(line: string): void {
    this.bytes += line.length;
    if (this.logs.length < LOG_LINES_KEPT)
      this.logs.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
    else this.#dropped++;
  }

  /** The lines logged since the last call (and how many were dropped), for one reply. */
  takeLogs(): string[] {
    const lines = this.logs.splice(0);
    if (this.#dropped > 0) lines.push(`… ${this.#dropped} more lines`);
    this.#dropped = 0;
    return lines;
  }
}

export interface SocketOptions {
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly output: RunOutput;
  /** How a received chunk is handed to the code (the page gives a Buffer, as Node does). */
  readonly chunk: (bytes: Uint8Array) => Uint8Array;
  /** An error nobody listens for: Node would crash the process; the host ends the run with it. */
  readonly uncaught: (error: unknown) => void;
}

export class LearnerSocket {
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly remoteFamily = 'IPv4';
  #listeners = new Map<string, Listener[]>();
  #actions: SocketAction[] = [];
  #ended = false;
  #destroyed = false;
  #closeEmitted = false;
  readonly #options: SocketOptions;

  constructor(options: SocketOptions) {
    this.#options = options;
    this.remoteAddress = options.remoteAddress;
    this.remotePort = options.remotePort;
  }

  // ── what the learner's code calls ──────────────────────────────────────
  on(event: string, fn: Listener): this {
    if (typeof fn !== 'function')
      throw new TypeError(`socket.on('${event}', …): the listener must be a function`);
    const list = this.#listeners.get(event) ?? [];
    list.push(fn);
    this.#listeners.set(event, list);
    return this;
  }
  addListener(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  once(event: string, fn: Listener): this {
    const once: Listener = (...args) => {
      this.off(event, once);
      fn(...args);
    };
    return this.on(event, once);
  }
  off(event: string, fn: Listener): this {
    const list = this.#listeners.get(event);
    if (list)
      this.#listeners.set(
        event,
        list.filter((l) => l !== fn),
      );
    return this;
  }
  removeListener(event: string, fn: Listener): this {
    return this.off(event, fn);
  }

  write(data: Uint8Array | string, ...rest: unknown[]): boolean {
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    if (this.#ended || this.#destroyed) {
      // Node: ERR_STREAM_WRITE_AFTER_END, emitted as 'error' on a later tick.
      const error = new Error(
        'write after end: the socket was already ended (socket.end() or socket.destroy())',
      );
      queueMicrotask(() => this.#error(error));
      return false;
    }
    const bytes = typeof data === 'string' ? encoder.encode(data) : toBytes(data);
    this.#options.output.bytes += bytes.length;
    if (bytes.length > 0) this.#actions.push({ kind: 'write', bytes: bytes.slice() });
    if (callback) queueMicrotask(callback);
    return true;
  }

  end(data?: Uint8Array | string, ...rest: unknown[]): this {
    if (typeof data === 'function') return this.end(undefined, data);
    if (data !== undefined && data !== null) this.write(data);
    if (!this.#ended && !this.#destroyed) {
      this.#ended = true;
      this.#actions.push({ kind: 'end' });
    }
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    if (callback) queueMicrotask(callback);
    return this;
  }

  destroy(error?: unknown): this {
    if (this.#destroyed) return this;
    this.#destroyed = true;
    this.#actions.push({ kind: 'destroy' });
    queueMicrotask(() => {
      if (error !== undefined) this.#error(error);
      this.#close(error !== undefined);
    });
    return this;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }
  get writable(): boolean {
    return !this.#ended && !this.#destroyed;
  }

  // Node's socket options: nothing to do on a simulated link, but code written for Node calls them.
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  resume(): this {
    return this;
  }

  // ── what the host calls ────────────────────────────────────────────────
  /** Deliver an event from the simulated TCP connection (listeners run now, synchronously). */
  receive(event: HostEvent): void {
    if (this.#destroyed && event.kind !== 'close') return;
    switch (event.kind) {
      case 'open':
        return;
      case 'data':
        this.#emit('data', this.#options.chunk(event.bytes));
        return;
      case 'end':
        this.#emit('end');
        if (!this.#ended) this.end(); // allowHalfOpen: false
        return;
      case 'close':
        this.#close(event.hadError);
        return;
    }
  }

  /** What the code did since the last call. */
  takeActions(): SocketAction[] {
    return this.#actions.splice(0);
  }

  #close(hadError: boolean): void {
    if (this.#closeEmitted) return;
    this.#closeEmitted = true;
    this.#emit('close', hadError);
  }

  #error(error: unknown): void {
    if ((this.#listeners.get('error') ?? []).length === 0) this.#options.uncaught(error);
    else this.#emit('error', error);
  }

  #emit(event: SocketEventName, ...args: unknown[]): void {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) fn.apply(this, args);
  }
}

/** What a `write` was given, as bytes: typed arrays and DataViews are taken as their bytes, as in Node. */
function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(
    `socket.write(…) takes a Uint8Array (or Buffer) or a string, not ${data === null ? 'null' : typeof data}`,
  );
}
