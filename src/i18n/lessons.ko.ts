/** lessons 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const lessonsKo = {
  'ls.doc.list': '강 목록 — ws101',
  'ls.doc.lesson': '{title} — ws101',

  'ls.list.title': '강 목록',
  'ls.list.intro':
    '평범한 HTTP 요청 하나에서 시작해 WebSocket이 깔끔하게 닫히는 순간까지, 모두 {n}강으로 배웁니다. 각 강은 실제 프로토콜 엔진이 채점하는 연습 문제로 끝납니다.',
  'ls.list.overall': '진행 상황',
  'ls.list.start': '1강 ‘{title}’부터 시작하기',
  'ls.list.continue': '{n}강 ‘{title}’ 이어서 하기',
  'ls.list.allDone': '모든 연습 문제를 풀었습니다. 수고하셨습니다.',
  'ls.list.number': '{n}강',
  'ls.list.complete': '완료',

  'ls.progress.one': '연습 문제 {n}개 중 {done}개 완료',
  'ls.progress.other': '연습 문제 {n}개 중 {done}개 완료',

  'ls.lesson.eyebrow': '전체 {total}강 중 {n}강',
  'ls.lesson.goals': '학습 목표',
  'ls.lesson.back': '강 목록',
  'ls.lesson.nav': '이전 강과 다음 강',
  'ls.lesson.prev': '이전',
  'ls.lesson.next': '다음',
  'ls.lesson.loading': '이번 강을 불러오는 중입니다…',
  'ls.lesson.missing.title': '없는 강입니다',
  'ls.lesson.missing.text': '“{slug}”라는 강은 없습니다. 오래된 링크이거나 주소를 잘못 입력했을 수 있습니다.',
  'ls.lesson.missing.link': '강 목록 보기',
  'ls.lesson.failed': '이번 강을 불러오지 못했습니다. 연결 상태를 확인한 뒤 다시 시도해 주세요.',
  'ls.retry': '다시 시도',

  'ls.notice.reset': '저장된 진행 상황을 읽을 수 없어서 초기화했습니다.',
  'ls.notice.memory': '이 브라우저에서는 진행 상황을 저장할 수 없습니다. 페이지를 닫기 전까지만 유지됩니다.',
  'ls.notice.dismiss': '닫기',

  'ls.ex.heading': '연습 문제 {n}',
  'ls.ex.link': '연습 문제 {n} 링크',
  'ls.ex.linkShort': '링크',
  'ls.step.unknown':
    '이 링크는 “{step}” 단계를 가리키지만 이 강에는 그런 단계가 없습니다(이름이 바뀌었을 수 있습니다). 처음부터 보여 드립니다.',
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
  'ls.w.failed': '이 부분을 불러오지 못했습니다.',
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
  'ls.http.refused': '거부합니다(HTTP {status}).',
  'ls.http.refusedAt': 'RFC 6455 §{section}의 규칙에 따라 거부합니다(HTTP {status}).',
  'ls.http.why': '어떤 규칙을 어겼는지는 채점하기를 누르거나 힌트를 열면 보입니다.',
  'ls.http.bodyHidden': '[어긴 규칙을 적은 본문 {n}바이트: 채점하기를 누르거나 힌트를 열면 보입니다]',
  // 연습 문제 피드백(lessons/check.ts, CheckTexts). {verdict}는 어긴 규칙에 대한 엔진의 문장입니다.
  'ls.check.withVerdict': '{sentence} {verdict}',
  'ls.check.pick': '보기를 고르세요.',
  // 상태 문구 'ls.ex.wrong'(“아직 아닙니다.”) 뒤에 붙습니다. 같은 말을 되풀이하지 않습니다.
  'ls.check.notQuiteAll': '정답이 여럿이며 모두 골라야 합니다.',
  'ls.check.notQuite': '다시 해 보거나 힌트를 열어 보세요.',
  'ls.check.text': '기대한 답과 다릅니다.',
  'ls.check.notNumber': '숫자를 입력하세요.',
  'ls.check.unit':
    '이 문제는 “{unit}” 단위로 답하지 않습니다. 숫자만 쓰거나 다음 중 하나를 붙여 쓰세요: {units}.',
  'ls.check.wrongNumber': '{value}: 기대한 답과 다릅니다.',
  'ls.check.notHex': '“{char}”는 16진수 숫자가 아닙니다.',
  'ls.check.oddHex': '16진수 자릿수가 홀수입니다. 한 바이트는 두 자리입니다.',
  'ls.check.shouldReject': '수신 측이 “{rule}” 규칙 위반으로 거부해야 합니다.',
  'ls.check.rejects': '수신 측이 이 바이트를 거부합니다:',
  'ls.check.incomplete': '프레임이 덜 왔습니다. 수신 측은 {n}바이트를 더 기다립니다.',
  'ls.check.noBytes': '해석할 바이트가 없습니다.',
  'ls.check.closeCode': '상태 코드는 {want}여야 하는데 {got}입니다.',
  'ls.check.closeCodeNone': '상태 코드는 {want}여야 하는데 없습니다.',
  // 프레임 문제에서 처음 틀렸을 때: 무엇이 틀렸는지만 말하고 기대한 값은 말하지 않습니다(check.ts reasonShown).
  'ls.check.closeCodeBrief': '상태 코드가 문제에서 요구하는 값이 아닙니다.',
  'ls.check.frames': '완성된 프레임이 {want}개여야 하는데 {got}개입니다.',
  'ls.check.framesBrief': '수신 측이 찾은 완성된 프레임은 {got}개로, 문제에서 요구하는 개수가 아닙니다.',
  'ls.check.messages': '메시지가 {want}개여야 하는데 {got}개입니다.',
  'ls.check.messagesBrief': '수신 측이 받은 메시지는 {got}개로, 문제에서 요구하는 개수가 아닙니다.',
  'ls.check.dataFrames':
    '데이터 프레임(텍스트, 바이너리, 연속 프레임)이 {want}개여야 하는데 {got}개입니다. 제어 프레임 {control}개는 세지 않습니다. 조각 사이에 끼어든 ping이나 pong은 메시지의 조각이 아닙니다(RFC 6455 §5.4).',
  'ls.check.dataFramesBrief':
    '수신 측이 찾은 데이터 프레임은 {got}개, 제어 프레임은 {control}개입니다. 제어 프레임은 메시지의 조각이 아니며(RFC 6455 §5.4), 데이터 프레임 수가 문제에서 요구하는 개수가 아닙니다.',
  'ls.check.maskKey': '마스킹 키는 {want}여야 하는데 {got}입니다.',
  'ls.check.maskKeyBrief': '마스킹 키가 문제에서 준 키가 아닙니다.',
  'ls.check.maskKeyZero':
    '마스킹 키가 00 00 00 00입니다. 0과 XOR하면 모든 바이트가 그대로이므로 아무것도 마스킹되지 않았습니다. 길이 뒤에 키 {want}를 넣고 페이로드의 각 바이트를 그 키로 XOR하세요(RFC 6455 §5.3).',
  'ls.check.payload': '마지막 프레임의 페이로드(마스킹을 푼 값)는 {want}여야 하는데 {got}입니다.',
  'ls.check.payloadBrief': '프레임은 올바르지만 페이로드가 문제에서 요구하는 값이 아닙니다.',
  'ls.check.payloadEmpty':
    '마지막 프레임에 페이로드가 없습니다. 수신 측은 받아들이지만, 문제는 페이로드 {want}를 요구합니다.',
  'ls.check.headerGone':
    '요청에 {name} 필드가 없어졌습니다. 필드를 지우지 말고 값을 바꾸세요. 필수 필드가 빠진 요청은 형식이 잘못된 요청이며(RFC 6455 §4.2.1), 이 문제가 묻는 것이 아닙니다.',
  'ls.check.noFrame': '완성된 프레임이 없습니다.',
  'ls.check.prop': '{prop} 값은 {want}여야 하는데 {got}입니다.',
  'ls.check.propBrief': '{prop} 값이 문제에서 요구하는 값이 아닙니다.',
  'ls.check.prop.opcode': 'opcode',
  'ls.check.prop.fin': 'FIN',
  'ls.check.prop.masked': 'MASK',
  'ls.check.prop.length': '페이로드 길이',
  'ls.check.prop.lengthForm': '길이 형식(비트)',
  'ls.check.noText': '텍스트 메시지 “{text}”가 수신되지 않았습니다.',
  'ls.check.noBinary': '바이너리 메시지 {hex}가 수신되지 않았습니다.',
  'ls.check.malformed': '요청 형식이 잘못됐습니다: {detail}.',
  'ls.check.status': '서버는 {want} 응답을 보내야 하는데 {got} 응답을 보냅니다.',
  'ls.check.codec':
    '이 문제를 채점할 DEFLATE 코덱을 불러오지 못했습니다. 연결을 확인하고 다시 채점하기를 누르세요.',
  'ls.check.notCompressed':
    '수신 측이 그 텍스트를 읽기는 하지만 메시지가 압축되어 있지 않습니다. 첫 프레임의 RSV1이 0입니다(RFC 7692 §6).',
  'ls.check.protocol': '서버는 서브프로토콜 {want}를 골라야 하는데 {got}를 고릅니다.',
  'ls.check.protocolNone': '서버는 서브프로토콜 {want}를 골라야 하는데 101 응답에 서브프로토콜이 없습니다.',
  'ls.check.protocolBrief': '101 응답의 Sec-WebSocket-Protocol이 문제에서 요구하는 서브프로토콜이 아닙니다.',
  'ls.check.noDeflate':
    '서버가 permessage-deflate 없이 101로 답합니다. 응답에 Sec-WebSocket-Extensions가 없습니다.',
  'ls.check.deflateParamBrief':
    '서버가 permessage-deflate를 받아들이기는 하지만 문제에서 요구하는 매개변수로는 아닙니다.',
  'ls.check.deflateParam': '서버가 permessage-deflate를 받아들이기는 하지만 {param}는 빠져 있습니다.',

  // 15강: 시뮬레이터가 판정하는 하트비트 간격(lessons/check.ts, sim/keepalive.ts).
  'ls.check.keepaliveDied':
    '시뮬레이터가 {every} ms마다 ping을 보냈습니다. 로드 밸런서는 {idle} ms 동안 조용하자 연결을 잊었고, 클라이언트는 t = {at} ms에 1006을 보았습니다.',
  'ls.check.keepaliveRange': '간격을 {min}부터 {max}까지의 정수 밀리초로 주세요.',
  'ls.check.noSimulator':
    '이 답을 판정할 시뮬레이터를 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 해 보세요.',
} as const;
