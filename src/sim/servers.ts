/**
 * Server behaviours for the playground. Each reacts to what its engine reports, through the same
 * engine API a real server would use — nothing here writes bytes by hand.
 */
import type { ServerPolicy, Text } from '../protocol/index.ts';

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

export const SERVER_DESCRIPTIONS: Record<ServerKind, Text> = {
  echo: { en: 'echo: sends every message back', ko: 'echo: 받은 메시지를 그대로 돌려보냄' },
  chat: {
    en: 'chat: alice and bob are connected too; a message from anyone goes to everyone',
    ko: 'chat: alice와 bob도 접속해 있고, 누가 보낸 메시지든 모두에게 전달됨',
  },
  ticker: {
    en: 'ticker: pushes a message every second without being asked — what HTTP alone cannot do',
    ko: 'ticker: 요청하지 않아도 1초마다 메시지를 보냄 — HTTP만으로는 할 수 없는 일',
  },
  reject: {
    en: `reject: strict handshake — only Origin ${ALLOWED_ORIGIN}, subprotocol ${REQUIRED_PROTOCOL} if any is offered (try connect --origin, --protocol, --version 8, --key bad)`,
    ko: `reject: 깐깐한 핸드셰이크 — Origin은 ${ALLOWED_ORIGIN}만, 서브프로토콜을 제안하면 ${REQUIRED_PROTOCOL}만 허용(connect --origin, --protocol, --version 8, --key bad 로 시험해 보세요)`,
  },
};
