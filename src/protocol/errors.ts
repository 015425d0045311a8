import type { ParamsIn, Text, TextParam } from './text.ts';

/**
 * Every rule the engine enforces: one row per rule, holding the RFC and section it comes from (RFC 6455
 * unless the row says 7692, the compression extension), what the peer answers, and the rule's English
 * text (the source its translations in src/i18n are keyed to, by the id `rule.<rule id>`). A violation
 * is a value (`ProtocolError`), never a thrown exception: the UI renders it as a lesson.
 */
export type CloseCodeAnswer = 1002 | 1003 | 1007 | 1008 | 1009 | 1010 | 1011;
export type HttpStatusAnswer = 400 | 403 | 426;

export type Rfc = 6455 | 7692;

interface RuleBase {
  /** The RFC the section belongs to; 6455 when absent. */
  readonly rfc?: 7692;
  readonly section: string;
  /** English source text; `{name}` placeholders are filled from the error's params. */
  readonly en: string;
}
interface FrameRule extends RuleBase {
  readonly closeCode: CloseCodeAnswer;
}
interface HttpRule extends RuleBase {
  readonly httpStatus: HttpStatusAnswer;
}
interface ClientRule extends RuleBase {
  /** The client fails the connection without a close frame: there is no WebSocket yet (§4.1). */
  readonly clientRejects: true;
}
interface DeclineRule extends RuleBase {
  /** A server's reason to decline an extension offer (RFC 7692 §7): it answers 101 without the extension. */
  readonly declines: true;
}
interface LocalRule extends RuleBase {
  /** A misuse of the API by the caller (e.g. sending after close); nothing goes on the wire. */
  readonly local: true;
}

// `const`: each text keeps its literal type, so the catalogs can be checked against its placeholders.
const rule = <const R extends FrameRule | HttpRule | ClientRule | DeclineRule | LocalRule>(r: R): R => r;

export const RULES = {
  // §5 framing — the peer fails the connection with 1002 (protocol error).
  'rsv-without-extension': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'RSV{bit} is set but no extension was negotiated that defines it; RSV bits MUST be 0 unless an extension says otherwise.',
  }),
  'unknown-opcode': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'Opcode 0x{opcode} is reserved; a receiver MUST fail the connection on an unknown opcode.',
  }),
  'unmasked-client-frame': rule({
    section: '5.1',
    closeCode: 1002,
    en: 'A frame from the client is not masked; every client-to-server frame MUST be masked, so the server closes the connection.',
  }),
  'masked-server-frame': rule({
    section: '5.1',
    closeCode: 1002,
    en: 'A frame from the server is masked; a server MUST NOT mask its frames, so the client closes the connection.',
  }),
  'control-frame-too-long': rule({
    section: '5.5',
    closeCode: 1002,
    en: 'Control frames (close, ping, pong) MUST have a payload of 125 bytes or less, but this one says {length}.',
  }),
  'control-frame-fragmented': rule({
    section: '5.5',
    closeCode: 1002,
    en: 'Control frames MUST NOT be fragmented: a {opcodeName} frame must have FIN = 1.',
  }),
  'non-minimal-length': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'The payload length {length} is written in the {form}-bit form, but the minimal number of bytes MUST be used ({minimal}).',
  }),
  'length-msb-set': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'In the 64-bit payload length the most significant bit MUST be 0.',
  }),
  'unexpected-continuation': rule({
    section: '5.4',
    closeCode: 1002,
    en: 'A continuation frame (opcode 0x0) arrived but no fragmented message was in progress.',
  }),
  'interleaved-data-frame': rule({
    section: '5.4',
    closeCode: 1002,
    en: 'A new {opcodeName} frame started while a fragmented message was still in progress; its fragments MUST come first (only control frames may be interleaved).',
  }),
  'close-payload-one-byte': rule({
    section: '5.5.1',
    closeCode: 1002,
    en: 'A close frame payload, if present, starts with a 2-byte status code; a 1-byte payload is invalid.',
  }),
  'invalid-close-code': rule({
    section: '7.4',
    closeCode: 1002,
    en: 'Close code {code} may not be sent in a close frame ({why}).',
  }),
  'invalid-utf8': rule({
    section: '8.1',
    closeCode: 1007,
    en: 'The text is not valid UTF-8 (byte {offset} of the payload); a text message MUST be UTF-8, so the receiver closes with 1007.',
  }),
  'invalid-close-reason': rule({
    section: '5.5.1',
    closeCode: 1007,
    en: 'The close reason is not valid UTF-8; the reason after the status code MUST be UTF-8.',
  }),
  'message-too-big': rule({
    section: '7.4.1',
    closeCode: 1009,
    en: 'The message would be {length} bytes, more than this endpoint accepts ({max}); it closes with 1009 (message too big).',
  }),
  'too-many-fragments': rule({
    section: '7.4.1',
    closeCode: 1009,
    en: 'The message has {frames} fragments; counting {overhead} bytes per fragment on top of its {length} payload bytes, it costs more than this endpoint accepts ({max}), so it closes with 1009 (message too big).',
  }),
  // RFC 7692 §6: RSV1 is "Per-Message Compressed", and only the first frame of a data message may set it.
  'rsv1-on-control': rule({
    rfc: 7692,
    section: '6',
    closeCode: 1002,
    en: 'RSV1 is set on a {opcodeName} frame; permessage-deflate compresses data messages only, and a control frame with RSV1 MUST fail the connection.',
  }),
  'rsv1-on-continuation': rule({
    rfc: 7692,
    section: '6',
    closeCode: 1002,
    en: 'RSV1 is set on a continuation frame; only the first frame of a compressed message carries it, so the receiver MUST fail the connection.',
  }),
  // Chromium fails the channel with 1002 (websocket_deflate_stream.cc → ERR_WS_PROTOCOL_ERROR), as
  // python-websockets does; ws closes with 1007. The DEFLATE stream is the extension's framing, not
  // message data of the wrong type, so 1002 it is.
  'deflate-corrupt': rule({
    rfc: 7692,
    section: '6.2',
    closeCode: 1002,
    en: 'The compressed payload is not valid DEFLATE data ({detail}), so it cannot be inflated; the receiver closes with 1002 (browsers do; ws sends 1007).',
  }),
  'inflated-too-big': rule({
    section: '10.4',
    closeCode: 1009,
    en: 'The compressed message inflates to more than this endpoint accepts ({max} bytes); it stops inflating as soon as the limit is passed and closes with 1009 (message too big).',
  }),
  'data-after-close': rule({
    section: '5.5.1',
    closeCode: 1002,
    en: 'Data arrived after the peer’s close frame; after sending a close frame an endpoint MUST NOT send any more data frames.',
  }),

  // §4.2 opening handshake, server side — the server answers with an HTTP error and no WebSocket.
  'bad-request-line': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The opening handshake MUST be an HTTP/1.1 (or later) GET request; got “{line}”.',
  }),
  'bad-http-head': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The HTTP request is malformed: {detail}.',
  }),
  'missing-host': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The request has no Host header; the handshake MUST include one.',
  }),
  'missing-upgrade': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The request needs “Upgrade: websocket” (case-insensitive); got {value}.',
  }),
  'missing-connection-upgrade': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The Connection header must list the token “Upgrade”; got {value}.',
  }),
  'bad-key': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'Sec-WebSocket-Key must be the base64 encoding of exactly 16 bytes; got {value}.',
  }),
  'bad-version': rule({
    section: '4.4',
    httpStatus: 426,
    en: 'Sec-WebSocket-Version must be 13; got {value}. The server answers 426 Upgrade Required with “Sec-WebSocket-Version: 13”.',
  }),
  'origin-not-allowed': rule({
    section: '4.2.2',
    httpStatus: 403,
    en: 'The server does not accept connections from origin {value}; it answers 403 Forbidden.',
  }),
  'no-common-subprotocol': rule({
    section: '4.2.2',
    httpStatus: 400,
    en: 'The client requires a subprotocol ({offered}) and this server speaks none of them.',
  }),

  'bad-subprotocol-offer': rule({
    section: '4.1',
    httpStatus: 400,
    en: 'Sec-WebSocket-Protocol must list distinct subprotocol tokens; got {value}.',
  }),

  // RFC 7692 §7: "A server MUST decline an extension negotiation offer for this extension if …" — it
  // answers 101 without permessage-deflate, and the connection goes on uncompressed.
  'deflate-offer-unknown-param': rule({
    rfc: 7692,
    section: '7',
    declines: true,
    en: 'The permessage-deflate offer has the parameter {name}, which is not defined for an offer; the server declines the offer.',
  }),
  'deflate-offer-duplicate-param': rule({
    rfc: 7692,
    section: '7',
    declines: true,
    en: 'The permessage-deflate offer has {name} more than once; the server declines the offer.',
  }),
  'deflate-offer-bad-window-bits': rule({
    rfc: 7692,
    section: '7.1.2',
    declines: true,
    en: '{name} must be an integer from 8 to 15 without leading zeros, but the offer says {value}; the server declines the offer.',
  }),
  'deflate-offer-flag-with-value': rule({
    rfc: 7692,
    section: '7.1.1',
    declines: true,
    en: '{name} takes no value, but the offer gives it {value}; the server declines the offer.',
  }),
  'deflate-offer-malformed': rule({
    section: '9.1',
    declines: true,
    en: 'The Sec-WebSocket-Extensions header is malformed ({detail}); the server declines the extensions it offers.',
  }),

  // §4.1 client validation of the server's answer: the client _Fails the WebSocket Connection_.
  'not-101': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server answered {status} instead of 101 Switching Protocols, so no WebSocket was opened.',
  }),
  'response-missing-upgrade': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The 101 response must contain “Upgrade: websocket”; got {value}.',
  }),
  'response-missing-connection': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The 101 response must contain “Connection: Upgrade”; got {value}.',
  }),
  'wrong-accept': rule({
    section: '4.1',
    clientRejects: true,
    en: 'Sec-WebSocket-Accept is {value}, but base64(SHA-1(key + GUID)) is {expected}; the client fails the connection.',
  }),
  'unexpected-extension': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server selected extension {value}, which the client did not offer.',
  }),
  'unexpected-subprotocol': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server selected subprotocol {value}, which the client did not offer.',
  }),
  'bad-extensions-header': rule({
    section: '9.1',
    clientRejects: true,
    en: 'The server’s Sec-WebSocket-Extensions header is malformed: {detail}.',
  }),
  // RFC 7692 §7: "A client MUST _Fail the WebSocket Connection_ if the peer server accepted an extension
  // negotiation offer for this extension with an extension negotiation response meeting any of …"
  'deflate-answer-unknown-param': rule({
    rfc: 7692,
    section: '7',
    clientRejects: true,
    en: 'The server’s permessage-deflate answer has the parameter {name}, which is not defined for a response; the client fails the connection.',
  }),
  'deflate-answer-duplicate-param': rule({
    rfc: 7692,
    section: '7',
    clientRejects: true,
    en: 'The server’s permessage-deflate answer has {name} more than once; the client fails the connection.',
  }),
  'deflate-answer-bad-window-bits': rule({
    rfc: 7692,
    section: '7.1.2',
    clientRejects: true,
    en: '{name} must be an integer from 8 to 15 without leading zeros, but the answer says {value}; the client fails the connection.',
  }),
  'deflate-answer-flag-with-value': rule({
    rfc: 7692,
    section: '7.1.1',
    clientRejects: true,
    en: '{name} takes no value, but the answer gives it {value}; the client fails the connection.',
  }),
  'deflate-answer-window-no-value': rule({
    rfc: 7692,
    section: '7.1.2.2',
    clientRejects: true,
    en: 'The answer has client_max_window_bits without a value; in a response it MUST carry one (8 to 15), so the client fails the connection.',
  }),
  'deflate-answer-window-not-offered': rule({
    rfc: 7692,
    section: '7.1.2.2',
    clientRejects: true,
    en: 'The answer limits the client’s window (client_max_window_bits={value}), but the client did not offer client_max_window_bits; the client fails the connection.',
  }),
  'deflate-answer-window-too-large': rule({
    rfc: 7692,
    section: '7.1.2',
    clientRejects: true,
    en: 'The answer says {name}={value}, larger than the {offered} the client asked for; a server may only keep or lower it, so the client fails the connection.',
  }),
  'deflate-answer-server-window-missing': rule({
    rfc: 7692,
    section: '7.1.2.1',
    clientRejects: true,
    en: 'The client asked for server_max_window_bits={offered}, but the answer does not include it; a server that accepts the offer MUST, so the client fails the connection.',
  }),
  'deflate-answer-takeover-missing': rule({
    rfc: 7692,
    section: '7.1.1.1',
    clientRejects: true,
    en: 'The client asked for server_no_context_takeover, but the answer does not include it; a server that accepts the offer MUST, so the client fails the connection.',
  }),
  'deflate-answer-twice': rule({
    rfc: 7692,
    section: '5',
    clientRejects: true,
    en: 'The answer accepts permessage-deflate more than once; only one extension may own RSV1, so the client fails the connection.',
  }),
  'bad-response-head': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server’s HTTP response is malformed: {detail}.',
  }),

  // Caller mistakes: refused before anything reaches the wire.
  'send-after-close': rule({
    section: '5.5.1',
    local: true,
    en: 'A close frame was already sent; after it an endpoint MUST NOT send any more data frames.',
  }),
  'send-before-open': rule({
    section: '4.1',
    local: true,
    en: 'The connection is not open yet: frames may only be sent after the 101 response.',
  }),
  'control-payload-too-long': rule({
    section: '5.5',
    local: true,
    en: 'A control frame payload is limited to 125 bytes; this one would be {length}.',
  }),
  'close-reason-too-long': rule({
    section: '5.5.1',
    local: true,
    en: 'The close reason is {length} bytes in UTF-8; with the 2-byte code it must fit in 125 bytes (123 for the reason).',
  }),
  'close-code-not-sendable': rule({
    section: '7.4',
    local: true,
    en: 'Close code {code} may not be sent ({why}).',
  }),
} as const;

export type RuleId = keyof typeof RULES;
export type RuleTextId = `rule.${RuleId}`;

/** The rules' English texts by text id, for the engine's registry (texts.ts). */
export const RULE_TEXTS = Object.fromEntries(
  Object.entries(RULES).map(([id, r]) => [`rule.${id}`, r.en]),
) as { readonly [K in RuleId as `rule.${K}`]: (typeof RULES)[K]['en'] };

/** The answer the engine gives to a violation: a close code, an HTTP status, or a local refusal. */
export type Answer =
  | { readonly kind: 'close'; readonly code: CloseCodeAnswer }
  | { readonly kind: 'http'; readonly status: HttpStatusAnswer }
  | { readonly kind: 'client-rejects' }
  /** The server declines an extension offer and goes on without it (RFC 7692 §7). */
  | { readonly kind: 'declined' }
  | { readonly kind: 'local' };

export interface ProtocolError {
  readonly kind: 'protocol-error';
  readonly rule: RuleId;
  /** The RFC the section is in: 6455, or 7692 for the compression extension. */
  readonly rfc: Rfc;
  /** Section of that RFC, e.g. "5.5". */
  readonly section: string;
  readonly answer: Answer;
  /** The rule's sentence with this violation's values; `describeError` / the UI's `tx` render it. */
  readonly message: Text<RuleTextId>;
  /** Byte offset (in the stream the decoder was fed) of the offending byte, when one can be named. */
  readonly offset?: number;
  readonly length?: number;
}

/** The values a rule's text needs, from its English template: a `Text` value is itself translated. */
export type RuleParams<K extends RuleId> = Readonly<Record<ParamsIn<(typeof RULES)[K]['en']>, TextParam>>;

function answerOf(r: RuleBase): Answer {
  if ('closeCode' in r) return { kind: 'close', code: (r as FrameRule).closeCode };
  if ('httpStatus' in r) return { kind: 'http', status: (r as HttpRule).httpStatus };
  if ('clientRejects' in r) return { kind: 'client-rejects' };
  if ('declines' in r) return { kind: 'declined' };
  return { kind: 'local' };
}

export function protocolError<K extends RuleId>(
  id: K,
  params: RuleParams<K> = {} as RuleParams<K>,
  at?: { offset: number; length?: number },
): ProtocolError {
  const r: RuleBase = RULES[id];
  const hasParams = Object.keys(params).length > 0;
  return {
    kind: 'protocol-error',
    rule: id,
    rfc: r.rfc ?? 6455,
    section: r.section,
    answer: answerOf(r),
    message: hasParams ? { id: `rule.${id}`, params } : { id: `rule.${id}` },
    ...(at ? { offset: at.offset, ...(at.length === undefined ? {} : { length: at.length }) } : {}),
  };
}

/** The close code a receiver sends for this violation, if it is one that closes a WebSocket. */
export function closeCodeFor(e: ProtocolError): CloseCodeAnswer | undefined {
  return e.answer.kind === 'close' ? e.answer.code : undefined;
}
