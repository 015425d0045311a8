/**
 * The echo server's log escaper (security review L3): whatever a peer puts in a request line or a
 * close reason reaches the operator's terminal as visible text, never as a terminal command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForLog } from '../../src/node/log-escape.ts';

describe('escapeForLog', () => {
  it.each([
    ['ESC and BEL of an OSC title sequence', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['CR and LF that would forge a line', 'a\r\n#99 open', 'a\\r\\n#99 open'],
    ['TAB and NUL', '\t\u0000', '\\t\\x00'],
    ['DEL and the C1 CSI', '\u007f\u009b31m', '\\x7f\\x9b31m'],
    ['RIGHT-TO-LEFT OVERRIDE and an isolate', '\u202eevil\u2066x', '\\u202eevil\\u2066x'],
    ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['a backslash, so escapes in the output are always ours', 'C:\\x1b', 'C:\\\\x1b'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
  ])('%s', (_what, input, expected) => {
    expect(escapeForLog(input)).toBe(expected);
  });

  it('leaves printable text alone: Korean, emoji, “quotes”, §', () => {
    const s = 'RFC 6455 §5.5: “안녕하세요” 👋 → close 1002';
    expect(escapeForLog(s)).toBe(s);
  });

  it('no string escapes to anything containing a control, bidi or separator character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(escapeForLog(s)).not.toMatch(
          // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
          /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
        );
      }),
      { numRuns: 200 },
    );
  });
});
