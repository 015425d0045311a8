/**
 * Lesson 18 (WebSocket over HTTP/2 and HTTP/3): every answer the lesson expects, and every number its
 * prose states, recomputed from the HTTP/2 encoder, HPACK and the scripted RFC 8441 session — so the
 * lesson cannot drift from the bytes its widget shows. Each exercise accepts its solution and rejects
 * the listed wrong answers, in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/lessons/check.ts';
import { LANGS, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { FrameType, Setting, readSettings } from '../../src/sim/h2/frames.ts';
import { HpackDecoder, STATIC_TABLE } from '../../src/sim/h2/hpack.ts';
import { sideBySide } from '../../src/sim/h2/side-by-side.ts';

const FILE = '18-websocket-over-http2-and-http3.md';
function lesson(lang: Lang): { src: string; exercises: Map<string, Exercise> } {
  const src = readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
  const r = parseLesson(src, lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const exercises = new Map<string, Exercise>();
  for (const b of r.lesson.blocks) if (b.kind === 'exercise') exercises.set(b.exercise.id, b.exercise);
  return { src, exercises };
}
const model = sideBySide();
const frames = model.http2.session.flights.flatMap((f) => f.frames);

describe.each(LANGS)('lesson 18 (%s) against the encoder', (lang) => {
  const { src, exercises } = lesson(lang);
  const get = (id: string): Exercise => exercises.get(id)!;

  it('which-pseudo-header: the answer is the one field the CONNECT has and a plain CONNECT (RFC 9113 §8.5) must not', () => {
    const ex = get('which-pseudo-header');
    if (ex.kind !== 'choice') throw new Error('kind');
    // A plain CONNECT carries only :method and :authority; :scheme and :path are added back by RFC 8441 §4.
    const plain = new Set([':method', ':authority', ':scheme', ':path']);
    const added = model.http2.connect.headers!.filter((h) => h.name.startsWith(':') && !plain.has(h.name));
    expect(added.map((h) => `\`${h.name}: ${h.value}\``)).toEqual([
      ex.options[ex.answer[0]!]!.replace(/<\/?code>/g, '`'),
    ]);
    expect(checkExercise(ex, ex.answer).ok).toBe(true);
    for (const wrong of [[0], [2], [3], [0, 1]]) expect(checkExercise(ex, wrong).ok).toBe(false);
  });

  it('what-replaces-accept: the 200 carries no sec-websocket-accept, and the CONNECT no key to compute it from', () => {
    const ex = get('what-replaces-accept');
    const ok = new HpackDecoder();
    const names = model.http2.ok.headers!.map((h) => h.name);
    expect(names).not.toContain('sec-websocket-accept');
    expect(model.http2.connect.headers!.map((h) => h.name)).not.toContain('sec-websocket-key');
    expect(ok.decode(model.http2.ok.frame.payload)).toMatchObject({ ok: true });
    expect(checkExercise(ex, [2]).ok).toBe(true);
    expect(checkExercise(ex, [0]).ok).toBe(false);
    expect(checkExercise(ex, [3]).ok).toBe(false);
  });

  it("second-stream-id: the answer is the stream of the session's second extended CONNECT", () => {
    const ex = get('second-stream-id');
    expect(checkExercise(ex, String(model.http2.secondConnect.frame.stream)).ok).toBe(true);
    expect(model.http2.secondConnect.frame.stream).toBe(5);
    for (const wrong of ['4', '3', '1', '6']) expect(checkExercise(ex, wrong).ok).toBe(false);
  });

  it('hpack-second-connect: the answer is the length of the header block HPACK wrote for it', () => {
    const ex = get('hpack-second-connect');
    const block = model.http2.secondConnect.frame.payload.length;
    expect(checkExercise(ex, String(block)).ok).toBe(true);
    expect(checkExercise(ex, `${block} bytes`).ok).toBe(true);
    // 24 is the frame with its 9-byte header: a listed mistake, rejected.
    expect(checkExercise(ex, String(model.http2.secondConnect.bytes.length)).ok).toBe(false);
    // The prompt's facts: :path's static index is 4, and `44 05 …` is the literal.
    expect(STATIC_TABLE[3]).toEqual({ name: ':path', value: '/' });
    const literal = model.http2.secondConnect.hpack!.find((h) => h.field.name === ':path')!;
    expect(Array.from(literal.bytes.subarray(0, 2))).toEqual([0x44, 0x05]);
  });

  it('close-one-websocket: the session resets one stream with RST_STREAM and the other still closes cleanly', () => {
    const ex = get('close-one-websocket');
    const rst = frames.find((f) => f.frame.type === FrameType.RST_STREAM)!;
    expect(rst.frame.stream).toBe(5);
    expect(
      frames.some((f) => f.frame.stream === 3 && f.frame.type === FrameType.DATA && f.frame.flags & 1),
    ).toBe(true);
    expect(checkExercise(ex, [1]).ok).toBe(true);
    for (const wrong of [[0], [2], [3]]) expect(checkExercise(ex, wrong).ok).toBe(false);
  });

  it('the prose\'s numbers are the encoder\'s: 181-byte first block, 15-byte second, setting 0x8, 11-byte "hello"', () => {
    expect(model.http2.connect.frame.payload.length).toBe(181);
    expect(model.http2.secondConnect.frame.payload.length).toBe(15);
    expect(src).toContain('181');
    expect(src).toContain('15');
    expect(Setting.ENABLE_CONNECT_PROTOCOL).toBe(0x8);
    const serverSettings = frames.find(
      (f) =>
        f.frame.type === FrameType.SETTINGS &&
        f.frame.payload.length > 0 &&
        readSettings(f.frame).some(([id]) => id === Setting.ENABLE_CONNECT_PROTOCOL),
    );
    expect(serverSettings).toBeDefined();
    expect(model.http2.firstData.frame.payload.length).toBe(11);
    expect(Array.from(model.http2.firstData.frame.payload.subarray(0, 2))).toEqual([0x81, 0x85]);
    expect(model.http1.firstFrame.length).toBe(11);
  });
});
