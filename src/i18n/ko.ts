/**
 * 한국어 카탈로그. `Messages`를 만족해야 하므로 키가 하나라도 빠지면 타입 검사가 실패하고,
 * 아래 `placeholdersMatch`가 자리표시자(`{name}`)가 영어와 다른 키를 이름으로 알려 줍니다.
 * 한국어에는 복수형이 없으므로 `.one`과 `.other`에 같은 문장을 씁니다.
 */
import type { en, Messages, MessageKey } from './en.ts';
import type { ParamsIn } from './index.ts';

import { compareKo } from './compare.ko.ts';
import { consoleKo } from './console.ko.ts';
import { copyKo } from './copy.ko.ts';
import { editorKo } from './editor.ko.ts';
import { embedKo } from './embed.ko.ts';
import { homeKo } from './home.ko.ts';
import { inspectorKo } from './inspector.ko.ts';
import { lessonsKo } from './lessons.ko.ts';
import { pcapKo } from './pcap.ko.ts';
import { playgroundKo } from './playground.ko.ts';

export const ko = {
  ...playgroundKo,
  ...pcapKo,
  ...inspectorKo,
  ...consoleKo,
  ...copyKo,
  ...lessonsKo,
  ...compareKo,
  ...editorKo,
  ...embedKo,
  ...homeKo,
  'app.title': 'ws101 — 바이트로 배우는 WebSocket',
  'app.skip': '본문으로 건너뛰기',
  'app.tagline': '바이트로 배우는 WebSocket',
  'nav.label': '주 메뉴',
  'nav.playground': '플레이그라운드',
  'nav.lessons': '레슨',
  'nav.compare': '왜 WebSocket인가',
  'nav.frame': '프레임 디코더',
  'lang.label': '언어',
  'footer.local':
    '모든 처리는 브라우저 안에서만 이루어집니다. 입력한 내용은 이 페이지 밖으로 나가지 않습니다.',
  'footer.rfc': 'RFC 6455 읽기',

  'route.unknown': '“{path}” 페이지가 없어서 첫 화면을 보여 드립니다.',
  'route.badEncoding':
    '링크의 hex 값에 잘못된 %-이스케이프(예: %ZZ)가 있어 제대로 읽지 못했습니다. 받은 그대로 아래 입력란에 넣었습니다.',
  'route.badDir':
    '링크에 적힌 방향 “{value}”는 없는 값입니다. dir=c2s(클라이언트 → 서버)나 dir=s2c(서버 → 클라이언트)를 쓰세요. 지금은 클라이언트 → 서버로 보여 드립니다.',

  'dec.title': '프레임 디코더',
  'dec.intro':
    'WebSocket 프레임의 바이트를 16진수로 붙여 넣으세요. 받는 쪽 엔드포인트가 읽는 방식 그대로 필드를 하나씩 해석하고, 어떤 규칙을 적용하는지, 무엇을 돌려보내는지 보여 줍니다.',
  'dec.input.label': '바이트(16진수)',
  'dec.input.placeholder': '예: 81 05 48 65 6c 6c 6f',
  'dec.input.hint': '공백, 쉼표, 콜론, 0x, # 주석은 무시합니다. 최대 {limit}바이트까지 해석합니다.',
  'dec.dir.legend': '이 바이트는 누가 보냈나요?',
  'dec.dir.c2s': '클라이언트 → 서버',
  'dec.dir.c2s.note': '서버가 읽습니다. 클라이언트는 모든 프레임을 반드시 마스킹해야 합니다(§5.3).',
  'dec.dir.s2c': '서버 → 클라이언트',
  'dec.dir.s2c.note': '클라이언트가 읽습니다. 서버는 프레임을 마스킹하면 안 됩니다.',
  'dec.examples': 'RFC 6455 §5.7의 예제',
  'dec.examples.broken': '일부러 망가뜨린 예제',
  'dec.otherWay': '반대 방향이었다면 문제없는 바이트입니다.',
  'dec.decodeAs.s2c': '서버 → 클라이언트로 읽기',
  'dec.decodeAs.c2s': '클라이언트 → 서버로 읽기',
  'dec.share.cut':
    '주소창의 링크에는 앞의 {n}바이트(16진수 4 KiB)만 담깁니다. 나머지는 URL에 들어가지 않습니다.',

  'ex.hello': '“Hello”, 마스킹 없음',
  'ex.helloMasked': '“Hello”, 마스킹됨',
  'ex.fragmented': '“Hel” + “lo”, 조각난 메시지',
  'ex.ping': 'ping “Hello”',
  'ex.binary256': '256바이트 바이너리(헤더만)',
  'ex.close1000': 'close 1000',
  'ex.pingTooLong': '길이가 126인 ping',
  'ex.unmaskedClient': '마스킹하지 않은 클라이언트 프레임',
  'ex.reservedOpcode': '예약된 옵코드 0x3',
  'ex.badUtf8': 'UTF-8이 아닌 텍스트',

  'in.empty': '아직 바이트가 없습니다. 16진수를 입력하거나 붙여 넣고, 아니면 예제를 골라 보세요.',
  'in.notHex':
    '16진수가 아닌 문자가 있습니다: {pos}번째 글자(줄 {line}, 열 {col})의 {char}. 바이트는 0–9와 a–f로만 씁니다.',
  'in.oddDigits':
    '16진수 숫자가 홀수 개입니다: {pos}번째 글자(줄 {line}, 열 {col})의 {char}에 짝이 없습니다. 바이트 하나는 16진수 두 자리입니다.',
  'in.select': '입력란에서 선택',
  'in.before.one': '아래는 문제가 생기기 전까지의 {n}바이트를 해석한 결과입니다.',
  'in.before.other': '아래는 문제가 생기기 전까지의 {n}바이트를 해석한 결과입니다.',

  'lim.decode':
    '입력이 깁니다: 전체 {total}바이트 중 앞의 {limit}바이트만 보여 줍니다. 나머지는 해석하지 않습니다.',
  'lim.hex':
    '16진수 보기에는 전체 {total}바이트 중 앞의 {shown}바이트만 그립니다. 전부 그리면 너무 느려집니다.',
  'lim.cards':
    '필드 표는 앞의 프레임 {shown}개만 보여 줍니다. 나머지 프레임 {hidden}개도 해석했지만 표시하지 않았습니다.',

  'v.label.empty': '대기 중',
  'v.label.input': '바이트로 읽을 수 없음',
  'v.label.invalid': '프로토콜 오류',
  'v.label.incomplete': '미완성',
  'v.label.open': '지금까지는 올바름',
  'v.label.valid': '올바름',
  'v.valid': '{frames} → {outcomes}.',
  'v.validBare': '{frames}.',
  'v.open':
    '{frames}를 받았지만 메시지가 아직 끝나지 않았습니다(FIN = 0). {receiver}는 연속 프레임을 기다립니다.',
  'v.needPayload.one': '페이로드 {n}바이트를 더 기다리는 중입니다(전체 {total}바이트 중 {have}바이트 도착).',
  'v.needPayload.other':
    '페이로드 {n}바이트를 더 기다리는 중입니다(전체 {total}바이트 중 {have}바이트 도착).',
  'v.needHeader.one': '프레임 헤더를 마저 읽으려면 적어도 {n}바이트가 더 필요합니다.',
  'v.needHeader.other': '프레임 헤더를 마저 읽으려면 적어도 {n}바이트가 더 필요합니다.',

  'out.text': '텍스트 메시지 {preview}',
  'out.binary': '{bytes} 바이너리 메시지',
  'out.ping': 'ping, pong으로 응답',
  'out.pong': 'pong',
  'out.close': 'close 프레임 {code}, close 프레임으로 응답',
  'out.closeNoCode': '코드 없는 close 프레임, close 프레임으로 응답',
  'out.ignored.one': 'close 프레임 뒤의 프레임 {n}개 무시',
  'out.ignored.other': 'close 프레임 뒤의 프레임 {n}개 무시',
  'count.messages.one': '메시지 {n}개',
  'count.messages.other': '메시지 {n}개',
  'count.pings.one': 'ping {n}개',
  'count.pings.other': 'ping {n}개',
  'count.pongs.one': 'pong {n}개',
  'count.pongs.other': 'pong {n}개',
  'count.closes.one': 'close 프레임 {n}개',
  'count.closes.other': 'close 프레임 {n}개',
  'list.sep': ', ',
  'unit.bytes.one': '{n}바이트',
  'unit.bytes.other': '{n}바이트',
  'unit.frames.one': '프레임 {n}개',
  'unit.frames.other': '프레임 {n}개',
  'role.server': '서버',
  'role.client': '클라이언트',

  'sum.text': '텍스트 프레임, {bytes}',
  'sum.textFirst': '텍스트 프레임, 첫 조각(FIN = 0), {bytes}',
  'sum.binary': '바이너리 프레임, {bytes}',
  'sum.binaryFirst': '바이너리 프레임, 첫 조각(FIN = 0), {bytes}',
  'sum.cont': '연속 프레임, 뒤에 조각이 더 옴(FIN = 0), {bytes}',
  'sum.contLast': '연속 프레임, 마지막 조각, {bytes}',
  'sum.ping': 'ping 프레임, {bytes}',
  'sum.pong': 'pong 프레임, {bytes}',
  'sum.close': 'close 프레임: {code}',
  'sum.closeReason': 'close 프레임: {code}, 사유 {reason}',
  'sum.closeEmpty': '상태 코드가 없는 close 프레임',
  'sum.closeBad': '본문 형식이 잘못된 close 프레임',
  'sum.reserved': '예약된 옵코드 {opcode}를 쓴 프레임',

  'card.frame': '프레임 {n}',
  'card.partial': '프레임 {n}(미완성)',
  'card.rejected': '프레임 {n}(거부됨)',
  'card.unread': '읽지 않은 바이트',
  'card.byteAt': '입력의 {from}번 바이트',
  'card.bytesAt': '입력의 {from}–{to}번 바이트',
  'card.partialNote':
    '이 프레임의 나머지가 아직 도착하지 않았습니다. “잘림” 표시가 붙은 필드는 바이트가 모자랍니다.',
  'card.rejectedNote':
    '수신 측이 이 프레임을 읽다가 거부했습니다. 아래 필드는 바이트에 적힌 값을 그대로 보여 줍니다.',
  'card.unreadNote.one':
    '연결을 실패 처리한 수신 측은 더 이상 읽지 않습니다(§7.1.7). 이 {n}바이트는 끝내 읽히지 않습니다.',
  'card.unreadNote.other':
    '연결을 실패 처리한 수신 측은 더 이상 읽지 않습니다(§7.1.7). 이 {n}바이트는 끝내 읽히지 않습니다.',
  'card.ignored': '무시됨: close 프레임 뒤에는 아무것도 올 수 없으므로(§5.5.1) 수신 측이 버립니다.',
  'card.hexTitle': '바이트',
  'card.fieldsTitle': '필드',
  'card.hexMore': '… 그리지 않은 {bytes}가 더 있습니다.',
  'card.hexNone': '그리지 않음: 위의 프레임들이 16진수 보기 한도를 다 썼습니다.',
  'card.errLegend': '빨간 물결 밑줄: 오류가 가리키는 바이트',
  'tbl.field': '필드',
  'tbl.where': '위치',
  'tbl.value': '값',
  'tbl.meaning': '의미',
  'span.bit': '{byte}번 바이트, {bit}번 비트',
  'span.bits': '{byte}번 바이트, {from}–{to}번 비트',
  'span.byte': '{byte}번 바이트',
  'span.bytes': '{from}–{to}번 바이트',
  'span.none': '바이트 없음',
  'field.cut': '잘림',
  'seg.none': '어느 필드에도 속하지 않는 바이트',
  'seg.error': '오류 위치',

  'rx.title': '{receiver}가 하는 일',
  'rx.none': '아직 없음: 완성된 프레임이 하나도 도착하지 않았습니다.',
  'rx.more': '… 외 {n}개.',
  'rx.replies': '{receiver}가 돌려보내는 프레임',
  'rx.decode': '이 응답 해석하기',
  'rx.zeroKey':
    '실제 클라이언트는 프레임마다 마스킹 키를 새로 무작위로 고릅니다. 여기서는 입력하는 동안 응답이 바뀌지 않도록 키를 00 00 00 00으로 고정했습니다.',
  'ev.text': '애플리케이션에 텍스트 메시지를 전달합니다: {preview}',
  'ev.textFrames': '프레임 {n}개를 이어 붙여 텍스트 메시지 하나로 전달합니다: {preview}',
  'ev.binary': '애플리케이션에 {bytes} 바이너리 메시지를 전달합니다',
  'ev.binaryFrames': '프레임 {n}개를 이어 붙여 {bytes} 바이너리 메시지 하나로 전달합니다',
  'ev.ping': '{bytes}짜리 ping을 받고, 같은 페이로드를 담은 pong으로 응답합니다(§5.5.2)',
  'ev.pong': '{bytes}짜리 pong을 받습니다. 응답할 필요는 없습니다(§5.5.3)',
  'ev.close': '코드가 {code}인 close 프레임을 받고 close 프레임으로 응답합니다(§5.5.1)',
  'ev.closeNoCode': '코드가 없는 close 프레임을 받고 close 프레임으로 응답합니다(§5.5.1)',
  'ev.error': '§{section} 위반을 발견하고 연결을 실패 처리합니다(§7.1.7)',
  'ev.closedClean': '연결이 정상적으로 닫혔습니다(종료 코드 {code})',
  'ev.closedUnclean': '연결이 비정상적으로 닫혔습니다(종료 코드 {code})',
  'ev.closeTransport': 'TCP 연결을 닫습니다',
} as const satisfies Messages;

/** Keys whose Korean text has other `{placeholders}` than the English one (never, if this compiles). */
type Mismatched = {
  [K in MessageKey]: [ParamsIn<(typeof ko)[K]>] extends [ParamsIn<(typeof en)[K]>]
    ? [ParamsIn<(typeof en)[K]>] extends [ParamsIn<(typeof ko)[K]>]
      ? never
      : K
    : K;
}[MessageKey];
export const placeholdersMatch: [Mismatched] extends [never] ? true : Mismatched = true;
