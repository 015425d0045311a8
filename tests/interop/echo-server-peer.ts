/**
 * Shared by the hostile-peer tests and the README measurement script: the echo server in a child
 * process (echo-server-child.ts) and a raw TCP peer that says exactly the bytes a test wants.
 * Every wait here has a bound, so nothing hangs when the server misbehaves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { EchoServerOptions } from '../../src/node/echo-server.ts';
import { FrameDecoder, Opcode, encodeFrame, type DecodedFrame } from '../../src/protocol/index.ts';

export const HOST = '127.0.0.1';
export const MiB = 1024 * 1024;

export function withTimeout<T>(promise: Promise<T>, label: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll `check` every 25 ms until it returns a value other than undefined, for at most `ms`. */
export async function until<T>(
  label: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${label}`);
    await sleep(25);
  }
}

// ── the server, in a child process ─────────────────────────────────────────

export interface ServerStats {
  readonly rss: number;
  readonly peakRss: number;
  readonly heapUsed: number;
  readonly cpuMicros: number;
  /** Live sockets, -1 when the server cannot tell (the code before the connection cap). */
  readonly connections: number;
}

export interface ChildServer {
  readonly port: number;
  readonly logs: string[];
  /** Current and peak RSS (peak since the last `resetPeak`), CPU time, live connections. */
  stats(resetPeak?: boolean): Promise<ServerStats>;
  /** Resolves with the first log line at index `from` or later that matches (0: any line so far). */
  waitForLog(match: (line: string) => boolean, label: string, from?: number): Promise<string>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./echo-server-child.ts', import.meta.url));

export async function spawnEchoServer(options: EchoServerOptions = {}): Promise<ChildServer> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify({ port: 0, host: HOST, ...options })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const logs: string[] = [];
  const statsWaiters: ((s: ServerStats) => void)[] = [];
  const logWaiters = new Set<() => void>();
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`echo server child exited with ${code}`)));
      child.on('message', (m: { type: string; port?: number; line?: string } & ServerStats) => {
        if (m.type === 'listening') resolve(m.port!);
        else if (m.type === 'log') {
          logs.push(m.line!);
          for (const w of [...logWaiters]) w();
        } else if (m.type === 'stats') statsWaiters.shift()?.(m);
      });
    }),
    'the echo server child to listen',
    30_000, // tsx compiling the server on a busy 2-core machine
  );
  return {
    port,
    logs,
    stats: (resetPeak = false) =>
      withTimeout(
        new Promise<ServerStats>((resolve) => {
          statsWaiters.push(resolve);
          child.send({ type: 'stats', resetPeak });
        }),
        'server stats',
        10_000,
      ),
    waitForLog: (match, label, from = 0) => {
      let check = (): void => {};
      const found = new Promise<string>((resolve) => {
        check = () => {
          const line = logs.slice(from).find(match);
          if (line !== undefined) resolve(line);
        };
        logWaiters.add(check);
        check();
      });
      return withTimeout(found, `log line: ${label}`, 10_000)
        .catch((err: Error) => {
          throw new Error(`${err.message} (last lines: ${logs.slice(-5).join(' | ')})`);
        })
        .finally(() => logWaiters.delete(check));
    },
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await withTimeout(gone, 'the echo server child to exit', 5_000).catch(() => child.kill('SIGKILL'));
    },
  };
}

// ── a raw peer ─────────────────────────────────────────────────────────────

export function upgradeRequest(port: number, extra: readonly string[] = []): string {
  return [
    'GET / HTTP/1.1',
    `Host: ${HOST}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/** A client frame with an all-zero masking key (masked as §5.3 demands, payload unchanged on the wire). */
export function clientFrame(opcode: number, payload: Uint8Array, fin = true): Uint8Array {
  return encodeFrame({ opcode, fin, payload, maskKey: new Uint8Array(4) });
}

export function closeFrame(code: number, reason: string): Uint8Array {
  const r = new TextEncoder().encode(reason);
  const payload = new Uint8Array(2 + r.length);
  payload[0] = code >> 8;
  payload[1] = code & 0xff;
  payload.set(r, 2);
  return clientFrame(Opcode.Close, payload);
}

/** `count` copies of `frame` back to back: one write carries many frames, as a flooding peer sends them. */
export function repeated(frame: Uint8Array, count: number): Buffer {
  const out = Buffer.alloc(frame.length * count);
  for (let i = 0; i < count; i++) out.set(frame, i * frame.length);
  return out;
}

/**
 * A TCP peer that records everything the server sends and can say anything. It never answers pings
 * and never closes on its own: it is the hostile one.
 */
export class RawPeer {
  readonly socket: net.Socket;
  readonly #received: Buffer[] = [];
  #receivedBytes = 0;
  #headLength = -1;
  closed = false;
  ended = false;
  error: string | null = null;
  readonly #waiters = new Set<() => void>();

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#received.push(chunk);
      this.#receivedBytes += chunk.length;
      this.#wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.#wake();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.error = err.code ?? err.message;
    });
    socket.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  /** Connect; the socket stays half-open when the server ends (it decides when to close, or never). */
  static connect(port: number): Promise<RawPeer> {
    const socket = net.connect({ host: HOST, port, allowHalfOpen: true });
    socket.setNoDelay(true);
    const peer = new RawPeer(socket);
    return withTimeout(
      new Promise<RawPeer>((resolve, reject) => {
        socket.once('connect', () => resolve(peer));
        socket.once('error', reject);
      }),
      'TCP connect',
      5_000,
    );
  }

  /** Connect and complete the opening handshake (§4.1): resolves once the 101 has arrived. */
  static async open(port: number, extraHeaders: readonly string[] = []): Promise<RawPeer> {
    const peer = await RawPeer.connect(port);
    peer.socket.write(upgradeRequest(port, extraHeaders));
    const head = await peer.waitFor('the 101 response', () => peer.head() ?? undefined);
    if (!head.startsWith('HTTP/1.1 101')) throw new Error(`expected a 101, got: ${head}`);
    return peer;
  }

  get receivedBytes(): number {
    return this.#receivedBytes;
  }

  /** Everything received, as one buffer. */
  bytes(): Buffer {
    return Buffer.concat(this.#received);
  }

  /** The HTTP head received, once complete. */
  head(): string | null {
    const all = this.bytes();
    const end = all.indexOf('\r\n\r\n');
    if (end < 0) return null;
    this.#headLength = end + 4;
    return all.subarray(0, end + 4).toString('latin1');
  }

  /** The WebSocket frames received after the 101 (decoded as a client decodes them: unmasked). */
  frames(): DecodedFrame[] {
    if (this.#headLength < 0 && this.head() === null) return [];
    const decoder = new FrameDecoder({ expectMasked: false, allowedRsv: 0, maxPayload: 64 * MiB });
    decoder.push(this.bytes().subarray(this.#headLength));
    const frames: DecodedFrame[] = [];
    for (;;) {
      const step = decoder.next();
      if (step.kind !== 'frame') return frames;
      frames.push(step.frame);
    }
  }

  /** The status code of the close frame the server sent, once it has arrived. */
  closeCode(): number | undefined {
    const close = this.frames().find((f) => f.opcode === Opcode.Close);
    if (!close) return undefined;
    return close.payload.length >= 2 ? (close.payload[0]! << 8) | close.payload[1]! : 1005;
  }

  /** Resolves once `check` returns a value; re-checked on every byte and every socket event. */
  waitFor<T>(label: string, check: () => T | undefined, ms = 10_000): Promise<T> {
    let run = (): void => {};
    const found = new Promise<T>((resolve) => {
      run = () => {
        const v = check();
        if (v !== undefined) resolve(v);
      };
      this.#waiters.add(run);
      run();
    });
    return withTimeout(found, label, ms).finally(() => this.#waiters.delete(run));
  }

  /** Resolves when the server has closed the socket: FIN ('end') or reset/destroy ('close'). */
  waitForServerGone(label: string, ms = 10_000): Promise<void> {
    return this.waitFor(label, () => (this.ended || this.closed ? true : undefined), ms).then(() => {});
  }

  /**
   * Write `chunk` up to `times` times, waiting for 'drain' when the kernel pushes back. Stops early
   * when the socket closes or when a drain does not come within `stallMs` (the server stopped reading).
   * Returns the bytes the socket accepted.
   */
  async flood(
    chunk: Uint8Array,
    times: number,
    stallMs = 1_000,
  ): Promise<{ sent: number; stalled: boolean }> {
    let sent = 0;
    for (let i = 0; i < times; i++) {
      if (this.closed || this.error || !this.socket.writable) return { sent, stalled: false };
      const flushed = this.socket.write(chunk);
      sent += chunk.length;
      if (!flushed) {
        const drained = await new Promise<boolean>((resolve) => {
          const done = (v: boolean): void => {
            clearTimeout(timer);
            this.socket.off('drain', onDrain);
            this.socket.off('close', onClose);
            resolve(v);
          };
          const onDrain = (): void => done(true);
          const onClose = (): void => done(false);
          const timer = setTimeout(() => done(false), stallMs);
          this.socket.once('drain', onDrain);
          this.socket.once('close', onClose);
        });
        if (!drained) return { sent, stalled: !this.closed };
      }
    }
    return { sent, stalled: false };
  }

  destroy(): void {
    this.socket.destroy();
  }

  #wake(): void {
    for (const w of [...this.#waiters]) w();
  }
}
