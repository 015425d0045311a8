/**
 * How fast the capture reader opens a large real capture, against tshark on the same file, in the
 * same run. A ~100 MB capture of one WebSocket connection carrying tens of thousands of messages is
 * made with dumpcap on the loopback interface (into /tmp, never committed); then `tshark -r F -Y
 * websocket -T fields -e websocket.opcode` is timed, ws101's reader (src/capture, in Node: the
 * same code the page's worker runs) from the file's bytes to the summary's message counts, and the
 * built site in Chromium opening the file through #/capture's input until its summary shows those
 * counts (capture.page.ts: long tasks and the browser's peak memory too). The last line is the
 * page's time over tshark's.
 * Figures are printed, never asserted. Run: npm run bench:capture (needs dumpcap rights: root here).
 * KEEP=1 reuses the capture made by an earlier run; SLOWDOWN=4 opens it a second time with the page's
 * CPU slowed 4× (CDP throttling), to see the page's tasks as a loaded machine would make them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { openInPage } from './capture.page.ts';

const FILE = '/tmp/ws101-capture-bench.pcapng';
const MESSAGES = Number(process.env.MESSAGES ?? 32_000);
const SIZE = 1500; // bytes per message: each is echoed, so ~2 × 32 000 × 1.5 KB ≈ 100 MB with headers
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function makeCapture(): Promise<void> {
  rmSync(FILE, { force: true });
  const http = createServer();
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as { port: number }).port;
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (d, binary) => ws.send(d, { binary })));
  const cap = spawn('dumpcap', ['-i', 'lo', '-B', '256', '-f', `tcp port ${port}`, '-w', FILE, '-q'], {
    stdio: 'ignore',
  });
  await sleep(1500);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  let echoed = 0;
  const done = new Promise<void>((r) => ws.on('message', () => ++echoed === MESSAGES && r()));
  const text = 'ws101 '.repeat(SIZE / 6);
  // In windows of 500, so the loopback's buffers (and dumpcap) keep up without drops.
  for (let i = 0; i < MESSAGES; i += 500) {
    for (let j = i; j < Math.min(MESSAGES, i + 500); j++) ws.send(`${j} ${text}`);
    while (echoed < Math.min(MESSAGES, i + 500) - 100) await sleep(2);
  }
  await done;
  ws.close(1000, 'done');
  await new Promise((r) => ws.once('close', r));
  await sleep(1000);
  const exit = new Promise((r) => cap.once('exit', r));
  cap.kill('SIGTERM');
  await exit;
  wss.close();
  http.close();
}

if (!process.env.KEEP || !statSync(FILE, { throwIfNoEntry: false })) await makeCapture();
const bytes = statSync(FILE).size;
console.log(`capture: ${FILE}, ${(bytes / 1e6).toFixed(1)} MB, ${MESSAGES} messages each way`);

const t = performance.now();
const out = execFileSync(
  'tshark',
  ['-r', FILE, '-Y', 'websocket', '-T', 'fields', '-e', 'websocket.opcode'],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  },
);
const tshark = performance.now() - t;
const tsharkFrames = out.split('\n').filter((l) => l.length > 0).length;
console.log(`tshark: ${tshark.toFixed(0)} ms, ${tsharkFrames} frames`);

// ws101 in a fresh process, as the page's worker is: nothing of the generator's heap in its way.
const ours = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'capture.read.ts'), FILE], {
    encoding: 'utf8',
  }),
) as { ms: number; frames: number; messages: { c2s: number; s2c: number }; gaps: number; peakRssMb: number };
console.log(
  `ws101 reader (Node, 1 MiB chunks as the worker reads): ${ours.ms.toFixed(0)} ms, ${ours.frames} frames, ` +
    `messages ${ours.messages.c2s}/${ours.messages.s2c}, gaps ${ours.gaps}, peak RSS ${ours.peakRssMb} MB`,
);
console.log('(tshark -T fields prints one line per packet: several frames in one packet share a line)');
console.log(`reader time ours(Node)/tshark: ${(ours.ms / tshark).toFixed(2)}`);

// The page: the built site in Chromium, the file opened through #/capture's input, until the summary
// shows the message counts (the worker reads, the page draws the first connection).
const dist = '/tmp/ws101-capture-bench-dist';
execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
const page = await openInPage(dist, FILE, ours.messages.c2s);
console.log(
  `ws101 page (Chromium, #/capture, file input → summary): ${page.ms.toFixed(0)} ms; summary "${page.summary}"; ` +
    `diagram drawn at ${page.drawnMs.toFixed(0)} ms`,
);
console.log(
  `long tasks on the page's thread: ${page.longTasks} (longest ${page.longestTaskMs} ms, ${page.tasksOver200} over 200 ms); ` +
    `browser RSS peak ${page.peakRssMb} MB (${page.baselineRssMb} MB before opening)`,
);
const slowdown = Number(process.env.SLOWDOWN ?? 1);
if (slowdown > 1) {
  const slow = await openInPage(dist, FILE, ours.messages.c2s, slowdown);
  console.log(
    `page with its CPU slowed ${slowdown}×: summary at ${slow.ms.toFixed(0)} ms, diagram drawn at ${slow.drawnMs.toFixed(0)} ms; ` +
      `long tasks ${slow.longTasks} (longest ${slow.longestTaskMs} ms, ${slow.tasksOver200} over 200 ms)`,
  );
}
console.log(`import time ours/tshark: ${(page.ms / tshark).toFixed(2)}`);
