/** 프레임 편집기의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
import type { editorEn } from './editor.en.ts';

export const editorKo = {
  'ed.label': '프레임 바이트(hex)',
  'ed.hint':
    '바이트를 hex로 입력합니다. 공백, 줄바꿈, 0x, # 주석은 무시합니다. 왼쪽 숫자는 바이트 위치(오프셋)입니다.',
  'ed.hint.hover.beside': '바이트에 마우스를 올리거나 옆의 필드 목록을 보세요.',
  'ed.hint.hover.below': '바이트에 마우스를 올리거나 아래의 필드 목록을 보세요.',
  'ed.hint.tap.beside':
    '바이트를 누르면 옆의 필드 목록에서 그 필드가 강조됩니다. 목록에서는 hex를 입력하지 않고도 값을 바꿀 수 있습니다.',
  'ed.hint.tap.below':
    '바이트를 누르면 아래 필드 목록에서 그 필드가 강조됩니다. 목록에서는 hex를 입력하지 않고도 값을 바꿀 수 있습니다.',
  'ed.loading': '편집기를 불러오는 중입니다…',
  'ed.loadFailed': '편집기를 불러오지 못해 바이트를 일반 텍스트로 보여 줍니다. ({reason})',
  'ed.retry': '다시 시도',
  'ed.keys': 'Tab 키로 편집기를 벗어납니다. F1 키를 누르면 편집기 명령 목록이 나옵니다.',

  'ed.dir.legend': '이 바이트는 누가 보내나요?',
  'ed.dir.c2s': '클라이언트 → 서버',
  'ed.dir.c2s.note': '서버가 읽습니다. 클라이언트는 보내는 모든 프레임을 반드시 마스킹해야 합니다(§5.1).',
  'ed.dir.s2c': '서버 → 클라이언트',
  'ed.dir.s2c.note': '클라이언트가 읽습니다. 서버는 프레임을 마스킹하면 안 됩니다(§5.1).',

  'ed.status.valid': '올바름',
  'ed.status.acceptedBy': '{receiver}가 받아들임',
  'ed.status.invalid': '거부됨',
  'ed.status.incomplete': '미완성',
  'ed.status.input': 'hex 아님',
  'ed.status.empty': '비어 있음',
  'ed.receiver.c2s': '서버',
  'ed.receiver.s2c': '클라이언트',
  'ed.st.empty': '아직 바이트가 없습니다. 예를 들어 81 05 48 65 6c 6c 6f처럼 프레임을 입력해 보세요.',
  'ed.st.valid.one': '{summary}. {Receiver}는 이 프레임을 받아들입니다.',
  'ed.st.valid.other': '프레임 {n}개. {Receiver}는 모두 받아들입니다.',
  'ed.st.decoded.one': '{summary}.',
  'ed.st.decoded.other': '프레임 {n}개.',
  'ed.st.notGraded':
    '수신 측이 이 바이트를 어떻게 처리하는지일 뿐, 문제의 정답 여부는 아닙니다. 문제에서 요구한 것인지는 채점하기가 알려 줍니다.',
  'ed.st.needHeader.one': '헤더가 중간에 끊겼습니다. {receiver}는 헤더의 나머지 1바이트를 기다립니다.',
  'ed.st.needHeader.other': '헤더가 중간에 끊겼습니다. {receiver}는 헤더의 나머지 {n}바이트를 기다립니다.',
  'ed.st.needPayload.one':
    '페이로드가 중간에 끊겼습니다({total}바이트 중 {have}바이트). {receiver}는 1바이트를 더 기다립니다.',
  'ed.st.needPayload.other':
    '페이로드가 중간에 끊겼습니다({total}바이트 중 {have}바이트). {receiver}는 {n}바이트를 더 기다립니다.',
  'ed.st.notHex': '“{char}”는 hex 숫자가 아닙니다({line}번째 줄, {col}번째 칸). 그 뒤로는 해석하지 않습니다.',
  'ed.st.odd': '짝이 없는 숫자가 있습니다({line}번째 줄, {col}번째 칸). 바이트는 항상 hex 숫자 두 개입니다.',
  'ed.st.cut': '전체 {total}바이트 중 앞의 {decoded}바이트만 해석합니다.',
  'ed.st.wrongWay':
    '마스킹해야 하는지는 누가 보내는지에 달려 있습니다. 필드 목록에서 MASK를 바꾸거나 방향을 바꿔 보세요.',
  'ed.st.wrongWayFixed':
    '마스킹해야 하는지는 누가 보내는지에 달려 있고, 이 문제에서는 보내는 쪽이 정해져 있습니다. 필드 목록에서 MASK를 바꿔 보세요.',
  'ed.marker.notHex':
    '“{char}”는 hex 숫자가 아닙니다. 바이트마다 0–9, a–f 중 숫자 두 개로 적으세요. 처음 나온 이런 문자 뒤로는 해석하지 않습니다.',
  'ed.marker.odd': '짝이 없는 숫자입니다. 바이트는 항상 hex 숫자 두 개입니다.',

  'ed.tree.title': '필드',
  'ed.tree.frameOf':
    '프레임 {total}개 중 {n}번째({from}–{to}번 바이트). 필드 목록은 커서가 있는 프레임을 보여 줍니다.',
  'ed.tree.none': '아직 프레임이 없습니다. 첫 바이트를 입력하면 필드가 나타납니다.',
  'ed.tree.rejected': '수신 측은 이 프레임을 거부하지만 바이트가 모두 있으므로 필드는 모두 고칠 수 있습니다.',
  'ed.tree.partialFirst':
    '프레임이 아직 완성되지 않아 바이트가 모두 있는 필드만 고칠 수 있습니다. 지금은 첫 바이트(FIN, RSV1–3, opcode)뿐입니다. 나머지 필드는 바이트를 입력할 때까지 읽기 전용입니다.',
  'ed.tree.partialPayload.one':
    '프레임이 아직 완성되지 않았습니다. 페이로드는 1바이트 중 {have}바이트만 있습니다. 첫 바이트는 고칠 수 있지만, 길이와 마스크와 페이로드는 프레임이 완성될 때까지 읽기 전용입니다.',
  'ed.tree.partialPayload.other':
    '프레임이 아직 완성되지 않았습니다. 페이로드는 {n}바이트 중 {have}바이트만 있습니다. 첫 바이트는 고칠 수 있지만, 길이와 마스크와 페이로드는 프레임이 완성될 때까지 읽기 전용입니다.',
  'ed.tree.usePresent.one': '입력한 1바이트를 페이로드 전체로 만들기',
  'ed.tree.usePresent.other': '입력한 {n}바이트를 페이로드 전체로 만들기',
  'ed.tree.unread':
    '수신 측은 이 바이트를 읽지 않습니다. 그 앞에서 연결을 실패 처리했거나 close 프레임을 받았기 때문입니다.',
  'ed.tree.more': '프레임 {n}개를 더 해석했지만 목록에는 싣지 않았습니다.',
  'ed.tree.missing': '바이트 부족',
  'ed.tree.readonly': '읽기 전용',
  'ed.tree.value': '값',
  'ed.tree.set': '1 (켜짐)',

  'ed.op.0': '연속',
  'ed.op.1': '텍스트',
  'ed.op.2': '바이너리',
  'ed.op.8': 'close',
  'ed.op.9': 'ping',
  'ed.op.a': 'pong',
  'ed.op.reservedData': '예약됨(데이터)',
  'ed.op.reservedControl': '예약됨(제어)',

  'ed.len.form': '길이 형식',
  'ed.len.7': '7비트: 길이 필드에 0–125',
  'ed.len.16': '16비트: 126 다음에 2바이트',
  'ed.len.64': '64비트: 127 다음에 8바이트',
  'ed.len.value.one': '페이로드는 1바이트입니다.',
  'ed.len.value.other': '페이로드는 {n}바이트입니다.',

  'ed.key.label': '마스킹 키(hex 4바이트)',
  'ed.key.random': '새 무작위 키',
  'ed.key.bad': 'hex로 정확히 4바이트를 적으세요. 예: 37 fa 21 3d',

  'ed.payload.label': '페이로드',
  'ed.payload.as': '페이로드 편집 방식',
  'ed.payload.text': '텍스트(UTF-8)',
  'ed.payload.hex': 'hex',
  'ed.payload.notUtf8': '올바른 UTF-8이 아니므로 hex로만 고칠 수 있습니다.',
  'ed.payload.invisible': '보이지 않는 문자는 기호로 표시합니다(␀는 바이트 00). 이 바이트는 hex로 고치세요.',
  'ed.payload.bad': '아직 온전한 hex 바이트가 아닙니다. 프레임은 마지막으로 올바르던 페이로드를 유지합니다.',
  'ed.payload.big':
    '페이로드가 {n}바이트라 여기서 고치기에는 깁니다({max}바이트까지). 바이트는 편집기에서 고치세요.',

  'ed.mask.title': '바이트별 마스킹(§5.3)',
  'ed.mask.caption':
    '페이로드의 i번째 바이트를 키의 (i mod 4)번째 바이트와 XOR하면 실제로 전송되는 바이트가 되고, 같은 XOR을 한 번 더 하면 원래대로 돌아옵니다.',
  'ed.mask.shown': '페이로드 {total}바이트 중 앞의 {shown}바이트입니다.',
  'ed.mask.all.one': '페이로드 1바이트 전부입니다.',
  'ed.mask.all.other': '페이로드 {n}바이트 전부입니다.',
  'ed.mask.i': 'i',
  'ed.mask.clear': '페이로드',
  'ed.mask.key': '키 [i mod 4]',
  'ed.mask.wire': '전송되는 값',

  'ed.send.button': '이 프레임 보내기',
  'ed.send.s2c':
    '직접 보낼 수 있는 쪽은 클라이언트뿐입니다. 이 바이트는 서버가 클라이언트에게 보내는 것이라 보내는 쪽은 시뮬레이션의 서버입니다. 직접 보내려면 “클라이언트 → 서버”를 고르세요.',
  'ed.send.s2cFixed':
    '직접 보낼 수 있는 쪽은 클라이언트뿐입니다. 이 문제의 바이트는 서버가 클라이언트에게 보내는 것이라 보내는 쪽은 시뮬레이션의 서버입니다.',
  'ed.send.nothing': '보내려면 온전한 바이트를 하나 이상 입력하세요.',
  'ed.send.fix': '아직 온전한 hex 바이트가 아닙니다(위의 상태를 보세요). 고쳐야 보낼 수 있습니다.',
  'ed.send.note': '시뮬레이션 클라이언트를 에코 서버에 연결한 뒤, 이 바이트를 그대로 전송합니다.',
  'ed.send.title': '서버는 이 바이트를 어떻게 처리할까요?',
  'ed.send.intro':
    '시뮬레이션 연결입니다. 먼저 TCP와 여는 핸드셰이크(connect)를 하고, 이어서 입력한 바이트를 그대로 보냅니다(raw, {bytes}).',
  'ed.send.close': '닫기',
  'ed.send.replay': '다시 재생',
  'ed.send.running': '연결하는 중입니다…',
  'ed.send.refused': '시뮬레이션이 거부했습니다: {reason}',
  'ed.send.time': 't (ms)',
  'ed.send.who': '주체',
  'ed.send.what': '일어난 일',
  'ed.send.more': '이벤트 {n}개는 목록에 싣지 않았습니다.',
  'ed.send.log': '시뮬레이션 연결의 타임라인',
  'ed.send.tcp': 'TCP 세그먼트와 상태 변화도 보기',

  'ed.hover.byte': '{n}번 바이트',
  'ed.hover.frame': '{n}번째 프레임',
  'ed.hover.payloadByte': '페이로드의 {i}번 바이트',
  'ed.hover.masked': '전송된 값 {wire} XOR 키[{k}] {key} = {clear}',
  'ed.hover.unread':
    '수신 측은 이 바이트를 읽지 않습니다. 그 앞에서 실패했거나 close 프레임을 받았기 때문입니다.',

  // 필드 트리의 permessage-deflate(RFC 7692).
  'ed.inflated.help':
    '받는 쪽이 압축을 푼 메시지입니다. 고치면 엔진이 다시 압축하고(RFC 7692 §7.2.1) RSV1, 새 길이, 마스크로 프레임을 다시 씁니다.',
  'ed.inflated.helpHex':
    '압축을 푼 바이트(16진수)입니다. 고치면 엔진이 다시 압축하고(RFC 7692 §7.2.1) 프레임을 다시 씁니다.',
  'ed.payload.deflate':
    'DEFLATE 데이터입니다. 바이트를 고치면 받는 쪽이 다시 압축을 풉니다. 풀 수 없는 바이트는 표시됩니다(RFC 7692 §6.2).',
} as const satisfies Record<keyof typeof editorEn, string>;
