/**
 * The simulated flow control (RFC 9293 §3.8.6) read by an independent TCP analyser: the session of
 * lesson 16 (a 4,096-byte receive buffer, a reader that pauses and later reads slowly, a flood) is
 * exported as .pcap, and tshark's own TCP analysis must name what the model claims to do: the window
 * filling ("window full"), the zero window, one-octet zero-window probes and their ACKs, and the
 * window update that reopens the flow; and must find nothing lost, retransmitted, duplicated or out
 * of order. Skipped without tshark (Debian: apt-get install -y tshark).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { captureSegments, sessionToPcap } from '../../src/sim/pcap.ts';
import { World } from '../../src/sim/world.ts';

function findTshark(): string | null {
  try {
    accessSync('/usr/bin/tshark', constants.X_OK);
    return '/usr/bin/tshark';
  } catch {
    return null;
  }
}
const TSHARK = findTshark();

let work = '';

const FLAGS = [
  'tcp.analysis.window_full',
  'tcp.analysis.zero_window',
  'tcp.analysis.zero_window_probe',
  'tcp.analysis.zero_window_probe_ack',
  'tcp.analysis.window_update',
  'tcp.analysis.retransmission',
  'tcp.analysis.fast_retransmission',
  'tcp.analysis.spurious_retransmission',
  'tcp.analysis.lost_segment',
  'tcp.analysis.ack_lost_segment',
  'tcp.analysis.out_of_order',
  'tcp.analysis.duplicate_ack',
  'tcp.analysis.keep_alive',
] as const;
type Flag = (typeof FLAGS)[number];

/** For each packet, the tshark analysis flags set on it (tshark prints a present flag as "1"). */
function analyse(file: string): Set<Flag>[] {
  const r = spawnSync(
    TSHARK!,
    [
      '-r',
      file,
      '-n',
      '-T',
      'fields',
      '-E',
      'separator=/t',
      '-e',
      'frame.number',
      ...FLAGS.flatMap((f) => ['-e', f]),
    ],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, WIRESHARK_CONFIG_DIR: work } },
  );
  if (r.status !== 0) throw new Error(`tshark exited with ${r.status}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells = line.split('\t').slice(1);
      return new Set(FLAGS.filter((_, i) => (cells[i] ?? '') !== ''));
    });
}

describe.skipIf(!TSHARK)('tshark reads the simulated flow control', () => {
  let world: World;
  let flags: Set<Flag>[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ws101-flow-'));
    world = new World({ server: 'echo' });
    const run = (line: string): void => {
      const p = parseCommand(line);
      if (!p.ok) throw new Error(line);
      expect(runCommand(world, p.command)).toEqual({ ok: true });
      world.settle(3000);
    };
    run('window 4096');
    run('connect /echo');
    run('reader pause');
    run('flood 10 2000'); // the window fills, goes to 0; probes at 200, 400, 800, 1,600 ms
    // Window updates (a message of 2,008 bytes is read after the first 1,500-byte update: lesson 16's
    // first-window-update), and the flood drains at 10 KB/s and is echoed.
    run('reader slow 10');
    world.settle(20_000);
    const file = join(work, 'flow.pcap');
    writeFileSync(file, sessionToPcap(world.timeline.events));
    flags = analyse(file);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sees one packet per segment', () => {
    expect(flags.length).toBe(captureSegments(world.timeline.events).length);
  });

  it('names the zero window, the one-octet probes and their ACKs, as the model sends them', () => {
    const segs = captureSegments(world.timeline.events).map((c) => c.segment);
    const zero = segs.flatMap((s, i) => (s.window === 0 && s.from === 'server' ? [i] : []));
    const probes = segs.flatMap((s, i) => (s.from === 'client' && s.payload.length === 1 ? [i] : []));
    expect(zero.length).toBeGreaterThan(0);
    expect(probes.length).toBeGreaterThanOrEqual(3);
    // The first win=0 is tshark's "zero window"; every one-octet segment is its "zero window probe".
    expect(flags[zero[0]!]!.has('tcp.analysis.zero_window')).toBe(true);
    for (const i of probes)
      expect(flags[i]!.has('tcp.analysis.zero_window_probe'), `packet ${i + 1}`).toBe(true);
    const probeAcks = flags.filter((f) => f.has('tcp.analysis.zero_window_probe_ack')).length;
    expect(probeAcks).toBe(probes.length);
  });

  it('sees the sender fill the window exactly, and a window update reopen it', () => {
    expect(
      flags.some((f) => f.has('tcp.analysis.window_full')),
      'window full',
    ).toBe(true);
    expect(
      flags.some((f) => f.has('tcp.analysis.window_update')),
      'window update',
    ).toBe(true);
  });

  it('finds nothing lost, retransmitted, duplicated or out of order (the probe octet sent again is not a retransmission)', () => {
    const bad: Flag[] = [
      'tcp.analysis.retransmission',
      'tcp.analysis.fast_retransmission',
      'tcp.analysis.spurious_retransmission',
      'tcp.analysis.lost_segment',
      'tcp.analysis.ack_lost_segment',
      'tcp.analysis.out_of_order',
      'tcp.analysis.duplicate_ack',
    ];
    const found = flags.flatMap((f, i) => bad.filter((b) => f.has(b)).map((b) => `${i + 1}: ${b}`));
    expect(found).toEqual([]);
  });
});
