/**
 * Regular expressions and loops over learner input stay linear (security review L2): each is fed
 * 100,000 adversarial characters, the shape that makes a backtracking pattern retry at every position,
 * and the test asserts the RESULT (no timing is asserted; a quadratic pattern makes these tests take
 * minutes, which the test runner's timeout reports).
 *
 * Audited, besides the ones below: src/lessons/check.ts (`/,/g`, `/\r\n/g`), src/ui/lessons/widgets
 * (HttpEditor: `/\r\n/g` on the engine's own bytes), src/ui/lessons/step-link.ts (`STEP_ID`, anchored
 * and bounded), src/ui/lessons/sanitize.ts (`/^https?:/i`), src/ui/editor (FrameEditor `/[\n#]/`,
 * describe.ts `md()`'s one-character class, the Monarch rules `#.*$`, `0[xX]`, `[0-9a-fA-F]+`, `.`, and
 * hexmap.ts / protocol/hex.ts, which are loops), src/sim/commands.ts (`tokenize`, `restOf`, the `frag`
 * quote strip, `intArg`, the `\s+` splits). src/lessons/parse.ts runs at build time on lesson files,
 * not on learner input.
 */
import { describe, expect, it } from 'vitest';
import { checkExercise, httpBytes } from '../../src/lessons/check.ts';
import { parseCommand, tokenize } from '../../src/sim/commands.ts';
import { decodeParam } from '../../src/ui/route.ts';

const N = 100_000;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('httpBytes trims trailing newlines with a loop, not /\\n+$/', () => {
  it('100,000 newlines and an "x": the newlines stay lines, the x is the last', () => {
    const out = text(httpBytes(`${'\n'.repeat(N)}x`));
    expect(out.length).toBe(2 * N + 1 + 4);
    expect(out.endsWith('\r\nx\r\n\r\n')).toBe(true);
  });

  it('100,000 trailing newlines (and CRLFs) are all trimmed', () => {
    expect(text(httpBytes(`GET / HTTP/1.1${'\n'.repeat(N)}`))).toBe('GET / HTTP/1.1\r\n\r\n');
    expect(text(httpBytes(`GET / HTTP/1.1${'\r\n'.repeat(N)}`))).toBe('GET / HTTP/1.1\r\n\r\n');
  });

  it('a head as a learner types it still becomes CRLF lines and an empty line', () => {
    expect(text(httpBytes('GET /chat HTTP/1.1\nHost: a\n\n'))).toBe('GET /chat HTTP/1.1\r\nHost: a\r\n\r\n');
  });
});

describe('number answers (/^-?\\d+(\\.\\d+)?$/)', () => {
  const numberExercise = {
    id: 'n',
    kind: 'number',
    prompt: 'p',
    answer: 125,
    units: ['ms'],
    mistakes: [],
  } as unknown as Parameters<typeof checkExercise>[0];

  it('100,000 digits then a letter is "not a number", and 100,000 commas are stripped', () => {
    expect(checkExercise(numberExercise, `${'1'.repeat(N)}x`)).toMatchObject({ ok: false });
    expect(checkExercise(numberExercise, `1${','.repeat(N)}25`)).toMatchObject({ ok: true });
    expect(checkExercise(numberExercise, `1.${'0'.repeat(N)}.`)).toMatchObject({ ok: false });
    // A unit after the number, and a sentence's full stops: a run of 100,000 of them, then a letter.
    expect(checkExercise(numberExercise, `125 ${'.'.repeat(N)}x`)).toMatchObject({ ok: false });
    expect(checkExercise(numberExercise, `125 ms${'.'.repeat(N)}`)).toMatchObject({ ok: true });
    expect(checkExercise(numberExercise, `125${' '.repeat(N)}ms`)).toMatchObject({ ok: true });
  });
});

describe('the console tokenizer and argument patterns', () => {
  it('tokenize: 100,000 characters of an unclosed quote, escapes and quote runs', () => {
    expect(tokenize(`"${'a'.repeat(N)}`)).toEqual([`"${'a'.repeat(N)}`]);
    expect(tokenize(`"${'\\"'.repeat(N / 2)}`)).toHaveLength(1);
    expect(tokenize(`${'"a '.repeat(N / 3)}`).length).toBeGreaterThan(0);
    expect(tokenize(`'${"a '".repeat(N / 3)}`).length).toBeGreaterThan(0);
    expect(tokenize(' '.repeat(N))).toEqual([]);
  });

  it('restOf and the frag quote strip: a quote and 100,000 characters with no closing quote', () => {
    const r = parseCommand(`send "${'b'.repeat(N)}`);
    expect(r.ok && r.command.name === 'send' && r.command.text.length).toBe(N + 1);
    const f = parseCommand(`frag "${'c'.repeat(N)} 3`);
    expect(f.ok && f.command.name === 'frag' && f.command.text.length).toBe(N + 1);
  });

  it('a 100,000-digit number is not a number of milliseconds', () => {
    expect(parseCommand(`latency ${'9'.repeat(N)}x`).ok).toBe(false);
    expect(parseCommand(`latency ${'9'.repeat(N)}`).ok).toBe(false);
  });
});

describe('link parameters', () => {
  it('decodeParam: 100,000 escapes with a broken one at the end', () => {
    const r = decodeParam(`${'%41'.repeat(33_333)}%Z`);
    expect(r).toEqual({ value: `${'A'.repeat(33_333)}%Z`, ok: false });
    expect(decodeParam('%E0'.repeat(33_333))).toEqual({ value: '%E0'.repeat(33_333), ok: false });
  });
});
