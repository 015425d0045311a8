/**
 * ws101's reading of real captures against tshark's, fixture by fixture (tests/fixtures/capture, made
 * by make.mjs with dumpcap, ws, Chromium and Node): the same WebSocket frames in the same order — FIN,
 * opcode, RSV, MASK, payload length — and the same message texts (unmasked, inflated, reassembled).
 * tshark is installed by .ci/run; without it these comparisons are skipped, the rest still runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCapture, type CaptureReport, type ConnectionReport } from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';

const DIR = join(import.meta.dirname, '../fixtures/capture');
const TSHARK = '/usr/bin/tshark';
const hasTshark = existsSync(TSHARK);

function open(name: string): CaptureReport {
  const r = analyzeCapture(readFileSync(join(DIR, name)), { codec: pakoCodec }, 1000);
  if (!r.ok || r.kind !== 'capture') throw new Error(`${name}: ${JSON.stringify(r)}`);
  return r.report;
}

interface Row {
  readonly fin: number;
  readonly opcode: number;
  readonly rsv: number;
  readonly mask: number;
  readonly length: number;
}

/** tshark's frames (several per packet are joined with the aggregator) and its payload texts. */
function tshark(name: string): { rows: Row[]; texts: string[] } {
  try {
    return parse(run(name));
  } catch (e) {
    // A cut file: tshark prints what it read, then exits 2 ("appears to have been cut short").
    const out = (e as { stdout?: string }).stdout;
    if (typeof out === 'string' && out.length > 0) return parse(out);
    throw e;
  }
}

function run(name: string): string {
  return execFileSync(
    TSHARK,
    [
      '-r',
      join(DIR, name),
      '-Y',
      'websocket',
      '-T',
      'fields',
      '-E',
      'aggregator=|',
      '-e',
      'websocket.fin',
      '-e',
      'websocket.opcode',
      '-e',
      'websocket.rsv',
      '-e',
      'websocket.mask',
      '-e',
      'websocket.payload_length',
      '-e',
      'websocket.payload.text',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

function parse(out: string): { rows: Row[]; texts: string[] } {
  const rows: Row[] = [];
  const texts: string[] = [];
  for (const line of out.split('\n').filter((l) => l.length > 0)) {
    const [fin, opcode, rsv, mask, length, text] = line.split('\t').map((f) => f.split('|'));
    for (let i = 0; i < opcode!.length; i++) {
      rows.push({
        fin: fin![i] === '1' || fin![i] === 'True' ? 1 : 0,
        opcode: Number(opcode![i]),
        rsv: Number(rsv![i]),
        mask: mask![i] === '1' || mask![i] === 'True' ? 1 : 0,
        length: Number(length![i]),
      });
    }
    for (const t of text ?? []) if (t.length > 0) texts.push(t);
  }
  return { rows, texts };
}

function ours(c: ConnectionReport & { kind: 'websocket' }): { rows: Row[]; texts: string[] } {
  const rows = c.ws.frames.map(({ frame }) => ({
    fin: frame.fin ? 1 : 0,
    opcode: frame.opcode,
    rsv: (frame.header.rsv1 ? 4 : 0) | (frame.header.rsv2 ? 2 : 0) | (frame.header.rsv3 ? 1 : 0),
    mask: frame.header.masked ? 1 : 0,
    // tshark's payload_length is the 7-bit field: 126 / 127 announce an extended length.
    length:
      frame.header.lengthForm === 7 ? frame.header.payloadLength : frame.header.lengthForm === 16 ? 126 : 127,
  }));
  const texts = c.ws.events.flatMap(({ event: e }) =>
    e.type === 'message' && typeof e.data === 'string' ? [e.data] : [],
  );
  return { rows, texts };
}

function websockets(r: CaptureReport): (ConnectionReport & { kind: 'websocket' })[] {
  return r.connections.filter((c): c is ConnectionReport & { kind: 'websocket' } => c.kind === 'websocket');
}

const WITH_WEBSOCKET = [
  'ws-deflate.pcap',
  'ws-deflate.pcapng',
  'ipv6-fragmented.pcap',
  'ipv6-fragmented.pcapng',
  'chromium.pcap',
  'chromium.pcapng',
  'linux-sll.pcap',
  'linux-sll2.pcapng',
  'gap.pcap',
  'truncated.pcap',
];

describe('captures read as tshark reads them', () => {
  for (const name of WITH_WEBSOCKET) {
    it.skipIf(!hasTshark)(`${name}: same frames, same order, same texts as tshark -Y websocket`, () => {
      const report = open(name);
      const [ws, ...more] = websockets(report);
      expect(more).toEqual([]);
      const mine = ours(ws!);
      const theirs = tshark(name);
      expect(mine.rows.length).toBeGreaterThan(0);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.texts).toEqual(theirs.texts);
    });
  }
});

describe('what each fixture holds', () => {
  it('ws ↔ ws with permessage-deflate: §4 handshake valid, chat.v1 chosen, compression counted, server closed 1000', () => {
    const [ws] = websockets(open('ws-deflate.pcapng'));
    const h = ws!.ws.handshake!;
    expect([h.requestError, h.responseError, h.protocol]).toEqual([null, null, 'chat.v1']);
    expect(h.deflate).not.toBeNull();
    const s = ws!.summary;
    expect(s.messages).toEqual({ c2s: 6, s2c: 5 });
    expect([s.pings, s.pongs]).toEqual([
      { c2s: 1, s2c: 0 },
      { c2s: 0, s2c: 1 },
    ]);
    // 2000 × "x" twice (sent and echoed) makes the inflated bytes far exceed the compressed ones.
    expect(s.compression!.inflated).toBeGreaterThan(10 * s.compression!.wire);
    expect(s.close).toEqual({
      kind: 'close-frame',
      by: 'server',
      code: 1000,
      reason: 'done',
      answered: true,
    });
    expect([s.violations, s.gaps.count, s.guessed]).toEqual([0, 0, 0]);
  });

  it('IPv6 (::1) without compression: a message of three fragments each way (§5.4), closed 1001', () => {
    const report = open('ipv6-fragmented.pcap');
    const [ws] = websockets(report);
    expect(ws!.ipVersion).toBe(6);
    expect(ws!.client.address).toBe('::1');
    const texts = ws!.ws.events.flatMap(({ event: e, direction }) =>
      e.type === 'message' ? [`${direction} ${e.frames} ${String(e.data)}`] : [],
    );
    expect(texts).toEqual([
      'c2s 3 first second third',
      's2c 3 part one, part two, part three (after 18 bytes)',
      'c2s 1 bye',
    ]);
    expect(ws!.summary.close).toMatchObject({ kind: 'close-frame', by: 'server', code: 1001 });
  });

  it("Chromium's WebSocket: the page's own GET is HTTP, the upgrade is WebSocket with deflate", () => {
    const report = open('chromium.pcapng');
    expect(report.connections.map((c) => c.kind)).toEqual(['http', 'websocket']);
    const [ws] = websockets(report);
    expect(ws!.ws.handshake!.deflate).not.toBeNull();
    expect(ws!.summary.messages).toEqual({ c2s: 4, s2c: 3 });
  });

  it('plain HTTP: no WebSocket, and what was found instead (connections, requests)', () => {
    const report = open('http-only.pcapng');
    expect(websockets(report)).toEqual([]);
    expect(
      report.connections.map((c) => (c.kind === 'http' ? `${c.method} ${c.target} ${c.status}` : c.kind)),
    ).toEqual(['GET /index.html 200', 'GET /api/status 200']);
  });

  it('wss://: TLS named with its server name (SNI), nothing decoded', () => {
    for (const name of ['wss.pcap', 'wss.pcapng']) {
      const report = open(name);
      expect(report.connections.map((c) => (c.kind === 'tls' ? c.serverName : c.kind))).toEqual([
        'ws101.test',
      ]);
    }
  });

  it('Linux cooked captures v1 (113) and v2 (276) give the same WebSocket as Ethernet', () => {
    for (const name of ['linux-sll.pcap', 'linux-sll2.pcapng']) {
      const [ws] = websockets(open(name));
      expect(ws!.summary.messages).toEqual({ c2s: 6, s2c: 5 });
    }
  });

  it('a truncated file: everything before the cut is decoded, and where it ends is said', () => {
    const bytes = readFileSync(join(DIR, 'truncated.pcap'));
    const report = open('truncated.pcap');
    expect(report.problem).toMatchObject({ kind: 'truncated' });
    const at = (report.problem as { at: number }).at;
    expect(at).toBeLessThan(bytes.length);
    expect(at).toBeGreaterThan(24);
    expect(websockets(report)[0]!.summary.messages.c2s).toBeGreaterThan(0);
  });

  it('a gap (a packet missing from the capture): marked with its length, what follows is a guess', () => {
    const [ws] = websockets(open('gap.pcap'));
    const gaps = ws!.ws.skipped.filter((s) => s.why === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.length).toBeGreaterThan(0);
    const after = ws!.ws.frames.filter(
      (f) => f.direction === gaps[0]!.direction && f.streamOffset > gaps[0]!.offset,
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((f) => f.guess === 'after-gap')).toBe(true);
    expect(ws!.summary.gaps).toEqual({ count: 1, bytes: gaps[0]!.length });
  });

  it('the handshake not captured: decoded from the first plausible boundary, every frame a guess', () => {
    const [ws] = websockets(open('no-handshake.pcap'));
    expect(ws!.ws.handshake).toBeNull();
    expect(ws!.ws.frames.length).toBeGreaterThan(5);
    expect(ws!.ws.frames.every((f) => f.guess === 'no-handshake')).toBe(true);
    // The server's messages that need no earlier window inflate as the capture has them.
    const s2c = ws!.ws.events.flatMap(({ event: e, direction }) =>
      e.type === 'message' && direction === 's2c' && typeof e.data === 'string' ? [e.data] : [],
    );
    expect(s2c[0]).toBe('echo: hello');
  });

  it('not a capture: "not a capture file" with the first bytes', () => {
    const r = analyzeCapture(new TextEncoder().encode('GIF89a, not a capture'), { codec: null });
    expect(r).toEqual({
      ok: false,
      problem: { kind: 'not-a-capture', firstBytes: '47 49 46 38 39 61 2c 20 6e 6f 74 20 61 20 63 61' },
    });
  });
});

describe('HAR (Chrome DevTools format, from the DevTools protocol)', () => {
  const r = analyzeCapture(readFileSync(join(DIR, 'chromium.har')), { codec: pakoCodec });
  it('messages rebuilt as frames by the engine: client frames masked, all marked reconstructed', () => {
    if (!r.ok || r.kind !== 'har') throw new Error('not read as HAR');
    const [s] = r.report.sockets;
    const h = s!.ws.handshake!;
    expect([h.requestError, h.responseError]).toEqual([null, null]);
    expect(s!.ws.frames.every((f) => f.guess === 'reconstructed')).toBe(true);
    expect(s!.ws.frames.every((f) => f.frame.header.masked === (f.direction === 'c2s'))).toBe(true);
    const har = JSON.parse(readFileSync(join(DIR, 'chromium.har'), 'utf8')) as {
      log: { entries: { _webSocketMessages: { type: string; opcode: number; data: string }[] }[] };
    };
    const listed = har.log.entries[0]!._webSocketMessages.map((m) =>
      m.opcode === 1 ? `${m.type} ${m.data}` : `${m.type} b64:${m.data}`,
    );
    const rebuilt = s!.ws.events.flatMap(({ event: e, direction }) =>
      e.type === 'message'
        ? [
            `${direction === 'c2s' ? 'send' : 'receive'} ${
              typeof e.data === 'string' ? e.data : `b64:${Buffer.from(e.data).toString('base64')}`
            }`,
          ]
        : [],
    );
    expect(rebuilt).toEqual(listed);
  });

  it('a HAR whose JSON does not parse is "bad-har", never a throw', () => {
    const bad = analyzeCapture(new TextEncoder().encode('{"log": '), { codec: null });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem.kind).toBe('bad-har');
  });
});
