/** playground 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const playgroundKo = {
  'pg.title': '플레이그라운드',
  'pg.hint':
    '아직 아무 일도 일어나지 않았습니다. 콘솔에 {command}를 입력하면 TCP 연결을 열고 WebSocket 핸드셰이크를 시작합니다.',
  'pg.hint.run': 'connect 실행',
  'pg.run.refused': '링크의 {n}번째 단계 “{line}”는 건너뛰었습니다: {reason}',
  'pg.run.tooMany': '링크에 단계가 {total}개 있지만 처음 {max}개만 실행했습니다.',
  'pg.run.badServer':
    '링크에 적힌 서버 “{value}”는 없는 값입니다(echo, chat, ticker, reject 중 하나). echo 서버를 사용합니다.',

  'pg.controls': '재생 제어',
  'pg.play': '재생',
  'pg.pause': '일시정지',
  'pg.stepBack': '한 단계 뒤로',
  'pg.stepForward': '한 단계 앞으로',
  'pg.speed': '속도',
  'pg.scrubber': '시간',
  'pg.time': '{now} / {end} ms',
  'pg.live': '실시간',
  'pg.jumpToNow': '현재로 이동',
  'pg.layers': '표시',
  'pg.layer.tcp': 'TCP 세그먼트',
  'pg.layer.http': 'HTTP 메시지',
  'pg.layer.ws': 'WebSocket 프레임',

  'pg.diagram': '시퀀스 다이어그램',
  'pg.diagram.keys':
    'Space로 재생하거나 멈추고, ←와 →로 한 단계씩 이동하며, Home과 End로 처음과 현재로 이동합니다. Tab으로 화살표에 들어가면 ↑와 ↓로 화살표 사이를 옮겨 다니며 인스펙터에서 볼 수 있습니다.',
  'pg.diagram.empty': '연결의 화살표가 여기에 나타납니다.',
  'pg.arrow': '{from} → {to}: {label}. {sent} ms에 보내 {arrive} ms에 도착합니다.',
  'pg.arrow.inFlight': '{from} → {to}: {label}. {sent} ms에 보냈고 아직 가는 중입니다.',
  'pg.arrow.segments': '세그먼트 {n}개',
  'pg.break': '{ms} ms 경과',
  'pg.lifeline': '{name}: TCP {tcp}, WebSocket {ws}',
  'pg.endpoint.client': '클라이언트',
  'pg.endpoint.server': '서버',

  'pg.note.message': '{what} 받음',
  'pg.note.messageFrames': '{what} 받음(프레임 {n}개)',
  'pg.note.binary': '바이너리 {n} B',
  'pg.note.ping': 'ping → pong',
  'pg.note.pong': 'pong 받음',
  'pg.note.closeFrame': 'close {code} 받음',
  'pg.note.closeFrameNoCode': 'close 받음',
  'pg.note.closed': '닫힘 {code}',
  'pg.note.error': '오류 §{section} → {answer}',
  'pg.note.errorFail': '오류 §{section}: 연결 실패',
} as const;
