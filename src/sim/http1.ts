/**
 * HTTP/1.1 message framing over a byte stream (RFC 9112 §6): a head, then a body delimited by
 * Content-Length, by chunked transfer coding (§7.1), or by the connection closing. Incremental, so a
 * response that streams events for minutes is read chunk by chunk, as a browser reads it.
 */
import {
  concatBytes,
  englishText,
  headerTokens,
  headerValue,
  parseRequestHead,
  parseResponseHead,
  serializeHead,
  type HeaderField,
  type HttpRequest,
  type HttpResponse,
} from '../protocol/index.ts';

const enc = new TextEncoder();

export function requestBytes(
  method: string,
  target: string,
  headers: readonly HeaderField[],
  body?: Uint8Array,
): { message: HttpRequest; head: Uint8Array; bytes: Uint8Array } {
  const all = body ? [...headers, { name: 'Content-Length', value: String(body.length) }] : headers;
  const message: HttpRequest = { kind: 'request', method, target, version: 'HTTP/1.1', headers: all };
  const head = serializeHead(message);
  return { message, head, bytes: body ? concatBytes([head, body]) : head };
}

export function responseHead(
  status: number,
  reason: string,
  headers: readonly HeaderField[],
): {
  message: HttpResponse;
  bytes: Uint8Array;
} {
  const message: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status, reason, headers };
  return { message, bytes: serializeHead(message) };
}

/** One chunk of chunked transfer coding: size in hex, CRLF, data, CRLF (§7.1). */
export function chunk(data: Uint8Array): Uint8Array {
  return concatBytes([enc.encode(`${data.length.toString(16)}\r\n`), data, enc.encode('\r\n')]);
}

/** The last chunk: "0", CRLF, CRLF. */
export const LAST_CHUNK = enc.encode('0\r\n\r\n');

export type BodyEvent<M> =
  | { readonly kind: 'head'; readonly message: M; readonly headBytes: number }
  | { readonly kind: 'data'; readonly data: Uint8Array; readonly framingBytes: number }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly detail: string };

type BodyMode =
  { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'until-close' } | { kind: 'none' };

/** Reads a stream of HTTP/1.1 messages (requests on a server, responses on a client). */
export class MessageReader<M extends HttpRequest | HttpResponse> {
  #buf: Uint8Array = new Uint8Array(0);
  #mode: BodyMode | null = null;
  #failed = false;

  constructor(private readonly role: 'server' | 'client') {}

  push(bytes: Uint8Array): BodyEvent<M>[] {
    if (this.#failed) return [];
    this.#buf = this.#buf.length ? concatBytes([this.#buf, bytes]) : bytes;
    const out: BodyEvent<M>[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      if (this.#mode === null) {
        const parsed = this.role === 'server' ? parseRequestHead(this.#buf) : parseResponseHead(this.#buf);
        if (parsed.kind === 'need') break;
        if (parsed.kind === 'error') {
          this.#failed = true;
          // Never shown to a learner (the race only stops reading), so English is enough.
          out.push({ kind: 'error', detail: englishText(parsed.detail) });
          break;
        }
        const m = parsed.head as M;
        this.#buf = this.#buf.subarray(parsed.length);
        out.push({ kind: 'head', message: m, headBytes: parsed.length });
        this.#mode = bodyMode(m);
        if (this.#mode.kind === 'none') {
          out.push({ kind: 'end' });
          this.#mode = null;
        }
        continue;
      }
      const mode = this.#mode;
      if (mode.kind === 'length') {
        const n = Math.min(mode.left, this.#buf.length);
        if (n === 0) break;
        out.push({ kind: 'data', data: this.#buf.subarray(0, n), framingBytes: 0 });
        this.#buf = this.#buf.subarray(n);
        mode.left -= n;
        if (mode.left === 0) {
          out.push({ kind: 'end' });
          this.#mode = null;
        }
        continue;
      }
      if (mode.kind === 'until-close') {
        if (this.#buf.length === 0) break;
        out.push({ kind: 'data', data: this.#buf, framingBytes: 0 });
        this.#buf = new Uint8Array(0);
        break;
      }
      // chunked: size line, data, CRLF — only whole chunks are delivered.
      const lineEnd = indexOfCrlf(this.#buf);
      if (lineEnd < 0) break;
      const size = parseInt(
        new TextDecoder().decode(this.#buf.subarray(0, lineEnd)).split(';')[0]!.trim(),
        16,
      );
      if (!Number.isFinite(size) || size < 0) {
        this.#failed = true;
        out.push({ kind: 'error', detail: 'bad chunk size' });
        break;
      }
      const total = lineEnd + 2 + size + 2;
      if (this.#buf.length < total) break;
      if (size === 0) {
        out.push({ kind: 'end' });
        this.#mode = null;
      } else {
        out.push({
          kind: 'data',
          data: this.#buf.subarray(lineEnd + 2, lineEnd + 2 + size),
          framingBytes: total - size,
        });
      }
      this.#buf = this.#buf.subarray(total);
    }
    return out;
  }
}

function bodyMode(m: HttpRequest | HttpResponse): BodyMode {
  if (m.kind === 'response' && (m.status === 204 || m.status === 304 || m.status < 200))
    return { kind: 'none' };
  if (headerTokens(m.headers, 'Transfer-Encoding').includes('chunked')) return { kind: 'chunked' };
  const len = headerValue(m.headers, 'Content-Length');
  if (len !== null && /^\d+$/.test(len))
    return Number(len) === 0 ? { kind: 'none' } : { kind: 'length', left: Number(len) };
  return m.kind === 'request' ? { kind: 'none' } : { kind: 'until-close' };
}

function indexOfCrlf(b: Uint8Array): number {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] === 13 && b[i + 1] === 10) return i;
  return -1;
}
