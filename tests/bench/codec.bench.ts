/**
 * `npm run bench`: our engine against the `ws` package, in the same process and run, so the ratio means
 * something on a shared, noisy machine. Each pair compares the same layer of the two libraries:
 *
 * - decode: wire bytes (client frames, masked) fed in 64 KiB chunks, as a socket delivers them, to
 *   validated messages with text as JS strings.
 *   ours: a server `Connection` (decode, unmask, reassembly, UTF-8 validation, message events);
 *   ws:   `Receiver({ isServer: true })` + a 'message' listener that turns text into a string.
 *   ws unmasks in place, so it gets a fresh copy of the input each run (copying is not timed).
 * - encode: masked client frames from payload bytes, a fresh random masking key per frame.
 *   ours: `encodeFrameChunks`, keys from a pooled getRandomValues buffer (64 KiB, as Connection's);
 *   ws:   `Sender.frame(data, { mask: true, readOnly: true })`, the framing under `ws.send(buffer)`,
 *         which leaves the caller's buffer intact as ours does. Both reuse one options object.
 * - send: the endpoint's whole send path, up to the socket.
 *   ours: `Connection.sendFrame` then `dataToSend()` after every frame (as the socket driver does),
 *         with a `frame-out` event per frame (drained every 1,024 frames);
 *   ws:   a `Sender` (the object `WebSocket.send` hands its frames to) writing to a socket stub that
 *         counts bytes: `sender.send(data, { mask: true, fin: true })`.
 *
 * ws runs its pure-JavaScript path: `bufferutil` is not installed (and WS_NO_BUFFER_UTIL is set).
 * Time is CPU time (process.cpuUsage, user + system): the machine is shared (load average 10–19 while
 * this was written), and wall time counts the waits for a core, which CPU time does not. Runs alternate
 * ours / ws; each figure is the best of 9 runs (16-byte frames) or 5,
 * and the spread is the range of the per-run ratios. The
 * last line is the minimum over every pair of the best ratios: what CI and the README quote.
 *
 * Then permessage-deflate: the same decode and send paths with compression on, against ws with its
 * perMessageDeflate (Node's native zlib) — reported for what it is, and not in that minimum.
 */
process.env.WS_NO_BUFFER_UTIL = '1';

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import zlib from 'node:zlib';
import * as ws from 'ws';
import {
  Connection,
  DEFAULT_DEFLATE_PARAMS,
  MaskKeys,
  Opcode,
  encodeFrameChunks,
} from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';

// ws exports its Receiver, Sender and PerMessageDeflate classes (wrapper.mjs); @types/ws does not declare them.
const wsInternals = ws as unknown as { Receiver: unknown; Sender: unknown; PerMessageDeflate: unknown };
interface WsDeflate {
  accept(offers: object[]): object;
}
const PerMessageDeflate = wsInternals.PerMessageDeflate as new (o: object) => WsDeflate;
const Receiver = wsInternals.Receiver as new (o: object) => {
  write(c: Buffer): boolean;
  on(ev: 'message', cb: (data: Buffer, isBinary: boolean) => void): void;
  on(ev: 'error', cb: (e: Error) => void): void;
};
interface SocketStub {
  cork(): void;
  uncork(): void;
  write(chunk: Buffer, cb?: () => void): boolean;
}
const Sender = wsInternals.Sender as {
  frame(data: Buffer, o: object): Buffer[];
  new (
    socket: SocketStub,
    extensions?: object,
  ): { send(data: Buffer | string, options: object, cb?: (err?: Error) => void): void };
};
const wsVersion = (
  JSON.parse(readFileSync(new URL('../../node_modules/ws/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const CHUNK = 64 * 1024;
const quick = process.argv.includes('--quick'); // a smoke run for tests: 1/100 of the work

interface Workload {
  name: string;
  count: number;
  size: number;
  opcode: number;
}
const WORKLOADS: Workload[] = [
  { name: '16-byte text ×1,000,000', count: 1_000_000, size: 16, opcode: Opcode.Text },
  { name: '64 KiB binary ×2,000', count: 2_000, size: 64 * 1024, opcode: Opcode.Binary },
  { name: '16 MiB binary ×20', count: 20, size: 16 * 1024 * 1024, opcode: Opcode.Binary },
].map((w) => (quick ? { ...w, count: Math.max(2, Math.ceil(w.count / 100)) } : w));

function payloadFor(w: Workload): Uint8Array {
  const p = new Uint8Array(w.size);
  if (w.opcode === Opcode.Text)
    p.set(new TextEncoder().encode('hello, WebSocket'.padEnd(w.size, '!').slice(0, w.size)));
  else for (let i = 0; i < p.length; i++) p[i] = (i * 31) & 0xff;
  return p;
}

/**
 * The client's wire bytes for the workload, cut into 64 KiB chunks. Framed here by hand, not by either
 * library: building a million frames with our encoder first left its property caches shaped by the
 * setup's options objects, and the timed runs 10 % slower.
 */
function wireFor(w: Workload, payload: Uint8Array): Uint8Array[] {
  const n = payload.length;
  const hlen = (n <= 125 ? 2 : n <= 0xffff ? 4 : 10) + 4;
  const frameLen = hlen + n;
  const all = new Uint8Array(frameLen * w.count);
  const keys = crypto.getRandomValues(new Uint8Array(4 * 4096));
  for (let i = 0; i < w.count; i++) {
    const at = i * frameLen;
    all[at] = 0x80 | w.opcode;
    if (n <= 125) all[at + 1] = 0x80 | n;
    else if (n <= 0xffff) {
      all[at + 1] = 0x80 | 126;
      all[at + 2] = n >>> 8;
      all[at + 3] = n & 0xff;
    } else {
      all[at + 1] = 0x80 | 127;
      for (let b = 0; b < 8; b++) all[at + 2 + b] = Math.floor(n / 2 ** (8 * (7 - b))) & 0xff;
    }
    const k = (i % 4096) * 4;
    for (let b = 0; b < 4; b++) all[at + hlen - 4 + b] = keys[k + b]!;
    for (let j = 0; j < n; j++) all[at + hlen + j] = payload[j]! ^ keys[k + (j & 3)]!;
  }
  const chunks: Uint8Array[] = [];
  for (let o = 0; o < all.length; o += CHUNK) chunks.push(all.subarray(o, Math.min(all.length, o + CHUNK)));
  return chunks;
}

/** CPU milliseconds (user + system) spent in `fn`, and what it returned. */
function time(fn: () => number): { ms: number; result: number } {
  const t0 = process.cpuUsage();
  const result = fn();
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000, result };
}

function decodeOurs(chunks: Uint8Array[]): number {
  const server = new Connection('server', { maxMessageSize: 32 * 1024 * 1024 });
  let messages = 0;
  for (const c of chunks) {
    server.receiveData(c);
    for (const e of server.events()) if (e.type === 'message') messages++;
  }
  return messages;
}

function decodeWs(chunks: Buffer[]): number {
  const r = new Receiver({ isServer: true, maxPayload: 32 * 1024 * 1024 });
  let messages = 0;
  let sink = 0;
  r.on('message', (data, isBinary) => {
    messages++;
    if (!isBinary) sink += data.toString().length;
  });
  r.on('error', (e) => {
    throw e;
  });
  for (const c of chunks) r.write(c);
  return messages + (sink < 0 ? 1 : 0);
}

function encodeOurs(w: Workload, payload: Uint8Array): number {
  let bytes = 0;
  // A 64 KiB pool, as a Connection draws its keys (ws draws from an 8 KiB one).
  const keys = new MaskKeys((n) => crypto.getRandomValues(new Uint8Array(n)), 65536);
  const key = new Uint8Array(4); // refilled per frame, as ws refills its maskBuffer: the header gets a copy
  const spec = { fin: true, opcode: w.opcode, payload, maskKey: key };
  for (let i = 0; i < w.count; i++) {
    keys.fill(key);
    const chunks = encodeFrameChunks(spec);
    for (const c of chunks) bytes += c.length;
  }
  return bytes;
}

function encodeWs(w: Workload, payload: Buffer): number {
  let bytes = 0;
  const opts = { fin: true, opcode: w.opcode, mask: true, readOnly: true, rsv1: false };
  for (let i = 0; i < w.count; i++) {
    const chunks = Sender.frame(payload, opts);
    for (const c of chunks) bytes += c.length;
  }
  return bytes;
}

function sendOurs(w: Workload, payload: Uint8Array): number {
  const client = new Connection('client');
  const spec = { opcode: w.opcode, payload };
  let bytes = 0;
  for (let i = 0; i < w.count; i++) {
    client.sendFrame(spec);
    for (const c of client.dataToSend()) bytes += c.length;
    if ((i & 1023) === 0) client.events();
  }
  return bytes;
}

function sendWs(w: Workload, payload: Buffer): number {
  let bytes = 0;
  const socket: SocketStub = {
    cork() {},
    uncork() {},
    write(chunk) {
      bytes += chunk.length;
      return true;
    },
  };
  const sender = new Sender(socket);
  const opts = { binary: w.opcode === Opcode.Binary, compress: false, fin: true, mask: true };
  for (let i = 0; i < w.count; i++) sender.send(payload, opts);
  return bytes;
}

/** Runs per pair: more for the short small-frame runs, which a busy machine disturbs most. */
const repsFor = (w: Workload): number => (quick ? 1 : w.size < 1024 ? 9 : 5);
const fmt = (n: number): string => n.toFixed(n >= 100 ? 0 : 1);
const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

interface Row {
  readonly workload: string;
  readonly op: string;
  readonly ours: number;
  readonly ws: number;
  /** Range of the per-run ratios. */
  readonly spread: readonly [number, number];
}

/**
 * Alternate ours and ws `reps` times; best of each, and the spread of the per-run ratios. `theirs` is
 * made fresh for each run, untimed (ws's decoder gets its own copy of the bytes to unmask in place).
 */
function pair(
  workload: string,
  reps: number,
  op: string,
  bytes: number,
  ours: () => number,
  theirs: () => () => number,
  check: (a: number, b: number) => void,
): Row {
  let bestOurs = Infinity,
    bestWs = Infinity;
  const ratios: number[] = [];
  for (let r = 0; r < reps; r++) {
    const a = time(ours);
    const b = time(theirs());
    check(a.result, b.result);
    bestOurs = Math.min(bestOurs, a.ms);
    bestWs = Math.min(bestWs, b.ms);
    ratios.push(b.ms / a.ms);
  }
  return {
    workload,
    op,
    ours: mbps(bytes, bestOurs),
    ws: mbps(bytes, bestWs),
    spread: [Math.min(...ratios), Math.max(...ratios)],
  };
}

function print(row: Row): void {
  const ratio = row.ours / row.ws;
  console.log(
    `${row.workload.padEnd(26)}| ${row.op.padEnd(6)} | ${fmt(row.ours).padStart(9)} | ${fmt(row.ws).padStart(7)} | ${ratio
      .toFixed(2)
      .padStart(7)} | ${row.spread[0].toFixed(2)}–${row.spread[1].toFixed(2)}`,
  );
}

console.log(
  `ws101 codec benchmark — node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `ws ${wsVersion} without bufferutil (pure JS); chunks of 64 KiB; CPU time; best of ${repsFor(WORKLOADS[0]!)} (small) / ${repsFor(WORKLOADS[2]!)} (large), alternating`,
);
console.log('');
console.log('workload                  | op     | ours MB/s | ws MB/s | ours/ws | spread');
console.log('--------------------------|--------|-----------|---------|---------|----------');

const rows: Row[] = [];
for (const w of WORKLOADS) {
  const payload = payloadFor(w);
  const n = payload.length;
  const wireBytes = w.count * ((n <= 125 ? 2 : n <= 0xffff ? 4 : 10) + 4 + n);
  const same = (what: string) => (a: number, b: number) => {
    if (a !== b) throw new Error(`${what} differ: ours ${a}, ws ${b}`);
  };
  const reps = repsFor(w);
  const workloadRows: Row[] = [];
  // Encoding first, with nothing else alive: the decode input (22 MB for the small frames) would be
  // old-generation heap that both sides' collections have to live with.
  const buf = Buffer.from(payload);
  workloadRows.push(
    pair(
      w.name,
      reps,
      'encode',
      wireBytes,
      () => encodeOurs(w, payload),
      () => () => encodeWs(w, buf),
      same('encode sizes'),
    ),
    pair(
      w.name,
      reps,
      'send',
      wireBytes,
      () => sendOurs(w, payload),
      () => () => sendWs(w, buf),
      same('sent bytes'),
    ),
  );
  const chunks = wireFor(w, payload);
  workloadRows.unshift(
    pair(
      w.name,
      reps,
      'decode',
      wireBytes,
      () => decodeOurs(chunks),
      () => {
        const copies = chunks.map((c) => Buffer.from(c));
        return () => decodeWs(copies);
      },
      (a, b) => {
        if (a !== w.count || b !== w.count) throw new Error(`decode miscounted: ours ${a}, ws ${b}`);
      },
    ),
  );
  for (const row of workloadRows) print(row);
  rows.push(...workloadRows);
}

// ── permessage-deflate (RFC 7692): reported, not in the min ratio ─────────────────────────────────

/*
 * ws compresses and inflates with Node's zlib (C, on libuv's thread pool, asynchronously); ours is pako,
 * JavaScript on the calling thread, synchronously, the same code as in the page. CPU time counts every
 * thread of the process, so zlib's pool is charged to ws. MB/s are of message payload (uncompressed),
 * context takeover on, 32 KiB windows, level 6 on both sides; the compressed sizes are printed as well.
 */
interface Compressed {
  name: string;
  messages: string[];
}
const COMPRESSED: Compressed[] = [
  {
    name: 'JSON ~60 B ×50,000',
    messages: Array.from(
      { length: quick ? 500 : 50_000 },
      (_, i) =>
        `{"type":"tick","seq":${i},"symbol":"WS${i % 17}","price":${(100 + (i % 50) / 7).toFixed(3)}}`,
    ),
  },
  {
    name: '64 KiB text ×400',
    messages: Array.from({ length: quick ? 4 : 400 }, (_, i) =>
      Array.from({ length: 2048 }, (_, j) => `line ${(i * 31 + j) % 997}: ok\n`)
        .join('')
        .slice(0, 65536),
    ),
  },
];

/** The messages as a client sends them compressed: masked frames, sync-flushed DEFLATE from Node's zlib. */
async function compressedWire(messages: readonly string[]): Promise<Uint8Array[]> {
  const deflater = zlib.createDeflateRaw({ windowBits: 15 });
  const frames: Uint8Array[] = [];
  const keys = crypto.getRandomValues(new Uint8Array(4 * 4096));
  for (let i = 0; i < messages.length; i++) {
    const out: Buffer[] = [];
    const onData = (c: Buffer) => out.push(c);
    deflater.on('data', onData);
    deflater.write(messages[i]!);
    await new Promise<void>((resolve) => deflater.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    deflater.off('data', onData);
    const data = Buffer.concat(out);
    const k = (i % 4096) * 4;
    frames.push(
      encodeFrameChunks({
        rsv1: true,
        opcode: Opcode.Text,
        payload: data.subarray(0, data.length - 4),
        maskKey: keys.subarray(k, k + 4),
      })[0]!,
    );
  }
  const all = Buffer.concat(frames);
  const chunks: Uint8Array[] = [];
  for (let o = 0; o < all.length; o += CHUNK) chunks.push(all.subarray(o, Math.min(all.length, o + CHUNK)));
  return chunks;
}

const deflateOurs = { codec: pakoCodec, params: DEFAULT_DEFLATE_PARAMS };

function inflateOurs(chunks: readonly Uint8Array[]): number {
  const server = new Connection('server', { maxMessageSize: 32 << 20, deflate: deflateOurs });
  let messages = 0;
  for (const c of chunks) {
    server.receiveData(c);
    for (const e of server.events()) if (e.type === 'message') messages++;
  }
  return messages;
}

function inflateWs(chunks: readonly Buffer[], expected: number): Promise<number> {
  const pmd = new PerMessageDeflate({ isServer: true, maxPayload: 32 << 20 });
  pmd.accept([{}]);
  const r = new Receiver({
    isServer: true,
    maxPayload: 32 << 20,
    extensions: { 'permessage-deflate': pmd },
  });
  return new Promise((resolve, reject) => {
    let messages = 0;
    r.on('message', (data) => {
      messages += data.toString().length >= 0 ? 1 : 0;
      if (messages === expected) resolve(messages);
    });
    r.on('error', reject);
    for (const c of chunks) r.write(c as Buffer);
  });
}

function deflateSendOurs(messages: readonly string[]): number {
  const client = new Connection('client', { deflate: deflateOurs });
  let bytes = 0;
  for (let i = 0; i < messages.length; i++) {
    client.sendText(messages[i]!);
    for (const c of client.dataToSend()) bytes += c.length;
    if ((i & 1023) === 0) client.events();
  }
  return bytes;
}

function deflateSendWs(messages: readonly string[]): Promise<number> {
  let bytes = 0;
  // The callback ws passes with a frame's last chunk is how it says the message went out.
  const counting: SocketStub = {
    cork() {},
    uncork() {},
    write(chunk, cb) {
      bytes += chunk.length;
      cb?.();
      return true;
    },
  };
  const pmd = new PerMessageDeflate({ isServer: false });
  pmd.accept([{}]);
  const sender = new Sender(counting, { 'permessage-deflate': pmd });
  const opts = { binary: false, compress: true, fin: true, mask: true };
  return new Promise((resolve, reject) => {
    let done = 0;
    for (const m of messages)
      sender.send(m, opts, (err) => {
        if (err) reject(err);
        else if (++done === messages.length) resolve(bytes);
      });
  });
}

async function timeAsync(fn: () => Promise<number> | number): Promise<{ ms: number; result: number }> {
  const t0 = process.cpuUsage();
  const result = await fn();
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000, result };
}

console.log('');
console.log(
  'permessage-deflate (ours: pako, synchronous JS; ws: Node’s native zlib, thread pool) — not in the min ratio',
);
console.log(
  'workload                  | op     | ours MB/s | ws MB/s | ours/ws | spread    | bytes on the wire',
);
console.log(
  '--------------------------|--------|-----------|---------|---------|-----------|------------------',
);
for (const w of COMPRESSED) {
  const bytes = w.messages.reduce((n, m) => n + Buffer.byteLength(m), 0);
  const wire = await compressedWire(w.messages);
  const wireBytes = wire.reduce((n, c) => n + c.length, 0);
  const reps = quick ? 1 : 5;
  for (const op of ['decode', 'send'] as const) {
    let bestOurs = Infinity,
      bestWs = Infinity,
      oursOut = 0,
      wsOut = 0;
    const ratios: number[] = [];
    for (let r = 0; r < reps; r++) {
      const copies = wire.map((c) => Buffer.from(c));
      const a = await timeAsync(() => (op === 'decode' ? inflateOurs(wire) : deflateSendOurs(w.messages)));
      const b = await timeAsync(() =>
        op === 'decode' ? inflateWs(copies, w.messages.length) : deflateSendWs(w.messages),
      );
      if (op === 'decode' && (a.result !== w.messages.length || b.result !== w.messages.length)) {
        throw new Error(`inflate miscounted: ours ${a.result}, ws ${b.result}`);
      }
      oursOut = a.result;
      wsOut = b.result;
      bestOurs = Math.min(bestOurs, a.ms);
      bestWs = Math.min(bestWs, b.ms);
      ratios.push(b.ms / a.ms);
    }
    const o = mbps(bytes, bestOurs),
      t = mbps(bytes, bestWs);
    const sizes = op === 'decode' ? `${wireBytes} (zlib)` : `ours ${oursOut}, ws ${wsOut}`;
    console.log(
      `${w.name.padEnd(26)}| ${op.padEnd(6)} | ${fmt(o).padStart(9)} | ${fmt(t).padStart(7)} | ${(o / t)
        .toFixed(2)
        .padStart(
          7,
        )} | ${`${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`.padEnd(9)} | ${sizes}`,
    );
  }
}

console.log('');
console.log(`min ratio ours/ws: ${Math.min(...rows.map((r) => r.ours / r.ws)).toFixed(2)}`);
