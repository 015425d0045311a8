/**
 * The build page's share link: `#/build?code=<base64url of deflate-raw(UTF-8 of the file)>`. The writer
 * (`codeLink`) and the reader (`readCodeParam`) live here together, so that they agree.
 *
 * A link is input like any other: one typed by hand (or by an attacker) is held to the limits this page
 * writes to. Its `code` is read only up to MAX_CODE_CHARS characters, and inflated into at most
 * MAX_FILE_BYTES (a DEFLATE byte can stand for up to 258 bytes of output, so a 16 KB link could
 * otherwise become 4 MB of text in the editor). What cannot be read is a problem value naming why,
 * never an exception. Nothing from a link runs until the learner presses Run.
 */
import {
  deflateRaw,
  ZStream,
  Z_BUF_ERROR,
  Z_FINISH,
  Z_OK,
  Z_STREAM_END,
  zlibInflate,
  zlibInflateEnd,
  zlibInflateInit2,
} from 'pako';
import type { Route } from '../route.ts';

/** The most characters a `code=` value may have: "16 KB of link" (1 KB = 1000 characters). */
export const MAX_CODE_CHARS = 16_000;
/** The largest file the page keeps, shares or opens, in UTF-8 bytes (the reference solution is ~9 KB). */
export const MAX_FILE_BYTES = 256 * 1024;

export type CodeLink =
  | { readonly ok: true; readonly hash: string; readonly chars: number }
  /** The compressed file is over MAX_CODE_CHARS characters: offer a download instead. */
  | { readonly ok: false; readonly chars: number; readonly max: number };

export type CodeProblem =
  /** The value is longer than MAX_CODE_CHARS: it was not decoded at all. */
  | { readonly kind: 'too-long'; readonly chars: number; readonly max: number }
  /** A character that base64url does not have (or a length no base64 has). */
  | { readonly kind: 'base64' }
  /** Not a whole raw DEFLATE stream: corrupt, or cut short (a chat app that wrapped the link). */
  | { readonly kind: 'deflate' }
  /** It inflates to more than MAX_FILE_BYTES: inflating stopped there. */
  | { readonly kind: 'too-large'; readonly max: number }
  /** The bytes are not UTF-8 text. */
  | { readonly kind: 'utf8' };

export type CodeParam =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly source: string }
  | { readonly kind: 'bad'; readonly problem: CodeProblem };

const encoder = new TextEncoder();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** RFC 4648 §5 base64url, without padding (a `=` would need escaping in a link). */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** base64url (padding tolerated) → bytes, or null for a character or length base64 cannot have. */
export function fromBase64url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  // 4n+1 characters cannot come from any byte string.
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The link to `source`, or why there is none (a file too long for a link). Presentation params are the caller's. */
export function codeLink(source: string): CodeLink {
  const code = base64url(deflateRaw(encoder.encode(source), { level: 9 }));
  if (code.length > MAX_CODE_CHARS) return { ok: false, chars: code.length, max: MAX_CODE_CHARS };
  return { ok: true, hash: `#/build?code=${code}`, chars: code.length };
}

/**
 * A whole raw DEFLATE stream inflated into at most MAX_FILE_BYTES. One zlib call with Z_FINISH: it
 * ends with Z_STREAM_END only when the stream's final block was read and the output had room.
 */
function inflateBounded(data: Uint8Array): Uint8Array | CodeProblem {
  const s = new ZStream();
  if (zlibInflateInit2(s, -15) !== Z_OK) return { kind: 'deflate' };
  // One byte more than allowed: filling it means the file is over the limit.
  const out = new Uint8Array(MAX_FILE_BYTES + 1);
  s.input = data;
  s.next_in = 0;
  s.avail_in = data.length;
  s.output = out;
  s.next_out = 0;
  s.avail_out = out.length;
  const status = zlibInflate(s, Z_FINISH);
  const used = s.next_out;
  const full = s.avail_out === 0;
  const leftover = s.avail_in;
  zlibInflateEnd(s);
  if (status === Z_STREAM_END) {
    if (used > MAX_FILE_BYTES) return { kind: 'too-large', max: MAX_FILE_BYTES };
    // Bytes after the final block: not what codeLink writes.
    return leftover === 0 ? out.slice(0, used) : { kind: 'deflate' };
  }
  if ((status === Z_OK || status === Z_BUF_ERROR) && full) return { kind: 'too-large', max: MAX_FILE_BYTES };
  return { kind: 'deflate' };
}

/** The `code` of a build route: none, the file it carries, or what is wrong with it. Never throws. */
export function readCodeParam(route: Route): CodeParam {
  if (route.page !== 'build') return { kind: 'none' };
  const pair = route.pairs.find((p) => p.name === 'code');
  if (!pair || pair.raw === '') return { kind: 'none' };
  const raw = pair.raw;
  if (raw.length > MAX_CODE_CHARS) {
    return { kind: 'bad', problem: { kind: 'too-long', chars: raw.length, max: MAX_CODE_CHARS } };
  }
  // base64url needs no %-escapes; `%3D` for a padding `=` is the one a mail client might add.
  const bytes = fromBase64url(raw.replace(/%3D/gi, '='));
  if (!bytes) return { kind: 'bad', problem: { kind: 'base64' } };
  const inflated = inflateBounded(bytes);
  if (!(inflated instanceof Uint8Array)) return { kind: 'bad', problem: inflated };
  try {
    return { kind: 'ok', source: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { kind: 'bad', problem: { kind: 'utf8' } };
  }
}

/** Whether `source` fits MAX_FILE_BYTES of UTF-8, without encoding it when it plainly does (a UTF-16 unit is at most 3 bytes). */
export function withinFileLimit(source: string): boolean {
  return source.length * 3 <= MAX_FILE_BYTES || encoder.encode(source).length <= MAX_FILE_BYTES;
}
