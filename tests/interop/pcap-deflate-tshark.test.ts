/**
 * A compressed session's capture read by Wireshark's own dissector (tshark): the frames are exported
 * as they went on the wire — RSV1 set, DEFLATE bytes as the payload — and tshark, having seen
 * `Sec-WebSocket-Extensions: permessage-deflate` in the handshake, inflates them itself (RFC 7692) and
 * finds the same text as the session's messages, context takeover included. `websocket.pmc` is
 * Wireshark's name for RSV1 under permessage-deflate ("Per-Message Compressed") and
 * `websocket.payload.text` carries the inflated text (tshark -G fields | grep websocket).
 * Skipped, with a notice, where tshark is not installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerValue } from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { sessionToPcap } from '../../src/sim/pcap.ts';
import type { EngineNoteEvent, FrameEvent, HttpEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

const TSHARK = ((): string | null => {
  try {
    accessSync('/usr/bin/tshark', constants.X_OK);
    return '/usr/bin/tshark';
  } catch {
    return null;
  }
})();
if (!TSHARK) console.warn("tshark not found: install Debian's tshark to run the compressed pcap check");

let work = '';

/** Fields of every WebSocket frame, one row per frame (a segment with several frames is split). */
const FIELDS = [
  'frame.number',
  'ip.src',
  'websocket.fin',
  'websocket.pmc',
  'websocket.opcode',
  'websocket.payload_length',
  'websocket.payload.text',
] as const;

function tsharkRows(file: string): Record<(typeof FIELDS)[number], string[]>[] {
  const r = spawnSync(
    TSHARK!,
    [
      '-r',
      file,
      '-n',
      '-Y',
      'websocket',
      '-T',
      'fields',
      '-E',
      'separator=/t',
      '-E',
      'occurrence=a',
      '-E',
      'aggregator=/s',
    ].concat(FIELDS.flatMap((f) => ['-e', f])),
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, WIRESHARK_CONFIG_DIR: work } },
  );
  if (r.status !== 0) throw new Error(`tshark exited with ${r.status}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells = line.split('\t');
      // Several frames in one segment: each field lists its values, space-separated (text excepted).
      return Object.fromEntries(
        FIELDS.map((f, i) => [
          f,
          f === 'websocket.payload.text' ? [cells[i] ?? ''] : (cells[i] ?? '').split(' '),
        ]),
      ) as Record<(typeof FIELDS)[number], string[]>;
    });
}

function httpFields(file: string): string[][] {
  const r = spawnSync(
    TSHARK!,
    [
      '-r',
      file,
      '-n',
      '-Y',
      'http',
      '-T',
      'fields',
      '-E',
      'separator=/t',
      '-e',
      'http.sec_websocket_extensions',
      '-e',
      'http.sec_websocket_protocol',
    ],
    { encoding: 'utf8', env: { ...process.env, WIRESHARK_CONFIG_DIR: work } },
  );
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

/** A session through the real engines, as the playground's console would run it. */
function session(lines: readonly string[]): World {
  const w = new World({ maxEvents: Infinity }, pakoCodec);
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(line);
    if (!runCommand(w, parsed.command).ok) throw new Error(`${line}: refused`);
    w.settle(120_000);
  }
  return w;
}

const MESSAGES = [
  'hello hello hello hello',
  // Sent again: with context takeover the second copy refers back to the first (RFC 7692 §7.2.3.2).
  'hello hello hello hello',
  '한국어 텍스트도 압축됩니다',
  `{"price":101,"symbol":"WS","note":"${'abc'.repeat(40)}"}`,
];

describe.skipIf(!TSHARK)('tshark inflates the exported permessage-deflate session (RFC 7692)', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ws101-pcap-deflate-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [name, setup] of [
    ['context takeover both ways (what browsers and ws agree to)', ['connect --deflate --protocol chat']],
    [
      'no context takeover, a 10-bit server window',
      [
        'server deflate on --no-context-takeover --max-window-bits 10',
        'connect --deflate=client_no_context_takeover',
      ],
    ],
  ] as const) {
    it(`${name}: RSV1 frames on the wire, and tshark finds the same text`, () => {
      const w = session([...setup, ...MESSAGES.map((m) => `send ${m}`), 'close 1000 done']);
      const file = join(work, `${name.length}.pcap`);
      writeFileSync(file, sessionToPcap(w.timeline.events));

      // The negotiation as tshark reads it: the same offer and answer as the session's.
      const http = w.timeline.events.filter((e): e is HttpEvent => e.kind === 'http');
      expect(httpFields(file).map((r) => r[0])).toEqual(
        http.map((e) => headerValue(e.message.headers, 'Sec-WebSocket-Extensions')),
      );

      const rows = tsharkRows(file);
      const frames = w.timeline.events.filter((e): e is FrameEvent => e.kind === 'frame');
      // Each frame in wire order: RSV1 as sent, the compressed length on the wire, the inflated text.
      const seen = rows.flatMap((r) =>
        r['websocket.opcode'].map((op, i) => ({
          opcode: Number(op),
          pmc: r['websocket.pmc'][i] === '1',
          length: Number(r['websocket.payload_length'][i]),
        })),
      );
      const ours = frames
        .slice()
        .sort((a, b) => a.segments[0]! - b.segments[0]! || a.id - b.id)
        .map((f) => ({
          opcode: f.frame.header.opcode,
          pmc: f.frame.header.rsv1,
          length: f.frame.header.payloadLength,
        }));
      expect(seen).toEqual(ours);
      expect(seen.filter((f) => f.pmc)).toHaveLength(2 * MESSAGES.length);
      // Compressed on the wire: fewer bytes in all than the text (a short Korean line alone grows).
      const sum = (ns: number[]): number => ns.reduce((a, b) => a + b, 0);
      const compressed = frames.filter((x) => x.frame.deflate);
      expect(sum(compressed.map((f) => f.frame.header.payloadLength))).toBeLessThan(
        sum(compressed.map((f) => f.frame.deflate!.inflatedLength)),
      );

      // tshark's inflated text, message by message, is what the receivers' engines delivered.
      const texts = rows
        .filter((r) => r['websocket.opcode'][0] === '1')
        .map((r) => r['websocket.payload.text'][0]);
      const delivered = w.timeline.events
        .filter((e): e is EngineNoteEvent => e.kind === 'engine' && e.event.type === 'message')
        .sort((a, b) => a.t - b.t || a.id - b.id)
        .map((e) => (e.event.type === 'message' ? e.event.data : ''));
      expect(texts).toEqual(MESSAGES.flatMap((m) => [m, m]));
      expect(delivered).toEqual(MESSAGES.flatMap((m) => [m, m]));
    });
  }

  it('a fragmented compressed message: RSV1 on its first frame only, as it went on the wire (§6.1)', () => {
    // tshark 4.0 reassembles the fragments but shows the reassembled DEFLATE bytes without inflating
    // them, so here it checks the frame bits; the engine's own inflation is checked in the unit tests.
    const w = session(['connect --deflate', 'frag fragmented and compressed 3']);
    const file = join(work, 'frag.pcap');
    writeFileSync(file, sessionToPcap(w.timeline.events));
    const up = tsharkRows(file).find((r) => r['websocket.opcode'].length === 3)!;
    expect(up['websocket.pmc']).toEqual(['1', '0', '0']);
    expect(up['websocket.opcode']).toEqual(['1', '0', '0']);
    expect(up['websocket.fin']).toEqual(['0', '0', '1']);
  });
});
