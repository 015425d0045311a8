import type { Text } from './text.ts';

/**
 * Every rule the engine enforces, with the RFC section it comes from and what the peer answers.
 * A violation is a value (`ProtocolError`), never a thrown exception: the UI renders it as a lesson.
 */
export type CloseCodeAnswer = 1002 | 1003 | 1007 | 1008 | 1009 | 1010 | 1011;
export type HttpStatusAnswer = 400 | 403 | 426;

interface RuleBase {
  readonly section: string;
  readonly en: string;
  readonly ko: string;
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
interface LocalRule extends RuleBase {
  /** A misuse of the API by the caller (e.g. sending after close); nothing goes on the wire. */
  readonly local: true;
}

const rule = <R extends FrameRule | HttpRule | ClientRule | LocalRule>(r: R): R => r;

export const RULES = {
  // §5 framing — the peer fails the connection with 1002 (protocol error).
  'rsv-without-extension': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'RSV{bit} is set but no extension was negotiated that defines it; RSV bits MUST be 0 unless an extension says otherwise.',
    ko: '확장(extension)을 협상하지 않았는데 RSV{bit} 비트가 1입니다. 확장이 의미를 정하지 않는 한 RSV 비트는 반드시 0이어야 합니다.',
  }),
  'unknown-opcode': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'Opcode 0x{opcode} is reserved; a receiver MUST fail the connection on an unknown opcode.',
    ko: '옵코드 0x{opcode}는 예약된 값입니다. 알 수 없는 옵코드를 받으면 수신 측은 연결을 실패 처리해야 합니다.',
  }),
  'unmasked-client-frame': rule({
    section: '5.1',
    closeCode: 1002,
    en: 'A frame from the client is not masked; every client-to-server frame MUST be masked, so the server closes the connection.',
    ko: '클라이언트가 보낸 프레임에 마스크가 없습니다. 클라이언트→서버 프레임은 모두 마스킹해야 하므로 서버는 연결을 닫습니다.',
  }),
  'masked-server-frame': rule({
    section: '5.1',
    closeCode: 1002,
    en: 'A frame from the server is masked; a server MUST NOT mask its frames, so the client closes the connection.',
    ko: '서버가 보낸 프레임에 마스크가 있습니다. 서버는 프레임을 마스킹하면 안 되므로 클라이언트는 연결을 닫습니다.',
  }),
  'control-frame-too-long': rule({
    section: '5.5',
    closeCode: 1002,
    en: 'Control frames (close, ping, pong) MUST have a payload of 125 bytes or less, but this one says {length}.',
    ko: '제어 프레임(close, ping, pong)의 페이로드는 125바이트 이하여야 하는데, 이 프레임의 길이 필드는 {length}입니다.',
  }),
  'control-frame-fragmented': rule({
    section: '5.5',
    closeCode: 1002,
    en: 'Control frames MUST NOT be fragmented: a {opcodeName} frame must have FIN = 1.',
    ko: '제어 프레임은 조각낼 수 없습니다. {opcodeName} 프레임은 FIN이 1이어야 합니다.',
  }),
  'non-minimal-length': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'The payload length {length} is written in the {form}-bit form, but the minimal number of bytes MUST be used ({minimal}).',
    ko: '페이로드 길이 {length}를 {form}비트 형식으로 적었습니다. 길이는 반드시 가장 짧은 형식으로 적어야 합니다({minimal}).',
  }),
  'length-msb-set': rule({
    section: '5.2',
    closeCode: 1002,
    en: 'In the 64-bit payload length the most significant bit MUST be 0.',
    ko: '64비트 페이로드 길이에서 최상위 비트는 반드시 0이어야 합니다.',
  }),
  'unexpected-continuation': rule({
    section: '5.4',
    closeCode: 1002,
    en: 'A continuation frame (opcode 0x0) arrived but no fragmented message was in progress.',
    ko: '조각난 메시지가 진행 중이 아닌데 연속 프레임(opcode 0x0)이 도착했습니다.',
  }),
  'interleaved-data-frame': rule({
    section: '5.4',
    closeCode: 1002,
    en: 'A new {opcodeName} frame started while a fragmented message was still in progress; its fragments MUST come first (only control frames may be interleaved).',
    ko: '조각난 메시지가 끝나기 전에 새 {opcodeName} 프레임이 시작됐습니다. 앞 메시지의 조각이 먼저 와야 하며, 사이에 끼어들 수 있는 것은 제어 프레임뿐입니다.',
  }),
  'close-payload-one-byte': rule({
    section: '5.5.1',
    closeCode: 1002,
    en: 'A close frame payload, if present, starts with a 2-byte status code; a 1-byte payload is invalid.',
    ko: 'close 프레임에 페이로드가 있다면 2바이트 상태 코드로 시작해야 합니다. 1바이트 페이로드는 잘못된 것입니다.',
  }),
  'invalid-close-code': rule({
    section: '7.4',
    closeCode: 1002,
    en: 'Close code {code} may not be sent in a close frame ({why}).',
    ko: '상태 코드 {code}는 close 프레임에 담아 보낼 수 없는 값입니다({why}).',
  }),
  'invalid-utf8': rule({
    section: '8.1',
    closeCode: 1007,
    en: 'The text is not valid UTF-8 (byte {offset} of the payload); a text message MUST be UTF-8, so the receiver closes with 1007.',
    ko: '텍스트가 올바른 UTF-8이 아닙니다(페이로드 {offset}번째 바이트 부근). 텍스트 메시지는 반드시 UTF-8이어야 하므로 수신 측은 1007로 닫습니다.',
  }),
  'invalid-close-reason': rule({
    section: '5.5.1',
    closeCode: 1007,
    en: 'The close reason is not valid UTF-8; the reason after the status code MUST be UTF-8.',
    ko: 'close 사유(reason)가 올바른 UTF-8이 아닙니다. 상태 코드 뒤의 사유는 반드시 UTF-8이어야 합니다.',
  }),
  'message-too-big': rule({
    section: '7.4.1',
    closeCode: 1009,
    en: 'The message would be {length} bytes, more than this endpoint accepts ({max}); it closes with 1009 (message too big).',
    ko: '메시지가 {length}바이트가 되어 이 엔드포인트가 받는 한도({max}바이트)를 넘습니다. 1009(message too big)로 닫습니다.',
  }),
  'too-many-fragments': rule({
    section: '7.4.1',
    closeCode: 1009,
    en: 'The message has {frames} fragments; counting {overhead} bytes per fragment on top of its {length} payload bytes, it costs more than this endpoint accepts ({max}), so it closes with 1009 (message too big).',
    ko: '메시지가 {frames}개 조각으로 왔습니다. 페이로드 {length}바이트에 조각마다 {overhead}바이트를 더해 계산하면 이 엔드포인트가 받는 한도({max}바이트)를 넘으므로 1009(message too big)로 닫습니다.',
  }),
  'data-after-close': rule({
    section: '5.5.1',
    closeCode: 1002,
    en: 'Data arrived after the peer’s close frame; after sending a close frame an endpoint MUST NOT send any more data frames.',
    ko: '상대가 close 프레임을 보낸 뒤에 데이터가 도착했습니다. close 프레임을 보낸 엔드포인트는 더 이상 데이터 프레임을 보내면 안 됩니다.',
  }),

  // §4.2 opening handshake, server side — the server answers with an HTTP error and no WebSocket.
  'bad-request-line': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The opening handshake MUST be an HTTP/1.1 (or later) GET request; got “{line}”.',
    ko: '여는 핸드셰이크는 HTTP/1.1 이상의 GET 요청이어야 합니다. 받은 요청 줄: “{line}”.',
  }),
  'bad-http-head': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The HTTP request is malformed: {detail}.',
    ko: 'HTTP 요청 형식이 잘못됐습니다: {detail}.',
  }),
  'missing-host': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The request has no Host header; the handshake MUST include one.',
    ko: '요청에 Host 헤더가 없습니다. 핸드셰이크 요청에는 반드시 Host가 있어야 합니다.',
  }),
  'missing-upgrade': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The request needs “Upgrade: websocket” (case-insensitive); got {value}.',
    ko: '요청에 “Upgrade: websocket” 헤더가 있어야 합니다(대소문자 무시). 받은 값: {value}.',
  }),
  'missing-connection-upgrade': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'The Connection header must list the token “Upgrade”; got {value}.',
    ko: 'Connection 헤더의 토큰 목록에 “Upgrade”가 있어야 합니다. 받은 값: {value}.',
  }),
  'bad-key': rule({
    section: '4.2.1',
    httpStatus: 400,
    en: 'Sec-WebSocket-Key must be the base64 encoding of exactly 16 bytes; got {value}.',
    ko: 'Sec-WebSocket-Key는 정확히 16바이트를 base64로 인코딩한 값이어야 합니다. 받은 값: {value}.',
  }),
  'bad-version': rule({
    section: '4.4',
    httpStatus: 426,
    en: 'Sec-WebSocket-Version must be 13; got {value}. The server answers 426 Upgrade Required with “Sec-WebSocket-Version: 13”.',
    ko: 'Sec-WebSocket-Version은 13이어야 합니다. 받은 값: {value}. 서버는 “Sec-WebSocket-Version: 13”을 담아 426 Upgrade Required로 답합니다.',
  }),
  'origin-not-allowed': rule({
    section: '4.2.2',
    httpStatus: 403,
    en: 'The server does not accept connections from origin {value}; it answers 403 Forbidden.',
    ko: '서버가 origin {value}에서 오는 연결을 허용하지 않아 403 Forbidden으로 답합니다.',
  }),
  'no-common-subprotocol': rule({
    section: '4.2.2',
    httpStatus: 400,
    en: 'The client requires a subprotocol ({offered}) and this server speaks none of them.',
    ko: '클라이언트가 서브프로토콜({offered})을 요구했지만 서버는 그중 어느 것도 지원하지 않습니다.',
  }),

  // §4.1 client validation of the server's answer: the client _Fails the WebSocket Connection_.
  'not-101': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server answered {status} instead of 101 Switching Protocols, so no WebSocket was opened.',
    ko: '서버가 101 Switching Protocols 대신 {status}로 답했으므로 WebSocket이 열리지 않았습니다.',
  }),
  'response-missing-upgrade': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The 101 response must contain “Upgrade: websocket”; got {value}.',
    ko: '101 응답에는 “Upgrade: websocket”이 있어야 합니다. 받은 값: {value}.',
  }),
  'response-missing-connection': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The 101 response must contain “Connection: Upgrade”; got {value}.',
    ko: '101 응답에는 “Connection: Upgrade”가 있어야 합니다. 받은 값: {value}.',
  }),
  'wrong-accept': rule({
    section: '4.1',
    clientRejects: true,
    en: 'Sec-WebSocket-Accept is {value}, but base64(SHA-1(key + GUID)) is {expected}; the client fails the connection.',
    ko: 'Sec-WebSocket-Accept 값이 {value}인데, base64(SHA-1(key + GUID))는 {expected}입니다. 클라이언트는 연결을 실패 처리합니다.',
  }),
  'unexpected-extension': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server selected extension {value}, which the client did not offer.',
    ko: '서버가 클라이언트가 제안하지 않은 확장 {value}를 선택했습니다.',
  }),
  'unexpected-subprotocol': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server selected subprotocol {value}, which the client did not offer.',
    ko: '서버가 클라이언트가 제안하지 않은 서브프로토콜 {value}를 선택했습니다.',
  }),
  'bad-response-head': rule({
    section: '4.1',
    clientRejects: true,
    en: 'The server’s HTTP response is malformed: {detail}.',
    ko: '서버의 HTTP 응답 형식이 잘못됐습니다: {detail}.',
  }),

  // Caller mistakes: refused before anything reaches the wire.
  'send-after-close': rule({
    section: '5.5.1',
    local: true,
    en: 'A close frame was already sent; after it an endpoint MUST NOT send any more data frames.',
    ko: '이미 close 프레임을 보냈습니다. 그 뒤로는 어떤 데이터 프레임도 보내면 안 됩니다.',
  }),
  'send-before-open': rule({
    section: '4.1',
    local: true,
    en: 'The connection is not open yet: frames may only be sent after the 101 response.',
    ko: '아직 연결이 열리지 않았습니다. 프레임은 101 응답 뒤에만 보낼 수 있습니다.',
  }),
  'control-payload-too-long': rule({
    section: '5.5',
    local: true,
    en: 'A control frame payload is limited to 125 bytes; this one would be {length}.',
    ko: '제어 프레임의 페이로드는 125바이트가 한도인데, 이 프레임은 {length}바이트가 됩니다.',
  }),
  'close-reason-too-long': rule({
    section: '5.5.1',
    local: true,
    en: 'The close reason is {length} bytes in UTF-8; with the 2-byte code it must fit in 125 bytes (123 for the reason).',
    ko: 'close 사유가 UTF-8로 {length}바이트입니다. 2바이트 코드와 합쳐 125바이트 안에 들어가야 하므로 사유는 123바이트까지입니다.',
  }),
  'close-code-not-sendable': rule({
    section: '7.4',
    local: true,
    en: 'Close code {code} may not be sent ({why}).',
    ko: '상태 코드 {code}는 보낼 수 없습니다({why}).',
  }),
} as const;

export type RuleId = keyof typeof RULES;

/** The answer the engine gives to a violation: a close code, an HTTP status, or a local refusal. */
export type Answer =
  | { readonly kind: 'close'; readonly code: CloseCodeAnswer }
  | { readonly kind: 'http'; readonly status: HttpStatusAnswer }
  | { readonly kind: 'client-rejects' }
  | { readonly kind: 'local' };

export interface ProtocolError {
  readonly kind: 'protocol-error';
  readonly rule: RuleId;
  /** RFC 6455 section, e.g. "5.5". */
  readonly section: string;
  readonly answer: Answer;
  readonly message: Text;
  /** Byte offset (in the stream the decoder was fed) of the offending byte, when one can be named. */
  readonly offset?: number;
  readonly length?: number;
}

/** Template values; a `Text` value is picked per language, anything else is printed as is. */
export type RuleParams = Readonly<Record<string, string | number | bigint | Text>>;

function fill(template: string, params: RuleParams, lang: keyof Text): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

function answerOf(r: RuleBase): Answer {
  if ('closeCode' in r) return { kind: 'close', code: (r as FrameRule).closeCode };
  if ('httpStatus' in r) return { kind: 'http', status: (r as HttpRule).httpStatus };
  if ('clientRejects' in r) return { kind: 'client-rejects' };
  return { kind: 'local' };
}

export function protocolError(
  id: RuleId,
  params: RuleParams = {},
  at?: { offset: number; length?: number },
): ProtocolError {
  const r: RuleBase = RULES[id];
  return {
    kind: 'protocol-error',
    rule: id,
    section: r.section,
    answer: answerOf(r),
    message: { en: fill(r.en, params, 'en'), ko: fill(r.ko, params, 'ko') },
    ...(at ? { offset: at.offset, ...(at.length === undefined ? {} : { length: at.length }) } : {}),
  };
}

/** The close code a receiver sends for this violation, if it is one that closes a WebSocket. */
export function closeCodeFor(e: ProtocolError): CloseCodeAnswer | undefined {
  return e.answer.kind === 'close' ? e.answer.code : undefined;
}

/** One line a learner reads: "RFC 6455 §5.5: … → close 1002 (protocol error)". */
export function describeError(e: ProtocolError, lang: 'en' | 'ko'): string {
  const head = `RFC 6455 §${e.section}: ${e.message[lang]}`;
  switch (e.answer.kind) {
    case 'close':
      return lang === 'en'
        ? `${head} → close ${e.answer.code} (${closeCodeName(e.answer.code)})`
        : `${head} → 상태 코드 ${e.answer.code}(${closeCodeNameKo(e.answer.code)})로 종료`;
    case 'http':
      return lang === 'en' ? `${head} → HTTP ${e.answer.status}` : `${head} → HTTP ${e.answer.status} 응답`;
    default:
      return head;
  }
}

function closeCodeNameKo(code: CloseCodeAnswer): string {
  const names: Record<CloseCodeAnswer, string> = {
    1002: '프로토콜 오류',
    1003: '지원하지 않는 데이터',
    1007: '잘못된 페이로드 데이터',
    1008: '정책 위반',
    1009: '메시지가 너무 큼',
    1010: '필요한 확장 없음',
    1011: '내부 오류',
  };
  return names[code];
}

function closeCodeName(code: CloseCodeAnswer): string {
  const names: Record<CloseCodeAnswer, string> = {
    1002: 'protocol error',
    1003: 'unsupported data',
    1007: 'invalid payload data',
    1008: 'policy violation',
    1009: 'message too big',
    1010: 'mandatory extension',
    1011: 'internal error',
  };
  return names[code];
}
