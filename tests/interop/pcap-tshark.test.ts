/**
 * The exported capture read by Wireshark's own dissectors (tshark), as a second opinion on the file.
 * A session runs through the real simulation: the echo server, then connect, text, a binary message that
 * spans several segments, a fragmented message, a 64-bit-length binary, ping and close. tshark must
 * find the following, with checksum validation on:
 *   - every segment, with the simulation's seq/ack/flags/window and valid IPv4 and TCP checksums;
 *   - no expert info of warning level or above (no lost, unseen or out-of-order segments);
 *   - the HTTP GET with Upgrade: websocket and the 101 Switching Protocols, found on port 80 with no
 *     decode-as hints;
 *   - each WebSocket frame with the same FIN, opcode, mask, masking key, payload length and
 *     (unmasked) payload bytes that our decoder (`inspectBytes`) reads from the same stream.
 * It is skipped, with a notice, where tshark is not installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  headEnd,
  headerValue,
  inspectBytes,
  type DecodedFrame,
  type Direction,
} from '../../src/protocol/index.ts';
import { PCAP_EPOCH_SECONDS, captureSegments, sessionToPcap } from '../../src/sim/pcap.ts';
import type { HttpEvent, SegmentEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

function findTshark(): string | null {
  for (const dir of ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    if (!dir) continue;
    const path = join(dir, 'tshark');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

const TSHARK = findTshark();
if (!TSHARK)
  console.warn("tshark not found: install Debian's tshark (apt-get install -y tshark) to run the pcap check");

/** Expert info severities (epan/proto.h) and the checksum group. */
const PI_WARN = 0x00600000;
const PI_CHECKSUM = 0x01000000;
/** Wireshark's checksum status: 0 bad, 1 good, 2 unverified. */
const GOOD = '1';

let work = '';

/** Run tshark on a file with checksum validation on and name resolution off; stdout, or a clear error. */
function tshark(file: string, args: readonly string[]): string {
  const r = spawnSync(
    TSHARK!,
    ['-r', file, '-n', '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      // Our own (empty) profile: a personal Wireshark preference cannot change what the test sees.
      env: { ...process.env, WIRESHARK_CONFIG_DIR: work },
    },
  );
  // As root, tshark warns "Running as user "root" … This could be dangerous." on stderr: not a failure.
  const stderr = (r.stderr ?? '')
    .split('\n')
    .filter((l) => l.trim() && !/^Running as user "root"/.test(l))
    .join('\n');
  if (r.status !== 0) throw new Error(`tshark exited with ${r.status}: ${stderr || r.error?.message}`);
  return r.stdout;
}

const FIELDS = [
  'frame.number',
  'frame.time_epoch',
  'ip.src',
  'ip.dst',
  'ip.ttl',
  'ip.flags.df',
  'ip.checksum.status',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.stream',
  'tcp.seq_raw',
  'tcp.ack_raw',
  'tcp.flags',
  'tcp.window_size_value',
  'tcp.len',
  'tcp.checksum.status',
  'http.request.method',
  'http.request.uri',
  'http.upgrade',
  'http.connection',
  'http.sec_websocket_key',
  'http.response.code',
  'http.response.phrase',
  'http.sec_websocket_accept',
  'http.request_in',
] as const;
type Row = Record<(typeof FIELDS)[number], string>;

function fieldRows(file: string): Row[] {
  const out = tshark(file, ['-T', 'fields', '-E', 'separator=/t', ...FIELDS.flatMap((f) => ['-e', f])]);
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i] ?? ''])) as Row;
    });
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
interface Packet {
  _source: { layers: Obj };
}

function jsonPackets(file: string): Packet[] {
  return JSON.parse(tshark(file, ['-T', 'json', '-x', '--no-duplicate-keys'])) as Packet[];
}

/** A key that occurs once is a value; `--no-duplicate-keys` turns repeats into an array. */
const all = (v: Json | undefined): Json[] =>
  v === undefined ? [] : Array.isArray(v) && typeof v[0] === 'object' ? v : [v];
const str = (o: Obj, key: string): string => (typeof o[key] === 'string' ? (o[key] as string) : '');
/** The hex of a `<field>_raw` entry: [hex, offset, length, bitmask, type]. */
const rawHex = (o: Obj, key: string): string => {
  const v = o[`${key}_raw`];
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

interface Expert {
  frame: string;
  severity: number;
  group: number;
  message: string;
}

/** Every expert item anywhere in the dissection tree. */
function experts(packets: readonly Packet[]): Expert[] {
  const found: Expert[] = [];
  for (const p of packets) {
    const frame = str(p._source.layers.frame as Obj, 'frame.number');
    const walk = (v: Json): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v['_ws.expert.severity'] === 'string')
          found.push({
            frame,
            severity: Number(v['_ws.expert.severity']),
            group: Number(v['_ws.expert.group']),
            message: str(v, '_ws.expert.message'),
          });
        Object.values(v).forEach(walk);
      }
    };
    walk(p._source.layers);
  }
  return found;
}

interface FrameView {
  fin: boolean;
  opcode: number;
  masked: boolean;
  maskKey: string;
  length: number;
  payload: string;
}

/** WebSocket frames as tshark dissected them, in capture order. */
function tsharkFrames(packets: readonly Packet[]): { src: string; frame: FrameView }[] {
  const frames: { src: string; frame: FrameView }[] = [];
  for (const p of packets) {
    const layers = p._source.layers;
    const src = str(layers.ip as Obj, 'ip.src');
    for (const v of all(layers.websocket)) {
      const ws = v as Obj;
      const short = Number(str(ws, 'websocket.payload_length'));
      const length =
        short === 126
          ? Number(str(ws, 'websocket.payload_length_ext_16'))
          : short === 127
            ? Number(str(ws, 'websocket.payload_length_ext_64'))
            : short;
      frames.push({
        src,
        frame: {
          fin: str(ws, 'websocket.fin') === '1',
          opcode: Number(str(ws, 'websocket.opcode')),
          masked: str(ws, 'websocket.mask') === '1',
          maskKey: rawHex(ws, 'websocket.masking_key'),
          length,
          // Wireshark unmasks into a new data source: websocket.payload is the payload in clear.
          payload: rawHex(ws, 'websocket.payload'),
        },
      });
    }
  }
  return frames;
}

const hexOf = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** What our decoder reads from one side's stream after its HTTP head. */
function ourFrames(
  events: readonly TimelineEvent[],
  conn: number,
  from: string,
  dir: Direction,
): FrameView[] {
  const parts = events.filter(
    (e): e is SegmentEvent => e.kind === 'segment' && e.conn === conn && e.from === from,
  );
  const bytes = new Uint8Array(parts.reduce((n, s) => n + s.payload.length, 0));
  let o = 0;
  for (const s of parts) {
    bytes.set(s.payload, o);
    o += s.payload.length;
  }
  const inspection = inspectBytes(bytes.subarray(headEnd(bytes)), dir);
  expect(inspection.end.kind).toBe('complete');
  return inspection.frames.map((f: DecodedFrame) => ({
    fin: f.fin,
    opcode: f.opcode,
    masked: f.header.masked,
    maskKey: f.header.maskKey ? hexOf(f.header.maskKey) : '',
    length: f.header.payloadLength,
    payload: hexOf(f.payload),
  }));
}

const CLIENT_IP = '192.0.2.1';
const SERVER_IP = '198.51.100.1';

describe.skipIf(!TSHARK)('tshark reads the exported .pcap', () => {
  let world: World;
  let file = '';
  let rows: Row[] = [];
  let packets: Packet[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ws101-pcap-'));
    world = new World({ server: 'echo' });
    const w = world;
    await w.connect();
    await w.settle();
    for (const act of [
      () => w.send('hello, wireshark'),
      () => w.binary(new Uint8Array(3000).map((_, i) => (i * 7) & 0xff)), // 16-bit length, 3 segments
      () => w.frag('fragmented', 3), // three frames in one segment
      () => w.binary(new Uint8Array(66_000).map((_, i) => (i * 13 + 5) & 0xff)), // 64-bit length
      () => w.ping(new TextEncoder().encode('are you there?')),
      () => w.close(1000, 'bye'),
    ]) {
      expect(act()).toEqual({ ok: true });
      await w.settle();
    }
    file = join(work, 'session.pcap');
    writeFileSync(file, sessionToPcap(w.timeline.events));
    rows = fieldRows(file);
    packets = jsonPackets(file);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sees one packet per segment, with our addresses, ports, seq, ack, flags, window and times', () => {
    const captured = captureSegments(world.timeline.events);
    expect(rows.length).toBe(captured.length);
    expect(packets.length).toBe(captured.length);
    rows.forEach((r, i) => {
      const c = captured[i]!;
      const s = c.segment;
      expect(r['ip.src']).toBe(c.src.ip.join('.'));
      expect(r['ip.dst']).toBe(c.dst.ip.join('.'));
      expect([r['tcp.srcport'], r['tcp.dstport']]).toEqual([String(c.srcPort), String(c.dstPort)]);
      expect(r['tcp.stream']).toBe('0');
      expect(r['tcp.seq_raw']).toBe(String(s.seq));
      expect(r['tcp.ack_raw']).toBe(String(s.flags.ack ? s.ack : 0));
      const f = s.flags;
      const bits = (f.fin ? 1 : 0) | (f.syn ? 2 : 0) | (f.rst ? 4 : 0) | (f.psh ? 8 : 0) | (f.ack ? 16 : 0);
      expect(parseInt(r['tcp.flags'], 16)).toBe(bits);
      expect(r['tcp.window_size_value']).toBe(String(s.window));
      expect(r['tcp.len']).toBe(String(s.payload.length));
      expect([r['ip.ttl'], r['ip.flags.df']]).toEqual(['64', '1']);
      expect(Number(r['frame.time_epoch'])).toBeCloseTo(PCAP_EPOCH_SECONDS + c.t / 1000, 5);
    });
  });

  it('validates every IPv4 and TCP checksum as good, and raises no checksum expert info', () => {
    for (const r of rows) {
      expect(r['ip.checksum.status'], `frame ${r['frame.number']} IPv4 checksum`).toBe(GOOD);
      expect(r['tcp.checksum.status'], `frame ${r['frame.number']} TCP checksum`).toBe(GOOD);
    }
    const found = experts(packets);
    expect(found.length).toBeGreaterThan(0); // SYN, GET, 101 and FIN are reported as chat/notes
    expect(found.filter((e) => e.group === PI_CHECKSUM || /checksum/i.test(e.message))).toEqual([]);
  });

  it('raises nothing of warning level: no unseen, lost, duplicate or out-of-order segments', () => {
    // Except "window full": the 66,000-byte binary fills the receiver's 65,535-byte window exactly,
    // as RFC 9293 §3.8.6 allows and the flow control model does (flow-control-tshark.test.ts).
    const full = /window specified by the receiver is now completely full/;
    const warnings = experts(packets).filter((e) => e.severity >= PI_WARN);
    expect(warnings.filter((e) => !full.test(e.message))).toEqual([]);
    expect(warnings.length).toBeLessThanOrEqual(1);
  });

  it('dissects the GET with Upgrade: websocket and the 101 Switching Protocols on port 80', () => {
    const http = world.timeline.events.filter((e): e is HttpEvent => e.kind === 'http');
    const key = headerValue(http[0]!.message.headers, 'Sec-WebSocket-Key');
    const accept = headerValue(http[1]!.message.headers, 'Sec-WebSocket-Accept');
    const gets = rows.filter((r) => r['http.request.method'] === 'GET');
    expect(gets.length).toBe(1);
    const get = gets[0]!;
    expect(get['ip.src']).toBe(CLIENT_IP);
    expect(get['tcp.dstport']).toBe('80');
    expect(get['http.request.uri']).toBe('/chat');
    expect(get['http.upgrade']).toBe('websocket');
    expect(get['http.connection']).toBe('Upgrade');
    expect(get['http.sec_websocket_key']).toBe(key);
    const responses = rows.filter((r) => r['http.response.code'] !== '');
    expect(responses.length).toBe(1);
    const ok = responses[0]!;
    expect(ok['ip.src']).toBe(SERVER_IP);
    expect(ok['http.response.code']).toBe('101');
    expect(ok['http.response.phrase']).toBe('Switching Protocols');
    expect(ok['http.upgrade']).toBe('websocket');
    expect(ok['http.sec_websocket_accept']).toBe(accept);
    expect(ok['http.request_in']).toBe(get['frame.number']);
  });

  it('reads every WebSocket frame as our decoder does: FIN, opcode, mask, key, length, payload', () => {
    const seen = tsharkFrames(packets);
    const events = world.timeline.events;
    for (const [src, from, dir] of [
      [CLIENT_IP, 'client', 'c2s'],
      [SERVER_IP, 'server', 's2c'],
    ] as const) {
      const ours = ourFrames(events, 1, from, dir);
      const theirs = seen.filter((f) => f.src === src).map((f) => f.frame);
      // text, binary, 3 fragments, binary, ping, close; the server: text, binary, text, binary, pong, close
      expect(ours.map((f) => f.opcode)).toEqual(
        from === 'client' ? [1, 2, 1, 0, 0, 2, 9, 8] : [1, 2, 1, 2, 10, 8],
      );
      expect(theirs.length).toBe(ours.length);
      theirs.forEach((t, i) => expect(t, `${dir} frame ${i}`).toEqual(ours[i]));
    }
    const up = seen.filter((f) => f.src === CLIENT_IP).map((f) => f.frame);
    const down = seen.filter((f) => f.src === SERVER_IP).map((f) => f.frame);
    expect(up.every((f) => f.masked && f.maskKey.length === 8)).toBe(true);
    expect(down.some((f) => f.masked)).toBe(false);
    expect(new Set(seen.map((f) => f.frame.length))).toEqual(new Set([16, 3000, 3, 4, 66_000, 14, 5, 10, 2]));
  });

  it('names the close code and reason as the engine sent them', () => {
    const closes = packets.flatMap((p) =>
      all(p._source.layers.websocket).filter((w) => str(w as Obj, 'websocket.opcode') === '8'),
    );
    const text = JSON.stringify(closes);
    expect(closes.length).toBe(2);
    expect(text).toContain('"websocket.payload.close.status_code":"1000"');
    expect(text).toContain('"websocket.payload.close.reason":"bye"');
  });

  it('is not fooled: one flipped payload bit and tshark reports a bad TCP checksum on that frame', () => {
    const bytes = sessionToPcap(world.timeline.events);
    // Record 4 is the GET: its payload starts after 24 + 3 × (16 + 54) + 16 + 54 bytes.
    const at = 24 + 3 * (16 + 54) + 16 + 54;
    expect(String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!)).toBe('GET');
    bytes[at + 1] = bytes[at + 1]! ^ 0x01;
    const broken = join(work, 'broken.pcap');
    writeFileSync(broken, bytes);
    const r = fieldRows(broken);
    expect(r[3]!['tcp.checksum.status']).toBe('0');
    expect(r.filter((x) => x['tcp.checksum.status'] !== GOOD).length).toBe(1);
    const bad = experts(jsonPackets(broken)).filter((e) => e.group === PI_CHECKSUM);
    expect(bad.map((e) => e.frame)).toEqual(['4']);
    expect(bad[0]!.message).toMatch(/^Bad checksum/);
  });

  it('chat: three TCP streams to the server, each with its own 101, all checksums good', async () => {
    const w = new World({ server: 'chat' });
    await w.connect();
    await w.settle();
    w.send('hi all');
    await w.settle();
    const chat = join(work, 'chat.pcap');
    writeFileSync(chat, sessionToPcap(w.timeline.events));
    const r = fieldRows(chat);
    expect(r.length).toBe(w.timeline.events.filter((e) => e.kind === 'segment').length);
    expect(new Set(r.map((x) => x['tcp.stream']))).toEqual(new Set(['0', '1', '2']));
    expect(r.filter((x) => x['http.response.code'] === '101').length).toBe(3);
    expect(r.every((x) => x['tcp.checksum.status'] === GOOD && x['ip.checksum.status'] === GOOD)).toBe(true);
    expect(experts(jsonPackets(chat)).filter((e) => e.severity >= PI_WARN)).toEqual([]);
  });
});
