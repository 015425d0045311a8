/**
 * 빌드 페이지(#/build)의 한국어 문자열. 페이지와 함께 받는 카탈로그 조각 `build`(build-page.ko.ts)에
 * 들어가며, 그 파일이 영어판의 키와 자리표시자를 모두 갖췄는지 검사합니다.
 */
export const buildUiKo = {
  'bui.doc': '서버 만들기 — ws101',
  'bui.title': '나만의 WebSocket 서버 만들기',
  'bui.intro':
    'Node에서 하듯이 JavaScript로 WebSocket 서버를 작성해 보세요. ws101이 이 페이지 안의 샌드박스에서 그 서버를 돌리고, 시뮬레이션 네트워크 너머의 자체 클라이언트로 핸드셰이크부터 프로토콜 오류까지 {count}단계로 채점합니다. 내 코드가 보내는 바이트는 모두 시퀀스 다이어그램에 그려집니다.',
  'bui.lessonLead': '먼저 필요한 조각을 정리해 둔 강:',
  'bui.lessonLink': '{n}강: {title}',

  'bui.toolbar': '내 파일',
  'bui.run': '테스트 실행',
  'bui.stop': '중지',
  'bui.share': '링크 복사',
  'bui.download': 'my-server.js 내려받기',
  'bui.reset': '시작 파일로 되돌리기',
  'bui.reset.ask':
    '내 파일을 시작 파일로 바꿀까요? 이 페이지를 떠나기 전까지는 되돌리기로 내 파일을 다시 살릴 수 있습니다.',
  'bui.reset.yes': '네, 되돌립니다',
  'bui.reset.no': '취소',
  'bui.reset.done': '시작 파일로 돌아왔습니다.',
  'bui.undo': '되돌리기',
  'bui.undone': '내 파일이 돌아왔습니다.',
  'bui.dismiss': '닫기',

  'bui.editor.label': '내 서버 (JavaScript)',
  'bui.editor.loading': '편집기와 JavaScript 검사기를 불러오는 중…',
  'bui.editor.failed': '편집기를 불러오지 못했습니다({reason}).',
  'bui.editor.retry': '다시 시도',
  'bui.editor.keys':
    'Ctrl+Enter(Mac은 ⌘+Enter)로 테스트를 실행합니다. Tab 키는 들여쓰기입니다. 키보드로 편집기를 벗어나려면 Ctrl+M(Mac은 Ctrl+Shift+M)을 누른 뒤 Tab을 누르세요.',
  'bui.saved': '입력하는 대로 이 브라우저에 저장됩니다.',
  'bui.saved.memory':
    '이 브라우저가 파일 저장을 허용하지 않아, 파일은 페이지를 떠날 때까지만 남습니다. 간직하려면 내려받으세요.',
  'bui.saved.tooLarge':
    '파일이 {max} KB를 넘어서 더는 이 브라우저에 저장되지 않습니다. 간직하려면 내려받으세요.',
  'bui.stored.json': '이 브라우저에 저장된 파일이 손상되어(올바른 JSON이 아님) 시작 파일을 대신 열었습니다.',
  'bui.stored.shape': '이 브라우저에 저장된 값이 이 페이지가 쓴 파일이 아니어서 시작 파일을 대신 열었습니다.',
  'bui.stored.tooLarge':
    '이 브라우저에 저장된 파일이 이 페이지가 보관하는 크기({max} KB)를 넘어서 시작 파일을 대신 열었습니다.',

  'bui.link.ask': '이 링크에는 서버 파일({lines}줄)이 담겨 있습니다. 내 파일 대신 열까요?',
  'bui.link.open': '링크의 파일 열기',
  'bui.link.keep': '내 파일 유지',
  'bui.link.opened': '링크의 파일을 열었습니다. 아직 아무것도 실행하지 않았습니다.',
  'bui.link.tooLong':
    '이 링크의 코드는 {chars}자입니다. 링크에는 최대 {max}자까지만 담기므로 읽지 않았습니다. 내 파일은 그대로입니다.',
  'bui.link.base64':
    '이 링크의 코드가 깨져 있어(base64url에 없는 문자가 있음) 읽지 않았습니다. 내 파일은 그대로입니다.',
  'bui.link.deflate':
    '이 링크의 코드가 중간에 끊겼거나 손상되어 온전한 파일로 풀리지 않으므로 읽지 않았습니다. 링크가 잘리지 않았는지 확인하세요. 내 파일은 그대로입니다.',
  'bui.link.tooLarge':
    '이 링크의 코드를 풀면 {max} KB를 넘어, 이 페이지가 다루는 파일 크기보다 크므로 열지 않았습니다. 내 파일은 그대로입니다.',
  'bui.link.utf8': '이 링크의 코드가 UTF-8 텍스트가 아니어서 열지 않았습니다. 내 파일은 그대로입니다.',
  'bui.link.badStage': '“{slug}”라는 단계는 없습니다. 단계는 다음과 같습니다: {list}.',

  'bui.share.copied':
    '링크를 복사했습니다({chars}자). 링크를 연 사람은 이 파일을 받으며, 테스트 실행을 누르기 전에는 아무것도 실행되지 않습니다.',
  'bui.share.manual': '이 링크를 복사해 파일을 공유하세요:',
  'bui.share.field': '내 파일의 링크',
  'bui.share.tooLong':
    '파일이 너무 길어 링크에 담을 수 없습니다({chars}자, 링크에는 {max}자까지). 대신 내려받아 파일을 보내세요.',

  'bui.results': '결과',
  'bui.summary': '{total}단계 중 {passed}단계 통과',
  'bui.summary.idle': '아직 실행하지 않았습니다. 테스트 실행을 눌러 서버를 채점하세요.',
  'bui.summary.starting': '샌드박스를 준비하는 중…',
  'bui.summary.running': '{total}단계 중 {n}단계 실행 중: {title}…',
  'bui.stopped': '{n}단계에서 중지했습니다. 그 단계와 이후 단계는 끝까지 실행되지 않았습니다.',
  'bui.halted':
    '{n}단계에서 코드가 실행을 멈추게 해서(아래 참고) 그 뒤 단계는 실행하지 않았습니다. 같은 문제를 다시 만날 뿐이기 때문입니다.',
  'bui.stopped.all': '중지했습니다.',
  'bui.refused': '실행하지 않았습니다. {problem}. 편집기에 위치를 표시해 두었습니다.',
  'bui.graderFailed': 'ws101 자체의 오류로 테스트가 멈췄습니다(내 파일의 문제가 아닙니다): {message}',
  'bui.stale': '이 실행 뒤에 파일을 고쳤습니다. 고친 파일을 채점하려면 테스트를 다시 실행하세요.',
  'bui.goToLine': '{line}번째 줄로 가기',

  'bui.stages': '단계',
  'bui.stage.n': '{n}단계',
  'bui.status.pass': '통과',
  'bui.status.fail': '실패',
  'bui.status.crash': '멈춤',
  'bui.status.running': '실행 중…',
  'bui.status.waiting': '대기',
  'bui.status.idle': '실행 전',
  'bui.status.stopped': '실행 안 됨',
  'bui.locked': '{n}단계를 먼저 통과하세요.',
  'bui.rules': '규칙:',
  'bui.taught': '배우는 곳:',
  'bui.checks': '확인한 것',
  'bui.check.ok': '통과',
  'bui.check.no': '실패',
  'bui.hint': '힌트',
  'bui.bytes': '바이트 보기',
  'bui.bytes.shown': '아래에 표시 중',
  'bui.logs.one': '내 콘솔 출력({n}줄)',
  'bui.logs.other': '내 콘솔 출력({n}줄)',

  'bui.view.title': '{n}단계, {title}: 바이트',
  'bui.view.close': '다이어그램 닫기',
  'bui.view.spot':
    '서버가 잘못한 화살표에서 멈춰 있습니다. 그 화살표를 골라 두었으니 아래 인스펙터에서 바이트를 보세요.',
  'bui.view.spotByte':
    '서버가 잘못한 화살표에서 멈춰 있습니다. 그 화살표를 골라 두었고, 아래 인스펙터에는 처음으로 달라진 바이트 {byte}가 든 필드가 강조되어 있습니다.',
  'bui.view.noSpot':
    '이 단계가 멈출 때까지 주고받은 모든 것입니다. 무엇이 빠졌는지는 단계의 이유에 있습니다. 처음부터 보려면 재생(또는 Home 다음 →)을 누르세요.',
  'bui.view.all':
    '이 단계에서 주고받은 모든 것입니다. 처음부터 보려면 재생(또는 Home 다음 →)을 누르고, 화살표를 누르면 그 바이트를 볼 수 있습니다.',
  'bui.view.back': '{n}단계로 돌아가기',

  'bui.success.title': '{total}단계 모두 통과',
  'bui.success.text':
    '내 서버가 RFC 6455를 말합니다. 핸드셰이크, 프레이밍, 마스킹, 조각 메시지, 제어 프레임, 닫기, 프로토콜 오류까지 모두요. 같은 파일을 Node에서 돌리고(아래) 실제 브라우저로 접속해 보세요.',
  'bui.reference.show': '참고 답안 보기',
  'bui.reference.ask': '참고 답안은 완성된 서버 전체입니다. 읽으면 퍼즐이 끝납니다. 그래도 볼까요?',
  'bui.reference.giveUp': '포기할게요 — 보여 주세요',
  'bui.reference.keep': '더 해 볼게요',
  'bui.reference.title': '참고 답안',
  'bui.reference.note':
    '모든 단계를 통과하는 한 가지 방법입니다(읽기 전용). 내 답이 달라도 맞을 수 있습니다.',
  'bui.reference.label': '참고 답안 (읽기 전용)',
  'bui.reference.hide': '참고 답안 숨기기',
  'bui.reference.loading': '참고 답안을 불러오는 중…',

  'bui.node.title': 'Node에서 돌리기',
  'bui.node.intro':
    '같은 파일이 Node의 net 모듈에서 그대로 돌아가므로, 실제 브라우저나 어떤 WebSocket 클라이언트로도 접속할 수 있습니다.',
  'bui.node.step1': '내 파일 내려받기:',
  'bui.node.step2': 'ws101 저장소를 받은 폴더에서 실행하기:',
  'bui.node.step3': '그다음 시험용 페이지를 엽니다. 브라우저 자체의 WebSocket으로 서버와 주고받습니다:',
} as const;
