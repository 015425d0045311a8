/**
 * Whatever a learner's server does with its socket, the grader ends with a report: random bytes, a
 * half-right 101 followed by garbage, ends and destroys at any moment. Never an exception of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/build/grade.ts';
import { InProcessHost } from '../../src/build/in-process.ts';
import type { LearnerSocket } from '../../src/build/socket.ts';
import { STAGES } from '../../src/build/stages.ts';

type Move =
  | { kind: 'write'; bytes: Uint8Array }
  | { kind: 'write101'; tail: Uint8Array }
  | { kind: 'end' }
  | { kind: 'destroy' }
  | { kind: 'nothing' };

const move: fc.Arbitrary<Move> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'write' as const, bytes })),
  },
  {
    weight: 2,
    arbitrary: fc.uint8Array({ maxLength: 40 }).map((tail) => ({ kind: 'write101' as const, tail })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'end' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'destroy' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'nothing' as const }) },
);

const STATUS_101 = new TextEncoder().encode(
  'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n',
);

/** A server that answers each chunk with the next moves of a script, round and round. */
function scripted(moves: readonly Move[]) {
  let i = 0;
  return (socket: LearnerSocket) => {
    socket.on('data', () => {
      for (let k = 0; k < 2 && moves.length > 0; k++) {
        const m = moves[i++ % moves.length]!;
        if (m.kind === 'write') socket.write(m.bytes);
        else if (m.kind === 'write101') socket.write(new Uint8Array([...STATUS_101, ...m.tail]));
        else if (m.kind === 'end') socket.end();
        else if (m.kind === 'destroy') socket.destroy();
      }
    });
    socket.on('error', () => {});
  };
}

describe('the grader under any server behaviour', () => {
  it('returns a report for every stage and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 12 }), async (moves) => {
        const report = await runStages('', async () => ({
          ok: true,
          host: new InProcessHost(scripted(moves), 'file:///my-server.js'),
        }));
        expect(report.results).toHaveLength(STAGES.length);
        for (const r of report.results) expect(['pass', 'fail', 'crash']).toContain(r.status);
      }),
      { numRuns: 40 },
    );
  });
});
