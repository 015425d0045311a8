/**
 * RFC 6455 §4 opening handshake: the client's HTTP/1.1 Upgrade request, the server's checks and its
 * 101 (or 400 / 403 / 426) answer, and the client's checks of that answer.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import {
  PERMESSAGE_DEFLATE,
  answerOffer,
  checkAnswer,
  offerHeader,
  type DeflateOffer,
  type DeflateParams,
  type DeflatePolicy,
} from './deflate/params.ts';
import { protocolError, type ProtocolError } from './errors.ts';
import { isToken, parseExtensions, serializeExtension } from './extensions.ts';
import { headerTokens, headerValue, type HeaderField, type HttpRequest, type HttpResponse } from './http.ts';
import { englishText } from './texts.ts';

/** §1.3: the globally unique identifier appended to the key. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * Sec-WebSocket-Accept = base64(SHA-1(key + GUID)). The SHA-1 is @noble/hashes' (audited, synchronous,
 * the same code in the page and in Node). Web Crypto's digest only returns a promise, and waiting for
 * that one value had made the handshake, and with it the simulator's clock, TCP model and command
 * queue, wait too; Web Crypto stays as the tests' oracle.
 */
export function acceptFor(key: string): string {
  return toBase64(sha1(textEncoder.encode(key + WEBSOCKET_GUID)));
}

/** The SHA-1 digest alone, for showing the derivation step by step. */
export function sha1Hex(input: string): string {
  return Array.from(sha1(textEncoder.encode(input)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const textEncoder = new TextEncoder();

/** A nonce of 16 random bytes, base64-encoded (§4.1). */
export function generateKey(random: (n: number) => Uint8Array): string {
  return toBase64(random(16));
}

/** base64 of exactly 16 bytes is 22 characters and "==". */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{21}[AQgw]==$/.test(key);
}

export interface ClientRequestOptions {
  /** Host header value, e.g. "example.com" or "127.0.0.1:9001". */
  readonly host: string;
  /** Request target, "/chat" by default. */
  readonly path?: string;
  readonly origin?: string | null;
  /** Subprotocols offered, most preferred first. */
  readonly protocols?: readonly string[];
  /** Extra header fields, sent as given (e.g. a Cookie, to show what headers cost). */
  readonly extraHeaders?: readonly HeaderField[];
  /** Sec-WebSocket-Version to send; "13" unless a lesson wants to see a server answer 426. */
  readonly version?: string;
  /** Offer permessage-deflate (RFC 7692 §7.1) with these parameters. */
  readonly perMessageDeflate?: DeflateOffer;
}

export function buildRequest(opts: ClientRequestOptions, key: string): HttpRequest {
  const headers: HeaderField[] = [
    { name: 'Host', value: opts.host },
    { name: 'Upgrade', value: 'websocket' },
    { name: 'Connection', value: 'Upgrade' },
    { name: 'Sec-WebSocket-Key', value: key },
    { name: 'Sec-WebSocket-Version', value: opts.version ?? '13' },
  ];
  if (opts.origin) headers.push({ name: 'Origin', value: opts.origin });
  if (opts.protocols?.length)
    headers.push({ name: 'Sec-WebSocket-Protocol', value: opts.protocols.join(', ') });
  if (opts.perMessageDeflate)
    headers.push({ name: 'Sec-WebSocket-Extensions', value: offerHeader(opts.perMessageDeflate) });
  headers.push(...(opts.extraHeaders ?? []));
  return { kind: 'request', method: 'GET', target: opts.path ?? '/', version: 'HTTP/1.1', headers };
}

export interface ServerPolicy {
  /** Subprotocols this server speaks, in its order of preference. */
  readonly protocols?: readonly string[];
  /** Refuse (400) a client whose offered subprotocols are all unknown, instead of answering without one. */
  readonly requireProtocol?: boolean;
  /** Origin check (§4.2.2 / §10.2): return false to answer 403. Absent: every origin is allowed. */
  readonly allowOrigin?: (origin: string | null) => boolean;
  /** Accept permessage-deflate offers under this policy (RFC 7692 §7.1). Absent: decline them all. */
  readonly perMessageDeflate?: DeflatePolicy;
}

export interface AcceptedRequest {
  readonly key: string;
  readonly protocol: string | null;
  /** The permessage-deflate parameters agreed to, or null when the connection goes uncompressed. */
  readonly deflate: DeflateParams | null;
  /** The Sec-WebSocket-Extensions value of the 101, when an extension was accepted. */
  readonly extensions: string | null;
  /** Names of the extension offers declined, in the order offered (including invalid deflate offers). */
  readonly declinedExtensions: readonly string[];
  /** Why each declined permessage-deflate offer was declined, when it was invalid (RFC 7692 §7). */
  readonly declinedBecause: readonly ProtocolError[];
  readonly origin: string | null;
}

/** The server's decision on a request: the response to send, and what it agreed to or the rule broken. */
export type RequestCheck =
  | { readonly ok: true; readonly accepted: AcceptedRequest; readonly response: HttpResponse }
  | { readonly ok: false; readonly error: ProtocolError; readonly response: HttpResponse };

/** §4.2.1 and §4.2.2: validate a client's handshake request and choose a subprotocol. */
export function checkRequest(req: HttpRequest, policy: ServerPolicy = {}): RequestCheck {
  const fail = (error: ProtocolError): RequestCheck => ({ ok: false, error, response: rejectionFor(error) });
  const h = req.headers;
  if (req.method !== 'GET' || !/^HTTP\/(1\.[1-9]|[2-9]\.\d)$/.test(req.version)) {
    return fail(protocolError('bad-request-line', { line: `${req.method} ${req.target} ${req.version}` }));
  }
  if (!headerValue(h, 'Host')) return fail(protocolError('missing-host'));
  if (!headerTokens(h, 'Upgrade').includes('websocket')) {
    return fail(protocolError('missing-upgrade', { value: shown(headerValue(h, 'Upgrade')) }));
  }
  if (!headerTokens(h, 'Connection').includes('upgrade')) {
    return fail(protocolError('missing-connection-upgrade', { value: shown(headerValue(h, 'Connection')) }));
  }
  const key = headerValue(h, 'Sec-WebSocket-Key');
  if (key === null || !isValidKey(key)) return fail(protocolError('bad-key', { value: shown(key) }));
  const version = headerValue(h, 'Sec-WebSocket-Version');
  if (version !== '13') return fail(protocolError('bad-version', { value: shown(version) }));
  const origin = headerValue(h, 'Origin');
  if (policy.allowOrigin && !policy.allowOrigin(origin)) {
    return fail(protocolError('origin-not-allowed', { value: shown(origin) }));
  }
  // §4.1: the client's list of subprotocols, tokens each and distinct; compared as written (§11.3.4).
  const offered = subprotocolList(headerValue(h, 'Sec-WebSocket-Protocol'));
  if (offered === null) {
    const value = shown(headerValue(h, 'Sec-WebSocket-Protocol'));
    return fail(protocolError('bad-subprotocol-offer', { value }));
  }
  const protocol = (policy.protocols ?? []).find((p) => offered.includes(p)) ?? null;
  if (protocol === null && offered.length > 0 && policy.requireProtocol) {
    return fail(protocolError('no-common-subprotocol', { offered: offered.join(', ') }));
  }
  const accepted: AcceptedRequest = {
    key,
    protocol,
    ...negotiateExtensions(headerValue(h, 'Sec-WebSocket-Extensions'), policy.perMessageDeflate),
    origin,
  };
  return { ok: true, accepted, response: acceptResponse(accepted) };
}

/** "chat, superchat" → ["chat", "superchat"]; null when an element is not a token or is repeated. */
function subprotocolList(value: string | null): string[] | null {
  if (value === null) return [];
  const list = value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (list.some((t) => !isToken(t)) || new Set(list).size !== list.length) return null;
  return list;
}

type Negotiated = Pick<AcceptedRequest, 'deflate' | 'extensions' | 'declinedExtensions' | 'declinedBecause'>;

/**
 * §9.1 and RFC 7692 §5, §7: the first acceptable permessage-deflate offer is taken; every other offer
 * is declined — the invalid ones with the rule they break (RFC 7692 §7: "A server MUST decline …").
 */
function negotiateExtensions(value: string | null, policy: DeflatePolicy | undefined): Negotiated {
  const none: Negotiated = { deflate: null, extensions: null, declinedExtensions: [], declinedBecause: [] };
  if (value === null) return none;
  const parsed = parseExtensions(value);
  if (!parsed.ok) {
    return {
      ...none,
      declinedBecause: [protocolError('deflate-offer-malformed', { detail: parsed.detail })],
    };
  }
  const declined: string[] = [];
  const because: ProtocolError[] = [];
  let agreed: { params: DeflateParams; answer: string } | null = null;
  for (const e of parsed.elements) {
    if (e.name !== PERMESSAGE_DEFLATE || !policy || agreed) {
      declined.push(e.name);
      continue;
    }
    const r = answerOffer(e, policy);
    if (r.ok) agreed = { params: r.params, answer: serializeExtension(r.answer) };
    else {
      declined.push(e.name);
      because.push(r.error);
    }
  }
  return {
    deflate: agreed?.params ?? null,
    extensions: agreed?.answer ?? null,
    declinedExtensions: declined,
    declinedBecause: because,
  };
}

function shown(v: string | null): string {
  return v === null ? '(none)' : `“${v.length > 60 ? `${v.slice(0, 60)}…` : v}”`;
}

/** The 101 a server sends for an accepted request. */
export function acceptResponse(accepted: AcceptedRequest): HttpResponse {
  const headers: HeaderField[] = [
    { name: 'Upgrade', value: 'websocket' },
    { name: 'Connection', value: 'Upgrade' },
    { name: 'Sec-WebSocket-Accept', value: acceptFor(accepted.key) },
  ];
  if (accepted.protocol) headers.push({ name: 'Sec-WebSocket-Protocol', value: accepted.protocol });
  if (accepted.extensions) headers.push({ name: 'Sec-WebSocket-Extensions', value: accepted.extensions });
  return { kind: 'response', version: 'HTTP/1.1', status: 101, reason: 'Switching Protocols', headers };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 426: 'Upgrade Required' };

/** The HTTP error response a real server sends for a refused handshake, with the rule in its body. */
export function rejectionFor(error: ProtocolError): HttpResponse {
  const status = error.answer.kind === 'http' ? error.answer.status : 400;
  const body = `RFC ${error.rfc} §${error.section}: ${englishText(error.message)}\n`;
  const headers: HeaderField[] = [];
  // RFC 9110 §15.5.22: a 426 MUST name the protocol to upgrade to; RFC 6455 §4.4 adds the version.
  if (status === 426)
    headers.push({ name: 'Upgrade', value: 'websocket' }, { name: 'Sec-WebSocket-Version', value: '13' });
  headers.push(
    { name: 'Content-Type', value: 'text/plain; charset=utf-8' },
    { name: 'Content-Length', value: String(new TextEncoder().encode(body).length) },
    { name: 'Connection', value: 'close' },
  );
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: REASONS[status] ?? 'Bad Request',
    headers,
    body,
  };
}

export interface AcceptedResponse {
  readonly protocol: string | null;
  /** The permessage-deflate parameters the server answered with, or null for none. */
  readonly deflate: DeflateParams | null;
}

export type ResponseCheck =
  | { readonly ok: true; readonly accepted: AcceptedResponse }
  | { readonly ok: false; readonly error: ProtocolError };

/** What the client offered, for checking the answer against it. */
export interface ClientOffer {
  readonly protocols?: readonly string[];
  readonly perMessageDeflate?: DeflateOffer;
}

/** §4.1: the client's checks of the server's answer. `expectedAccept` is acceptFor(the key it sent). */
export function checkResponse(
  res: HttpResponse,
  expectedAccept: string,
  offer: ClientOffer = {},
): ResponseCheck {
  const fail = (error: ProtocolError): ResponseCheck => ({ ok: false, error });
  const h = res.headers;
  if (res.status !== 101)
    return fail(protocolError('not-101', { status: `${res.status} ${res.reason}`.trim() }));
  if (!headerTokens(h, 'Upgrade').includes('websocket')) {
    return fail(protocolError('response-missing-upgrade', { value: shown(headerValue(h, 'Upgrade')) }));
  }
  if (!headerTokens(h, 'Connection').includes('upgrade')) {
    return fail(protocolError('response-missing-connection', { value: shown(headerValue(h, 'Connection')) }));
  }
  const accept = headerValue(h, 'Sec-WebSocket-Accept');
  if (accept !== expectedAccept) {
    return fail(protocolError('wrong-accept', { value: shown(accept), expected: expectedAccept }));
  }
  const deflate = checkExtensionsAnswer(headerValue(h, 'Sec-WebSocket-Extensions'), offer.perMessageDeflate);
  if (!deflate.ok) return deflate;
  // §4.1: "a subprotocol that was not present in the client's handshake" fails the connection.
  const protocol = headerValue(h, 'Sec-WebSocket-Protocol');
  if (protocol !== null && !(offer.protocols ?? []).includes(protocol)) {
    return fail(protocolError('unexpected-subprotocol', { value: shown(protocol) }));
  }
  return { ok: true, accepted: { protocol, deflate: deflate.params } };
}

/**
 * §4.1 and RFC 7692 §5, §7: an answer may only name permessage-deflate, once, if it was offered, with
 * parameters the offer allows.
 */
function checkExtensionsAnswer(
  value: string | null,
  offer: DeflateOffer | undefined,
): { ok: true; params: DeflateParams | null } | { ok: false; error: ProtocolError } {
  if (value === null) return { ok: true, params: null };
  const parsed = parseExtensions(value);
  if (!parsed.ok)
    return { ok: false, error: protocolError('bad-extensions-header', { detail: parsed.detail }) };
  if (parsed.elements.length === 0) return { ok: true, params: null };
  const foreign = parsed.elements.find((e) => e.name !== PERMESSAGE_DEFLATE || !offer);
  if (foreign)
    return { ok: false, error: protocolError('unexpected-extension', { value: shown(foreign.name) }) };
  if (parsed.elements.length > 1) return { ok: false, error: protocolError('deflate-answer-twice') };
  const r = checkAnswer(parsed.elements[0]!, offer!);
  return r.ok ? { ok: true, params: r.params } : r;
}
