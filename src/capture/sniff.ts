/**
 * What a TCP stream starts with, read from its first bytes only: an HTTP/1.x request or response
 * head (parsed by the engine's own HTTP reader), a TLS ClientHello (RFC 8446 §4.1.2, with the server
 * name from its server_name extension, RFC 6066 §3), or something else.
 */
import {
  headEnd,
  MAX_HEAD_BYTES,
  parseRequestHead,
  parseResponseHead,
  type HttpRequest,
  type HttpResponse,
} from '../protocol/index.ts';
import type { ReassembledStream } from './reassembly.ts';

/** The stream's bytes from offset 0 up to its first gap, at most `max` of them. */
export function streamStart(s: ReassembledStream, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (const p of s.pieces) {
    if (p.kind === 'gap' || p.offset !== n || n >= max) break;
    const take = p.bytes.subarray(0, max - n);
    parts.push(take);
    n += take.length;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export type HeadRead<T> =
  { readonly kind: 'head'; readonly head: T; readonly length: number } | { readonly kind: 'none' };

const METHOD = /^[A-Z]{3,10} \S+ HTTP\/1\.[01]\r\n/;

export function looksLikeRequest(start: Uint8Array): boolean {
  return METHOD.test(latin1(start.subarray(0, 256)));
}

export function requestHead(start: Uint8Array): HeadRead<HttpRequest> {
  if (!looksLikeRequest(start) || headEnd(start) < 0) return { kind: 'none' };
  const r = parseRequestHead(start.subarray(0, Math.min(start.length, MAX_HEAD_BYTES)));
  return r.kind === 'head' ? { kind: 'head', head: r.head, length: r.length } : { kind: 'none' };
}

export function responseHead(start: Uint8Array): HeadRead<HttpResponse> {
  if (!/^HTTP\/1\.[01] \d{3}/.test(latin1(start.subarray(0, 16))) || headEnd(start) < 0)
    return { kind: 'none' };
  const r = parseResponseHead(start.subarray(0, Math.min(start.length, MAX_HEAD_BYTES)));
  return r.kind === 'head' ? { kind: 'head', head: r.head, length: r.length } : { kind: 'none' };
}

export type TlsHello = { readonly kind: 'client-hello'; readonly serverName: string | null };

/**
 * A TLS handshake record (content type 22, RFC 8446 §5.1) holding a ClientHello (type 1). The server
 * name is read when the hello is whole in the bytes given; every length is checked against them.
 */
export function tlsClientHello(b: Uint8Array): TlsHello | null {
  if (b.length < 6 || b[0] !== 22 || b[1] !== 3 || b[2]! > 4 || b[5] !== 1) return null;
  const u16 = (o: number): number => (b[o]! << 8) | b[o + 1]!;
  const end = Math.min(b.length, 5 + u16(3));
  let o = 5 + 4 + 2 + 32; // handshake header, legacy_version, random
  const skip = (lenBytes: 1 | 2): boolean => {
    if (o + lenBytes > end) return false;
    o += lenBytes + (lenBytes === 1 ? b[o]! : u16(o));
    return o <= end;
  };
  if (!skip(1) || !skip(2) || !skip(1) || o + 2 > end) return { kind: 'client-hello', serverName: null };
  const extEnd = Math.min(end, o + 2 + u16(o));
  o += 2;
  // Bounded: each extension advances by at least 4 bytes.
  while (o + 4 <= extEnd) {
    const type = u16(o);
    const len = u16(o + 2);
    if (type === 0 && o + 9 <= extEnd && b[o + 6] === 0) {
      const nameLen = u16(o + 7);
      if (o + 9 + nameLen <= extEnd)
        return { kind: 'client-hello', serverName: latin1(b.subarray(o + 9, o + 9 + nameLen)) };
    }
    o += 4 + len;
  }
  return { kind: 'client-hello', serverName: null };
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 4096)));
  return s;
}
