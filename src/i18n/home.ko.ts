/** 첫 화면의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const homeKo = {
  'home.doc': 'ws101 — 바이트로 배우는 WebSocket',
  'home.title': '바이트로 배우는 WebSocket',
  'home.lead':
    'HTTP는 요청 하나에 응답 하나로 답합니다. WebSocket은 그런 요청 하나로 시작해 Upgrade를 청하고, 101 Switching Protocols를 받은 뒤, 같은 TCP 연결을 프레임이 양방향으로 오가는 통로로 바꿉니다. 여기서는 실제 바이트를 보고 고칠 수 있습니다. 완전한 RFC 6455 클라이언트와 서버가 이 페이지 안에서 돌아갑니다.',
  'home.start': '1강부터 시작하기',
  'home.continue': '{n}강 ‘{title}’ 이어서 하기',
  'home.review': '처음부터 복습하기',
  'home.openPlayground': '플레이그라운드 열기',
  'home.story.title': '연결 하나, SYN부터 FIN까지',
  'home.story.caption':
    '방금 브라우저 안의 엔진이 계산한 결과입니다. TCP가 연결되고, 클라이언트가 업그레이드를 요청하고, 서버가 101로 답하고, 텍스트 메시지가 메아리쳐 돌아오고, ping에 pong이 오고, 닫기 핸드셰이크가 WebSocket을 끝낸 뒤 TCP의 FIN과 ACK가 연결을 끝냅니다.',
  'home.story.client': '클라이언트',
  'home.story.server': '서버',
  'home.story.pause': '일시 정지',
  'home.story.play': '재생',
  'home.story.replay': '다시 재생',
  'home.story.open': '플레이그라운드에서 열기',
  'home.story.toServer': '클라이언트에서 서버로',
  'home.story.toClient': '서버에서 클라이언트로',
  'home.story.bytes.one': '{n}바이트',
  'home.story.bytes.other': '{n}바이트',
  'home.story.loading': '엔진을 돌리는 중…',
  'home.story.failed': '이야기를 계산하지 못했습니다: {reason}',
  'home.legend.tcp': 'TCP',
  'home.legend.http': 'HTTP',
  'home.legend.ws': 'WebSocket',
  'home.ways.title': '네 가지 입구',
  'home.ways.playground.title': '플레이그라운드',
  'home.ways.playground.text':
    '콘솔에서 연결하고, 보내고, ping하고, 닫아 보세요. 모든 세그먼트와 헤더와 프레임이 한 단계씩 넘겨 볼 수 있는 시퀀스 다이어그램에 나타납니다.',
  'home.ways.frame.title': '프레임 디코더',
  'home.ways.frame.text':
    '프레임 바이트를 붙여 넣으면 FIN, RSV, opcode, 마스크, 길이, 페이로드가 보입니다. 규칙을 어겼다면 어느 규칙인지 정확히 알려 줍니다.',
  'home.ways.compare.title': '왜 WebSocket인가',
  'home.ways.compare.text':
    '폴링, 롱 폴링, 스트리밍, Server-Sent Events, WebSocket이 같은 이벤트를 나란히 전달합니다. 각각이 치르는 비용을 세어 보세요.',
  'home.ways.build.title': '서버 만들기',
  'home.ways.build.text':
    '페이지 안에서 나만의 WebSocket 서버를 작성해 보세요. ws101이 적합성 테스트처럼 단계별로 채점하고, 서버가 보내는 바이트를 모두 그려 줍니다.',
  'home.course.title': '전체 과정',
  'home.course.intro':
    'HTTP의 요청과 응답에서 WebSocket 닫기까지 12강으로 이어지며, 강마다 엔진이 채점하는 연습 문제가 있습니다. 진도는 이 브라우저에 저장됩니다.',
  'home.course.all': '강 목록 보기',
} as const;
