/**
 * Log lines carry a peer's bytes: a request line quoted in an error, a close reason. Printed raw, an
 * ESC sequence retitles or clears the operator's terminal and a newline forges a log line (security
 * review L3). This lives beside the Node adapters, not in the engine: escaping for a terminal is the
 * printer's business, and the engine's texts stay exactly what the peer sent.
 */

/**
 * Everything a terminal would act on or reorder, as a visible escape:
 * - C0 controls and DEL (ESC starts every terminal sequence; CR and LF forge lines);
 * - C1 controls, U+0080–U+009F (U+009B is a one-character CSI for some terminals);
 * - bidi controls that reorder what follows them (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
 *   and the line and paragraph separators U+2028 / U+2029;
 * - lone surrogates, which are not text at all;
 * - the backslash itself, so every escape in the output was written here.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\\\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/** `s` with every character in UNSAFE written as \n, \r, \t, \\, \xNN or \uNNNN. */
export function escapeForLog(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
