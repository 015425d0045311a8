/**
 * The transport race's compression switch (RFC 7692): the WebSocket lane offers permessage-deflate, its
 * server accepts, and the lane counts the bytes that went on the wire — the DEFLATE bytes.
 */
import { describe, expect, it } from 'vitest';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { Race } from '../../src/sim/race/index.ts';
import type { FrameEvent, HttpEvent } from '../../src/sim/timeline.ts';

const run = (wsDeflate: boolean): Race => {
  const race = new Race(
    { duration: 20_000, upstreamEvery: 3000, wsDeflate },
    ['websocket', 'sse'],
    pakoCodec,
  );
  race.run();
  return race;
};

describe('the race’s WebSocket lane with permessage-deflate', () => {
  const plain = run(false);
  const compressed = run(true);
  const ws = (r: Race) => r.lane('websocket')!;

  it('§5 negotiates it in the Upgrade, and every data frame carries RSV1', () => {
    const http = ws(compressed).timeline.events.filter((e): e is HttpEvent => e.kind === 'http');
    expect(
      http.map((e) => e.message.headers.find((h) => h.name === 'Sec-WebSocket-Extensions')?.value),
    ).toEqual(['permessage-deflate; client_max_window_bits', 'permessage-deflate']);
    const frames = ws(compressed).timeline.events.filter((e): e is FrameEvent => e.kind === 'frame');
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.every((f) => f.frame.header.rsv1)).toBe(true);
  });

  it('delivers the same events, and counts fewer payload bytes: the compressed ones', () => {
    expect(ws(compressed).stats.delivered).toBe(ws(plain).stats.delivered);
    expect(ws(compressed).stats.upstreamDelivered).toBe(ws(plain).stats.upstreamDelivered);
    const frames = ws(compressed).timeline.events.filter((e): e is FrameEvent => e.kind === 'frame');
    // The counter is the sum of the frames' payloads as they went on the wire (DEFLATE bytes).
    expect(ws(compressed).stats.payloadBytes).toBe(frames.reduce((n, f) => n + f.frame.payload.length, 0));
    // Small JSON events share their keys: with context takeover each refers back to the last one.
    expect(ws(compressed).stats.payloadBytes).toBeLessThan(ws(plain).stats.payloadBytes);
    console.log(
      `race websocket payload bytes: ${ws(plain).stats.payloadBytes} plain → ${ws(compressed).stats.payloadBytes} with permessage-deflate`,
    );
  });

  it('leaves the other lanes alone, and is off by default', () => {
    expect(compressed.lane('sse')!.stats).toEqual(plain.lane('sse')!.stats);
    const off = new Race({ duration: 5000 }, ['websocket'], pakoCodec);
    off.run();
    const frames = off.lane('websocket')!.timeline.events.filter((e): e is FrameEvent => e.kind === 'frame');
    expect(frames.some((f) => f.frame.header.rsv1)).toBe(false);
  });
});
