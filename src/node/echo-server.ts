/**
 * An echo server on real TCP: the engine's server role, echoing every message back as it came (text as
 * text, binary as binary), like an Autobahn|Testsuite "testee" server.
 *
 *   npm run echo-server -- --port 9001 [--host 127.0.0.1] [--max-message-size 16777216] [--origin URL]…
 *                          [--no-deflate]
 *
 * It accepts permessage-deflate (RFC 7692) by default, as browsers offer it, so echoes go back
 * compressed; a compressed message is inflated in bounded pieces, and one that inflates past the message
 * limit is refused with 1009 before the rest of it is inflated (a decompression bomb costs little).
 *
 * Pings are answered by the engine (§5.5.2) and the closing handshake is the engine's (§7.1.2); this
 * file wires sockets to engines, holds the server's limits (connections, deadlines, origins) and logs
 * one line per connection and per close. People point test suites and their own clients at it, so one
 * hostile peer must not take it down (security review M1–M3, L3, I9): every limit has a default.
 */
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  describeError,
  serializeHead,
  type DeflatePolicy,
  type ServerConnection,
} from '../protocol/index.ts';
import { pakoCodec } from '../protocol/deflate/pako.ts';
import { escapeForLog } from './log-escape.ts';
import { acceptSocket, type Deadline, type SocketDriver } from './socket-driver.ts';

export interface EchoServerOptions {
  readonly port?: number;
  /** 127.0.0.1 by default: a teaching server has no business on other interfaces. */
  readonly host?: string;
  /**
   * Largest message, in bytes (a fragmented one is also charged 16 B per fragment). Autobahn's largest
   * cases (9.1.6, 9.2.6) send 16 MiB in one frame, so 16 MiB is the default.
   */
  readonly maxMessageSize?: number;
  /** Sockets served at once; the next ones get a 503. */
  readonly maxConnections?: number;
  /** From accept to OPEN, in ms. */
  readonly handshakeTimeoutMs?: number;
  /** OPEN and silent this long (ms): the server pings. 0 turns keepalive off. */
  readonly idleTimeoutMs?: number;
  /** How long (ms) the pong to that ping may take before the connection is dropped. */
  readonly pongTimeoutMs?: number;
  /** After the server's close frame or FIN, how long (ms) the peer may take to finish the close. */
  readonly closeTimeoutMs?: number;
  /**
   * Origins allowed to connect (§4.2.2, §10.2), e.g. "https://a.example"; others get 403. Empty: no
   * check. Requests without an Origin header are let through: browsers always send one, and any other
   * client could send whatever Origin it liked.
   */
  readonly origins?: readonly string[];
  /** Where the one-line logs go; `null` for none (tests). Lines are escaped for a terminal. */
  readonly log?: ((line: string) => void) | null;
  /**
   * permessage-deflate (RFC 7692): accepted by default with the client's parameters; a policy imposes
   * its own (e.g. no context takeover); false declines every offer.
   */
  readonly deflate?: boolean | DeflatePolicy;
}

/** The defaults, one table: the CLI's --help and the README quote these. */
export const ECHO_DEFAULTS = {
  maxMessageSize: 16 * 1024 * 1024,
  // Each connection may hold about twice maxMessageSize (a frame arriving, its echo leaving): 64 × 32 MiB.
  maxConnections: 64,
  handshakeTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  pongTimeoutMs: 10_000,
  closeTimeoutMs: 5_000,
} as const;

export interface EchoServer {
  readonly port: number;
  readonly host: string;
  /** Sockets open now, WebSocket or not yet (refused ones excluded). */
  readonly connections: number;
  /**
   * Stop listening, start the closing handshake (1001 going away) on every open connection, and resolve
   * once all sockets are closed; connections that do not finish within `graceMs` are dropped.
   */
  close(graceMs?: number): Promise<void>;
}

export function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const host = options.host ?? '127.0.0.1';
  const maxMessageSize = options.maxMessageSize ?? ECHO_DEFAULTS.maxMessageSize;
  const maxConnections = options.maxConnections ?? ECHO_DEFAULTS.maxConnections;
  const closeTimeoutMs = options.closeTimeoutMs ?? ECHO_DEFAULTS.closeTimeoutMs;
  const limits = {
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? ECHO_DEFAULTS.handshakeTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? ECHO_DEFAULTS.idleTimeoutMs,
    pongTimeoutMs: options.pongTimeoutMs ?? ECHO_DEFAULTS.pongTimeoutMs,
    closeTimeoutMs,
  };
  const allowOrigin = originCheck(options.origins ?? []);
  const deflate = options.deflate ?? true;
  const deflateSetup =
    deflate === false ? {} : { deflate: { codec: pakoCodec, policy: deflate === true ? {} : deflate } };
  const print = options.log === undefined ? (line: string) => console.log(line) : options.log;
  // Peer bytes reach the log inside error texts and close reasons: escape every line (review L3).
  const log = print && ((line: string) => print(escapeForLog(line)));
  const drivers = new Set<SocketDriver<ServerConnection>>();
  const refusing = new Set<net.Socket>();
  const refusals = refusalLog(log, maxConnections);
  let nextId = 1;

  const server = net.createServer((socket) => {
    const id = nextId++;
    if (drivers.size >= maxConnections) {
      refuse(socket, closeTimeoutMs, refusing);
      refusals.note(id);
      return;
    }
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    const driver = acceptSocket(socket, {
      maxMessageSize,
      ...deflateSetup,
      ...(allowOrigin ? { allowOrigin } : {}),
      ...limits,
      onDeadline: (deadline, ms) => log?.(`#${id} ${DEADLINE_LOG[deadline]} within ${ms} ms: dropped`),
      onEvent: (event) => {
        switch (event.type) {
          case 'message':
            // Echo as received. A refusal (we already sent a close frame) needs no answer.
            if (event.binary) driver.sendBinary(event.data as Uint8Array);
            else driver.sendText(event.data as string);
            return;
          case 'state':
            if (event.to === 'OPEN') {
              const ext = driver.conn.accepted?.extensions;
              log?.(`#${id} ${peer} open${ext ? ` (${ext})` : ''}`);
            }
            return;
          case 'error':
            log?.(`#${id} ${describeError(event.error)} [${event.error.rule}]`);
            return;
          case 'closed':
            log?.(
              `#${id} closed ${event.code}${event.reason ? ` "${event.reason}"` : ''} ${event.wasClean ? 'clean' : 'not clean'}`,
            );
            return;
        }
      },
    });
    drivers.add(driver);
    void driver.transportClosed.then(() => drivers.delete(driver));
  });
  // Past twice the cap Node itself closes new sockets at once, so refusals cannot pile up either.
  server.maxConnections = maxConnections * 2;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      // An accept error (EMFILE, …) after listen must not become an uncaught exception (review M3).
      server.on('error', (err) => log?.(`server error: ${err.message}`));
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        host,
        get connections() {
          return drivers.size;
        },
        close: (graceMs = 2000) => closeAll(server, drivers, refusing, graceMs),
      });
    });
  });
}

const DEADLINE_LOG: Record<Deadline, string> = {
  handshake: 'no complete opening handshake',
  pong: 'no pong to our keepalive ping',
  close: 'closing handshake not finished',
};

/** §4.2.2 / §10.2: the allow-list as the engine's ServerPolicy.allowOrigin, or null for no check. */
function originCheck(origins: readonly string[]): ((origin: string | null) => boolean) | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins.map(normalizeOrigin));
  return (origin) => origin === null || allowed.has(origin.toLowerCase());
}

/** "HTTPS://A.example:443" → "https://a.example" (RFC 6454 serialization); throws if not an origin. */
export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.origin === 'null' || url.href.replace(/\/$/, '') !== url.origin) {
    throw new TypeError(`not an origin (scheme://host[:port], no path): ${origin}`);
  }
  return url.origin;
}

/**
 * A connection over the cap gets a 503 rather than a reset: a client (ws, a browser's devtools) then
 * says why. It is sent at once, before the request is read, so a refusal costs no parsing and cannot be
 * held open with a slow head; the input is drained and dropped, so closing does not reset the
 * connection under the response, and the socket is destroyed after the close timeout at the latest.
 */
function refuse(socket: net.Socket, closeTimeoutMs: number, refusing: Set<net.Socket>): void {
  refusing.add(socket);
  socket.on('error', () => {}); // a reset from a peer that gave up is expected here
  socket.once('close', () => refusing.delete(socket));
  socket.resume();
  socket.end(SERVICE_UNAVAILABLE);
  setTimeout(() => socket.destroy(), closeTimeoutMs || 1000).unref();
}

const SERVICE_UNAVAILABLE = (() => {
  const body =
    'The echo server is serving as many connections as it allows (--max-connections); try again soon.\n';
  return serializeHead({
    kind: 'response',
    version: 'HTTP/1.1',
    status: 503,
    reason: 'Service Unavailable',
    headers: [
      { name: 'Retry-After', value: '1' },
      { name: 'Content-Type', value: 'text/plain; charset=utf-8' },
      { name: 'Content-Length', value: String(new TextEncoder().encode(body).length) },
      { name: 'Connection', value: 'close' },
    ],
    body,
  });
})();

/** One log line per burst of refusals, not one per socket: a flood must not flood the terminal too. */
function refusalLog(log: ((line: string) => void) | null, max: number): { note(id: number): void } {
  let quietUntil = 0;
  let unlogged = 0;
  return {
    note(id) {
      const now = Date.now();
      if (now < quietUntil) {
        unlogged++;
        return;
      }
      const more = unlogged ? ` (and ${unlogged} more since the last line)` : '';
      log?.(`#${id} refused with 503: ${max} connections open, the --max-connections cap${more}`);
      unlogged = 0;
      quietUntil = now + 1000;
    },
  };
}

async function closeAll(
  server: net.Server,
  drivers: ReadonlySet<SocketDriver<ServerConnection>>,
  refusing: ReadonlySet<net.Socket>,
  graceMs: number,
): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const s of refusing) s.destroy();
  for (const d of drivers) {
    // §7.4.1 1001: the endpoint is going away. Mid-handshake connections have no WebSocket to close.
    if (d.state === 'OPEN') d.sendClose(1001, 'server shutting down');
    else if (d.state === 'CONNECTING') d.destroy();
  }
  // Bounded: a peer that never answers the close frame is dropped after the grace period.
  const timer = setTimeout(() => {
    for (const d of drivers) d.destroy();
  }, graceMs);
  timer.unref();
  await stopped;
  clearTimeout(timer);
}

// ── CLI ────────────────────────────────────────────────────────────────────

const FLAGS = {
  port: { type: 'string', default: '9001' },
  host: { type: 'string', default: '127.0.0.1' },
  'max-message-size': { type: 'string', default: String(ECHO_DEFAULTS.maxMessageSize) },
  'max-connections': { type: 'string', default: String(ECHO_DEFAULTS.maxConnections) },
  'handshake-timeout-ms': { type: 'string', default: String(ECHO_DEFAULTS.handshakeTimeoutMs) },
  'idle-timeout-ms': { type: 'string', default: String(ECHO_DEFAULTS.idleTimeoutMs) },
  'pong-timeout-ms': { type: 'string', default: String(ECHO_DEFAULTS.pongTimeoutMs) },
  'close-timeout-ms': { type: 'string', default: String(ECHO_DEFAULTS.closeTimeoutMs) },
  origin: { type: 'string', multiple: true },
  deflate: { type: 'boolean', default: true },
  help: { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

type NumberFlag = Exclude<keyof typeof FLAGS, 'host' | 'origin' | 'deflate' | 'help'>;

function usage(): string {
  return [
    'npm run echo-server -- [flags]',
    '  --port N                  TCP port (9001; 0 picks a free one)',
    '  --host ADDR               interface to listen on (127.0.0.1)',
    `  --max-message-size B      largest message in bytes, 16 B charged per fragment (${ECHO_DEFAULTS.maxMessageSize})`,
    `  --max-connections N       sockets served at once; more get a 503 (${ECHO_DEFAULTS.maxConnections})`,
    `  --handshake-timeout-ms T  accept → OPEN deadline (${ECHO_DEFAULTS.handshakeTimeoutMs})`,
    `  --idle-timeout-ms T       silence before a keepalive ping; 0 = no keepalive (${ECHO_DEFAULTS.idleTimeoutMs})`,
    `  --pong-timeout-ms T       deadline for that ping's pong (${ECHO_DEFAULTS.pongTimeoutMs})`,
    `  --close-timeout-ms T      deadline for the peer to finish closing (${ECHO_DEFAULTS.closeTimeoutMs})`,
    '  --origin URL              allow browser pages from this origin only (repeatable; default: any)',
    '  --no-deflate              decline permessage-deflate (accepted by default, RFC 7692)',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: FLAGS, allowNegative: true });
  if (values.help) {
    console.log(usage());
    return;
  }
  const numberFlag = (name: NumberFlag, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = values[name] as string;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      console.error(`--${name} must be an integer from ${min} to ${max}, got ${raw}\n\n${usage()}`);
      process.exit(2);
    }
    return n;
  };
  const origins: string[] = [];
  for (const o of values.origin ?? []) {
    try {
      origins.push(normalizeOrigin(o));
    } catch {
      console.error(`--origin must be an origin like https://a.example (no path), got ${o}`);
      process.exit(2);
    }
  }
  const options: EchoServerOptions = {
    port: numberFlag('port', 0, 65535),
    host: values.host,
    maxMessageSize: numberFlag('max-message-size', 1),
    maxConnections: numberFlag('max-connections', 1),
    handshakeTimeoutMs: numberFlag('handshake-timeout-ms', 0),
    idleTimeoutMs: numberFlag('idle-timeout-ms', 0),
    pongTimeoutMs: numberFlag('pong-timeout-ms', 0),
    closeTimeoutMs: numberFlag('close-timeout-ms', 0),
    origins,
    deflate: values.deflate,
  };
  const server = await startEchoServer(options);
  console.log(
    `echo server listening on ws://${server.host}:${server.port}/ (max message ${options.maxMessageSize} B, ` +
      `${options.maxConnections} connections, origins: ${origins.length ? origins.join(' ') : 'any'}, ` +
      `permessage-deflate ${options.deflate ? 'on' : 'off'})`,
  );
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(130); // a second Ctrl-C does not wait for the grace period
    stopping = true;
    console.log('SIGINT: closing connections (1001)…');
    void server.close().then(() => {
      console.log('stopped');
      process.exit(0);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
