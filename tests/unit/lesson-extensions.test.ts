/**
 * Lesson 11 (extensions and subprotocols), read as a learner answers it: the frame exercises are judged
 * by the engine as if permessage-deflate was negotiated (RFC 7692), so any valid DEFLATE data that
 * inflates to the text passes; the handshake exercises by the engine's server with a subprotocol list
 * and a deflate policy. A wrong answer is told which rule it breaks, and its first "not yet" does not
 * give the value away (check.ts reasonShown).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExercise, needsCodec, reasonShown, type CheckFailure } from '../../src/lessons/check.ts';
import { LANGS, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { DEFAULT_DEFLATE_PARAMS, inspectBytes, parseHex, toHex } from '../../src/protocol/index.ts';
import { renderText } from '../../src/i18n/text.ts';

const FILE = '11-extensions-and-subprotocols.md';
const env = { codec: pakoCodec };
function exercise(lang: Lang, id: string): Exercise {
  const src = readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
  const r = parseLesson(src, lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  for (const b of r.lesson.blocks) if (b.kind === 'exercise' && b.exercise.id === id) return b.exercise;
  throw new Error(`no exercise ${id}`);
}
function failure(ex: Exercise, answer: string | number[]): CheckFailure {
  const r = checkExercise(ex, answer, env);
  if (r.ok) throw new Error(`${ex.id}: ${JSON.stringify(answer)} was accepted`);
  return r;
}
const request = (...extra: string[]): string =>
  [
    'GET /chat HTTP/1.1',
    'Host: server.example.com',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
  ].join('\n');

describe('RFC 7692 §7.2: inflate-to-hi, a compressed frame the client inflates to "Hi"', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'inflate-to-hi');
    it(`${lang}: needs the codec, and without it says so instead of judging`, () => {
      expect(needsCodec(ex)).toBe(true);
      const r = checkExercise(ex, 'c1 08 00 02 00 fd ff 48 69 00');
      expect(!r.ok && renderText(lang, r.reason)).toMatch(/DEFLATE/);
    });
    it.each([
      ['a stored block, closed by the tail', 'c1 08 00 02 00 fd ff 48 69 00'],
      ['pako/zlib at level 6, the tail removed', 'c1 04 f2 c8 04 00'],
      ['a level-0 compressor (stored block)', toHex(frameOf(pakoCodec.compressor(15, 0).flush(bytes('Hi'))))],
    ])(`${lang}: %s → accepted`, (_, answer) => expect(checkExercise(ex, answer, env)).toEqual({ ok: true }));
    it(`${lang}: "Hi" sent uncompressed (RSV1 0) is a valid message, but not a compressed one → not yet`, () => {
      const r = failure(ex, '81 02 48 69');
      expect(renderText('en', r.reason)).toMatch(/RSV1 = 0/);
    });
    it(`${lang}: the start ("Hello") → no text message "Hi"`, () => {
      expect(renderText('en', failure(ex, ex.kind === 'frame' ? ex.start : '').reason)).toMatch(/“Hi”/);
    });
    it(`${lang}: the stored block with its length byte left at 07 → incomplete, or corrupt data → 1002 named`, () => {
      expect(renderText('en', failure(ex, 'c1 07 00 02 00 fd ff 48 69 00').reason)).toMatch(
        /waits for 1 more/,
      );
      expect(renderText('en', failure(ex, 'c1 08 00 02 00 fd fe 48 69 00').reason)).toMatch(
        /not valid DEFLATE/,
      );
    });
  }
});

describe('RFC 7692 §6: RSV1 on a continuation frame → 1002 (why-refused, fix-continuation)', () => {
  const bad = '41 03 f2 48 cd c0 04 c9 c9 07 00';
  it('the engine refuses the bytes of the prompt with rsv1-on-continuation and 1002, as the answer says', () => {
    const v = inspectBytes(parseHex(bad).bytes, 's2c', {
      deflate: { codec: pakoCodec, params: DEFAULT_DEFLATE_PARAMS },
    });
    expect(v.end.kind === 'error' && v.end.error.rule).toBe('rsv1-on-continuation');
    expect(v.end.kind === 'error' && v.end.error.answer).toEqual({ kind: 'close', code: 1002 });
  });
  for (const lang of LANGS) {
    const choice = exercise(lang, 'why-refused');
    it(`${lang}: why-refused accepts the continuation option, and nudges "no tail" and "no fragments"`, () => {
      expect(checkExercise(choice, [2], env)).toEqual({ ok: true });
      expect(failure(choice, [0]).nudge).toMatch(/7\.2\.1/);
      expect(failure(choice, [1]).nudge).toMatch(/7\.2\.3/);
    });
    const fix = exercise(lang, 'fix-continuation');
    it(`${lang}: fix-continuation: 80 on the continuation → accepted; so is the message in one compressed frame`, () => {
      expect(checkExercise(fix, '41 03 f2 48 cd 80 04 c9 c9 07 00', env)).toEqual({ ok: true });
      expect(checkExercise(fix, 'c1 07 f2 48 cd c9 c9 07 00', env)).toEqual({ ok: true });
    });
    it(`${lang}: the start → refused, the engine's rule named; RSV1 off on both frames → raw DEFLATE bytes as text, 1007`, () => {
      expect(renderText('en', failure(fix, bad).reason)).toMatch(/continuation frame/);
      expect(renderText('en', failure(fix, '01 03 f2 48 cd 80 04 c9 c9 07 00').reason)).toMatch(/UTF-8/);
    });
  }
});

describe('RFC 6455 §4.2.2: offer-chat, the server picks a subprotocol from the offer', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'offer-chat');
    it.each(['chat', 'chat, superchat', 'superchat, chat', 'superchat,chat'])(
      `${lang}: Sec-WebSocket-Protocol: %s → 101 with chat`,
      (list) =>
        expect(checkExercise(ex, request(`Sec-WebSocket-Protocol: ${list}`), env)).toEqual({ ok: true }),
    );
    it(`${lang}: only superchat → 400, the server's rule named (no common subprotocol)`, () => {
      const r = failure(ex, request('Sec-WebSocket-Protocol: superchat'));
      expect(renderText('en', r.reason)).toMatch(/400/);
    });
    it(`${lang}: no offer at all → 101 without a subprotocol → "names none", the first try without the name`, () => {
      const r = failure(ex, request());
      expect(renderText('en', r.reason)).toMatch(/chat; its 101 names none/);
      expect(renderText('en', reasonShown(r, 1, 0))).not.toMatch(/\bchat\b/);
    });
    it(`${lang}: "Chat" is another token (compared as written) → not chosen`, () => {
      failure(ex, request('Sec-WebSocket-Protocol: Chat'));
    });
  }
});

describe('RFC 7692 §7.1.1.1: ask-no-takeover, the server agrees to server_no_context_takeover', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'ask-no-takeover');
    it.each([
      'permessage-deflate; client_max_window_bits; server_no_context_takeover',
      'permessage-deflate; server_no_context_takeover',
      'permessage-deflate;server_no_context_takeover; client_no_context_takeover',
      'x-webkit-deflate-frame, permessage-deflate; server_no_context_takeover',
    ])(`${lang}: Sec-WebSocket-Extensions: %s → accepted`, (offer) =>
      expect(checkExercise(ex, request(`Sec-WebSocket-Extensions: ${offer}`), env)).toEqual({ ok: true }),
    );
    it(`${lang}: the browser's offer → deflate without the parameter; first try brief, then the name`, () => {
      const r = failure(ex, request('Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits'));
      expect(renderText('en', reasonShown(r, 1, 0))).not.toMatch(/server_no_context_takeover/);
      expect(renderText('en', reasonShown(r, 2, 0))).toMatch(/server_no_context_takeover/);
    });
    it(`${lang}: server_no_context_takeover=1 → the server declines the offer → "without permessage-deflate"`, () => {
      const r = failure(
        ex,
        request('Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover=1'),
      );
      expect(renderText('en', r.reason)).toMatch(/without permessage-deflate/);
    });
  }
});

describe('zlib zconf.h: compressor-memory, (1 << 17) + (1 << 17) bytes × 4,096 connections', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'compressor-memory');
    it(`${lang}: 1024, "1,024 MiB" → accepted; 128 (the window only) and 1 (GiB) get their nudges`, () => {
      expect(checkExercise(ex, '1024', env)).toEqual({ ok: true });
      expect(checkExercise(ex, '1,024 MiB', env)).toEqual({ ok: true });
      expect(failure(ex, '128').nudge).toMatch(/32 ?KiB/);
      expect(failure(ex, '1').nudge).toMatch(/1024/);
    });
  }
});

function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
/** A final text frame with RSV1, its payload the DEFLATE bytes without the 00 00 ff ff tail (§7.2.1). */
function frameOf(flushed: Uint8Array): Uint8Array {
  const payload = flushed.subarray(0, flushed.length - 4);
  return Uint8Array.of(0xc1, payload.length, ...payload);
}
