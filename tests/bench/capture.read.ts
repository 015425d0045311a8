/**
 * The ws101 half of `npm run bench:capture`, in a process of its own (as the page's worker is): read
 * the file in 1 MiB chunks as the worker does, to the summary's message counts; print the figures as JSON.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CaptureAnalyzer } from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';

const file = process.argv[2]!;
const t = performance.now();
const size = statSync(file).size;
const a = new CaptureAnalyzer(size);
const fd = openSync(file, 'r');
const chunk = 1 << 20;
let peak = 0;
for (let o = 0; o < size; o += chunk) {
  const buf = new Uint8Array(Math.min(chunk, size - o));
  readSync(fd, buf, 0, buf.length, o);
  if (!a.push(buf)) break;
  peak = Math.max(peak, process.memoryUsage().rss);
}
closeSync(fd);
const r = a.finish({ codec: pakoCodec });
const ms = performance.now() - t;
peak = Math.max(peak, process.memoryUsage().rss);
const ws =
  r.ok && r.kind === 'capture' ? r.report.connections.find((c) => c.kind === 'websocket') : undefined;
const s = ws && ws.kind === 'websocket' ? ws : null;
console.log(
  JSON.stringify({
    ms,
    frames: s?.ws.frames.length ?? 0,
    messages: s?.summary.messages ?? null,
    gaps: s?.summary.gaps.count ?? null,
    peakRssMb: Math.round(peak / 1e6),
  }),
);
