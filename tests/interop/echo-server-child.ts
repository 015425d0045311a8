/**
 * The echo server in a process of its own, so the RSS a test measures is the server's alone
 * (tests/interop/echo-server-hostile.test.ts, and the README figures from echo-server-measure.ts).
 *
 *   node --import tsx tests/interop/echo-server-child.ts '<EchoServerOptions as JSON>'
 *
 * Talks to its parent over the IPC channel (child_process.fork):
 *   → { type: 'listening', port }           once it accepts connections
 *   → { type: 'log', line }                 every log line the server writes
 *   ← { type: 'stats', resetPeak? }  → { type: 'stats', rss, peakRss, heapUsed, cpuMicros, connections }
 * Peak RSS is sampled here, every 20 ms, so a busy parent (the attacker) cannot miss it.
 */
import { startEchoServer, type EchoServerOptions } from '../../src/node/echo-server.ts';

const send = (message: object): void => {
  process.send?.(message);
};

const options = JSON.parse(process.argv[2] ?? '{}') as EchoServerOptions;
let peakRss = process.memoryUsage().rss;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20).unref();

const server = await startEchoServer({ ...options, log: (line) => send({ type: 'log', line }) });

process.on('message', (message: { type: string; resetPeak?: boolean }) => {
  if (message.type !== 'stats') return;
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  const cpu = process.cpuUsage();
  send({
    type: 'stats',
    rss,
    peakRss,
    heapUsed,
    cpuMicros: cpu.user + cpu.system,
    // Absent on servers older than the connection cap (the README's "before" run).
    connections: (server as { connections?: number }).connections ?? -1,
  });
  if (message.resetPeak) peakRss = rss;
});
// The parent going away (a test run killed mid-way) takes the server with it: nothing is left listening.
process.on('disconnect', () => process.exit(0));

send({ type: 'listening', port: server.port });
