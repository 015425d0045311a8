/**
 * The README's echo-server figures: what two hostile peers cost the server, measured as the server
 * process's own RSS (the server runs in a child, echo-server-child.ts, with its default options).
 *
 *   npx tsx tests/interop/echo-server-measure.ts
 *
 * (a) 20 MB of empty continuation frames (`02 80 k k k k`, then `00 80 k k k k` × 3.3 M) — review M1;
 * (b) 300 MiB of 1 MiB binary frames from a peer that never reads — review M2;
 * (c) a 16 KiB request head sent one byte per segment — review L4 (the server's CPU time), plus the
 *     same head fed to a sans-I/O ServerConnection one byte per call.
 * Each attack gets a fresh server. Figures are printed, not asserted: the tests assert the bounds.
 */
import { Opcode, ServerConnection } from '../../src/protocol/index.ts';
import {
  MiB,
  RawPeer,
  clientFrame,
  repeated,
  sleep,
  spawnEchoServer,
  upgradeRequest,
} from './echo-server-peer.ts';

const mib = (n: number): string => `${(n / MiB).toFixed(0)} MiB`;

async function emptyContinuations(): Promise<void> {
  const server = await spawnEchoServer();
  try {
    await sleep(500);
    const base = await server.stats(true);
    const peer = await RawPeer.open(server.port);
    peer.socket.write(clientFrame(Opcode.Binary, new Uint8Array(0), false));
    const chunk = repeated(clientFrame(Opcode.Continuation, new Uint8Array(0), false), 10_000); // 60 kB
    const { sent } = await peer.flood(chunk, Math.ceil(20e6 / chunk.length), 5_000);
    await sleep(500);
    const after = await server.stats();
    console.log(
      `(a) empty continuations: sent ${(sent / 1e6).toFixed(1)} MB; server RSS ${mib(base.rss)} → peak ${mib(after.peakRss)}; ` +
        `close code received: ${peer.closeCode() ?? 'none'}; socket ${peer.closed || peer.ended ? 'closed by server' : 'still open'}`,
    );
    peer.destroy();
  } finally {
    await server.stop();
  }
}

async function neverReading(): Promise<void> {
  const server = await spawnEchoServer();
  try {
    await sleep(500);
    const base = await server.stats(true);
    const peer = await RawPeer.open(server.port);
    peer.socket.pause(); // never read again: every echo stays on the server's side
    const frame = clientFrame(Opcode.Binary, new Uint8Array(MiB));
    const { sent, stalled } = await peer.flood(frame, 300, 2_000);
    await sleep(500);
    const after = await server.stats();
    console.log(
      `(b) never-reading peer: TCP accepted ${mib(sent)} of 300 MiB${stalled ? ' (then the server stopped reading)' : ''}; ` +
        `server RSS ${mib(base.rss)} → peak ${mib(after.peakRss)}`,
    );
    peer.destroy();
  } finally {
    await server.stop();
  }
}

function paddedHead(port: number): Uint8Array {
  const head = upgradeRequest(port, ['X-Pad: ']);
  const pad = 16_376 - head.length;
  return new TextEncoder().encode(upgradeRequest(port, [`X-Pad: ${'p'.repeat(pad)}`]));
}

async function slowHead(): Promise<void> {
  const server = await spawnEchoServer();
  try {
    await sleep(500);
    const head = paddedHead(server.port);
    const peer = await RawPeer.connect(server.port);
    const before = await server.stats();
    for (let i = 0; i < head.length; i++) {
      await new Promise<void>((resolve) => peer.socket.write(head.subarray(i, i + 1), () => resolve()));
    }
    const res = await peer.waitFor('the 101', () => peer.head() ?? undefined, 30_000);
    const after = await server.stats();
    console.log(
      `(c) ${head.length}-byte head, one byte per write: ${res.split('\r\n')[0]}; server CPU ${((after.cpuMicros - before.cpuMicros) / 1000).toFixed(0)} ms`,
    );
    peer.destroy();
  } finally {
    await server.stop();
  }
  const head = paddedHead(9001);
  const conn = new ServerConnection();
  const t0 = process.cpuUsage();
  for (let i = 0; i < head.length; i++) conn.receiveData(head.subarray(i, i + 1));
  const t = process.cpuUsage(t0);
  console.log(
    `    sans-I/O ServerConnection, same head one byte per receiveData: ${((t.user + t.system) / 1000).toFixed(0)} ms CPU (request complete: ${conn.responsePending})`,
  );
}

await emptyContinuations();
await neverReading();
await slowHead();
