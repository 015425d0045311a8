import type { h2En } from './h2.en.ts';

/** 18강 HTTP/2 위젯의 한국어 문자열. */
export const h2Ko = {
  'h2.w.title': '같은 WebSocket을 HTTP/1.1과 HTTP/2로 열기',
  'h2.w.h1.title': 'HTTP/1.1: Upgrade (RFC 6455 §4)',
  'h2.w.h1.request': '요청, 텍스트 {n}바이트:',
  'h2.w.h1.response': '응답, {n}바이트:',
  'h2.w.h1.frame': '그다음부터 TCP 연결에는 WebSocket 프레임이 그대로 흐릅니다. 마스킹된 "hello", {n}바이트:',
  'h2.w.h2.title': 'HTTP/2: 확장 CONNECT (RFC 8441)',
  'h2.w.h2.connect': '스트림 3의 HEADERS 프레임, HPACK으로 {n}바이트:',
  'h2.w.h2.ok': '응답, {n}바이트짜리 HEADERS 프레임:',
  'h2.w.h2.data':
    '그다음 같은 스트림의 DATA 프레임이 같은 모양의 WebSocket 프레임을 싣습니다. {n}바이트 = 9바이트 프레임 헤더 | {ws}바이트 WebSocket 프레임:',
  'h2.w.totals':
    '여는 핸드셰이크: HTTP/1.1로는 {h1}바이트, HTTP/2로는 {h2}바이트. 같은 HTTP/2 연결에서 두 번째 WebSocket을 열 때는 HPACK 테이블에 헤더 필드가 이미 있어서 CONNECT가 {second}바이트면 됩니다.',
  'h2.w.frames': 'HTTP/2 연결의 모든 프레임, 순서대로',
  'h2.w.c2s': '클라이언트 → 서버:',
  'h2.w.s2c': '서버 → 클라이언트:',
  'h2.w.stream': '스트림 {n}',
  'h2.w.bytes': '{n}바이트',
  'h2.w.preface': '24바이트 연결 프리페이스 "PRI * HTTP/2.0…" 다음 (RFC 9113 §3.4).',
  'h2.w.repr.indexed': '인덱스: {n}바이트, 필드 전체가 이미 테이블에 있음',
  'h2.w.repr.incremental': '리터럴, 동적 테이블에 추가: {n}바이트',
  'h2.w.repr.without': '리터럴, 인덱싱하지 않음: {n}바이트',
  'h2.w.repr.never': '리터럴, 절대 인덱싱하지 않음: {n}바이트',
  'h2.w.ws': 'WebSocket 프레임: opcode 0x{opcode}, {masked}, 페이로드 {n}바이트',
  'h2.w.masked': '마스킹됨',
  'h2.w.unmasked': '마스킹 안 됨',
  'h2.w.empty': 'WebSocket 바이트 없음: END_STREAM만, 이쪽 방향 스트림의 끝.',
  'h2.w.rst': 'CANCEL(0x8)이 담긴 RST_STREAM: 이 스트림, 즉 이 WebSocket 하나만 갑자기 끝납니다.',
  'h2.w.pcap': '.pcap 내보내기',
  'h2.w.pcapNote': 'Wireshark에서: Decode As → TCP 포트 8080 → HTTP2.',
} as const satisfies Record<keyof typeof h2En, string>;
