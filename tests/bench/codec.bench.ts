/**
 * `npm run bench`: our codec against the `ws` package's Receiver and Sender, in the same process and
 * run, so the ratio means something on a shared, noisy machine (absolute MB/s drift; ratios less so).
 *
 * - ws runs its pure-JavaScript path: `bufferutil` is not installed (and WS_NO_BUFFER_UTIL is set).
 * - Decode feeds the same wire bytes in 64 KiB chunks, as a socket delivers them, and counts messages.
 *   ours: a server `Connection` (decode, unmask, reassembly, UTF-8 validation, message events, text as string);
 *   ws:   `Receiver({ isServer: true })` + a 'message' listener that turns text into a string (data.toString()),
 *         so both sides end with the same thing: validated messages, text as JS strings. ws unmasks in place,
 *         so it gets a fresh copy of the input each run (copying is not timed).
 * - Encode builds masked client frames from payload bytes, with a fresh random masking key per frame:
 *   ours: `encodeFrameChunks` with keys from a pooled getRandomValues buffer (as `Connection` does);
 *   ws:   `Sender.frame(data, { mask: true, readOnly: true })` — the path `ws.send(buffer)` takes, which
 *         leaves the caller's buffer intact, as ours does.
 * Each figure is the best of several alternating runs. The last line is what CI and the README quote.
 */
process.env.WS_NO_BUFFER_UTIL = '1';

import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as ws from 'ws';
import { Connection, MaskKeys, Opcode, encodeFrameChunks, encodeFrame } from '../../src/protocol/index.ts';

// ws exports its Receiver and Sender classes (wrapper.mjs); @types/ws does not declare them.
const wsInternals = ws as unknown as { Receiver: unknown; Sender: unknown };
const Receiver = wsInternals.Receiver as new (o: object) => {
  write(c: Buffer): boolean;
  on(ev: 'message', cb: (data: Buffer, isBinary: boolean) => void): void;
  on(ev: 'error', cb: (e: Error) => void): void;
};
const Sender = wsInternals.Sender as { frame(data: Buffer, o: object): Buffer[] };
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

/** The client's wire bytes for the workload, cut into 64 KiB chunks. */
function wireFor(w: Workload, payload: Uint8Array): Uint8Array[] {
  const keys = crypto.getRandomValues(new Uint8Array(4 * Math.min(w.count, 4096)));
  const frameLen = encodeFrame({ opcode: w.opcode, payload, maskKey: keys.subarray(0, 4) }).length;
  const all = new Uint8Array(frameLen * w.count);
  for (let i = 0; i < w.count; i++) {
    const k = (i % 4096) * 4;
    all.set(encodeFrame({ opcode: w.opcode, payload, maskKey: keys.subarray(k, k + 4) }), i * frameLen);
  }
  const chunks: Uint8Array[] = [];
  for (let o = 0; o < all.length; o += CHUNK) chunks.push(all.subarray(o, Math.min(all.length, o + CHUNK)));
  return chunks;
}

function time(fn: () => number): { ms: number; result: number } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
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
  const keys = new MaskKeys((n) => crypto.getRandomValues(new Uint8Array(n)));
  const key = new Uint8Array(4); // reused, as ws reuses its maskBuffer: the header gets a copy
  for (let i = 0; i < w.count; i++) {
    const chunks = encodeFrameChunks({ fin: true, opcode: w.opcode, payload, maskKey: keys.fill(key) });
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

/** Ours through the whole client Connection (events, field-map-ready frames): reported, not in the ratio. */
function encodeEngine(w: Workload, payload: Uint8Array): number {
  const client = new Connection('client');
  let bytes = 0;
  for (let i = 0; i < w.count; i++) {
    client.sendFrame({ opcode: w.opcode, payload });
    for (const c of client.dataToSend()) bytes += c.length;
    if ((i & 1023) === 0) client.events();
  }
  return bytes;
}

const REPS = quick ? 1 : 3;
const fmt = (n: number): string => n.toFixed(n >= 100 ? 0 : 1);
const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

console.log(
  `ws101 codec benchmark — node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}`,
);
console.log(`ws ${wsVersion} without bufferutil (pure JS); chunks of 64 KiB; best of ${REPS}`);
console.log('');
console.log('workload                  | op     | ours MB/s | ws MB/s | ours/ws | (ours via Connection)');
console.log('--------------------------|--------|-----------|---------|---------|----------------------');

const ratios: number[] = [];
for (const w of WORKLOADS) {
  const payload = payloadFor(w);
  const chunks = wireFor(w, payload);
  const wireBytes = chunks.reduce((n, c) => n + c.length, 0);

  let bestOurs = Infinity,
    bestWs = Infinity;
  for (let r = 0; r < REPS; r++) {
    const ours = time(() => decodeOurs(chunks));
    const copies = chunks.map((c) => Buffer.from(c)); // ws unmasks in place: give it its own bytes
    const theirs = time(() => decodeWs(copies));
    if (ours.result !== w.count || theirs.result !== w.count) {
      throw new Error(`decode miscounted: ours ${ours.result}, ws ${theirs.result}, expected ${w.count}`);
    }
    bestOurs = Math.min(bestOurs, ours.ms);
    bestWs = Math.min(bestWs, theirs.ms);
  }
  const dOurs = mbps(wireBytes, bestOurs),
    dWs = mbps(wireBytes, bestWs);
  ratios.push(dOurs / dWs);
  console.log(
    `${w.name.padEnd(26)}| decode | ${fmt(dOurs).padStart(9)} | ${fmt(dWs).padStart(7)} | ${(dOurs / dWs).toFixed(2).padStart(7)} |`,
  );

  const buf = Buffer.from(payload);
  let eOurs = Infinity,
    eWs = Infinity,
    eEngine = Infinity,
    outBytes = 0;
  for (let r = 0; r < REPS; r++) {
    const ours = time(() => encodeOurs(w, payload));
    const theirs = time(() => encodeWs(w, buf));
    const engine = time(() => encodeEngine(w, payload));
    if (ours.result !== theirs.result || engine.result !== ours.result) {
      throw new Error(
        `encode sizes differ: ours ${ours.result}, ws ${theirs.result}, engine ${engine.result}`,
      );
    }
    outBytes = ours.result;
    eOurs = Math.min(eOurs, ours.ms);
    eWs = Math.min(eWs, theirs.ms);
    eEngine = Math.min(eEngine, engine.ms);
  }
  const o = mbps(outBytes, eOurs),
    t = mbps(outBytes, eWs),
    g = mbps(outBytes, eEngine);
  ratios.push(o / t);
  console.log(
    `${w.name.padEnd(26)}| encode | ${fmt(o).padStart(9)} | ${fmt(t).padStart(7)} | ${(o / t).toFixed(2).padStart(7)} | ${fmt(g)} MB/s, ${(g / t).toFixed(2)}× ws`,
  );
}
console.log('');
console.log(`min ratio ours/ws: ${Math.min(...ratios).toFixed(2)}`);
