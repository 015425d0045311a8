/**
 * Lesson 17 (proxies and scale), judged by the engine: the request a proxy forwards without the
 * hop-by-hop Upgrade and Connection is refused by the engine's server with 400 and the rule, one rule
 * at a time; the close codes come from the engine's one table; the memory figure is zlib's formula
 * (lesson 11, zconf.h) worked out here. Both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/i18n/text.ts';
import { checkExercise } from '../../src/lessons/check.ts';
import { LANGS, type Exercise, type Lang } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { closeCodeInfo } from '../../src/protocol/close.ts';

const FILE = '17-proxies-and-scale.md';
function exercise(lang: Lang, id: string): Exercise {
  const src = readFileSync(new URL(`../../lessons/${lang}/${FILE}`, import.meta.url), 'utf8');
  const r = parseLesson(src, lang, FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  for (const b of r.lesson.blocks) if (b.kind === 'exercise' && b.exercise.id === id) return b.exercise;
  throw new Error(`no exercise ${id}`);
}

const forwarded = (version: string, ...fields: string[]): string =>
  [
    `GET /chat ${version}`,
    'Host: backend',
    ...fields,
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
  ].join('\n');

describe('lesson 17: proxy-forward, the request nginx forwards by default', () => {
  for (const lang of LANGS) {
    const ex = exercise(lang, 'proxy-forward');
    const verdict = (answer: string): string => {
      const r = checkExercise(ex, answer);
      return r.ok ? 'ok' : renderText('en', r.reason);
    };

    it(`${lang}: §4.2.1 HTTP/1.0 with Connection: close → 400, the request line named`, () => {
      if (ex.kind !== 'http') throw new Error('http expected');
      expect(verdict(ex.start)).toMatch(
        /HTTP 400\. RFC 6455 §4\.2\.1: .*HTTP\/1\.1 \(or later\) GET.*HTTP\/1\.0/s,
      );
    });

    it(`${lang}: §4.2.1 HTTP/1.1 without the hop-by-hop Upgrade → 400 naming Upgrade`, () => {
      expect(verdict(forwarded('HTTP/1.1', 'Connection: close'))).toMatch(/§4\.2\.1.*Upgrade: websocket/s);
    });

    it(`${lang}: §4.2.1 Upgrade passed on but Connection still "close" → 400 naming the Connection token`, () => {
      expect(verdict(forwarded('HTTP/1.1', 'Upgrade: websocket', 'Connection: close'))).toMatch(
        /§4\.2\.1.*Connection header must list the token “Upgrade”/s,
      );
    });

    it(`${lang}: HTTP/1.1 with both fields sent again (proxy_set_header) → 101`, () => {
      if (ex.kind !== 'http') throw new Error('http expected');
      expect(verdict(ex.solution)).toBe('ok');
      // nginx's "upgrade" in lower case is the same token (RFC 9110 §7.6.1: case-insensitive).
      expect(verdict(forwarded('HTTP/1.1', 'Upgrade: websocket', 'Connection: upgrade'))).toBe('ok');
    });
  }
});

describe('lesson 17: the close codes of draining, from the engine’s table', () => {
  it('1001, 1012 and 1013 may be sent; 1006 may not (§7.4.1)', () => {
    for (const code of [1001, 1012, 1013]) expect(closeCodeInfo(code)!.onWire).toBe(true);
    expect(closeCodeInfo(1006)!.onWire).toBe(false);
  });

  for (const lang of LANGS) {
    it(`${lang}: restart-code accepts exactly the option the table names Service Restart`, () => {
      const ex = exercise(lang, 'restart-code');
      if (ex.kind !== 'choice') throw new Error('choice expected');
      const restart = ex.options.findIndex((o) => o.startsWith('1012'));
      expect(closeCodeInfo(1012)!.name).toBe('Service Restart');
      expect(ex.answer).toEqual([restart]);
      expect(checkExercise(ex, [restart]).ok).toBe(true);
      const r = checkExercise(ex, [ex.options.findIndex((o) => o.startsWith('1006'))]);
      expect(!r.ok && r.nudge).toContain('7.4.1');
    });
  }
});

describe('lesson 17: million-connections, zlib’s formula (lesson 11, zconf.h)', () => {
  // Compressor: (1 << (15 + 2)) + (1 << (8 + 9)) = 131,072 + 131,072 = 262,144 B = 256 KiB.
  // Decompressor window: 1 << 15 = 32,768 B = 32 KiB. 288 KiB × 1,000,000 / 1,024 = 281,250 MiB.
  const perConnection = (1 << (15 + 2)) + (1 << (8 + 9)) + (1 << 15);
  const mib = (perConnection * 1_000_000) / (1 << 20);

  for (const lang of LANGS) {
    it(`${lang}: the answer is ${mib} MiB, and each known slip gets its nudge`, () => {
      const ex = exercise(lang, 'million-connections');
      expect(mib).toBe(281_250);
      expect(ex.kind === 'number' && ex.answer).toBe(mib);
      expect(checkExercise(ex, '281,250 MiB').ok).toBe(true);
      for (const slip of ['250000', '31250', '288000000', '288000']) {
        const r = checkExercise(ex, slip);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.nudge).toBeTruthy();
      }
    });
  }
});

describe('lesson 17: the choices', () => {
  for (const lang of LANGS) {
    it.each([
      ['wss-through', [0], [3]],
      ['cross-server', [1], [0]],
    ])(`${lang}: %s accepts %j and refuses %j`, (id, right, wrong) => {
      const ex = exercise(lang, id);
      expect(checkExercise(ex, right).ok).toBe(true);
      expect(checkExercise(ex, wrong).ok).toBe(false);
    });
  }
});
