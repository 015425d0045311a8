/**
 * What each HTTP header of a handshake does, as catalog keys: the text lives in the i18n catalogs
 * (inspector.en.ts / inspector.ko.ts). A few headers mean something else in a request and in a
 * response, and `Connection` depends on its value (Upgrade, or close after a refusal).
 */
import { headerTokens, type HeaderField } from '../../../protocol/index.ts';
import type { PlainKey } from '../../../i18n/index.ts';

type Side = 'request' | 'response';

const BOTH: Readonly<Record<string, PlainKey>> = {
  host: 'ins.hdr.host',
  upgrade: 'ins.hdr.upgrade',
  'sec-websocket-key': 'ins.hdr.key',
  origin: 'ins.hdr.origin',
  'sec-websocket-accept': 'ins.hdr.accept',
  'content-type': 'ins.hdr.contentType',
  'content-length': 'ins.hdr.contentLength',
  'user-agent': 'ins.hdr.userAgent',
  cookie: 'ins.hdr.cookie',
  'set-cookie': 'ins.hdr.setCookie',
  authorization: 'ins.hdr.authorization',
  'cache-control': 'ins.hdr.cacheControl',
  pragma: 'ins.hdr.cacheControl',
  date: 'ins.hdr.date',
  server: 'ins.hdr.server',
  'accept-encoding': 'ins.hdr.acceptEncoding',
  'accept-language': 'ins.hdr.acceptLanguage',
};

const BY_SIDE: Readonly<Record<string, Readonly<Record<Side, PlainKey>>>> = {
  'sec-websocket-version': { request: 'ins.hdr.version.req', response: 'ins.hdr.version.res' },
  'sec-websocket-protocol': { request: 'ins.hdr.protocol.req', response: 'ins.hdr.protocol.res' },
  'sec-websocket-extensions': { request: 'ins.hdr.extensions.req', response: 'ins.hdr.extensions.res' },
};

/** The catalog key explaining a header line of a request or a response. */
export function headerNoteKey(header: HeaderField, side: Side, all: readonly HeaderField[]): PlainKey {
  const name = header.name.toLowerCase();
  if (name === 'connection') {
    const tokens = headerTokens([header], 'Connection');
    if (tokens.includes('upgrade')) return 'ins.hdr.connection';
    if (tokens.includes('close')) return 'ins.hdr.connectionClose';
    return headerTokens(all, 'Upgrade').length ? 'ins.hdr.connectionMissing' : 'ins.hdr.connectionOther';
  }
  return BY_SIDE[name]?.[side] ?? BOTH[name] ?? 'ins.hdr.other';
}
