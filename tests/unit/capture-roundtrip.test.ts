/**
 * The playground's Export .pcap (src/sim/pcap.ts) opened by the capture reader: the simulated session
 * comes back as the same WebSocket connection — the frames the engine reads from the file re-encode to
 * exactly the bytes each side put on the simulated wire, the messages are the ones sent, the close is
 * the one made.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCapture, type ConnectionReport } from '../../src/capture/index.ts';
import { headEnd, type Direction } from '../../src/protocol/index.ts';
import { sessionToPcap } from '../../src/sim/pcap.ts';
import type { TimelineEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

/** Everything one direction carried after its HTTP head, from the Timeline's own segments. */
function simulatedStream(events: readonly TimelineEvent[], direction: Direction): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of events)
    if (e.kind === 'segment' && e.payload.length > 0) {
      const fromClient = e.from !== 'server';
      if (fromClient === (direction === 'c2s')) parts.push(e.payload);
    }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return all.subarray(headEnd(all));
}

describe('round trip: Export .pcap of a simulated session → Open capture', () => {
  it('frames byte-identical to the simulated wire, messages and close as sent', () => {
    const w = new World({ server: 'echo' });
    w.connect();
    w.settle();
    for (const act of [
      () => w.send('hello, wireshark'),
      () => w.binary(Uint8Array.from([0x00, 0x01, 0xfe, 0xff, 0x7f])),
      () => w.ping(new TextEncoder().encode('are you there?')),
      () => w.close(1000, 'bye'),
    ]) {
      expect(act()).toEqual({ ok: true });
      w.settle();
    }
    const file = sessionToPcap(w.timeline.events);
    const r = analyzeCapture(file, { codec: null });
    if (!r.ok || r.kind !== 'capture') throw new Error(JSON.stringify(r));
    expect(r.report.problem).toBeNull();
    const ws = r.report.connections.filter(
      (c): c is ConnectionReport & { kind: 'websocket' } => c.kind === 'websocket',
    );
    expect(ws).toHaveLength(1);
    const c = ws[0]!;
    expect([c.ws.handshake!.requestError, c.ws.handshake!.responseError]).toEqual([null, null]);
    for (const direction of ['c2s', 's2c'] as const) {
      const frames = c.ws.frames.filter((f) => f.direction === direction).map((f) => f.frame.wireBytes());
      const joined = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
      let o = 0;
      for (const f of frames) {
        joined.set(f, o);
        o += f.length;
      }
      expect(joined).toEqual(simulatedStream(w.timeline.events, direction));
    }
    const messages = c.ws.events.flatMap(({ event: e, direction }) =>
      e.type === 'message'
        ? [`${direction} ${typeof e.data === 'string' ? e.data : [...e.data].join(',')}`]
        : [],
    );
    expect(messages).toEqual([
      'c2s hello, wireshark',
      's2c hello, wireshark',
      'c2s 0,1,254,255,127',
      's2c 0,1,254,255,127',
    ]);
    expect(c.summary.pings.c2s).toBe(1);
    expect(c.summary.pongs.s2c).toBe(1);
    expect(c.summary.close).toMatchObject({ kind: 'close-frame', by: 'client', code: 1000, reason: 'bye' });
  });
});
