/**
 * A frame's wire bytes as text to paste elsewhere: hex (what the decoder reads back), base64,
 * a JavaScript `Uint8Array` expression and a C array. Pure: no DOM, no clipboard, no i18n.
 *
 * Size: every format is built in one linear pass, so even the largest frame the decoder holds
 * (DECODE_LIMIT, 1 MiB) formats in tens of milliseconds (its C array is ≈ 6 MiB of text). Anything
 * above COPY_LIMIT is refused with `too-large` instead: the clipboard and a fallback textarea would
 * then hold tens of megabytes, and a learner who needs that many bytes has them in a file already.
 */
import { toHex } from '../../protocol/index.ts';

export type CopyFormat = 'hex' | 'base64' | 'js' | 'c';
export const COPY_FORMATS: readonly CopyFormat[] = ['hex', 'base64', 'js', 'c'];

/** The largest byte string formatted: the decoder's own input limit, 1 MiB. */
export const COPY_LIMIT = 1 << 20;

/** Bytes per line in the JS and C arrays (12 × "0x00, " ≈ 72 columns). */
export const BYTES_PER_LINE = 12;

export type Formatted =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number; readonly limit: number };

/**
 * @param comment a one-line description (e.g. "text frame, FIN, unmasked, 5-byte payload"), put in a
 *   comment line of the JS and C forms; hex and base64 stay bare so they paste back as they are.
 */
export function formatBytes(
  bytes: Uint8Array,
  format: CopyFormat,
  comment?: string,
  limit = COPY_LIMIT,
): Formatted {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > limit) return { ok: false, reason: 'too-large', size: bytes.length, limit };
  switch (format) {
    case 'hex':
      return { ok: true, text: toHex(bytes) };
    case 'base64':
      return { ok: true, text: toBase64(bytes) };
    case 'js':
      return { ok: true, text: jsArray(bytes, comment) };
    case 'c':
      return { ok: true, text: cArray(bytes, comment) };
  }
}

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string"; String.fromCharCode(...all) would overflow the call stack on a
  // big frame, so it is built from chunks well below any engine's argument limit.
  const CHUNK = 0x2000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

const BYTE_LITERAL = Array.from({ length: 256 }, (_, b) => `0x${b.toString(16).padStart(2, '0')}`);

/** "0x81, 0x05, …" in lines of BYTES_PER_LINE, each line ending with a comma (legal in both languages). */
function literalLines(bytes: Uint8Array, indent: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) {
    const row = new Array<string>(Math.min(BYTES_PER_LINE, bytes.length - i));
    for (let j = 0; j < row.length; j++) row[j] = BYTE_LITERAL[bytes[i + j]!]!;
    lines.push(`${indent}${row.join(', ')},`);
  }
  return lines;
}

function inlineLiterals(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => BYTE_LITERAL[b]!).join(', ');
}

/** A comment must stay one comment: no line break (U+2028/9 end a JS line too). */
function oneLine(comment: string | undefined): string {
  return (comment ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * An expression, not a statement, so it can be pasted into `ws.send(…)` as well as after `const x =`.
 * Up to BYTES_PER_LINE bytes fit on one line; more are wrapped.
 */
export function jsArray(bytes: Uint8Array, comment?: string): string {
  const note = oneLine(comment);
  const head = note ? `// ${note}\n` : '';
  if (bytes.length <= BYTES_PER_LINE) return `${head}new Uint8Array([${inlineLiterals(bytes)}])`;
  return `${head}new Uint8Array([\n${literalLines(bytes, '  ').join('\n')}\n])`;
}

/** A complete C definition; the explicit size documents the frame length (and C forbids size 0). */
export function cArray(bytes: Uint8Array, comment?: string, name = 'frame'): string {
  // "*/" would end the comment early; "/*" inside one draws a -Wcomment warning.
  const note = oneLine(comment).replaceAll('*/', '* /').replaceAll('/*', '/ *');
  const head = note ? `/* ${note} */\n` : '';
  const decl = `static const uint8_t ${name}[${bytes.length}] =`;
  if (bytes.length <= BYTES_PER_LINE) return `${head}${decl} { ${inlineLiterals(bytes)} };`;
  return `${head}${decl} {\n${literalLines(bytes, '  ').join('\n')}\n};`;
}
