/** lessons 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const lessonsKo = {
  'ls.doc.list': '레슨 — ws101',
  'ls.doc.lesson': '{title} — ws101 레슨',

  'ls.list.title': '레슨',
  'ls.list.intro':
    '평범한 HTTP 요청 하나에서 시작해 WebSocket이 깔끔하게 닫히는 순간까지, 짧은 레슨 {n}개로 배웁니다. 레슨마다 실제 프로토콜 엔진이 채점하는 연습 문제가 있습니다.',
  'ls.list.overall': '진행 상황',
  'ls.list.start': '1강부터 시작하기: {title}',
  'ls.list.continue': '{n}강 이어서 하기: {title}',
  'ls.list.allDone': '모든 연습 문제를 풀었습니다. 수고하셨습니다.',
  'ls.list.number': '{n}강',
  'ls.list.complete': '완료',

  'ls.progress.one': '연습 문제 {n}개 중 {done}개 완료',
  'ls.progress.other': '연습 문제 {n}개 중 {done}개 완료',

  'ls.lesson.eyebrow': '전체 {total}강 중 {n}강',
  'ls.lesson.goals': '학습 목표',
  'ls.lesson.back': '레슨 목록',
  'ls.lesson.nav': '레슨 이동',
  'ls.lesson.prev': '이전',
  'ls.lesson.next': '다음',
  'ls.lesson.loading': '레슨을 불러오는 중입니다…',
  'ls.lesson.missing.title': '없는 레슨입니다',
  'ls.lesson.missing.text':
    '“{slug}”라는 레슨은 없습니다. 오래된 링크이거나 주소를 잘못 입력했을 수 있습니다.',
  'ls.lesson.missing.link': '레슨 목록 보기',
  'ls.lesson.failed': '레슨을 불러오지 못했습니다. 연결 상태를 확인한 뒤 다시 시도해 주세요.',
  'ls.retry': '다시 시도',

  'ls.notice.reset': '저장된 진행 상황을 읽을 수 없어서 초기화했습니다.',
  'ls.notice.memory': '이 브라우저에서는 진행 상황을 저장할 수 없습니다. 페이지를 닫기 전까지만 유지됩니다.',
  'ls.notice.dismiss': '닫기',

  'ls.ex.heading': '연습 문제 {n}',
  'ls.ex.link': '연습 문제 {n} 링크',
  'ls.ex.linkShort': '링크',
  'ls.step.unknown':
    '이 링크는 “{step}” 단계를 가리키지만 이 강의에는 그런 단계가 없습니다(이름이 바뀌었을 수 있습니다). 처음부터 보여 드립니다.',
  'ls.step.bad':
    '링크의 단계 “{step}”는 연습 문제 이름이 아닙니다(영문 소문자, 숫자, 하이픈만 씁니다). 처음부터 보여 드립니다.',
  'ls.ex.done': '완료',
  'ls.ex.pickOne': '답을 하나 고르세요.',
  'ls.ex.pickMany': '맞는 답을 모두 고르세요.',
  'ls.ex.answer': '답',
  'ls.ex.frame': '프레임(16진수)',
  'ls.ex.request': '요청',
  'ls.ex.check': '채점하기',
  'ls.ex.hint': '힌트',
  'ls.ex.hintNext': '다음 힌트',
  'ls.ex.hintsLeft.one': '{n}개 남음',
  'ls.ex.hintsLeft.other': '{n}개 남음',
  'ls.ex.noMoreHints': '힌트를 모두 봤습니다',
  'ls.ex.hints': '힌트',
  'ls.ex.solution': '정답 보기',
  'ls.ex.filled': '정답을 채워 두었습니다. 읽어 본 뒤 채점하기를 눌러 왜 맞는지 확인하세요.',
  'ls.ex.correct': '정답입니다.',
  'ls.ex.wrong': '아직 아닙니다.',

  'ls.w.loading': '불러오는 중…',
  'ls.w.failed': '레슨의 이 부분을 불러오지 못했습니다.',
  'ls.w.playground': '플레이그라운드',
  'ls.w.race.title': '전송 방식 경주',
  'ls.w.unsupported': '이 버전에서는 “{name}” 위젯을 쓸 수 없습니다.',

  'ls.fw.label': '프레임 바이트(16진수)',
  'ls.fw.c2s': '클라이언트 → 서버: 서버가 이 바이트를 읽습니다.',
  'ls.fw.s2c': '서버 → 클라이언트: 클라이언트가 이 바이트를 읽습니다.',

  'ls.http.label': '핸드셰이크 요청(HTTP/1.1)',
  'ls.http.note': '한 줄에 헤더 하나씩 씁니다. 줄 끝의 CRLF와 요청을 끝내는 빈 줄은 자동으로 붙습니다.',
  'ls.http.response': '서버가 보내는 응답',
  'ls.http.accepted': '수락: 서버가 101로 답하고 연결이 WebSocket으로 바뀝니다.',
  'ls.http.refused': 'HTTP {status}로 거부합니다.',
  'ls.http.computing': 'Sec-WebSocket-Accept를 계산하는 중…',
} as const;
