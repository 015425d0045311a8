/**
 * Server behaviours for the playground. Each reacts to what its engine reports, through the same
 * engine API a real server would use — nothing here writes bytes by hand. What a server agrees to in
 * the handshake (permessage-deflate, subprotocols) is its configuration, set with `server deflate …`
 * and `server protocols …`.
 */
import {
  messagesOf,
  type DeflateCodec,
  type DeflatePolicy,
  type ServerOptions,
  type Text,
} from '../protocol/index.ts';
import { BANK_ORIGIN, originAllowed } from './origins.ts';

export type ServerKind = 'echo' | 'chat' | 'ticker' | 'reject' | 'bank';
export const SERVER_KINDS: readonly ServerKind[] = ['echo', 'chat', 'ticker', 'reject', 'bank'];

/** The only origin the rejecting server lets in, and the subprotocol it insists on. */
export const ALLOWED_ORIGIN = 'https://ws101.example';
export const REQUIRED_PROTOCOL = 'chat.v2';

/** The subprotocols the other servers speak, in their order of preference, until `server protocols`. */
export const DEFAULT_SERVER_PROTOCOLS: readonly string[] = ['chat', 'superchat'];

/**
 * Whether the server accepts permessage-deflate offers, and the limits its answer imposes (RFC 7692
 * §7.1). On by default, as in `ws` and most servers: it only matters when the client offers it.
 */
export type ServerDeflate = { readonly on: false } | { readonly on: true; readonly policy: DeflatePolicy };

export const DEFAULT_SERVER_DEFLATE: ServerDeflate = { on: true, policy: {} };

/** How the server is set up: its behaviour, and what its handshake agrees to. */
export interface ServerConfig {
  readonly kind: ServerKind;
  readonly deflate: ServerDeflate;
  /** Subprotocols in order of preference; null: the behaviour's own (chat.v2 only for reject). */
  readonly protocols: readonly string[] | null;
  /** The Origins it lets in (`server origins …`, origins.ts); null or absent: every origin. */
  readonly origins?: readonly string[] | null;
}

/**
 * The server engine's options for a configuration. Without a codec the server declines every
 * permessage-deflate offer (it has nothing to compress with); the playground loads the codec before a
 * `connect --deflate` runs, so a client that offers always meets a server that can accept.
 */
export function serverOptionsFor(config: ServerConfig, codec: DeflateCodec | null): ServerOptions {
  const deflate = config.deflate.on && codec ? { deflate: { codec, policy: config.deflate.policy } } : {};
  if (config.kind === 'reject') {
    return {
      allowOrigin: (origin) => origin === ALLOWED_ORIGIN,
      protocols: config.protocols ?? [REQUIRED_PROTOCOL],
      requireProtocol: true,
      ...deflate,
    };
  }
  const origins = config.origins ?? null;
  return {
    protocols: config.protocols ?? DEFAULT_SERVER_PROTOCOLS,
    ...deflate,
    // RFC 6455 §10.2: the Origin check is the server's; a page's browser only reports the origin.
    ...(origins ? { allowOrigin: (origin: string | null) => originAllowed(origins, origin) } : {}),
  };
}

/** The catalog keys that describe each behaviour (translated in src/i18n, checked against this). */
export type ServerTexts = {
  readonly [K in Exclude<ServerKind, 'reject' | 'bank'> as `pg.server.${K}`]: Record<never, never>;
} & {
  readonly 'pg.server.bank': { readonly origin: string };
  readonly 'pg.server.reject': { readonly origin: string; readonly protocol: string };
};
export type ServerTextId = keyof ServerTexts;
const say = messagesOf<ServerTexts>();

export const SERVER_DESCRIPTIONS: Readonly<Record<ServerKind, Text<ServerTextId>>> = {
  echo: say('pg.server.echo'),
  chat: say('pg.server.chat'),
  ticker: say('pg.server.ticker'),
  reject: say('pg.server.reject', { origin: ALLOWED_ORIGIN, protocol: REQUIRED_PROTOCOL }),
  bank: say('pg.server.bank', { origin: BANK_ORIGIN }),
};
