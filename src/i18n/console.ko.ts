/** console 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const consoleKo = {
  'con.title': '콘솔',
  'con.keys': 'Tab 자동 완성 · ↑↓ 이전 명령 · Esc 나가기',
  'con.inputLabel':
    '콘솔 입력란입니다. 명령을 입력하고 Enter를 누르세요. Tab은 자동 완성, 화살표 키는 이전 명령, Esc는 콘솔에서 나가기입니다.',
  'con.outputLabel': '콘솔 출력',
  'con.srMode': '스크린 리더 모드',
  'con.loading': '콘솔을 불러오는 중입니다…',
  'con.failed': '콘솔을 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
  'con.greeting': 'ws101 콘솔: 클라이언트 쪽 셸입니다. help를 입력하거나 connect로 시작하세요.',
  'con.help.title': '명령:',
  'con.help.legend':
    '이벤트 한 줄은 가상 시간, 보낸 쪽(→ 클라이언트가 보냄, ← 받음), 계층(TCP, HTTP, WS), 내용 순입니다. “서버:”로 시작하는 줄은 서버에서 일어난 일입니다.',
  'con.help.keys':
    '키: Tab은 자동 완성, ↑/↓는 이전 명령, Ctrl+C는 입력 취소, Ctrl+L은 화면 지우기, Esc는 콘솔에서 나가기입니다.',
  'con.help.more': 'help <명령>을 입력하면 명령 하나를 자세히 설명합니다.',
  'con.help.unknown': '“{name}” 명령은 없습니다.',
  'con.usage': '사용법: {usage}',
  'con.didYouMean': '{name} 명령을 입력하려고 하셨나요? 사용법: {usage}',
  'con.helpHint': 'help를 입력하면 명령 목록을 볼 수 있습니다',
  'con.dump.on': 'hex dump를 켰습니다. 프레임과 HTTP 메시지마다 아래에 xxd 형식 덤프를 보여 줍니다.',
  'con.dump.off': 'hex dump를 껐습니다.',
  'con.reset': '초기화했습니다. 연결과 타임라인이 새로 시작됩니다. connect를 입력해 다시 시작하세요.',
  'con.latency': '이제 단방향 지연은 {ms} ms입니다. 다음 세그먼트부터 적용됩니다.',
  'con.mss': '이제 TCP 최대 세그먼트 크기는 {bytes}바이트입니다.',
  'con.server': '서버 동작: {kind}. 다음 connect부터 적용됩니다.',
  'con.tcpMore.one': '⋯ 세그먼트 {n}개 더, 페이로드 {bytes}B(다이어그램에 모두 나옵니다)',
  'con.tcpMore.other': '⋯ 세그먼트 {n}개 더, 페이로드 {bytes}B(다이어그램에 모두 나옵니다)',
  'con.ep.client': '클라이언트',
  'con.ep.server': '서버',
  'con.at': '{who}:',
  'con.state': 'WebSocket 상태 {from} → {to}',
} as const;
