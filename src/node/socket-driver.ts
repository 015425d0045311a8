/**
 * The one adapter between the sans-I/O engine and a real `node:net` socket, for both roles.
 *
 * The engine owns every protocol decision; this file only moves bytes and events:
 *   socket 'data'  → conn.receiveData()     (and, for a server, `sendResponse(accept(request))` once the
 *                                             request is complete)
 *   socket 'end' / 'close' → conn.receiveEof()
 *   after every engine call → write conn.dataToSend(), hand conn.events() to the listeners
 *   'close-transport' event → socket.end()  (§7.1.1: the server closes TCP first; §7.1.7 on failure)
 *
 * Backpressure, always: while the socket has not drained what we wrote, we stop reading from it, so a
 * peer that sends but never reads fills its own TCP window, not our memory (security review M2).
 *
 * Time lives here, never in the engine, and only when asked for (`DriverLimits`, the echo server's
 * defaults): a handshake deadline, an idle ping with a pong deadline, a close-handshake deadline. Each
 * ends the socket with destroy(): a peer that misses a deadline is treated as gone (§7.1.7).
 */
import net from 'node:net';
import {
  ClientConnection,
  type ClientOptions,
  type Connection,
  type EngineEvent,
  type ProtocolError,
  type SendResult,
  ServerConnection,
  type ServerOptions,
} from '../protocol/index.ts';

export type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
export type ClosedEvent = EventOf<'closed'>;
export type EventListener = (event: EngineEvent) => void;

/** The transport itself failed (refused, reset, closed before the handshake finished). */
export interface TransportError {
  readonly kind: 'transport-error';
  readonly message: string;
  readonly code?: string;
}

/** Which deadline a peer missed. */
export type Deadline = 'handshake' | 'pong' | 'close';
/** What the connection's one timer is waiting for; 'idle' sends a ping, the others drop the socket. */
type Phase = 'none' | 'idle' | Deadline;

/**
 * Deadlines, in milliseconds; each is off when absent or 0. The engine has no clock (it is sans-I/O
 * and runs in the page too), so a peer that goes silent is only ever noticed here.
 */
export interface DriverLimits {
  /** From accept (or dial) to OPEN: a silent peer, or one trickling its head (slowloris), is dropped. */
  readonly handshakeTimeoutMs?: number;
  /** OPEN and nothing received (nor drained) for this long: send a ping (§5.5.2 keepalive). */
  readonly idleTimeoutMs?: number;
  /** After that ping, how long the pong may take before the peer counts as gone. */
  readonly pongTimeoutMs?: number;
  /** After our close frame or our end(): how long the peer may take to finish the closing handshake. */
  readonly closeTimeoutMs?: number;
  /** Told before the driver drops a socket for a missed deadline (the echo server logs it). */
  readonly onDeadline?: (deadline: Deadline, ms: number) => void;
}

export class SocketDriver<C extends Connection = Connection> {
  readonly conn: C;
  readonly socket: net.Socket;
  /** Settles when the TCP connection is fully closed; no engine event follows it. */
  readonly transportClosed: Promise<void>;
  /** The transport error that ended the socket, if any (ECONNRESET, EPIPE, …). */
  transportError: TransportError | null = null;
  readonly #listeners = new Set<EventListener>();
  readonly #limits: DriverLimits;
  #flushing = false;
  #socketClosed = false;
  /** Reading is paused because the socket has not drained our writes (not because a caller paused it). */
  #backpressured = false;
  /** Bytes read but not yet given to the engine, held while our writes drain (see #feed). */
  #held: Buffer | null = null;
  /** The one timer per connection, re-armed as the connection moves between phases. */
  #timer: NodeJS.Timeout | null = null;
  #phase: Phase = 'none';
  /** Bytes the kernel had taken from us when the keepalive ping was sent (see #onTimer). */
  #sentAtPing = 0;

  constructor(conn: C, socket: net.Socket, onEvent?: EventListener, limits: DriverLimits = {}) {
    this.conn = conn;
    this.socket = socket;
    this.#limits = limits;
    if (onEvent) this.#listeners.add(onEvent);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('drain', () => this.#onDrain());
    // 'end' is the peer's FIN; 'close' covers resets and local destroys too. receiveEof is idempotent.
    socket.on('end', () => this.#call(() => this.conn.receiveEof()));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.transportError = { kind: 'transport-error', message: err.message, code: err.code };
    });
    this.transportClosed = new Promise((resolve) => {
      socket.once('close', () => {
        this.#socketClosed = true;
        this.#arm('none');
        this.#call(() => this.conn.receiveEof());
        resolve();
      });
    });
    if (conn.state === 'CONNECTING') this.#arm('handshake');
    else if (conn.state === 'OPEN') this.#arm('idle');
    this.#flush(); // a client's request is already queued in the engine
  }

  get state(): Connection['state'] {
    return this.conn.state;
  }

  /** Listen to every engine event from now on; returns the unsubscribe function. */
  on(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The next event of this type (matching `where`). Rejects if the TCP connection closes first, so an
   * await on it always ends by itself once the socket does.
   */
  next<T extends EngineEvent['type']>(type: T, where?: (event: EventOf<T>) => boolean): Promise<EventOf<T>> {
    return new Promise((resolve, reject) => {
      if (this.#socketClosed) {
        reject(new Error(`transport closed before a '${type}' event`));
        return;
      }
      const onClose = (): void => {
        off();
        reject(new Error(`transport closed before a '${type}' event`));
      };
      const off = this.on((event) => {
        if (event.type !== type) return;
        const e = event as EventOf<T>;
        if (where && !where(e)) return;
        off();
        this.socket.off('close', onClose);
        resolve(e);
      });
      this.socket.once('close', onClose);
    });
  }

  /** The engine's 'closed' event: the WebSocket's close code, reason and whether it closed cleanly. */
  closed(): Promise<ClosedEvent> {
    return this.next('closed');
  }

  // Sending: each call runs the engine, then writes whatever it produced. Errors come back as values.
  sendText(text: string): SendResult {
    return this.#call(() => this.conn.sendText(text));
  }
  sendBinary(data: Uint8Array): SendResult {
    return this.#call(() => this.conn.sendBinary(data));
  }
  sendPing(payload?: Uint8Array): SendResult {
    return this.#call(() => this.conn.sendPing(payload));
  }
  sendPong(payload?: Uint8Array): SendResult {
    return this.#call(() => this.conn.sendPong(payload));
  }
  sendClose(code?: number | null, reason?: string): SendResult {
    return this.#call(() => this.conn.sendClose(code, reason));
  }
  sendFragmented(data: string | Uint8Array, count: number): SendResult {
    return this.#call(() => this.conn.sendFragmented(data, count));
  }
  sendRaw(bytes: Uint8Array): void {
    this.#call(() => this.conn.sendRaw(bytes));
  }

  /** Drop the TCP connection without a closing handshake (what a crash looks like to the peer). */
  destroy(): void {
    this.socket.destroy();
  }

  #onData(chunk: Buffer): void {
    if (this.#phase === 'idle') this.#timer?.refresh();
    this.#feed(chunk);
  }

  /**
   * Give the engine `bytes` a slice at a time, and stop as soon as our writes back up: the rest waits
   * for 'drain'. A 64 KiB read of pings is 10,922 pongs; fed whole, all their frames and events were
   * alive at once, got promoted, and a ping flood raised the server's RSS by 80–165 MiB. Fed 4 KiB
   * (683 pings) at a time they die young: about +40 MiB, the heap's working size, even on a busy machine.
   * For bulk data the slices cost nothing: a masked payload is copied out of the chunks once either way.
   */
  #feed(bytes: Buffer): void {
    for (let at = 0; at < bytes.length;) {
      if (this.#backpressured) {
        this.#held = bytes.subarray(at);
        return;
      }
      const slice = bytes.subarray(at, at + FEED_SLICE);
      at += slice.length;
      this.#call(() => this.conn.receiveData(slice));
      this.#respondIfDue();
    }
  }

  #respondIfDue(): void {
    const conn: Connection = this.conn;
    if (conn instanceof ServerConnection && conn.responsePending) {
      // The server's own policy decides (accept), and the engine acts on it (sendResponse).
      this.#call(() => conn.sendResponse(conn.accept(conn.request!)));
    }
  }

  #call<R>(action: () => R): R {
    const result = action();
    this.#flush();
    return result;
  }

  /**
   * Write the engine's output, then dispatch its events. Not re-entrant: a listener that sends (an
   * echo) only queues into the engine, and this loop picks the new bytes and events up in order.
   */
  #flush(): void {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      for (;;) {
        const data = this.conn.dataToSend();
        const events = this.conn.events();
        if (data.length === 0 && events.length === 0) break;
        this.#write(data);
        for (const event of events) {
          this.#track(event);
          if (event.type === 'close-transport') this.socket.end();
          for (const listener of [...this.#listeners]) listener(event);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  #write(chunks: readonly Uint8Array[]): void {
    if (chunks.length === 0) return;
    // After end() or a reset there is nowhere to write; the engine already reported the closure.
    if (!this.socket.writable) return;
    this.socket.cork();
    let drained = true;
    // Runs of small chunks (frame headers, short frames: the pongs for a burst of pings) go out as one
    // buffer: 10,000 pongs from one 64 KiB read were 10,000 queued writes, now they are one.
    let run: Uint8Array[] = [];
    const writeRun = (): void => {
      if (run.length === 0) return;
      drained = this.socket.write(run.length === 1 ? run[0]! : Buffer.concat(run));
      run = [];
    };
    for (const c of chunks) {
      if (c.length < SMALL_WRITE) {
        run.push(c);
        continue;
      }
      writeRun();
      drained = this.socket.write(c); // a large payload is written as it is, never copied
    }
    writeRun();
    this.socket.uncork();
    // write() said "wait for 'drain'" (past the socket's 16 KiB high-water mark): stop reading, as
    // stream.pipe() does, so echoes and pongs we cannot send do not pile up (review M2: a peer that
    // never read grew the server by 314 MiB for 300 MiB sent, without end).
    if (!drained && !this.#backpressured) {
      this.#backpressured = true;
      this.socket.pause();
    }
  }

  #onDrain(): void {
    if (this.#phase === 'idle') this.#timer?.refresh(); // the peer is reading: it is alive
    if (!this.#backpressured) return;
    this.#backpressured = false;
    const held = this.#held;
    this.#held = null;
    if (held) this.#feed(held); // may back up again, and then stays paused
    if (!this.#backpressured) this.socket.resume();
  }

  // ── deadlines ────────────────────────────────────────────────────────────

  /** Follow the engine's events into the right deadline phase. */
  #track(event: EngineEvent): void {
    if (event.type === 'state') {
      if (event.to === 'OPEN') this.#arm('idle');
      else this.#arm('close'); // CLOSING: our close frame is out and theirs is due; CLOSED: their FIN is
    } else if (event.type === 'pong' && this.#phase === 'pong') {
      this.#arm('idle');
    } else if (event.type === 'close-transport') {
      this.#arm('close'); // after our end(), the peer's FIN is due
    }
  }

  #arm(phase: Phase): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#phase = phase;
    const ms = this.#msFor(phase);
    if (ms > 0 && !this.#socketClosed) {
      this.#timer = setTimeout(() => this.#onTimer(), ms);
      this.#timer.unref(); // a deadline alone never keeps the process alive
    }
  }

  #msFor(phase: Phase): number {
    const l = this.#limits;
    switch (phase) {
      case 'handshake':
        return l.handshakeTimeoutMs ?? 0;
      case 'idle':
        // A ping with no pong deadline would prove nothing: keepalive needs both.
        return l.pongTimeoutMs ? (l.idleTimeoutMs ?? 0) : 0;
      case 'pong':
        return l.pongTimeoutMs ?? 0;
      case 'close':
        return l.closeTimeoutMs ?? 0;
      case 'none':
        return 0;
    }
  }

  #onTimer(): void {
    this.#timer = null;
    switch (this.#phase) {
      case 'idle':
        this.#sentAtPing = this.#kernelTook();
        this.#arm('pong');
        this.sendPing();
        return;
      case 'pong':
        // We stopped reading (backpressure), so the pong may be waiting unread behind data the peer is
        // still sending; if the peer took more of our bytes since the ping, it is slow, not gone.
        if (this.#backpressured && this.#kernelTook() > this.#sentAtPing) {
          this.#sentAtPing = this.#kernelTook();
          this.#arm('pong');
          return;
        }
        this.#drop('pong');
        return;
      case 'handshake':
      case 'close':
        this.#drop(this.#phase);
        return;
      case 'none':
        return;
    }
  }

  /** Bytes written to the socket that the kernel has accepted (bytesWritten counts queued ones too). */
  #kernelTook(): number {
    return this.socket.bytesWritten - this.socket.writableLength;
  }

  #drop(deadline: Deadline): void {
    this.#limits.onDeadline?.(deadline, this.#msFor(deadline));
    this.#arm('none');
    this.socket.destroy();
  }
}

const SMALL_WRITE = 4096;
const FEED_SLICE = 4 * 1024;

// ── server role ────────────────────────────────────────────────────────────

export interface AcceptOptions extends ServerOptions, DriverLimits {
  readonly onEvent?: EventListener;
}

/** Drive an engine server on a socket a `net.Server` just accepted. */
export function acceptSocket(
  socket: net.Socket,
  options: AcceptOptions = {},
): SocketDriver<ServerConnection> {
  const {
    onEvent,
    handshakeTimeoutMs,
    idleTimeoutMs,
    pongTimeoutMs,
    closeTimeoutMs,
    onDeadline,
    ...serverOptions
  } = options;
  return new SocketDriver(new ServerConnection(serverOptions), socket, onEvent, {
    handshakeTimeoutMs,
    idleTimeoutMs,
    pongTimeoutMs,
    closeTimeoutMs,
    onDeadline,
  });
}

// ── client role ────────────────────────────────────────────────────────────

export interface ConnectOptions extends Omit<ClientOptions, 'host'> {
  readonly host?: string;
  readonly port: number;
  /** Host header; `host:port` by default. */
  readonly hostHeader?: string;
  /** Sees every event from the first byte on, including frames that arrive together with the 101. */
  readonly onEvent?: EventListener;
}

export type ConnectResult =
  | { readonly ok: true; readonly client: SocketDriver<ClientConnection> }
  | { readonly ok: false; readonly error: ProtocolError | TransportError };

/** Dial with net.connect, send the opening handshake, and resolve once OPEN or refused (§4.1). */
export function connectClient(options: ConnectOptions): Promise<ConnectResult> {
  const { port, onEvent, hostHeader, ...rest } = options;
  const host = options.host ?? '127.0.0.1';
  const conn = new ClientConnection({ ...rest, host: hostHeader ?? `${host}:${port}` });
  const socket = net.connect({ host, port });
  let handshakeError: ProtocolError | null = null;
  const driver = new SocketDriver(conn, socket, (event) => {
    if (event.type === 'error' && conn.state !== 'OPEN') handshakeError ??= event.error;
    onEvent?.(event);
  });
  return new Promise((resolve) => {
    const done = (): void => {
      off();
      socket.off('close', onClose);
    };
    const off = driver.on((event) => {
      if (event.type !== 'state' || event.from !== 'CONNECTING') return;
      done();
      if (event.to === 'OPEN') resolve({ ok: true, client: driver });
      else resolve({ ok: false, error: handshakeError ?? closedEarly(driver) });
    });
    const onClose = (): void => {
      done();
      resolve({ ok: false, error: handshakeError ?? closedEarly(driver) });
    };
    socket.once('close', onClose);
  });
}

function closedEarly(driver: SocketDriver): TransportError {
  return (
    driver.transportError ?? {
      kind: 'transport-error',
      message: 'the connection closed before the opening handshake completed',
    }
  );
}
