/**
 * Server behaviours for the playground. Each reacts to what its engine reports, through the same
 * engine API a real server would use — nothing here writes bytes by hand.
 */
import { messagesOf, type ServerPolicy, type Text } from '../protocol/index.ts';

export type ServerKind = 'echo' | 'chat' | 'ticker' | 'reject';
export const SERVER_KINDS: readonly ServerKind[] = ['echo', 'chat', 'ticker', 'reject'];

/** The only origin the rejecting server lets in, and the subprotocol it insists on. */
export const ALLOWED_ORIGIN = 'https://ws101.example';
export const REQUIRED_PROTOCOL = 'chat.v2';

export function policyFor(kind: ServerKind): ServerPolicy {
  if (kind === 'reject') {
    return {
      allowOrigin: (origin) => origin === ALLOWED_ORIGIN,
      protocols: [REQUIRED_PROTOCOL],
      requireProtocol: true,
    };
  }
  return { protocols: ['chat', 'superchat'] };
}

/** The catalog keys that describe each behaviour (translated in src/i18n, checked against this). */
export type ServerTexts = {
  readonly [K in Exclude<ServerKind, 'reject'> as `pg.server.${K}`]: Record<never, never>;
} & {
  readonly 'pg.server.reject': { readonly origin: string; readonly protocol: string };
};
export type ServerTextId = keyof ServerTexts;
const say = messagesOf<ServerTexts>();

export const SERVER_DESCRIPTIONS: Readonly<Record<ServerKind, Text<ServerTextId>>> = {
  echo: say('pg.server.echo'),
  chat: say('pg.server.chat'),
  ticker: say('pg.server.ticker'),
  reject: say('pg.server.reject', { origin: ALLOWED_ORIGIN, protocol: REQUIRED_PROTOCOL }),
};
