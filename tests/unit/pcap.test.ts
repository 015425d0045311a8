/**
 * The session as a libpcap file (src/sim/pcap.ts). A small reader written here, independent of the
 * writer, takes the file apart: global header, records, Ethernet II, IPv4 and TCP. It checks every
 * checksum with its own RFC 1071 sum and compares each record with the Timeline segment it came from.
 */
import { describe, expect, it } from 'vitest';
import { headEnd, inspectBytes, type DecodedFrame } from '../../src/protocol/index.ts';
import {
  PCAP_EPOCH_SECONDS,
  SERVER_PORT,
  captureSegments,
  firstCaptureTime,
  pcapSize,
  sessionToPcap,
} from '../../src/sim/pcap.ts';
import type { SegmentEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World, type WorldSettings } from '../../src/sim/world.ts';
import { sameBytes } from '../support/bytes.ts';

// ── an independent reader ───────────────────────────────────────────────────

interface Packet {
  tsSec: number;
  tsUsec: number;
  inclLen: number;
  origLen: number;
  dstMac: string;
  srcMac: string;
  etherType: number;
  ip: { ihl: number; totalLength: number; id: number; flags: number; ttl: number; proto: number };
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  dataOffset: number;
  flags: number;
  window: number;
  payload: Uint8Array;
  ipChecksumOk: boolean;
  tcpChecksumOk: boolean;
}

interface Capture {
  magic: number;
  major: number;
  minor: number;
  snaplen: number;
  linktype: number;
  packets: Packet[];
}

/** RFC 1071, word by word: a block with a correct checksum inside sums to 0xffff. */
function checksumHolds(words: number[]): boolean {
  let sum = 0;
  for (const w of words) {
    sum += w;
    sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  }
  return sum === 0xffff;
}

function words(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) out.push(bytes[i]! * 256 + (bytes[i + 1] ?? 0));
  return out;
}

const macText = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
const ipText = (b: Uint8Array): string => [...b].join('.');

function readPcap(file: Uint8Array): Capture {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const cap: Capture = {
    magic: v.getUint32(0),
    major: v.getUint16(4),
    minor: v.getUint16(6),
    snaplen: v.getUint32(16),
    linktype: v.getUint32(20),
    packets: [],
  };
  let at = 24;
  while (at < file.length) {
    const inclLen = v.getUint32(at + 8);
    const origLen = v.getUint32(at + 12);
    const f = file.subarray(at + 16, at + 16 + inclLen);
    const fv = new DataView(f.buffer, f.byteOffset, f.byteLength);
    const ip = 14;
    const ihl = (f[ip]! & 0x0f) * 4;
    const totalLength = fv.getUint16(ip + 2);
    const tcp = ip + ihl;
    const dataOffset = (f[tcp + 12]! >> 4) * 4;
    const whole = inclLen === origLen;
    const segment = f.subarray(tcp, ip + totalLength);
    const pseudo = new Uint8Array(12);
    pseudo.set(f.subarray(ip + 12, ip + 20), 0);
    pseudo[9] = f[ip + 9]!;
    new DataView(pseudo.buffer).setUint16(10, totalLength - ihl);
    cap.packets.push({
      tsSec: v.getUint32(at),
      tsUsec: v.getUint32(at + 4),
      inclLen,
      origLen,
      dstMac: macText(f.subarray(0, 6)),
      srcMac: macText(f.subarray(6, 12)),
      etherType: fv.getUint16(12),
      ip: {
        ihl,
        totalLength,
        id: fv.getUint16(ip + 4),
        flags: fv.getUint16(ip + 6),
        ttl: f[ip + 8]!,
        proto: f[ip + 9]!,
      },
      src: ipText(f.subarray(ip + 12, ip + 16)),
      dst: ipText(f.subarray(ip + 16, ip + 20)),
      srcPort: fv.getUint16(tcp),
      dstPort: fv.getUint16(tcp + 2),
      seq: fv.getUint32(tcp + 4),
      ack: fv.getUint32(tcp + 8),
      dataOffset,
      flags: f[tcp + 13]!,
      window: fv.getUint16(tcp + 14),
      payload: f.subarray(tcp + dataOffset, ip + totalLength),
      ipChecksumOk: checksumHolds(words(f.subarray(ip, ip + ihl))),
      // A cut record no longer holds the bytes the checksum covers.
      tcpChecksumOk: whole && checksumHolds([...words(pseudo), ...words(segment)]),
    });
    at += 16 + inclLen;
  }
  return cap;
}

// ── sessions ────────────────────────────────────────────────────────────────

const segments = (events: readonly TimelineEvent[]): SegmentEvent[] =>
  events.filter((e): e is SegmentEvent => e.kind === 'segment');

const FLAG_BITS = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10 } as const;
const flagByte = (s: SegmentEvent): number =>
  (Object.keys(FLAG_BITS) as (keyof typeof FLAG_BITS)[]).reduce(
    (b, k) => (s.flags[k] ? b | FLAG_BITS[k] : b),
    0,
  );

/** connect, text, binary, ping, close: the story the brief asks a capture to tell. */
async function story(settings: Partial<WorldSettings> = {}): Promise<World> {
  const w = new World({ server: 'echo', ...settings });
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
  return w;
}

/** Everything one side sent on the connection, in sequence order: what a reader of the stream gets. */
function stream(packets: readonly Packet[], src: string): Uint8Array {
  const parts = packets.filter((p) => p.src === src && p.payload.length > 0).sort((a, b) => a.seq - b.seq);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.payload.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p.payload, o);
    o += p.payload.length;
  }
  return out;
}

/** Split a stream after its HTTP head (CRLF CRLF): the head as text, the frames after it. */
function afterHttpHead(bytes: Uint8Array): { head: string; rest: Uint8Array } {
  const end = headEnd(bytes);
  if (end < 0) throw new Error('no HTTP head in the stream');
  return { head: new TextDecoder().decode(bytes.subarray(0, end)), rest: bytes.subarray(end) };
}

const hexOf = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const utf8Hex = (s: string): string => hexOf(new TextEncoder().encode(s));
const summary = (frames: readonly DecodedFrame[]): [number, boolean, string][] =>
  frames.map((f) => [f.opcode, f.header.masked, hexOf(f.payload)]);

// ── tests ───────────────────────────────────────────────────────────────────

describe('libpcap file format', () => {
  it('global header: magic a1b2c3d4, version 2.4, snaplen 65535, link type 1 (Ethernet)', async () => {
    const cap = readPcap(sessionToPcap((await story()).timeline.events));
    expect(cap.magic).toBe(0xa1b2c3d4);
    expect([cap.major, cap.minor]).toEqual([2, 4]);
    expect(cap.snaplen).toBe(65535);
    expect(cap.linktype).toBe(1);
  });

  it('an empty session is a header and no records', () => {
    const file = sessionToPcap(new World().timeline.events);
    expect(file.length).toBe(24);
    expect(readPcap(file).packets).toEqual([]);
  });

  it('one record per TCP segment, and the file is exactly as long as pcapSize says', async () => {
    const w = await story();
    const file = sessionToPcap(w.timeline.events);
    const cap = readPcap(file);
    expect(cap.packets.length).toBe(segments(w.timeline.events).length);
    expect(cap.packets.length).toBeGreaterThan(15);
    expect(file.length).toBe(pcapSize(captureSegments(w.timeline.events)));
  });
});

describe('every record is a valid Ethernet II / IPv4 / TCP frame', () => {
  it('IPv4 header checksum and TCP checksum (pseudo-header included) verify', async () => {
    const w = await story();
    for (const p of readPcap(sessionToPcap(w.timeline.events)).packets) {
      expect(p.ipChecksumOk).toBe(true);
      expect(p.tcpChecksumOk).toBe(true);
    }
  });

  it('checksums also hold for odd payload lengths and MSS-sized segments', async () => {
    const w = new World({ mss: 501 });
    w.connect();
    w.settle();
    for (const n of [1, 2, 3, 124, 125, 126, 127, 1999, 2000]) {
      w.binary(new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff));
      w.settle();
    }
    const cap = readPcap(sessionToPcap(w.timeline.events));
    expect(cap.packets.some((p) => p.payload.length % 2 === 1)).toBe(true);
    expect(cap.packets.some((p) => p.payload.length === 501)).toBe(true);
    expect(cap.packets.every((p) => p.ipChecksumOk && p.tcpChecksumOk)).toBe(true);
  });

  it('a flipped payload bit breaks the TCP checksum (the reader is not fooled)', async () => {
    const w = await story();
    const file = sessionToPcap(w.timeline.events);
    const cap = readPcap(file);
    const i = cap.packets.findIndex((p) => p.payload.length > 0);
    const payload = cap.packets[i]!.payload;
    const at = payload.byteOffset - file.byteOffset;
    const broken = file.slice();
    broken[at] = broken[at]! ^ 0x01;
    expect(readPcap(broken).packets[i]!.tcpChecksumOk).toBe(false);
  });

  it('headers: IPv4 with TTL 64 and DF, TCP with data offset 5; addresses, ports and MACs per side', async () => {
    const w = await story();
    const cap = readPcap(sessionToPcap(w.timeline.events));
    for (const p of cap.packets) {
      expect(p.etherType).toBe(0x0800);
      expect(p.ip).toMatchObject({ ihl: 20, flags: 0x4000, ttl: 64, proto: 6 });
      expect(p.dataOffset).toBe(20);
      expect(p.ip.totalLength).toBe(40 + p.payload.length);
      expect(p.origLen).toBe(p.inclLen);
      const fromClient = p.src === '192.0.2.1';
      expect(fromClient ? p.dst : p.src).toBe('198.51.100.1');
      expect(fromClient ? p.dstPort : p.srcPort).toBe(SERVER_PORT);
      expect(fromClient ? p.srcPort : p.dstPort).toBe(49153); // connection 1
      expect(p.srcMac).toBe(fromClient ? '02:00:c0:00:02:01' : '02:00:c6:33:64:01');
      expect(p.dstMac).toBe(fromClient ? '02:00:c6:33:64:01' : '02:00:c0:00:02:01');
      // Locally administered, unicast: bit 1 of the first octet set, bit 0 clear.
      expect(parseInt(p.srcMac.slice(0, 2), 16) & 0x03).toBe(0x02);
    }
  });

  it('the IP id counts up, one counter per sending host', async () => {
    const cap = readPcap(sessionToPcap((await story()).timeline.events));
    for (const host of ['192.0.2.1', '198.51.100.1']) {
      const ids = cap.packets.filter((p) => p.src === host).map((p) => p.ip.id);
      expect(ids).toEqual(ids.map((_, i) => i + 1));
    }
  });

  it('seq, ack, flags, window and payload are the simulation’s own, record by record', async () => {
    const w = await story();
    const captured = captureSegments(w.timeline.events);
    const cap = readPcap(sessionToPcap(w.timeline.events));
    expect(new Set(captured.map((c) => c.segment.id)).size).toBe(segments(w.timeline.events).length);
    cap.packets.forEach((p, i) => {
      const s = captured[i]!.segment;
      expect(p.src).toBe(s.from === 'client' ? '192.0.2.1' : '198.51.100.1');
      expect(p.seq).toBe(s.seq);
      expect(p.ack).toBe(s.flags.ack ? s.ack : 0);
      expect(p.flags).toBe(flagByte(s));
      expect(p.window).toBe(s.window);
      expect(sameBytes(p.payload, s.payload)).toBe(true);
    });
  });
});

describe('timestamps: virtual time at the tap, from a fixed epoch', () => {
  it('at the server: what it sends at its send time, what it receives at its arrival time', async () => {
    const w = await story();
    const captured = captureSegments(w.timeline.events);
    const cap = readPcap(sessionToPcap(w.timeline.events));
    cap.packets.forEach((p, i) => {
      const s = captured[i]!.segment;
      const t = s.from === 'server' ? s.sendT : s.arriveT;
      const us = Math.round(t * 1000);
      expect(p.tsSec).toBe(PCAP_EPOCH_SECONDS + Math.floor(us / 1e6));
      expect(p.tsUsec).toBe(us % 1e6);
      expect(p.tsUsec).toBeLessThan(1e6);
    });
    const times = cap.packets.map((p) => p.tsSec * 1e6 + p.tsUsec);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // SYN at the server when it arrives; the SYN-ACK leaves in the same instant; the ACK a round trip later.
    const [syn, synAck, ack] = cap.packets;
    expect([syn!.flags, synAck!.flags, ack!.flags]).toEqual([0x02, 0x12, 0x10]);
    expect(times[1]! - times[0]!).toBe(0);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2 * w.settings.latency * 1000);
  });

  it('at the client: the SYN leaves at time 0 and the SYN-ACK comes back a round trip later', async () => {
    const w = await story();
    const cap = readPcap(sessionToPcap(w.timeline.events, { tap: 'client' }));
    expect(cap.packets.length).toBe(segments(w.timeline.events).length);
    const [syn, synAck] = cap.packets;
    expect([syn!.tsSec, syn!.tsUsec]).toEqual([PCAP_EPOCH_SECONDS, 0]);
    expect(synAck!.tsUsec).toBeGreaterThanOrEqual(2 * w.settings.latency * 1000);
    expect(cap.packets.every((p) => p.tcpChecksumOk)).toBe(true);
  });

  it('`until` keeps only what the tap had seen by then (the playhead)', async () => {
    const w = await story();
    const all = captureSegments(w.timeline.events);
    const mid = all[Math.floor(all.length / 2)]!.t;
    const cut = captureSegments(w.timeline.events, { until: mid });
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(all.length);
    expect(cut.every((c) => c.t <= mid)).toBe(true);
    expect(cut).toEqual(all.slice(0, cut.length));
    expect(readPcap(sessionToPcap(w.timeline.events, { until: mid })).packets.length).toBe(cut.length);
    expect(captureSegments(w.timeline.events, { until: -1 })).toEqual([]);
  });

  it('firstCaptureTime: when the first record is seen, without building the capture', async () => {
    expect(firstCaptureTime(new World().timeline.events)).toBeNull();
    for (const server of ['echo', 'chat'] as const) {
      const w = await story({ server });
      for (const tap of ['server', 'client'] as const)
        expect(firstCaptureTime(w.timeline.events, tap)).toBe(
          captureSegments(w.timeline.events, { tap })[0]!.t,
        );
    }
    // At the server the first record is the SYN, when it arrives: one latency (plus its transmission).
    const w = await story({ latency: 25 });
    expect(firstCaptureTime(w.timeline.events)).toBeGreaterThan(25);
    expect(firstCaptureTime(w.timeline.events, 'client')).toBe(0);
  });
});

describe('deterministic', () => {
  it('the same seed and commands give the same bytes; another seed gives other ISNs and keys', async () => {
    const a = sessionToPcap((await story({ seed: 7 })).timeline.events);
    const b = sessionToPcap((await story({ seed: 7 })).timeline.events);
    const c = sessionToPcap((await story({ seed: 8 })).timeline.events);
    expect(sameBytes(a, b)).toBe(true);
    expect(a.length).toBe(c.length);
    expect(sameBytes(a, c)).toBe(false);
  });
});

describe('the capture holds the real handshake and frames', () => {
  it('GET with Upgrade: websocket, 101 Switching Protocols, then text, binary, ping/pong and close', async () => {
    const w = await story();
    const packets = readPcap(sessionToPcap(w.timeline.events)).packets;
    const up = afterHttpHead(stream(packets, '192.0.2.1'));
    const down = afterHttpHead(stream(packets, '198.51.100.1'));
    expect(up.head).toMatch(/^GET \/chat HTTP\/1\.1\r\n/);
    expect(up.head).toMatch(/\r\nUpgrade: websocket\r\n/i);
    expect(down.head).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);

    const c2s = inspectBytes(up.rest, 'c2s');
    const s2c = inspectBytes(down.rest, 's2c');
    expect(c2s.end.kind).toBe('complete');
    expect(s2c.end.kind).toBe('complete');
    expect(summary(c2s.frames)).toEqual([
      [0x1, true, utf8Hex('hello, wireshark')],
      [0x2, true, '0001feff7f'],
      [0x9, true, utf8Hex('are you there?')],
      [0x8, true, `03e8${utf8Hex('bye')}`],
    ]);
    expect(summary(s2c.frames).map(([op, masked]) => [op, masked])).toEqual([
      [0x1, false],
      [0x2, false],
      [0xa, false],
      [0x8, false],
    ]);
    // What the capture carries is what the engines put in the Timeline, frame for frame.
    const sent = w.timeline.events.filter((e) => e.kind === 'frame');
    const fromCapture = [...c2s.frames, ...s2c.frames].map((f) => f.wireBytes());
    const fromTimeline = [
      ...sent.filter((e) => e.from === 'client'),
      ...sent.filter((e) => e.from === 'server'),
    ].map((e) => e.bytes);
    expect(fromCapture.length).toBe(fromTimeline.length);
    fromCapture.forEach((b, i) => expect(sameBytes(b, fromTimeline[i]!)).toBe(true));
  });

  it('chat: alice and bob get their own addresses; every segment of every connection is captured', async () => {
    const w = new World({ server: 'chat' });
    w.connect();
    w.settle();
    w.send('hi all');
    w.settle();
    const cap = readPcap(sessionToPcap(w.timeline.events));
    expect(cap.packets.length).toBe(segments(w.timeline.events).length);
    const clients = new Set(cap.packets.map((p) => (p.dst === '198.51.100.1' ? p.src : p.dst)));
    expect([...clients].sort()).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    const ports = new Set(cap.packets.map((p) => (p.dstPort === SERVER_PORT ? p.srcPort : p.dstPort)));
    expect(ports.size).toBe(3);
    expect(cap.packets.every((p) => p.ipChecksumOk && p.tcpChecksumOk)).toBe(true);
  });

  it('a frame bigger than the snaplen is cut to 65535 bytes, its original length kept', async () => {
    const w = new World({ mss: 65495 });
    w.connect();
    w.settle();
    w.binary(new Uint8Array(70_000));
    w.settle();
    const cap = readPcap(sessionToPcap(w.timeline.events));
    const big = cap.packets.filter((p) => p.origLen > 65535);
    expect(big.length).toBeGreaterThan(0);
    for (const p of big) {
      expect(p.inclLen).toBe(65535);
      expect(p.origLen).toBe(14 + 65535);
      expect(p.ipChecksumOk).toBe(true);
    }
  });
});
