/** The simulated network: TCP as RFC 9293 describes it, and scenarios that replay identically. */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/sim/world.ts';
import { HEADER_BYTES } from '../../src/sim/tcp.ts';
import type { SegmentEvent, TimelineEvent } from '../../src/sim/timeline.ts';

const segments = (w: World): SegmentEvent[] =>
  w.timeline.events.filter((e): e is SegmentEvent => e.kind === 'segment');
const flags = (s: SegmentEvent): string =>
  (['syn', 'fin', 'ack'] as const)
    .filter((f) => s.flags[f])
    .map((f) => f.toUpperCase())
    .join('+');
const tcpStates = (w: World, endpoint: string): string[] =>
  w.timeline.events
    .filter((e) => e.kind === 'state' && e.layer === 'tcp' && e.endpoint === endpoint)
    .map((e) => (e.kind === 'state' ? e.to : ''));

function connected(settings: ConstructorParameters<typeof World>[0] = {}): World {
  const w = new World(settings);
  w.connect();
  w.settle();
  return w;
}

describe('TCP 3-way handshake (RFC 9293 §3.5)', () => {
  it('SYN (seq = ISN_c), SYN-ACK (seq = ISN_s, ack = ISN_c + 1), ACK (seq = ISN_c + 1, ack = ISN_s + 1)', async () => {
    const w = connected();
    const [syn, synAck, ack] = segments(w);
    expect([flags(syn!), flags(synAck!), flags(ack!)]).toEqual(['SYN', 'SYN+ACK', 'ACK']);
    expect(synAck!.ack).toBe((syn!.seq + 1) >>> 0);
    expect(ack!.seq).toBe((syn!.seq + 1) >>> 0);
    expect(ack!.ack).toBe((synAck!.seq + 1) >>> 0);
    expect(tcpStates(w, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED']);
    expect(tcpStates(w, 'server')).toEqual(['LISTEN', 'SYN_RECEIVED', 'ESTABLISHED']);
  });

  it('then the Upgrade request and the 101 travel as data on the same connection', async () => {
    const w = connected();
    const http = w.timeline.events.filter((e) => e.kind === 'http');
    expect(
      http.map((e) =>
        e.kind === 'http' ? (e.message.kind === 'request' ? e.message.method : e.message.status) : '',
      ),
    ).toEqual(['GET', 101]);
    expect(w.learner?.client?.state).toBe('OPEN');
  });
});

describe('data segments', () => {
  it('sequence numbers advance by the payload length; acks name the next byte expected', async () => {
    const w = connected();
    const data = segments(w).filter((s) => s.payload.length > 0);
    const fromClient = data.filter((s) => s.from === 'client');
    const syn = segments(w)[0]!;
    expect(fromClient[0]!.seq).toBe((syn.seq + 1) >>> 0);
    w.send('hello');
    w.settle();
    const after = segments(w).filter((s) => s.from === 'client' && s.payload.length > 0);
    const [req, frame] = after;
    expect(frame!.seq).toBe((req!.seq + req!.payload.length) >>> 0);
    const serverAck = segments(w).find(
      (s) => s.from === 'server' && s.ack === (frame!.seq + frame!.payload.length) >>> 0,
    );
    expect(serverAck).toBeDefined();
  });

  it('a frame larger than the MSS spans several segments, and arrives with its last one', async () => {
    const w = connected({ mss: 1000 });
    w.binary(new Uint8Array(5000));
    w.settle();
    const frame = w.timeline.events.find((e) => e.kind === 'frame' && e.from === 'client');
    if (frame?.kind !== 'frame') throw new Error('no frame');
    expect(frame.bytes.length).toBe(5000 + 2 + 2 + 4);
    expect(frame.segments.length).toBe(6);
    const segs = frame.segments.map((id) => w.timeline.events[id] as SegmentEvent);
    expect(segs.map((s) => s.payload.length)).toEqual([1000, 1000, 1000, 1000, 1000, 8]);
    expect(frame.arriveT).toBe(segs.at(-1)!.arriveT);
  });

  it('writes made in the same instant share a segment: three fragments, one segment', async () => {
    const w = connected();
    w.frag('fragmented', 3);
    w.settle();
    const frames = w.timeline.events.filter((e) => e.kind === 'frame' && e.from === 'client');
    expect(frames).toHaveLength(3);
    const ids = new Set(frames.flatMap((f) => (f.kind === 'frame' ? f.segments : [])));
    expect(ids.size).toBe(1);
  });

  it('a segment arrives after its transmission time plus the one-way latency', async () => {
    const w = connected({ latency: 100, bandwidth: 10 });
    const syn = segments(w)[0]!;
    expect(syn.arriveT - syn.sendT).toBeCloseTo(100 + HEADER_BYTES / 10);
  });

  it('latency and MSS can change between commands', async () => {
    const w = connected();
    w.setLatency(250);
    w.setMss(100);
    w.send('x'.repeat(300));
    w.settle();
    const frame = w.timeline.events.filter((e) => e.kind === 'frame').at(-2);
    if (frame?.kind !== 'frame') throw new Error('no frame');
    expect(frame.segments).toHaveLength(4);
    expect(frame.arriveT - frame.sendT).toBeGreaterThan(250);
  });
});

describe('closing: WebSocket close handshake, then TCP’s 4-way close', () => {
  it('close frames both ways, then FIN, ACK, FIN, ACK — the server closes first and keeps TIME_WAIT for 2 × MSL', async () => {
    const w = connected({ msl: 500 });
    w.close(1000, 'bye');
    w.settle();
    const closeFrames = w.timeline.events.filter((e) => e.kind === 'frame' && e.frame.opcode === 8);
    expect(closeFrames.map((e) => (e.kind === 'frame' ? e.from : ''))).toEqual(['client', 'server']);
    const tail = segments(w).filter((s) => s.payload.length === 0 && s.t >= closeFrames[1]!.t);
    const fins = tail.filter((s) => s.flags.fin);
    expect(fins.map((s) => s.from)).toEqual(['server', 'client']);
    // Every FIN is acknowledged: ack = FIN's seq + 1.
    for (const fin of fins)
      expect(tail.some((s) => s.from !== fin.from && s.ack === (fin.seq + 1) >>> 0)).toBe(true);
    expect(tcpStates(w, 'server')).toEqual([
      'LISTEN',
      'SYN_RECEIVED',
      'ESTABLISHED',
      'FIN_WAIT_1',
      'FIN_WAIT_2',
      'TIME_WAIT',
      'CLOSED',
    ]);
    expect(tcpStates(w, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    const tw = w.timeline.events.filter(
      (e) =>
        e.kind === 'state' &&
        e.endpoint === 'server' &&
        (e.to === 'TIME_WAIT' || (e.from === 'TIME_WAIT' && e.to === 'CLOSED')),
    );
    expect(tw[1]!.t - tw[0]!.t).toBeCloseTo(1000);
  });

  it('raw bytes breaking a rule make the server fail the connection with the right close code', async () => {
    const w = connected();
    w.raw(Uint8Array.of(0x89, 0xfe, 0, 200, 1, 2, 3, 4)); // a ping claiming a 16-bit length
    w.settle();
    const err = w.timeline.events.find(
      (e) => e.kind === 'engine' && e.endpoint === 'server' && e.event.type === 'error',
    );
    expect(err?.kind === 'engine' && err.event.type === 'error' && err.event.error.section).toBe('5.5');
    const close = w.timeline.events.find(
      (e) => e.kind === 'frame' && e.from === 'server' && e.frame.opcode === 8,
    );
    expect(close?.kind === 'frame' && Array.from(close.frame.payload.subarray(0, 2))).toEqual([0x03, 0xea]); // 1002
  });
});

describe('server behaviours', () => {
  it('echo: a text message comes back as text', async () => {
    const w = connected();
    w.send('hello');
    w.settle();
    const got = w.timeline.events.find(
      (e) => e.kind === 'engine' && e.endpoint === 'client' && e.event.type === 'message',
    );
    expect(got?.kind === 'engine' && got.event.type === 'message' && got.event.data).toBe('hello');
  });
  it('chat: a message from one client reaches all of them', async () => {
    const w = connected({ server: 'chat' });
    w.send('hi all');
    w.settle();
    const received = w.timeline.events.filter(
      (e) => e.kind === 'engine' && e.event.type === 'message' && e.event.data === 'client: hi all',
    );
    expect(new Set(received.map((e) => (e.kind === 'engine' ? e.endpoint : '')))).toEqual(
      new Set(['client', 'alice', 'bob']),
    );
  });
  it('ticker: the server pushes messages nobody asked for', async () => {
    const w = new World({ server: 'ticker', tickEvery: 1000 });
    w.connect();
    w.runUntil(3500); // the handshake ends near 160 ms; ticks at +1 s, +2 s, +3 s
    const ticks = w.timeline.events.filter(
      (e) => e.kind === 'frame' && e.from === 'server' && e.frame.opcode === 1,
    );
    expect(ticks.length).toBe(3);
  });
  it.each([
    [{}, 403],
    [{ origin: 'https://ws101.example', protocols: ['mqtt'] }, 400],
    [{ origin: 'https://ws101.example', version: '8' }, 426],
    [{ origin: 'https://ws101.example', key: 'bad' }, 400],
  ])('reject: connect %j → HTTP %i', async (options, status) => {
    const w = new World({ server: 'reject' });
    w.connect(options);
    w.settle();
    const res = w.timeline.events.find((e) => e.kind === 'http' && e.message.kind === 'response');
    expect(res?.kind === 'http' && res.message.kind === 'response' && res.message.status).toBe(status);
  });
});

describe('determinism', () => {
  const script = async (seed: number): Promise<readonly TimelineEvent[]> => {
    const w = new World({ seed, server: 'chat' });
    w.connect({ protocols: ['chat'] });
    w.settle();
    w.send('one');
    w.frag('two', 2);
    w.ping(new Uint8Array([7]));
    w.settle();
    w.close(1000, 'bye');
    w.settle();
    return w.timeline.events;
  };
  const serialize = (events: readonly TimelineEvent[]): string =>
    JSON.stringify(events, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));

  it('the same seed gives the identical event list, byte for byte', async () => {
    const [a, b] = [await script(7), await script(7)];
    expect(a.length).toBeGreaterThan(50);
    expect(serialize(a)).toBe(serialize(b));
  });
  it('another seed gives other ISNs and keys', async () => {
    expect(serialize(await script(7))).not.toBe(serialize(await script(8)));
  });
});
