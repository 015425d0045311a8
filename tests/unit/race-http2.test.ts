/**
 * The race's HTTP/2 switch and heartbeats, against hand-computed bounds. One-way latency L, bandwidth so
 * high that transmission time is negligible, regular events at 1/s for 60 s.
 */
import { describe, expect, it } from 'vitest';
import { Race, type RaceSettings } from '../../src/sim/race/index.ts';
import { heartbeatFrameBytes } from '../../src/sim/race/heartbeat.ts';
import { requestFields } from '../../src/sim/race/http2.ts';
import { concatBytes } from '../../src/protocol/index.ts';
import { h2FrameLabel } from '../../src/sim/describe.ts';
import { Flag, FrameType, parseFrames } from '../../src/sim/h2/frames.ts';
import { HpackDecoder, HpackEncoder } from '../../src/sim/h2/hpack.ts';
import type { Technique } from '../../src/sim/race/index.ts';
import type { H2FrameEvent, SegmentEvent } from '../../src/sim/timeline.ts';

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

/** One direction's bytes of a lane's connection, as the TCP segments carried them, in order. */
function wireBytes(r: Race, t: Technique, from: 'client' | 'server'): Uint8Array {
  const segs = r
    .lane(t)!
    .timeline.events.filter(
      (e): e is SegmentEvent => e.kind === 'segment' && e.from === from && e.payload.length > 0,
    );
  return concatBytes(segs.map((e) => e.payload));
}
const h2Events = (r: Race, t: Technique): H2FrameEvent[] =>
  r.lane(t)!.timeline.events.filter((e): e is H2FrameEvent => e.kind === 'h2');
const HTTP_LANES = ['polling', 'long-polling', 'streaming', 'sse'] as const;

describe('RFC 9113 + RFC 7541: HTTP/2 framing of a repeated request', () => {
  it('the second identical GET costs a 9-byte HEADERS frame and one index byte per field', () => {
    // :method GET, :scheme https, :path /poll, :authority, cookie: the first time the three literals
    // (path, authority, a 400-byte cookie) are spelled out; the second time all five are indexes.
    const hpack = new HpackEncoder();
    const headers = [
      { name: 'Host', value: 'race.ws101.example' },
      { name: 'Cookie', value: `session=${'x'.repeat(382)}` },
      { name: 'Connection', value: 'keep-alive' },
    ];
    const first = hpack.encode(requestFields('GET', '/poll', headers)).bytes.length;
    const second = hpack.encode(requestFields('GET', '/poll', headers)).bytes.length;
    expect(9 + first).toBeGreaterThan(400);
    expect(9 + second).toBe(9 + 5);
  });

  it('§8.2.2: Connection, Keep-Alive, Transfer-Encoding, Upgrade and Host are not sent', () => {
    const fields = requestFields('GET', '/', [
      { name: 'Host', value: 'race.ws101.example' },
      { name: 'Connection', value: 'keep-alive' },
      { name: 'Transfer-Encoding', value: 'chunked' },
      { name: 'Keep-Alive', value: 'timeout=5' },
      { name: 'Upgrade', value: 'h2c' },
    ]);
    expect(fields.map((f) => f.name)).toEqual([':method', ':scheme', ':path', ':authority']);
    expect(fields[3]!.value).toBe('race.ws101.example');
  });

  it('§8.2.2 on the wire: no HEADERS frame any lane sent carries a connection-specific field', () => {
    const r = run({ http2: true, upstreamEvery: 3000, heartbeat: 15_000 });
    for (const t of HTTP_LANES)
      for (const e of h2Events(r, t))
        for (const f of e.fields ?? [])
          expect(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']).not.toContain(f.name);
  });
});

describe('RFC 9113: the HTTP lanes speak real HTTP/2 over one TCP connection', () => {
  const r = run({ http2: true, upstreamEvery: 3000, heartbeat: 15_000 });

  it('§9.1: one TCP connection per HTTP lane (every segment is on it), held once by the server', () => {
    for (const t of HTTP_LANES) {
      const lane = r.lane(t)!;
      expect(lane.stats.connections).toBe(1);
      expect(lane.stats.maxServerConnections).toBe(1);
      expect(new Set(lane.timeline.events.map((e) => e.conn))).toEqual(new Set([1]));
    }
  });

  it('§4.1 + RFC 7541: the bytes on the wire parse back as the frames recorded, and every header block decodes', () => {
    for (const t of HTTP_LANES) {
      const events = h2Events(r, t);
      for (const from of ['client', 'server'] as const) {
        const parsed = parseFrames(wireBytes(r, t, from));
        if (!parsed.ok) throw new Error(`${t} ${from}: ${parsed.rule} ${parsed.message}`);
        // §3.4: the client starts with the preface, the server does not.
        expect(parsed.preface).toBe(from === 'client');
        const sent = events.filter((e) => e.from === from);
        expect(parsed.frames.map((f) => [f.type, f.flags, f.stream, f.payload.length])).toEqual(
          sent.map((e) => [e.frame.type, e.frame.flags, e.frame.stream, e.frame.payload.length]),
        );
        // One HPACK decoder per direction for the whole connection reads back what each HEADERS said.
        const hpack = new HpackDecoder();
        for (const [i, f] of parsed.frames.entries()) {
          if (f.type !== FrameType.HEADERS) continue;
          const read = hpack.decode(f.payload);
          if (!read.ok) throw new Error(`${t} ${from}: ${read.error.rule} ${read.error.message}`);
          expect(read.fields).toEqual(sent[i]!.fields);
        }
      }
    }
  });

  it('§3.4 + §6.5: the client opens with preface + SETTINGS; each side ACKs the other’s SETTINGS once', () => {
    for (const t of HTTP_LANES) {
      const events = h2Events(r, t);
      const first = events.find((e) => e.from === 'client')!;
      expect(first.preface).toBe(true);
      expect(first.frame.type).toBe(FrameType.SETTINGS);
      expect(h2FrameLabel(first)).toBe('preface + SETTINGS');
      for (const side of ['client', 'server'] as const) {
        const settings = events.filter((e) => e.from === side && e.frame.type === FrameType.SETTINGS);
        expect(settings.map((e) => e.frame.flags & Flag.ACK)).toEqual(side === 'client' ? [0, 1] : [0, 1]);
      }
    }
  });

  it('§5.1.1: the client’s streams are odd and increasing, one per request', () => {
    for (const t of HTTP_LANES) {
      const lane = r.lane(t)!;
      const opened = h2Events(r, t)
        .filter((e) => e.from === 'client' && e.frame.type === FrameType.HEADERS)
        .map((e) => e.frame.stream);
      expect(opened.length).toBe(lane.stats.requests);
      expect(opened.every((s) => s % 2 === 1)).toBe(true);
      for (let i = 1; i < opened.length; i++) expect(opened[i]!).toBeGreaterThan(opened[i - 1]!);
    }
  });

  it('RFC 7541 §2.3.2: the second poll’s HEADERS is smaller than the first by the indexed cookie and fields', () => {
    const heads = h2Events(r, 'polling').filter(
      (e) => e.from === 'client' && e.frame.type === FrameType.HEADERS,
    );
    const [first, second] = [heads[0]!.bytes.length, heads[1]!.bytes.length];
    expect(h2FrameLabel(heads[1]!)).toMatch(/^HEADERS s3 GET \/events\?after=\d+$/);
    // The 400-byte cookie went into the dynamic table the first time; after it, one index byte.
    expect(first - second).toBeGreaterThan(400);
    expect(second).toBeLessThanOrEqual(9 + 5 + 1 + 1 + '/events?after=NN'.length);
  });

  it('§5.1: long polling with upstream POSTs has several streams open at once on its one connection', () => {
    const open = new Set<number>();
    let most = 0;
    for (const e of h2Events(r, 'long-polling')) {
      if (e.from === 'client' && e.frame.type === FrameType.HEADERS) open.add(e.frame.stream);
      if (e.from === 'server' && e.frame.flags & Flag.END_STREAM) open.delete(e.frame.stream);
      most = Math.max(most, open.size);
    }
    expect(most).toBeGreaterThanOrEqual(2);
    expect(r.lane('long-polling')!.stats.upstreamDelivered).toBe(r.lane('long-polling')!.stats.upstreamSent);
  });

  it('DATA carries the events: payload bytes are DATA bytes that are events, and the labels say so', () => {
    const down = run({ http2: true }); // no upstream: every payload byte is an event's
    const data = h2Events(down, 'streaming').filter(
      (e) => e.from === 'server' && e.frame.type === FrameType.DATA,
    );
    expect(data.length).toBeGreaterThan(0);
    expect(h2FrameLabel(data[0]!)).toBe(`DATA s1 ${data[0]!.frame.payload.length} B`);
    const s = down.lane('streaming')!.stats;
    // NDJSON: every event's bytes and one newline each, nothing else, in the server's DATA.
    expect(data.reduce((n, e) => n + e.frame.payload.length, 0)).toBe(s.payloadBytes + s.delivered);
  });

  it('§6.4: a dropped SSE stream is RST_STREAM on that stream; the EventSource reconnects on the next odd stream of the same connection', () => {
    const d = run({ http2: true, sseDropAt: 20_000 });
    const lane = d.lane('sse')!;
    const events = h2Events(d, 'sse');
    const rst = events.filter((e) => e.frame.type === FrameType.RST_STREAM);
    expect(rst.map((e) => [e.from, e.frame.stream])).toEqual([['server', 1]]);
    const gets = events.filter((e) => e.from === 'client' && e.frame.type === FrameType.HEADERS);
    expect(gets.map((e) => e.frame.stream)).toEqual([1, 3]);
    expect(gets[1]!.fields).toContainEqual({ name: 'last-event-id', value: expect.any(String) });
    expect(lane.stats.reconnects).toBe(1);
    expect(lane.stats.connections).toBe(1);
    expect(lane.stats.delivered).toBe(d.events.length);
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
