/**
 * An echo server on real TCP: the engine's server role, echoing every message back as it came (text as
 * text, binary as binary), like an Autobahn|Testsuite "testee" server.
 *
 *   npm run echo-server -- --port 9001 [--host 127.0.0.1] [--max-message-size 67108864]
 *
 * Pings are answered by the engine (§5.5.2) and the closing handshake is the engine's (§7.1.2); this
 * file only wires sockets to engines and logs one line per connection and per close.
 */
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_MESSAGE_SIZE, describeError, type ServerConnection } from '../protocol/index.ts';
import { acceptSocket, type SocketDriver } from './socket-driver.ts';

export interface EchoServerOptions {
  readonly port?: number;
  /** 127.0.0.1 by default: a teaching server has no business on other interfaces. */
  readonly host?: string;
  /** Autobahn's largest cases (9.x) send 16 MiB messages; 64 MiB leaves room. */
  readonly maxMessageSize?: number;
  /** Where the one-line logs go; `null` for none (tests). */
  readonly log?: ((line: string) => void) | null;
}

export interface EchoServer {
  readonly port: number;
  readonly host: string;
  /**
   * Stop listening, start the closing handshake (1001 going away) on every open connection, and resolve
   * once all sockets are closed; connections that do not finish within `graceMs` are dropped.
   */
  close(graceMs?: number): Promise<void>;
}

export function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const host = options.host ?? '127.0.0.1';
  const maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const log = options.log === undefined ? (line: string) => console.log(line) : options.log;
  const drivers = new Set<SocketDriver<ServerConnection>>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    const id = nextId++;
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    const driver = acceptSocket(socket, {
      maxMessageSize,
      onEvent: (event) => {
        switch (event.type) {
          case 'message':
            // Echo as received. A refusal (we already sent a close frame) needs no answer.
            if (event.binary) driver.sendBinary(event.data as Uint8Array);
            else driver.sendText(event.data as string);
            return;
          case 'state':
            if (event.to === 'OPEN') log?.(`#${id} ${peer} open`);
            return;
          case 'error':
            log?.(`#${id} ${describeError(event.error, 'en')}`);
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

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        host,
        close: (graceMs = 2000) => closeAll(server, drivers, graceMs),
      });
    });
  });
}

async function closeAll(
  server: net.Server,
  drivers: ReadonlySet<SocketDriver<ServerConnection>>,
  graceMs: number,
): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
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

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '9001' },
      host: { type: 'string', default: '127.0.0.1' },
      'max-message-size': { type: 'string', default: String(DEFAULT_MAX_MESSAGE_SIZE) },
    },
  });
  const port = Number(values.port);
  const maxMessageSize = Number(values['max-message-size']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0–65535, got ${values.port}`);
    process.exit(2);
  }
  if (!Number.isSafeInteger(maxMessageSize) || maxMessageSize < 1) {
    console.error(`--max-message-size must be a positive integer, got ${values['max-message-size']}`);
    process.exit(2);
  }
  const server = await startEchoServer({ port, host: values.host, maxMessageSize });
  console.log(
    `echo server listening on ws://${server.host}:${server.port}/ (max message ${maxMessageSize} B)`,
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
