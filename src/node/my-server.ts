/**
 * The learner's server file from `#/build`, run unchanged under Node on real TCP:
 *
 *   npm run my-server -- path/to/my-server.js [--port 9001] [--host 127.0.0.1]
 *
 * The file's default export gets each accepted socket, as `net.createServer(onConnection)` would give it
 * (issue 15's contract): Node's net.Socket already has the interface the page's sandbox imitates, so the
 * socket itself is passed. This wrapper adds only what a learner needs from a CLI: one line saying
 * where it listens, one clear line for each usual failure (no file, a syntax error, no default export,
 * port in use) instead of a stack, and a server that outlives a throw in the learner's code — that
 * connection is destroyed and the line of the file that threw is printed; the others go on.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseModule, type Program } from 'acorn';
import { escapeForLog } from './log-escape.ts';
import { startTestPage } from './test-page.ts';

/** The learner's default export. */
export type OnConnection = (socket: net.Socket) => unknown;

/** Why a file cannot be served; each becomes one line on stderr and exit code 1. */
export type LoadProblem =
  | { readonly kind: 'missing'; readonly file: string }
  | {
      readonly kind: 'syntax';
      readonly file: string;
      readonly line: number;
      readonly column: number;
      readonly message: string;
    }
  | { readonly kind: 'import-failed'; readonly file: string; readonly message: string }
  | { readonly kind: 'no-default-function'; readonly file: string; readonly got: string };

export type Loaded =
  | { readonly ok: true; readonly onConnection: OnConnection; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problem: LoadProblem };

/** What the page's sandbox lets a learner's file import (issue 15); anything else works here only. */
const PAGE_IMPORTS = new Set(['node:crypto', 'crypto', 'node:buffer', 'buffer']);

/** Check the file (acorn, as the page does) and import it; every usual failure is a value, not a throw. */
export async function loadServerFile(file: string): Promise<Loaded> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return fail({ kind: 'missing', file });
  const source = readFileSync(absolute, 'utf8');
  let program: Program;
  try {
    program = parseModule(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (err) {
    // Node 20's own SyntaxError for an ES module carries no line; acorn's does ("… (3:10)").
    const e = err as SyntaxError & { loc?: { line: number; column: number } };
    const { line = 0, column = 0 } = e.loc ?? {};
    const message = e.message.replace(/ \(\d+:\d+\)$/, '');
    return fail({ kind: 'syntax', file, line, column: column + 1, message });
  }
  const warnings = program.body.flatMap((node) => {
    const from =
      node.type === 'ImportDeclaration' ||
      ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source)
        ? String(node.source?.value)
        : null;
    return from !== null && !PAGE_IMPORTS.has(from)
      ? [`imports '${from}': it runs here, but the #/build page allows only node:crypto and node:buffer`]
      : [];
  });
  let exported: unknown;
  try {
    exported = ((await import(pathToFileURL(absolute).href)) as { default?: unknown }).default;
  } catch (err) {
    // A module that throws while it loads, or imports something that is not there.
    return fail({ kind: 'import-failed', file, message: errorLine(err, absolute) });
  }
  if (typeof exported !== 'function')
    return fail({ kind: 'no-default-function', file, got: typeof exported });
  return { ok: true, onConnection: exported as OnConnection, warnings };
}

function fail(problem: LoadProblem): Loaded {
  return { ok: false, problem };
}

export function describeLoadProblem(p: LoadProblem): string {
  switch (p.kind) {
    case 'missing':
      return `no such file: ${p.file}`;
    case 'syntax':
      return `${p.file}:${p.line}:${p.column}: SyntaxError: ${p.message}`;
    case 'import-failed':
      return `${p.file} could not be loaded: ${p.message}`;
    case 'no-default-function':
      return (
        `${p.file} has no default export function (got ${p.got === 'undefined' ? 'none' : `a ${p.got}`}): ` +
        'write `export default function onConnection(socket) { … }` in an ES module'
      );
  }
}

export interface MyServerOptions {
  readonly onConnection: OnConnection;
  /** The learner's file, to point at the line that threw. */
  readonly file: string;
  readonly port?: number;
  /** 127.0.0.1 by default: code being written is nothing to put on other interfaces. */
  readonly host?: string;
  /** Where error lines go (stderr by default); lines are escaped for a terminal. */
  readonly log?: (line: string) => void;
}

export interface MyServer {
  readonly port: number;
  readonly host: string;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listen and hand each socket to the learner's function. Rejects with Node's error (err.code
 * EADDRINUSE, EACCES, …) if the port cannot be had.
 */
export function startMyServer(options: MyServerOptions): Promise<MyServer> {
  const host = options.host ?? '127.0.0.1';
  const absolute = path.resolve(options.file);
  const print = options.log ?? ((line: string) => console.error(line));
  const log = (line: string) => print(escapeForLog(line));
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    const id = nextId++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Without an 'error' listener, one peer's reset (ECONNRESET) would crash the server for everyone.
    socket.on('error', () => {});
    const crashed = (err: unknown, where: string) => {
      log(`#${id} your code threw ${where}: ${errorLine(err, absolute)} — this connection was destroyed`);
      socket.destroy();
    };
    guardListeners(socket, crashed);
    try {
      const result = options.onConnection(socket);
      if (isThenable(result)) result.then(undefined, (err: unknown) => crashed(err, 'in onConnection'));
    } catch (err) {
      crashed(err, 'in onConnection');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9001, host, () => {
      server.off('error', reject);
      server.on('error', (err) => log(`server error: ${err.message}`));
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        host,
        url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Wrap every listener the learner adds so a throw in it (or a rejection, for an async one) is caught
 * with the socket it belongs to. A throw inside a 'data' listener would otherwise reach Node's
 * uncaughtException and end the process. `listener` on the wrapper is how Node's EventEmitter finds a
 * `once` wrapper on removal, so `socket.off(event, fn)` still removes it.
 */
function guardListeners(socket: net.Socket, crashed: (err: unknown, where: string) => void): void {
  type Listener = (...args: unknown[]) => unknown;
  const wrap = (event: string | symbol, fn: Listener): Listener => {
    const where = `in its '${String(event)}' listener`;
    const guarded = Object.assign(
      function (this: unknown, ...args: unknown[]) {
        try {
          const result = fn.apply(this, args);
          if (isThenable(result)) result.then(undefined, (err: unknown) => crashed(err, where));
          return result;
        } catch (err) {
          crashed(err, where);
          return undefined;
        }
      },
      { listener: fn },
    );
    return guarded;
  };
  for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener'] as const) {
    const original = socket[method].bind(socket) as (event: string | symbol, fn: Listener) => net.Socket;
    Object.defineProperty(socket, method, {
      value: (event: string | symbol, fn: Listener) =>
        original(event, typeof fn === 'function' ? wrap(event, fn) : fn),
      configurable: true,
      writable: true,
    });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** "TypeError: x is not a function (at my-server.js:42:11)": the error and the learner's line it came from. */
export function errorLine(err: unknown, absolute: string): string {
  if (!(err instanceof Error)) return `${String(err)} (thrown, not an Error)`;
  const href = pathToFileURL(absolute).href;
  const frame = (err.stack ?? '')
    .split('\n')
    .map((l) => /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/.exec(l.trim()))
    .find((m) => m && (m[1] === href || m[1] === absolute));
  const relative = path.relative(userDirectory(), absolute);
  const shown = relative && !relative.startsWith('..') ? relative : absolute;
  const where = frame ? ` (at ${shown}:${frame[2]}:${frame[3]})` : '';
  // One line: a message may carry more (Node's "Require stack:" list), the first says what happened.
  return `${err.name}: ${err.message.split('\n')[0]}${where}`;
}

/** `npm run` moves to the package's folder; INIT_CWD is where the learner typed the command. */
function userDirectory(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

// ── CLI ────────────────────────────────────────────────────────────────────

const PREFIX = 'ws101 my-server:';

function usage(): string {
  return [
    'npm run my-server -- path/to/my-server.js [flags]',
    '  --port N       TCP port (9001; 0 picks a free one and prints it)',
    '  --host ADDR    interface to listen on (127.0.0.1)',
    "  --page         also serve a test page that connects to it with the browser's WebSocket",
    "  --page-port N  the test page's port (the server's + 1; 0 picks a free one)",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '9001' },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', default: false },
        page: { type: 'boolean', default: false },
        'page-port': { type: 'string' },
      },
    });
  } catch (err) {
    console.error(`${PREFIX} ${(err as Error).message}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(`${PREFIX} give exactly one file to run\n\n${usage()}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${PREFIX} --port must be an integer from 0 to 65535, got ${values.port}`);
    return 2;
  }

  const absolute = path.resolve(userDirectory(), file);
  const loaded = await loadServerFile(absolute);
  if (!loaded.ok) {
    console.error(`${PREFIX} ${describeLoadProblem(loaded.problem)}`);
    return 1;
  }
  for (const w of loaded.warnings) console.error(`${PREFIX} note: ${absolute} ${w}`);

  let server: MyServer;
  try {
    server = await startMyServer({
      onConnection: loaded.onConnection,
      file: absolute,
      port,
      host: values.host,
      log: (line) => console.error(`${PREFIX} ${line}`),
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${port} on ${values.host} is in use (another server?): pick another with --port`
        : e.code === 'EACCES'
          ? `not allowed to listen on port ${port} on ${values.host}: pick one above 1023 with --port`
          : `cannot listen on ${values.host}:${port}: ${e.message}`;
    console.error(`${PREFIX} ${why}`);
    return 1;
  }
  console.log(`${PREFIX} ${server.url} (file ${absolute})`);
  if (values.page) {
    const pagePort =
      values['page-port'] === undefined ? (server.port + 1) % 65536 : Number(values['page-port']);
    if (!Number.isInteger(pagePort) || pagePort < 0 || pagePort > 65535) {
      console.error(`${PREFIX} --page-port must be an integer from 0 to 65535, got ${values['page-port']}`);
      return 2;
    }
    try {
      const page = await startTestPage({ host: values.host, port: pagePort, wsUrl: server.url });
      console.log(`${PREFIX} test page: ${page.url} (open it in a browser; it connects to ${server.url})`);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      console.error(
        `${PREFIX} no test page: port ${pagePort} is not free (${e.code ?? e.message}); try --page-port 0`,
      );
    }
  }
  // A throw from a timer or a promise the learner started is tied to no socket: say so, keep serving.
  process.on('uncaughtException', (err) =>
    console.error(
      escapeForLog(`${PREFIX} your code threw outside any socket event: ${errorLine(err, absolute)}`),
    ),
  );
  process.on('unhandledRejection', (err) =>
    console.error(escapeForLog(`${PREFIX} a promise in your code was rejected: ${errorLine(err, absolute)}`)),
  );
  // No SIGINT handler on purpose: Node's default exit works even while the learner's code is stuck in a
  // loop, where a JavaScript handler would never run. The OS closes the sockets.
  return -1; // keep running
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: unknown) => {
      console.error(`${PREFIX} ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
