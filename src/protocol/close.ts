/** RFC 6455 §7.4 status codes and the §5.5.1 close frame body (2-byte code + UTF-8 reason). */
import { protocolError, type ProtocolError } from './errors.ts';
import type { Text } from './text.ts';
import { decodeUtf8 } from './utf8.ts';

interface CodeInfo {
  readonly name: string;
  readonly meaning: Text;
  /** 1005, 1006 and 1015 only ever appear in reports, never in a close frame. */
  readonly onWire: boolean;
}

/** §7.4.1 plus the IANA "WebSocket Close Code Number Registry" entries 1012–1014. */
export const CLOSE_CODES: Readonly<Record<number, CodeInfo>> = {
  1000: {
    name: 'Normal Closure',
    onWire: true,
    meaning: { en: 'the purpose of the connection was fulfilled', ko: '연결의 목적을 다 이루어 정상 종료' },
  },
  1001: {
    name: 'Going Away',
    onWire: true,
    meaning: {
      en: 'the endpoint is going away (server shutdown, page navigated away)',
      ko: '엔드포인트가 떠남(서버 종료, 페이지 이동 등)',
    },
  },
  1002: {
    name: 'Protocol Error',
    onWire: true,
    meaning: { en: 'the peer broke the protocol', ko: '상대가 프로토콜 규칙을 어김' },
  },
  1003: {
    name: 'Unsupported Data',
    onWire: true,
    meaning: {
      en: 'a data type the endpoint cannot accept (e.g. binary where only text is understood)',
      ko: '받을 수 없는 종류의 데이터(예: 텍스트만 이해하는데 바이너리가 옴)',
    },
  },
  1005: {
    name: 'No Status Rcvd',
    onWire: false,
    meaning: {
      en: 'reported when a close frame carried no code; never sent',
      ko: 'close 프레임에 코드가 없었을 때 보고용으로만 쓰며 전송하지 않음',
    },
  },
  1006: {
    name: 'Abnormal Closure',
    onWire: false,
    meaning: {
      en: 'reported when the connection dropped without a close frame; never sent',
      ko: 'close 프레임 없이 연결이 끊겼을 때 보고용으로만 쓰며 전송하지 않음',
    },
  },
  1007: {
    name: 'Invalid frame payload data',
    onWire: true,
    meaning: {
      en: 'data inconsistent with its type (e.g. text that is not UTF-8)',
      ko: '타입과 맞지 않는 데이터(예: UTF-8이 아닌 텍스트)',
    },
  },
  1008: {
    name: 'Policy Violation',
    onWire: true,
    meaning: { en: 'a message violated the endpoint’s policy', ko: '엔드포인트의 정책을 위반한 메시지' },
  },
  1009: {
    name: 'Message Too Big',
    onWire: true,
    meaning: { en: 'a message too big to process', ko: '처리하기에 너무 큰 메시지' },
  },
  1010: {
    name: 'Mandatory Ext.',
    onWire: true,
    meaning: {
      en: 'the client expected an extension the server did not negotiate',
      ko: '클라이언트가 기대한 확장을 서버가 협상하지 않음',
    },
  },
  1011: {
    name: 'Internal Error',
    onWire: true,
    meaning: { en: 'the server hit an unexpected condition', ko: '서버에 예기치 못한 오류가 발생함' },
  },
  1012: {
    name: 'Service Restart',
    onWire: true,
    meaning: { en: 'the service is restarting', ko: '서비스가 재시작 중' },
  },
  1013: {
    name: 'Try Again Later',
    onWire: true,
    meaning: { en: 'temporary overload; try again later', ko: '일시적 과부하, 나중에 다시 시도' },
  },
  1014: {
    name: 'Bad Gateway',
    onWire: true,
    meaning: {
      en: 'a gateway got an invalid response upstream',
      ko: '게이트웨이가 상위 서버에서 잘못된 응답을 받음',
    },
  },
  1015: {
    name: 'TLS handshake',
    onWire: false,
    meaning: {
      en: 'reported when the TLS handshake failed; never sent',
      ko: 'TLS 핸드셰이크 실패 보고용이며 전송하지 않음',
    },
  },
};

export type CodeCheck = { readonly ok: true } | { readonly ok: false; readonly why: Text };

/** May this code appear in a close frame? (§7.4.1, §7.4.2, IANA registry) */
export function checkCloseCode(code: number): CodeCheck {
  if (!Number.isInteger(code) || code < 0 || code > 0xffff)
    return { ok: false, why: { en: 'not a 16-bit number', ko: '16비트 숫자가 아님' } };
  if (code < 1000) return { ok: false, why: { en: '0–999 are not used', ko: '0–999는 쓰지 않는 범위' } };
  const known = CLOSE_CODES[code];
  if (known) {
    return known.onWire
      ? { ok: true }
      : {
          ok: false,
          why: { en: `${code} is only reported, never sent`, ko: `${code}는 보고용일 뿐 전송하지 않는 코드` },
        };
  }
  if (code === 1004) return { ok: false, why: { en: '1004 is reserved', ko: '1004는 예약된 코드' } };
  if (code < 3000)
    return {
      ok: false,
      why: {
        en: '1000–2999 are reserved for the RFC and its extensions',
        ko: '1000–2999는 RFC와 확장을 위해 예약된 범위',
      },
    };
  if (code <= 4999) return { ok: true };
  return {
    ok: false,
    why: { en: 'codes above 4999 are not defined', ko: '4999보다 큰 코드는 정의되지 않음' },
  };
}

export function closeCodeLabel(code: number): string {
  const known = CLOSE_CODES[code];
  if (known) return `${code} ${known.name}`;
  if (code >= 3000 && code <= 3999) return `${code} (registered for libraries/frameworks)`;
  if (code >= 4000 && code <= 4999) return `${code} (private use)`;
  return String(code);
}

export type ClosePayload =
  | { readonly ok: true; readonly code: number | null; readonly reason: string }
  | { readonly ok: false; readonly error: ProtocolError };

/** Parse a close frame body. `at` is the stream offset of its first byte, for pointing at errors. */
export function parseClosePayload(payload: Uint8Array, at = 0): ClosePayload {
  if (payload.length === 0) return { ok: true, code: null, reason: '' };
  if (payload.length === 1)
    return { ok: false, error: protocolError('close-payload-one-byte', {}, { offset: at, length: 1 }) };
  const code = (payload[0]! << 8) | payload[1]!;
  const check = checkCloseCode(code);
  if (!check.ok)
    return {
      ok: false,
      error: protocolError('invalid-close-code', { code, why: check.why }, { offset: at, length: 2 }),
    };
  const reason = decodeUtf8(payload.subarray(2));
  if (reason === null)
    return {
      ok: false,
      error: protocolError('invalid-close-reason', {}, { offset: at + 2, length: payload.length - 2 }),
    };
  return { ok: true, code, reason };
}

export type ClosePayloadBuild =
  { readonly ok: true; readonly payload: Uint8Array } | { readonly ok: false; readonly error: ProtocolError };

const encoder = new TextEncoder();

export function buildClosePayload(code?: number | null, reason = ''): ClosePayloadBuild {
  if (code == null) {
    // §5.5.1: a reason may only follow a code.
    return { ok: true, payload: new Uint8Array(0) };
  }
  const check = checkCloseCode(code);
  if (!check.ok)
    return { ok: false, error: protocolError('close-code-not-sendable', { code, why: check.why }) };
  const r = encoder.encode(reason);
  if (r.length > 123)
    return { ok: false, error: protocolError('close-reason-too-long', { length: r.length }) };
  const out = new Uint8Array(2 + r.length);
  out[0] = code >>> 8;
  out[1] = code & 0xff;
  out.set(r, 2);
  return { ok: true, payload: out };
}
