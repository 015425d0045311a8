/**
 * The race's HTTP/2 switch and heartbeats, against hand-computed bounds. One-way latency L, bandwidth so
 * high that transmission time is negligible, regular events at 1/s for 60 s.
 */
import { describe, expect, it } from 'vitest';
import { Race, type RaceSettings } from '../../src/sim/race/index.ts';
import { heartbeatFrameBytes } from '../../src/sim/race/heartbeat.ts';
import { Http2Framing } from '../../src/sim/race/http2.ts';

const base: Partial<RaceSettings> = {
  latency: 50,
  bandwidth: 1e6,
  duration: 60_000,
  schedule: 'regular',
  rate: 1,
  cookieBytes: 400,
};
function run(settings: Partial<RaceSettings>): Race {
  const race = new Race({ ...base, ...settings });
  race.run();
  return race;
}
const wire = (r: Race, t: 'polling' | 'long-polling' | 'streaming' | 'sse' | 'websocket'): number => {
  const s = r.lane(t)!.stats;
  return s.headerBytes + s.payloadBytes + s.tcpBytes;
};

describe('RFC 9113 + RFC 7541: HTTP/2 framing of a repeated request', () => {
  it('the second identical GET costs a 9-byte HEADERS frame and one index byte per field', () => {
    // :method GET, :scheme https, :path /poll, :authority, cookie: the first time the three literals
    // (path, authority, a 400-byte cookie) are spelled out; the second time all five are indexes.
    const f = new Http2Framing();
    const headers = [
      { name: 'Host', value: 'race.ws101.example' },
      { name: 'Cookie', value: `session=${'x'.repeat(382)}` },
      { name: 'Connection', value: 'keep-alive' },
    ];
    const first = f.request('GET', '/poll', headers, 0);
    const second = f.request('GET', '/poll', headers, 0);
    expect(first).toBeGreaterThan(400);
    expect(second).toBe(9 + 5);
  });

  it('§8.2.2: Connection, Keep-Alive, Transfer-Encoding, Upgrade and Host are not sent', () => {
    const f = new Http2Framing();
    const bare = new Http2Framing().response(200, [], 0);
    expect(
      f.response(
        200,
        [
          { name: 'Connection', value: 'keep-alive' },
          { name: 'Transfer-Encoding', value: 'chunked' },
          { name: 'Keep-Alive', value: 'timeout=5' },
          { name: 'Upgrade', value: 'h2c' },
        ],
        0,
      ),
    ).toBe(bare);
    // :status 200 is static index 8: one byte, after the 9-byte frame header.
    expect(bare).toBe(10);
  });

  it('a body or a streamed chunk is one DATA frame: 9 bytes of framing, no chunk-size line', () => {
    expect(new Http2Framing().data()).toBe(9);
  });
});

describe('the race with HTTP/2 for the HTTP lanes', () => {
  const h1 = run({});
  const h2 = run({ http2: true });

  it('switch off: nothing changes (the HTTP/1.1 figures of the existing race)', () => {
    const again = run({ http2: false, heartbeat: 0 });
    for (const l of h1.lanes) expect(again.lane(l.technique)!.stats.headerBytes).toBe(l.stats.headerBytes);
  });

  it('short polling: each request after the first costs at most 60 bytes of framing, against more than 400 over HTTP/1.1', () => {
    const s1 = h1.lane('polling')!.stats;
    const s2 = h2.lane('polling')!.stats;
    expect(s2.requests).toBe(s1.requests);
    // HTTP/1.1: every request repeats the 400-byte cookie line and the rest of its head.
    expect(s1.headerBytes / s1.requests).toBeGreaterThan(400);
    // HTTP/2: the first exchange spells the fields out (460 + 23 bytes, under 600). After it, a poll is
    // a HEADERS frame of 9 + 5 index bytes + the :path literal (`/events?after=N` changes every time:
    // 1 + 1 + 16 bytes) = 32 at most, an answer of 9 + 3 (status, type, a known length) and a DATA frame
    // header of 9, and the JSON array's brackets and commas (3 with two events): 56 at most.
    expect((s2.headerBytes - 600) / (s2.requests - 1)).toBeLessThanOrEqual(60);
  });

  it('the payload bytes and the events delivered are the same with the switch on or off', () => {
    for (const l of h1.lanes) {
      const other = h2.lane(l.technique)!.stats;
      expect(other.payloadBytes).toBe(l.stats.payloadBytes);
      expect(other.delivered).toBe(l.stats.delivered);
    }
  });

  it('one connection per lane: keep-alive is forced on, and an upstream POST is a stream, not a connection', () => {
    const r = run({ http2: true, keepAlive: false, upstreamEvery: 3000 });
    expect(r.settings.keepAlive).toBe(true);
    for (const t of ['polling', 'long-polling', 'streaming', 'sse'] as const)
      expect(r.lane(t)!.stats.connections).toBe(1);
  });

  it('the WebSocket lane is untouched by the switch (it keeps its own HTTP/1.1 connection)', () => {
    expect(h2.lane('websocket')!.stats).toEqual(h1.lane('websocket')!.stats);
  });

  it('SSE is within 30 % of WebSocket on the wire when only the server talks, over HTTP/1.1 and HTTP/2', () => {
    expect(wire(h1, 'sse') / wire(h1, 'websocket')).toBeLessThanOrEqual(1.3);
    expect(wire(h2, 'sse') / wire(h2, 'websocket')).toBeLessThanOrEqual(1.3);
  });

  it('with a client message every 3 s, SSE + POSTs costs over 2× WebSocket over HTTP/1.1 and under 1.5× over HTTP/2', () => {
    const up1 = run({ upstreamEvery: 3000 });
    const up2 = run({ upstreamEvery: 3000, http2: true });
    expect(wire(up1, 'sse') / wire(up1, 'websocket')).toBeGreaterThan(2);
    expect(wire(up2, 'sse') / wire(up2, 'websocket')).toBeLessThan(1.5);
  });
});

describe('heartbeats every N s (RFC 6455 §5.5.2 ping/pong; SSE comment lines)', () => {
  // Beats at 15, 30 and 45 s of a 60 s run: 3 of them.
  const N = 15_000;
  const beats = 3;
  for (const http2 of [false, true]) {
    it(`add exactly ${beats} × the frame bytes of heartbeatFrameBytes (HTTP/2 ${http2}), and nothing to the other lanes`, () => {
      const off = run({ http2 });
      const on = run({ http2, heartbeat: N });
      const cost = heartbeatFrameBytes(http2);
      const delta = (t: 'sse' | 'websocket' | 'polling' | 'streaming') =>
        on.lane(t)!.stats.headerBytes - off.lane(t)!.stats.headerBytes;
      expect(delta('websocket')).toBe(beats * cost.websocket);
      expect(delta('sse')).toBe(beats * cost.sse);
      expect(delta('polling')).toBe(0);
      expect(delta('streaming')).toBe(0);
      // Each beat also costs TCP/IP headers: at least one 40-byte segment per ping, pong and comment.
      expect(
        on.lane('websocket')!.stats.tcpBytes - off.lane('websocket')!.stats.tcpBytes,
      ).toBeGreaterThanOrEqual(beats * 2 * 40);
      expect(on.lane('sse')!.stats.tcpBytes - off.lane('sse')!.stats.tcpBytes).toBeGreaterThanOrEqual(
        beats * 40,
      );
      // Heartbeats carry no events: every event still arrives, and only once.
      expect(on.lane('sse')!.stats.delivered).toBe(off.lane('sse')!.stats.delivered);
      expect(on.lane('websocket')!.stats.delivered).toBe(off.lane('websocket')!.stats.delivered);
    });
  }
});
