/** 임베드 관련 한국어 문자열: "임베드" 대화상자, 임베드된 화면의 조작, 발표 단계 설명, 플레이그라운드 공유 링크. */
import type { embedEn } from './embed.en.ts';

export const embedKo = {
  'embed.button': '임베드',
  'embed.title': '이 화면 임베드하기',
  'embed.intro':
    '이 HTML을 슬라이드나 웹 페이지에 붙여 넣으면 이 화면({view})이 사이트의 나머지 부분 없이 나타납니다. 지금 담긴 내용(시나리오나 바이트)을 그대로 가져가되, 첫 단계부터 시작합니다. 프레임 안에서 → 또는 스페이스는 한 단계 앞으로, ←는 한 단계 뒤로 갑니다. 슬라이드 덱은 메시지로 같은 일을 할 수 있습니다.',
  'embed.docs': '슬라이드 덱이 보낼 수 있는 메시지(임베드 안내서, 새 탭)',
  'embed.close': '닫기',
  'embed.size': '크기',
  'embed.theme': '색상',
  'embed.theme.auto': '보는 사람의 시스템 설정',
  'embed.theme.light': '밝게',
  'embed.theme.dark': '어둡게',
  'embed.scale': '글자 크기',
  'embed.code': '붙여 넣을 HTML',
  'embed.copy': '복사',
  'embed.copied': '클립보드에 복사했습니다.',
  'embed.copyFallback':
    '이 페이지는 여기서 클립보드에 쓸 수 없어서 HTML을 선택해 두었습니다. Ctrl+C(Mac에서는 ⌘C)를 눌러 복사하세요.',
  'embed.open': '임베드 화면을 새 탭에서 열기',
  'embed.frameTitle': 'ws101: {view}',
  'embed.openFull': '이 화면을 ws101 전체 사이트에서 열기(새 탭)',

  'embed.panels': '패널',
  'embed.panel.console': '콘솔',
  'embed.panel.inspector': '인스펙터',

  'embed.label': '{time}: {what}',
  'embed.label.more': '{what} (외 {n}개)',
  'embed.arrives': '{what} 도착',
  'embed.cmp.published': '서버에 이벤트 {ids} 발생',
  'embed.cmp.delivered': '{lanes} 전달',

  'share.cut':
    '이 페이지 주소는 실행한 {total}단계 중 처음 {kept}단계만 다시 실행합니다(링크에는 최대 {max}단계, 단계마다 1 KiB까지 담깁니다).',
} as const satisfies Record<keyof typeof embedEn, string>;
