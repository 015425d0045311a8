/** RFC 6455 §7.4 status codes and the §5.5.1 close frame body (2-byte code + UTF-8 reason). */
import { protocolError, type ProtocolError } from './errors.ts';
import { textsOf, type Text } from './text.ts';
import { decodeUtf8 } from './utf8.ts';

interface CodeInfo {
  /** The registry's name, in English; its translations are keyed `close.<code>.name`. */
  readonly name: string;
  /** English source of `close.<code>.meaning`. */
  readonly meaning: string;
  /** 1005, 1006 and 1015 only ever appear in reports, never in a close frame. */
  readonly onWire: boolean;
}

/** §7.4.1 plus the IANA "WebSocket Close Code Number Registry" entries 1012–1014: the one table of close codes. */
export const CLOSE_CODES = {
  1000: { name: 'Normal Closure', onWire: true, meaning: 'the purpose of the connection was fulfilled' },
  1001: {
    name: 'Going Away',
    onWire: true,
    meaning: 'the endpoint is going away (server shutdown, page navigated away)',
  },
  1002: { name: 'Protocol Error', onWire: true, meaning: 'the peer broke the protocol' },
  1003: {
    name: 'Unsupported Data',
    onWire: true,
    meaning: 'a data type the endpoint cannot accept (e.g. binary where only text is understood)',
  },
  1005: {
    name: 'No Status Rcvd',
    onWire: false,
    meaning: 'reported when a close frame carried no code; never sent',
  },
  1006: {
    name: 'Abnormal Closure',
    onWire: false,
    meaning: 'reported when the connection dropped without a close frame; never sent',
  },
  1007: {
    name: 'Invalid frame payload data',
    onWire: true,
    meaning: 'data inconsistent with its type (e.g. text that is not UTF-8)',
  },
  1008: { name: 'Policy Violation', onWire: true, meaning: 'a message violated the endpoint’s policy' },
  1009: { name: 'Message Too Big', onWire: true, meaning: 'a message too big to process' },
  1010: {
    name: 'Mandatory Ext.',
    onWire: true,
    meaning: 'the client expected an extension the server did not negotiate',
  },
  1011: { name: 'Internal Error', onWire: true, meaning: 'the server hit an unexpected condition' },
  1012: { name: 'Service Restart', onWire: true, meaning: 'the service is restarting' },
  1013: { name: 'Try Again Later', onWire: true, meaning: 'temporary overload; try again later' },
  1014: { name: 'Bad Gateway', onWire: true, meaning: 'a gateway got an invalid response upstream' },
  1015: {
    name: 'TLS handshake',
    onWire: false,
    meaning: 'reported when the TLS handshake failed; never sent',
  },
} as const satisfies Readonly<Record<number, CodeInfo>>;

export type KnownCloseCode = keyof typeof CLOSE_CODES;

export function closeCodeInfo(code: number): CodeInfo | undefined {
  return Object.hasOwn(CLOSE_CODES, code) ? CLOSE_CODES[code as KnownCloseCode] : undefined;
}

/** Why a code may not be sent, and how a code is labelled: the English sources of their text ids. */
const CLOSE_SENTENCES = {
  'close.why.not16bit': 'not a 16-bit number',
  'close.why.below1000': '0–999 are not used',
  'close.why.reportOnly': '{code} is only reported, never sent',
  'close.why.1004': '1004 is reserved',
  'close.why.reserved': '1000–2999 are reserved for the RFC and its extensions',
  'close.why.above4999': 'codes above 4999 are not defined',
  'close.label': '{code} {name}',
  'close.label.library': '{code} (registered for libraries/frameworks)',
  'close.label.private': '{code} (private use)',
  'close.label.other': '{code}',
} as const;

type CodeTexts = {
  readonly [C in KnownCloseCode as `close.${C}.name`]: (typeof CLOSE_CODES)[C]['name'];
} & { readonly [C in KnownCloseCode as `close.${C}.meaning`]: (typeof CLOSE_CODES)[C]['meaning'] };

/** Every close-code text id with its English source, for the engine's registry (texts.ts). */
export const CLOSE_TEXTS = {
  ...(Object.fromEntries(
    Object.entries(CLOSE_CODES).flatMap(([code, c]) => [
      [`close.${code}.name`, c.name],
      [`close.${code}.meaning`, c.meaning],
    ]),
  ) as CodeTexts),
  ...CLOSE_SENTENCES,
};
export type CloseTextId = keyof typeof CLOSE_TEXTS;

const say = textsOf<typeof CLOSE_SENTENCES>();

/** The registry name of a known code ("Protocol Error"), as a Text; null for any other code. */
export function closeCodeName(code: number): Text<CloseTextId> | null {
  return closeCodeInfo(code) ? { id: `close.${code as KnownCloseCode}.name` } : null;
}

export function closeCodeMeaning(code: number): Text<CloseTextId> | null {
  return closeCodeInfo(code) ? { id: `close.${code as KnownCloseCode}.meaning` } : null;
}

export type CodeCheck = { readonly ok: true } | { readonly ok: false; readonly why: Text<CloseTextId> };

/** May this code appear in a close frame? (§7.4.1, §7.4.2, IANA registry) */
export function checkCloseCode(code: number): CodeCheck {
  if (!Number.isInteger(code) || code < 0 || code > 0xffff)
    return { ok: false, why: say('close.why.not16bit') };
  if (code < 1000) return { ok: false, why: say('close.why.below1000') };
  const known = closeCodeInfo(code);
  if (known) return known.onWire ? { ok: true } : { ok: false, why: say('close.why.reportOnly', { code }) };
  if (code === 1004) return { ok: false, why: say('close.why.1004') };
  if (code < 3000) return { ok: false, why: say('close.why.reserved') };
  if (code <= 4999) return { ok: true };
  return { ok: false, why: say('close.why.above4999') };
}

/** "1000 Normal Closure", "3000 (registered for libraries/frameworks)", "4000 (private use)". */
export function closeCodeLabel(code: number): Text<CloseTextId> {
  const name = closeCodeName(code);
  if (name) return say('close.label', { code, name });
  if (code >= 3000 && code <= 3999) return say('close.label.library', { code });
  if (code >= 4000 && code <= 4999) return say('close.label.private', { code });
  return say('close.label.other', { code });
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
