/**
 * Just enough HTTP/1.1 (RFC 9112) to carry the opening handshake: parse and serialize a message head
 * (start line + header fields + empty line). Bodies are not needed: a handshake request has none, and
 * our error responses are small, with Content-Length.
 */
import { concatBytes } from './frame.ts';
import { textsOf, type Text } from './text.ts';

export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

export interface HttpRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly target: string;
  readonly version: string;
  readonly headers: readonly HeaderField[];
}

export interface HttpResponse {
  readonly kind: 'response';
  readonly version: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly HeaderField[];
  readonly body?: string;
}

/** Heads larger than this are refused: a peer cannot make us buffer without end. */
export const MAX_HEAD_BYTES = 16 * 1024;

/** English sources of what is wrong with a malformed head (the `{detail}` of the bad-http-head rules). */
export const HTTP_TEXTS = {
  'http.headTooLong': 'the header section is longer than {max} bytes',
  'http.noColon': 'header line {n} has no “name:”: “{line}”',
  'http.badName': '“{name}” is not a valid header name',
  'http.badRequestLine': '“{line}” is not a request line',
  'http.badStatusLine': '“{line}” is not a status line',
  'http.incomplete': 'incomplete',
  'http.alreadyRead': 'the head was already read',
} as const;
export type HttpTextId = keyof typeof HTTP_TEXTS;
const say = textsOf<typeof HTTP_TEXTS>();
/** The detail for a head that never ended, where a caller must name one (lessons, the HTTP editor). */
export const HEAD_INCOMPLETE = say('http.incomplete');

export type HeadParse<T> =
  | { readonly kind: 'head'; readonly head: T; readonly length: number }
  | { readonly kind: 'need' }
  | { readonly kind: 'error'; readonly detail: Text<HttpTextId> };

/** Index just past the first CRLFCRLF, or -1. */
export function headEnd(buf: Uint8Array): number {
  for (let i = 3; i < buf.length; i++) {
    if (buf[i] === 10 && buf[i - 1] === 13 && buf[i - 2] === 10 && buf[i - 3] === 13) return i + 1;
  }
  return -1;
}

export type HeadScan =
  | { readonly kind: 'complete'; readonly bytes: Uint8Array; readonly length: number }
  | { readonly kind: 'need' }
  | { readonly kind: 'error'; readonly detail: Text<HttpTextId> };

/**
 * Gathers a message head from the chunks a transport delivers and finds its end, looking at each byte
 * once. Joining and re-scanning everything on every chunk made a 16 KiB head sent one byte at a time
 * cost ~190 ms of CPU per connection (security review L4); this is linear.
 */
export class HeadScanner {
  readonly #chunks: Uint8Array[] = [];
  #length = 0;
  /** How much of CR LF CR LF the bytes so far end with (0–3). */
  #matched = 0;
  #done = false;

  /**
   * Add bytes. Once the empty line has arrived: everything received (the head and whatever followed
   * it) and the head's length; an error once more than MAX_HEAD_BYTES have come without one.
   */
  push(bytes: Uint8Array): HeadScan {
    if (this.#done) return { kind: 'error', detail: say('http.alreadyRead') };
    let matched = this.#matched;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      // CR at even positions of CR LF CR LF, LF at odd ones; on a mismatch only a CR can restart it.
      if (b === (matched & 1 ? 10 : 13)) {
        if (++matched === 4) {
          this.#done = true;
          const length = this.#length + i + 1;
          // The same verdict whatever the chunking: a head longer than the cap fails even in one chunk.
          if (length > MAX_HEAD_BYTES) return tooLong;
          this.#chunks.push(bytes);
          return { kind: 'complete', bytes: concatBytes(this.#chunks), length };
        }
      } else matched = b === 13 ? 1 : 0;
    }
    this.#matched = matched;
    this.#chunks.push(bytes);
    this.#length += bytes.length;
    if (this.#length > MAX_HEAD_BYTES) {
      this.#done = true;
      return tooLong;
    }
    return { kind: 'need' };
  }
}

const tooLong: HeadScan = { kind: 'error', detail: say('http.headTooLong', { max: MAX_HEAD_BYTES }) };

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 4096)));
  }
  return s;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function parseHead(buf: Uint8Array): HeadParse<{ start: string; headers: HeaderField[] }> {
  const end = headEnd(buf);
  if (end < 0) {
    return buf.length > MAX_HEAD_BYTES
      ? { kind: 'error', detail: say('http.headTooLong', { max: MAX_HEAD_BYTES }) }
      : { kind: 'need' };
  }
  const lines = latin1(buf.subarray(0, end - 4)).split('\r\n');
  const start = lines[0] ?? '';
  const headers: HeaderField[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) return { kind: 'error', detail: say('http.noColon', { n: i, line: line.slice(0, 60) }) };
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) return { kind: 'error', detail: say('http.badName', { name: name.slice(0, 60) }) };
    headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  return { kind: 'head', head: { start, headers }, length: end };
}

export function parseRequestHead(buf: Uint8Array): HeadParse<HttpRequest> {
  const r = parseHead(buf);
  if (r.kind !== 'head') return r;
  const m = /^([A-Z]+) (\S+) (HTTP\/\d\.\d)$/.exec(r.head.start);
  if (!m) return { kind: 'error', detail: say('http.badRequestLine', { line: r.head.start.slice(0, 80) }) };
  return {
    kind: 'head',
    length: r.length,
    head: { kind: 'request', method: m[1]!, target: m[2]!, version: m[3]!, headers: r.head.headers },
  };
}

export function parseResponseHead(buf: Uint8Array): HeadParse<HttpResponse> {
  const r = parseHead(buf);
  if (r.kind !== 'head') return r;
  const m = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(r.head.start);
  if (!m) return { kind: 'error', detail: say('http.badStatusLine', { line: r.head.start.slice(0, 80) }) };
  return {
    kind: 'head',
    length: r.length,
    head: {
      kind: 'response',
      version: m[1]!,
      status: Number(m[2]),
      reason: m[3] ?? '',
      headers: r.head.headers,
    },
  };
}

/** The value of a header (fields of the same name joined by ", " as RFC 9110 §5.3 allows), or null. */
export function headerValue(headers: readonly HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
  return values.length ? values.join(', ') : null;
}

/** Comma-separated tokens of a header, lower-cased: "keep-alive, Upgrade" → ["keep-alive", "upgrade"]. */
export function headerTokens(headers: readonly HeaderField[], name: string): string[] {
  const v = headerValue(headers, name);
  if (v === null) return [];
  return v
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
}

const encoder = new TextEncoder();

export function serializeHead(message: HttpRequest | HttpResponse): Uint8Array {
  const start =
    message.kind === 'request'
      ? `${message.method} ${message.target} ${message.version}`
      : `${message.version} ${message.status} ${message.reason}`;
  const lines = [start, ...message.headers.map((h) => `${h.name}: ${h.value}`)];
  const body = message.kind === 'response' ? (message.body ?? '') : '';
  return encoder.encode(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
