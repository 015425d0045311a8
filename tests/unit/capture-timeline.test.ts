/**
 * The capture page's thin mapping: a captured connection onto the playground's Timeline (one frame
 * arrow per captured frame, one engine note per receiver event, the handshake as two HTTP arrows, in
 * time order), and the result's trip through the worker's postMessage (structured clone) with the
 * engine's frames and their inflated bytes intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCapture, type CaptureResult, type WebSocketDecode } from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { throughWorker } from '../../src/ui/capture/portable.ts';
import { socketsOf } from '../../src/ui/capture/model.ts';
import { captureTimeline, EVEN_STEP_MS } from '../../src/ui/capture/timeline.ts';

const read = (name: string): CaptureResult =>
  analyzeCapture(new Uint8Array(readFileSync(`tests/fixtures/capture/${name}`)), { codec: pakoCodec });

function firstSocket(r: CaptureResult): { ws: WebSocketDecode; startUs: number } {
  if (!r.ok) throw new Error(r.problem.kind);
  const s = socketsOf(r)[0];
  if (!s) throw new Error('no WebSocket');
  return s;
}

describe('captureTimeline', () => {
  for (const name of ['ws-deflate.pcapng', 'gap.pcap', 'no-handshake.pcap', 'chromium.har']) {
    it(`${name}: every frame an arrow, every receiver event a note, in time order`, () => {
      const { ws, startUs } = firstSocket(read(name));
      const events = captureTimeline(ws, startUs, 'real');
      const frames = events.filter((e) => e.kind === 'frame');
      expect(frames).toHaveLength(ws.frames.length);
      expect(events.filter((e) => e.kind === 'engine')).toHaveLength(ws.events.length);
      expect(events.filter((e) => e.kind === 'http')).toHaveLength(ws.handshake ? 2 : 0);
      for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
      // The arrows carry the bytes as they were on the wire (re-masked with the captured key).
      for (const [i, f] of frames.entries())
        if (f.kind === 'frame') expect(f.bytes.length).toBe(ws.frames[i]!.frame.size);
    });
  }

  it('even spacing: one step per distinct packet time', () => {
    const { ws, startUs } = firstSocket(read('ws-deflate.pcapng'));
    const times = captureTimeline(ws, startUs, 'even')
      .filter((e) => e.kind === 'frame')
      .map((e) => e.t);
    for (const t of times) expect(t % EVEN_STEP_MS).toBe(0);
    expect(new Set(times).size).toBe(new Set(ws.frames.map((f) => f.timeUs)).size);
  });
});

describe('the worker trip (structured clone)', () => {
  it('RFC 7692: compressed frames keep their inflated bytes and field map split into parts, cloned, assembled', () => {
    const r = read('ws-deflate.pcapng');
    const back = throughWorker(r);
    const a = firstSocket(r).ws.frames;
    const b = firstSocket(back).ws.frames;
    expect(b).toHaveLength(a.length);
    for (const [i, f] of a.entries()) {
      expect(b[i]!.frame.wireBytes()).toEqual(f.frame.wireBytes());
      expect(b[i]!.frame.deflate?.inflated ?? null).toEqual(f.frame.deflate?.inflated ?? null);
      expect(b[i]!.frame.fields.length).toBe(f.frame.fields.length);
    }
    expect(a.some((f) => f.frame.deflate)).toBe(true);
  });
});
