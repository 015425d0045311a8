/**
 * Lesson 16 (backpressure), with its numbers judged by the simulator: each number exercise's answer
 * is what the simulated TCP gives when the prompt's console commands run, so the lesson cannot drift
 * from the model; the close-code exercise is judged by the engine's close-code table. Both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/lessons/check.ts';
import { LANGS, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { closeCodeInfo } from '../../src/protocol/close.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import type { SegmentEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';

const FILE = '16-backpressure.md';
function exercise(lang: Lang, id: string): Exercise {
  const src = readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
  const r = parseLesson(src, lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  for (const b of r.lesson.blocks) if (b.kind === 'exercise' && b.exercise.id === id) return b.exercise;
  throw new Error(`no exercise ${id}`);
}

function run(world: World, ...lines: string[]): void {
  for (const line of lines) {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(line);
    const r = runCommand(world, p.command);
    if (!r.ok) throw new Error(`${line}: ${JSON.stringify(r)}`);
    world.settle(2000); // as the playground does between commands: run ahead of the next one
  }
}

/** The prompt's scenario: a 4,096-byte buffer, the reader paused after the handshake, a flood. */
function stalled(flood: string): World {
  const w = new World();
  run(w, 'window 4096', 'connect /echo', 'reader pause', flood);
  return w;
}

describe('lesson 16, judged by the simulator', () => {
  for (const lang of LANGS) {
    it(`${lang}: buffered-after-stall's answer is the send queue the simulator holds at the stall`, () => {
      const ex = exercise(lang, 'buffered-after-stall');
      const w = stalled('flood 10 2000');
      expect(w.learner!.serverTcp.window).toBe(0);
      expect(ex.kind === 'number' && ex.answer).toBe(w.bufferedAmount);
      // …and the log says the same figure to the learner who runs it.
      const note = w.timeline.events.find((e) => e.kind === 'note' && e.text.id === 'pg.note.windowZero');
      expect(note?.kind === 'note' && note.text.params).toEqual({ bytes: w.bufferedAmount });
      expect(checkExercise(ex, String(w.bufferedAmount)).ok).toBe(true);
      expect(checkExercise(ex, '15904').ok).toBe(false); // payloads only: the browser's count
    });

    it(`${lang}: first-window-update's answer is the window of the server's first update after the stall`, () => {
      const ex = exercise(lang, 'first-window-update');
      const w = stalled('flood 10 2000');
      const before = w.timeline.events.length;
      run(w, 'reader slow 10');
      const after = w.timeline.events.slice(before).filter((e): e is SegmentEvent => e.kind === 'segment');
      // A probe's answer states the window too, but the receiver did not choose to send it (§3.8.6.1).
      const probesArrive = new Set(after.filter((s) => s.from === 'client').map((s) => s.arriveT));
      const opened = after.find((s) => s.from === 'server' && s.window > 0 && !probesArrive.has(s.t));
      expect(opened).toBeDefined();
      expect(ex.kind === 'number' && ex.answer).toBe(opened!.window);
      expect(checkExercise(ex, `${opened!.window} bytes`).ok).toBe(true);
      for (const wrong of ['100', '1460', '2048']) expect(checkExercise(ex, wrong).ok).toBe(false);
    });

    it(`${lang}: slow-consumer-code accepts exactly the codes that may be sent and are not §7.4.1 protocol errors`, () => {
      const ex = exercise(lang, 'slow-consumer-code');
      if (ex.kind !== 'choice') throw new Error('choice expected');
      const codes = ex.options.map((o) => Number(/^\d{4}/.exec(o)![0]));
      expect(codes).toEqual([1008, 1013, 1006, 1002]);
      // The engine's one table of close codes: 1006 never travels in a close frame.
      expect(closeCodeInfo(1006)!.onWire).toBe(false);
      for (const i of ex.answer) expect(closeCodeInfo(codes[i]!)!.onWire).toBe(true);
      expect(checkExercise(ex, [0, 1]).ok).toBe(true);
      expect(checkExercise(ex, [0, 1, 2]).ok).toBe(false);
      expect(checkExercise(ex, [0]).ok).toBe(false);
    });

    it(`${lang}: stream-brake accepts only awaiting writer.ready`, () => {
      const ex = exercise(lang, 'stream-brake');
      expect(checkExercise(ex, [0]).ok).toBe(true);
      expect(checkExercise(ex, [1]).ok).toBe(false);
    });
  }
});
