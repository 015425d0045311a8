/**
 * The RFC 8441 session (src/sim/h2) exported as pcap and read by Wireshark's HTTP/2 dissector (tshark), as
 * a second opinion on the HTTP/2 frames and the HPACK header blocks. The server listens on 8080 and the
 * capture is HTTP/2 with prior knowledge (no TLS, no Upgrade: h2c), so the test tells tshark to decode that
 * port as HTTP/2 (`-d tcp.port==8080,http2`). tshark must find:
 *   - the connection preface (Magic) and SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 from the server;
 *   - each extended CONNECT with `:method` CONNECT and `:protocol` = websocket, and its `:status` 200;
 *   - the DATA frames on the WebSocket streams, whose payload bytes are exactly the engine's frames.
 * tshark 4.0 marks those DATA frames "(tunneled data)" but does not run its WebSocket dissector on them
 * (no `websocket.*` field appears), so the WebSocket frames are compared as bytes: tshark's
 * `http2.data.data` against what our engine wrote and decodes.
 * It is skipped, with a notice, where tshark is not installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType } from '../../src/sim/h2/frames.ts';
import { websocketOverH2Session } from '../../src/sim/h2/session.ts';
import { byteStreamsToPcap } from '../../src/sim/pcap.ts';

function findTshark(): string | null {
  for (const dir of ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    if (!dir) continue;
    try {
      accessSync(join(dir, 'tshark'), constants.X_OK);
      return join(dir, 'tshark');
    } catch {
      // not here
    }
  }
  return null;
}
const TSHARK = findTshark();
if (!TSHARK) console.warn('tshark not found: install tshark to run the HTTP/2 pcap check');

const PORT = 8080;
/** Expert info severity "warning" (epan/proto.h). */
const PI_WARN = 0x00600000;
let work = '';
let file = '';
const session = websocketOverH2Session();

function tshark(args: readonly string[]): string {
  const r = spawnSync(
    TSHARK!,
    ['-r', file, '-n', '-o', 'tcp.check_checksum:TRUE', '-d', `tcp.port==${PORT},http2`, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
      env: { ...process.env, WIRESHARK_CONFIG_DIR: work },
    },
  );
  const stderr = (r.stderr ?? '')
    .split('\n')
    .filter((l) => l.trim() && !/^Running as user "root"/.test(l))
    .join('\n');
  if (r.status !== 0) throw new Error(`tshark exited with ${r.status}: ${stderr || r.error?.message}`);
  return r.stdout;
}

const FIELDS = [
  'frame.number',
  'tcp.checksum.status',
  '_ws.col.protocol',
  'http2.magic',
  'http2.streamid',
  'http2.type',
  'http2.settings.extended_connect',
  'http2.header.name',
  'http2.header.value',
  'http2.header.repr',
  'http2.data.data',
  'http2.rst_stream.error',
  '_ws.expert.severity',
  'websocket.opcode',
] as const;
type Row = Record<(typeof FIELDS)[number], string[]>;

function rows(): Row[] {
  // One row per packet; several HTTP/2 frames in a packet give several values joined by '|'.
  const out = tshark([
    '-T',
    'fields',
    '-E',
    'separator=/t',
    '-E',
    'aggregator=|',
    '-E',
    'occurrence=a',
    ...FIELDS.flatMap((f) => ['-e', f]),
  ]);
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i] ? cells[i]!.split('|') : []])) as Row;
    });
}

const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe.skipIf(!TSHARK)('RFC 8441 session exported as pcap, read by tshark', () => {
  let table: Row[] = [];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ws101-h2-'));
    file = join(work, 'h2.pcap');
    writeFileSync(
      file,
      byteStreamsToPcap(
        session.flights.map((f) => ({ t: f.t, fromClient: f.from === 'client', bytes: f.bytes })),
        { serverPort: PORT },
      ),
    );
    table = rows();
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('every segment has a good TCP checksum and nothing rates a warning', () => {
    expect(table.length).toBeGreaterThan(10);
    for (const r of table) expect(r['tcp.checksum.status']).toEqual(['1']);
    const severities = table.flatMap((r) => r['_ws.expert.severity'].map(Number));
    expect(severities.filter((s) => s >= PI_WARN)).toEqual([]);
  });

  it('RFC 9113 §3.4: the preface, then SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 from the server (RFC 8441 §3)', () => {
    expect(table.filter((r) => r['http2.magic'].length > 0)).toHaveLength(1);
    expect(table.flatMap((r) => r['http2.settings.extended_connect'])).toEqual(['1']);
  });

  it('RFC 8441 §4: two extended CONNECTs (:method CONNECT, :protocol websocket) on streams 3 and 5, each answered :status 200', () => {
    const headerRows = table.filter((r) => r['http2.header.name'].length > 0);
    const pairs = headerRows.flatMap((r) =>
      r['http2.header.name'].map((n, i) => [n, r['http2.header.value'][i]]),
    );
    expect(pairs.filter(([n, v]) => n === ':protocol' && v === 'websocket')).toHaveLength(2);
    expect(pairs.filter(([n, v]) => n === ':method' && v === 'CONNECT')).toHaveLength(2);
    expect(
      pairs.filter(([n]) => n === 'upgrade' || n === 'sec-websocket-key' || n === 'sec-websocket-accept'),
    ).toEqual([]);
    // The page (stream 1) and both WebSockets are answered 200.
    expect(pairs.filter(([n, v]) => n === ':status' && v === '200')).toHaveLength(3);
    const connectRow = headerRows.find((r) => r['http2.header.value'].includes('CONNECT'))!;
    expect(connectRow['http2.streamid'].filter((s) => s !== '0')).toEqual(['3', '5']);
  });

  it('RFC 7541: tshark sees the second CONNECT written almost entirely as indexed fields', () => {
    const connectRow = table.find((r) => r['http2.header.value'].includes('CONNECT'))!;
    const reprs = connectRow['http2.header.repr'];
    const second = reprs.slice(reprs.length / 2);
    expect(second.filter((r) => r === 'Indexed Header Field')).toHaveLength(8);
  });

  it("RFC 8441 §5: the DATA payloads on the WebSocket streams are byte for byte the engine's WebSocket frames", () => {
    // What we wrote: each non-empty DATA frame on a WebSocket stream, in order.
    const ours = session.flights
      .flatMap((f) => f.frames)
      .filter(
        (x) =>
          x.frame.type === FrameType.DATA &&
          session.websocketStreams.includes(x.frame.stream) &&
          x.frame.payload.length > 0,
      )
      .map((x) => ({
        stream: String(x.frame.stream),
        hex: toHex(x.frame.payload),
        frames: x.websocket!.length,
      }));
    // What tshark read: the DATA frames (type 0) of each packet, paired in order with its data values
    // (an empty DATA frame has none: tshark prints <MISSING>).
    const theirs: { stream: string; hex: string }[] = [];
    for (const r of table) {
      const dataStreams = r['http2.streamid'].filter((_, i) => r['http2.type'][i] === String(FrameType.DATA));
      const values = r['http2.data.data'].map((v) => (v === '<MISSING>' ? '' : v));
      expect(values).toHaveLength(dataStreams.length);
      dataStreams.forEach((stream, i) => {
        if (stream !== '1' && values[i]) theirs.push({ stream, hex: values[i] });
      });
    }
    expect(theirs).toEqual(ours.map(({ stream, hex }) => ({ stream, hex })));
    expect(ours.every((o) => o.frames >= 1)).toBe(true);
    // tshark 4.0 does not hand tunneled DATA to its WebSocket dissector (see the header comment).
    expect(table.flatMap((r) => r['websocket.opcode'])).toEqual([]);
  });

  it('RFC 9113 §6.4: RST_STREAM on stream 5 with CANCEL (0x8)', () => {
    expect(table.flatMap((r) => r['http2.rst_stream.error'])).toEqual(['8']);
  });
});
