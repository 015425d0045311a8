/** "다른 형식으로 복사" 컨트롤의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
import type { copyEn } from './copy.en.ts';

export const copyKo = {
  'copy.toggle': '다른 형식으로 복사…',
  'copy.toggle.named': '다른 형식으로 복사… ({what})',
  'copy.menu': '복사 형식',
  'copy.fmt.hex': 'Hex',
  'copy.fmt.base64': 'Base64',
  'copy.fmt.js': 'JavaScript Uint8Array',
  'copy.fmt.c': 'C 배열',
  'copy.done.one': '{format} 형식으로 복사했습니다({n}자)',
  'copy.done.other': '{format} 형식으로 복사했습니다({n}자)',
  'copy.fallback':
    '이 페이지는 여기서 클립보드에 쓸 수 없어서 {format} 텍스트를 아래에 선택해 두었습니다. Ctrl+C(Mac은 ⌘C)를 눌러 복사하세요.',
  'copy.fallback.label': '복사할 {format} 텍스트',
  'copy.close': '닫기',
  'copy.empty': '복사할 바이트가 없습니다.',
  'copy.tooLarge':
    '{size}바이트입니다. 페이지가 멈추지 않도록 “다른 형식으로 복사”는 {limit}바이트까지만 합니다(텍스트가 수 메가바이트가 되기 때문입니다).',

  'copy.note.op.0': '연속(continuation) 프레임',
  'copy.note.op.1': '텍스트 프레임',
  'copy.note.op.2': '바이너리 프레임',
  'copy.note.op.8': 'close 프레임',
  'copy.note.op.9': 'ping 프레임',
  'copy.note.op.a': 'pong 프레임',
  'copy.note.op.reserved': '예약된 opcode {opcode} 프레임',
  'copy.note.fin': 'FIN',
  'copy.note.noFin': 'FIN = 0(조각이 더 이어짐)',
  'copy.note.rsv': '{bits} 켜짐',
  'copy.note.masked': '마스킹됨',
  'copy.note.unmasked': '마스킹 안 됨',
  'copy.note.payload': '페이로드 {n}바이트',
  'copy.note.partial.one': '완성되지 않은 프레임: {n}바이트',
  'copy.note.partial.other': '완성되지 않은 프레임: {n}바이트',
  'copy.note.unread.one': '수신 측이 읽지 않는 {n}바이트',
  'copy.note.unread.other': '수신 측이 읽지 않는 {n}바이트',
} as const satisfies Record<keyof typeof copyEn, string>;
