/** playground 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const playgroundKo = {
  'pg.title': '플레이그라운드',
  'pg.hint':
    '아직 아무 일도 일어나지 않았습니다. 콘솔에 {command}를 입력하면 TCP 연결을 열고 WebSocket 핸드셰이크를 시작합니다.',
  'pg.hint.run': 'connect 실행',
  'pg.playbackFailed':
    '시뮬레이터 오류로 재생이 멈췄습니다. 입력한 단계의 문제가 아니라 버그입니다(자세한 내용은 브라우저 콘솔에 있습니다): {reason}',
  'pg.run.refused': '링크의 {n}번째 단계 “{line}”는 건너뛰었습니다: {reason}',
  'pg.run.tooMany': '링크에 단계가 {total}개 있지만 처음 {max}개만 실행했습니다.',
  'pg.run.stepTooLong':
    '링크의 {n}번째 단계가 한 단계에 담을 수 있는 최대 크기인 {max}바이트(1 KiB)보다 길어서, 그 단계와 뒤의 단계들은 실행하지 않았습니다.',
  'pg.run.tooLong':
    '링크의 run= 값이 {chars}자입니다. 링크는 {max}자(1 KiB 단계 50개)까지만 읽으므로 그 뒤의 단계들은 실행하지 않았습니다.',
  'pg.budget.events':
    '시뮬레이션이 플레이그라운드의 작업 한도인 타임라인 이벤트 {max}개에서 멈췄습니다. 그때까지 일어난 일은 남아 있고, reset으로 처음부터 시작할 수 있습니다.',
  'pg.budget.atStep.one':
    '링크의 {step}번째 단계를 실행하다 멈췄습니다. 그 뒤의 단계 {n}개는 실행하지 않았습니다.',
  'pg.budget.atStep.other':
    '링크의 {step}번째 단계를 실행하다 멈췄습니다. 그 뒤의 단계 {n}개는 실행하지 않았습니다.',
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
  'pg.more': '표시할 계층과 내보내기',
  'pg.layers': '표시',
  'pg.layer.tcp': 'TCP 세그먼트',
  'pg.layer.http': 'HTTP 메시지',
  'pg.layer.ws': 'WebSocket 프레임',

  'pg.openFull': '플레이그라운드에서 열기',

  'pg.lessonHeld':
    '연결의 첫 화살표들이 보이도록 여기서 멈췄습니다. 재생을 누르면 여기서부터 이어지고, 한 단계(→)씩 다음 순간을 볼 수도 있습니다.',
  'pg.diagram': '시퀀스 다이어그램',
  'pg.diagram.keys':
    'Space로 재생하거나 멈추고, ←와 →로 한 단계씩 이동하며, Home과 End로 처음과 현재로 이동합니다. Tab으로 화살표에 들어가면 ↑와 ↓로 화살표 사이를 옮겨 다니며 인스펙터에서 볼 수 있습니다.',
  'pg.diagram.empty': '연결의 화살표가 여기에 나타납니다.',
  'pg.arrow': '{from} → {to}: {label}. {sent} ms에 보내 {arrive} ms에 도착합니다.',
  'pg.arrow.inFlight': '{from} → {to}: {label}. {sent} ms에 보냈고 아직 가는 중입니다.',
  'pg.arrow.segments': '세그먼트 {n}개',
  'pg.break': '{ms} ms 경과',
  'pg.lifeline': '{name}: TCP {tcp}, WebSocket {ws}',

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
  'pg.note.notSent': 'TCP {state}: {bytes}바이트를 보내지 못함(지금은 연결이 데이터를 실을 수 없음)',
  'pg.note.boxDrop':
    '미들박스: 세그먼트 없이 {ms} ms가 지나 로드 밸런서가 이 연결을 잊고 이후에 오는 것을 버림(아무에게도 알리지 않음: FIN도 RST도 없음)',
  'pg.note.boxReset':
    '미들박스: 세그먼트 없이 {ms} ms가 지나 로드 밸런서가 이 연결을 잊고 양쪽 끝에 RST를 보냄(RFC 9293 §3.10.7)',
  'pg.note.natForgot':
    'NAT: 세그먼트 없이 {ms} ms가 지나 매핑이 만료됨. 이제 서버의 세그먼트는 사라지고, 클라이언트의 세그먼트는 새 포트로 서버에 닿아 RST를 받음',
  'pg.note.pongMissed':
    '하트비트: {ms} ms 안에 pong이 오지 않음(RFC 6455 §5.5.2: ping에는 반드시 답해야 함). 클라이언트가 연결을 포기하고 TCP를 중단한 뒤 애플리케이션에 1006을 알림',
  'pg.note.bufferFull':
    'TCP 수신 버퍼가 가득 참: 애플리케이션이 읽지 않은 {bytes} B, 윈도 0(RFC 9293 §3.8.6)',
  'pg.note.windowZero': '상대 윈도 0: {bytes} B가 송신 큐에서 기다림(bufferedAmount)',

  // 서버 동작(sim/servers.ts, ServerTexts).
  'pg.server.echo': 'echo: 받은 메시지를 그대로 돌려보냄',
  'pg.server.chat': 'chat: alice와 bob도 접속해 있고, 누가 보낸 메시지든 모두에게 전달됨',
  'pg.server.ticker': 'ticker: 요청하지 않아도 1초마다 메시지를 보냄 — HTTP만으로는 할 수 없는 일',
  'pg.server.reject':
    'reject: 깐깐한 핸드셰이크 — Origin은 {origin}만, 서브프로토콜을 제안하면 {protocol}만 허용(connect --origin, --protocol, --version 8, --key bad 로 시험해 보세요)',
  'pg.server.bank':
    'bank: {origin}에 로그인한 상태입니다. 핸드셰이크에 세션 쿠키가 실린 소켓이면 누구에게나 연결되자마자 계좌 정보를 보냅니다(connect --origin https://evil.example 을 해 본 뒤 server origins 또는 server samesite 로 막아 보세요)',
} as const;
