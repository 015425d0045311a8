/**
 * 엔진 문장(규칙 위반, 필드 의미, 상태 코드, HTTP 머리 오류)의 한국어 번역. 영어 원문은 src/protocol에
 * 각 규칙·필드·코드 옆에 있고(`ENGLISH`, protocol/texts.ts) 여기는 같은 id로 번역만 둡니다.
 * id가 하나라도 빠지거나 남으면, 또는 자리표시자(`{name}`)가 영어와 다르면 타입 검사가 실패합니다.
 */
import type { ENGLISH, TextId } from '../protocol/texts.ts';
import type { MismatchedKeys } from './types.ts';

export const protocolKo = {
  // 규칙 위반(protocol/errors.ts RULES)
  'rule.rsv-without-extension':
    '확장(extension)을 협상하지 않았는데 RSV{bit} 비트가 1입니다. 확장이 의미를 정하지 않는 한 RSV 비트는 반드시 0이어야 합니다.',
  'rule.unknown-opcode':
    '옵코드 0x{opcode}는 예약된 값입니다. 알 수 없는 옵코드를 받으면 수신 측은 연결을 실패 처리해야 합니다.',
  'rule.unmasked-client-frame':
    '클라이언트가 보낸 프레임에 마스크가 없습니다. 클라이언트→서버 프레임은 모두 마스킹해야 하므로 서버는 연결을 닫습니다.',
  'rule.masked-server-frame':
    '서버가 보낸 프레임에 마스크가 있습니다. 서버는 프레임을 마스킹하면 안 되므로 클라이언트는 연결을 닫습니다.',
  'rule.control-frame-too-long':
    '제어 프레임(close, ping, pong)의 페이로드는 125바이트 이하여야 하는데, 이 프레임의 길이 필드는 {length}입니다.',
  'rule.control-frame-fragmented':
    '제어 프레임은 조각낼 수 없습니다. {opcodeName} 프레임은 FIN이 1이어야 합니다.',
  'rule.non-minimal-length':
    '페이로드 길이 {length}를 {form}비트 형식으로 적었습니다. 길이는 반드시 가장 짧은 형식으로 적어야 합니다({minimal}).',
  'rule.length-msb-set': '64비트 페이로드 길이에서 최상위 비트는 반드시 0이어야 합니다.',
  'rule.unexpected-continuation': '조각난 메시지가 진행 중이 아닌데 연속 프레임(opcode 0x0)이 도착했습니다.',
  'rule.interleaved-data-frame':
    '조각난 메시지가 끝나기 전에 새 {opcodeName} 프레임이 시작됐습니다. 앞 메시지의 조각이 먼저 와야 하며, 사이에 끼어들 수 있는 것은 제어 프레임뿐입니다.',
  'rule.close-payload-one-byte':
    'close 프레임에 페이로드가 있다면 2바이트 상태 코드로 시작해야 합니다. 1바이트 페이로드는 잘못된 것입니다.',
  'rule.invalid-close-code': '상태 코드 {code}는 close 프레임에 담아 보낼 수 없는 값입니다({why}).',
  'rule.invalid-utf8':
    '텍스트가 올바른 UTF-8이 아닙니다(페이로드 {offset}번째 바이트 부근). 텍스트 메시지는 반드시 UTF-8이어야 하므로 수신 측은 1007로 닫습니다.',
  'rule.invalid-close-reason':
    'close 사유(reason)가 올바른 UTF-8이 아닙니다. 상태 코드 뒤의 사유는 반드시 UTF-8이어야 합니다.',
  'rule.message-too-big':
    '메시지가 {length}바이트가 되어 이 엔드포인트가 받는 한도({max}바이트)를 넘습니다. 1009(message too big)로 닫습니다.',
  'rule.too-many-fragments':
    '메시지가 {frames}개 조각으로 왔습니다. 페이로드 {length}바이트에 조각마다 {overhead}바이트를 더해 계산하면 이 엔드포인트가 받는 한도({max}바이트)를 넘으므로 1009(message too big)로 닫습니다.',
  'rule.rsv1-on-control':
    '{opcodeName} 프레임에 RSV1이 1입니다. permessage-deflate는 데이터 메시지만 압축하므로 RSV1이 켜진 제어 프레임을 받으면 연결을 실패 처리해야 합니다.',
  'rule.rsv1-on-continuation':
    '연속 프레임에 RSV1이 1입니다. RSV1은 압축된 메시지의 첫 프레임에만 붙으므로 수신 측은 연결을 실패 처리해야 합니다.',
  'rule.deflate-corrupt':
    '압축된 페이로드가 올바른 DEFLATE 데이터가 아니어서({detail}) 풀 수 없습니다. 수신 측은 1002로 닫습니다(브라우저도 그렇게 하고, ws는 1007을 보냅니다).',
  'rule.inflated-too-big':
    '압축된 메시지를 풀면 이 엔드포인트가 받는 한도({max}바이트)를 넘습니다. 한도를 넘는 순간 풀기를 멈추고 1009(message too big)로 닫습니다.',
  'rule.data-after-close':
    '상대가 close 프레임을 보낸 뒤에 데이터가 도착했습니다. close 프레임을 보낸 엔드포인트는 더 이상 데이터 프레임을 보내면 안 됩니다.',
  'rule.bad-request-line': '여는 핸드셰이크는 HTTP/1.1 이상의 GET 요청이어야 합니다. 받은 요청 줄: “{line}”.',
  'rule.bad-http-head': 'HTTP 요청 형식이 잘못됐습니다: {detail}.',
  'rule.missing-host': '요청에 Host 헤더가 없습니다. 핸드셰이크 요청에는 반드시 Host가 있어야 합니다.',
  'rule.missing-upgrade':
    '요청에 “Upgrade: websocket” 헤더가 있어야 합니다(대소문자 무시). 받은 값: {value}.',
  'rule.missing-connection-upgrade':
    'Connection 헤더의 토큰 목록에 “Upgrade”가 있어야 합니다. 받은 값: {value}.',
  'rule.bad-key':
    'Sec-WebSocket-Key는 정확히 16바이트를 base64로 인코딩한 값이어야 합니다. 받은 값: {value}.',
  'rule.bad-version':
    'Sec-WebSocket-Version은 13이어야 합니다. 받은 값: {value}. 서버는 “Sec-WebSocket-Version: 13”을 담아 426 Upgrade Required로 답합니다.',
  'rule.origin-not-allowed':
    '서버가 origin {value}에서 오는 연결을 허용하지 않아 403 Forbidden으로 답합니다.',
  'rule.no-common-subprotocol':
    '클라이언트가 서브프로토콜({offered})을 요구했지만 서버는 그중 어느 것도 지원하지 않습니다.',
  'rule.bad-subprotocol-offer':
    'Sec-WebSocket-Protocol에는 서로 다른 서브프로토콜 토큰을 나열해야 합니다. 받은 값: {value}.',
  'rule.deflate-offer-unknown-param':
    'permessage-deflate 제안에 제안용으로 정의되지 않은 매개변수 {name}가 있어 서버는 이 제안을 거절합니다.',
  'rule.deflate-offer-duplicate-param':
    'permessage-deflate 제안에 {name}가 두 번 이상 있어 서버는 이 제안을 거절합니다.',
  'rule.deflate-offer-bad-window-bits':
    '{name}는 앞에 0이 붙지 않은 8~15의 정수여야 하는데 제안의 값은 {value}입니다. 서버는 이 제안을 거절합니다.',
  'rule.deflate-offer-flag-with-value':
    '{name}는 값을 갖지 않는 매개변수인데 제안에 값 {value}가 붙어 있습니다. 서버는 이 제안을 거절합니다.',
  'rule.deflate-offer-malformed':
    'Sec-WebSocket-Extensions 헤더 형식이 잘못되어({detail}) 서버는 거기서 제안한 확장을 거절합니다.',
  'rule.not-101': '서버가 101 Switching Protocols 대신 {status}로 답했으므로 WebSocket이 열리지 않았습니다.',
  'rule.response-missing-upgrade': '101 응답에는 “Upgrade: websocket”이 있어야 합니다. 받은 값: {value}.',
  'rule.response-missing-connection': '101 응답에는 “Connection: Upgrade”가 있어야 합니다. 받은 값: {value}.',
  'rule.wrong-accept':
    'Sec-WebSocket-Accept 값이 {value}인데, base64(SHA-1(key + GUID))는 {expected}입니다. 클라이언트는 연결을 실패 처리합니다.',
  'rule.unexpected-extension': '서버가 클라이언트가 제안하지 않은 확장 {value}를 선택했습니다.',
  'rule.unexpected-subprotocol': '서버가 클라이언트가 제안하지 않은 서브프로토콜 {value}를 선택했습니다.',
  'rule.bad-extensions-header': '서버의 Sec-WebSocket-Extensions 헤더 형식이 잘못됐습니다: {detail}.',
  'rule.deflate-answer-unknown-param':
    '서버의 permessage-deflate 응답에 응답용으로 정의되지 않은 매개변수 {name}가 있어 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-duplicate-param':
    '서버의 permessage-deflate 응답에 {name}가 두 번 이상 있어 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-bad-window-bits':
    '{name}는 앞에 0이 붙지 않은 8~15의 정수여야 하는데 응답의 값은 {value}입니다. 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-flag-with-value':
    '{name}는 값을 갖지 않는 매개변수인데 응답에 값 {value}가 붙어 있습니다. 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-window-no-value':
    '응답에 값 없는 client_max_window_bits가 있습니다. 응답에서는 반드시 값(8~15)이 있어야 하므로 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-window-not-offered':
    '응답이 클라이언트의 윈도를 제한했지만(client_max_window_bits={value}) 클라이언트는 client_max_window_bits를 제안하지 않았습니다. 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-window-too-large':
    '응답의 {name}={value}가 클라이언트가 요청한 {offered}보다 큽니다. 서버는 같게 두거나 줄일 수만 있으므로 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-server-window-missing':
    '클라이언트가 server_max_window_bits={offered}를 요청했는데 응답에 없습니다. 제안을 받아들이는 서버는 반드시 포함해야 하므로 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-takeover-missing':
    '클라이언트가 server_no_context_takeover를 요청했는데 응답에 없습니다. 제안을 받아들이는 서버는 반드시 포함해야 하므로 클라이언트는 연결을 실패 처리합니다.',
  'rule.deflate-answer-twice':
    '응답이 permessage-deflate를 두 번 이상 받아들였습니다. RSV1은 확장 하나만 쓸 수 있으므로 클라이언트는 연결을 실패 처리합니다.',
  'rule.bad-response-head': '서버의 HTTP 응답 형식이 잘못됐습니다: {detail}.',
  'rule.send-after-close': '이미 close 프레임을 보냈습니다. 그 뒤로는 어떤 데이터 프레임도 보내면 안 됩니다.',
  'rule.send-before-open': '아직 연결이 열리지 않았습니다. 프레임은 101 응답 뒤에만 보낼 수 있습니다.',
  'rule.control-payload-too-long':
    '제어 프레임의 페이로드는 125바이트가 한도인데, 이 프레임은 {length}바이트가 됩니다.',
  'rule.close-reason-too-long':
    'close 사유가 UTF-8로 {length}바이트입니다. 2바이트 코드와 합쳐 125바이트 안에 들어가야 하므로 사유는 123바이트까지입니다.',
  'rule.close-code-not-sendable': '상태 코드 {code}는 보낼 수 없습니다({why}).',

  // 위반을 설명하는 한 줄(protocol/texts.ts)
  'error.rule': 'RFC {rfc} §{section}: {message}',
  'error.answer.close': '{rule} → 상태 코드 {code}({name})로 종료',
  'error.answer.http': '{rule} → HTTP {status} 응답',
  'error.answer.declined': '{rule} → 확장 없이 101로 응답',

  // 상태 코드(protocol/close.ts CLOSE_CODES)
  'close.1000.name': '정상 종료',
  'close.1000.meaning': '연결의 목적을 다 이루어 정상 종료',
  'close.1001.name': '떠남',
  'close.1001.meaning': '엔드포인트가 떠남(서버 종료, 페이지 이동 등)',
  'close.1002.name': '프로토콜 오류',
  'close.1002.meaning': '상대가 프로토콜 규칙을 어김',
  'close.1003.name': '지원하지 않는 데이터',
  'close.1003.meaning': '받을 수 없는 종류의 데이터(예: 텍스트만 이해하는데 바이너리가 옴)',
  'close.1005.name': '상태 코드 없음',
  'close.1005.meaning': 'close 프레임에 코드가 없었을 때 보고용으로만 쓰며 전송하지 않음',
  'close.1006.name': '비정상 종료',
  'close.1006.meaning': 'close 프레임 없이 연결이 끊겼을 때 보고용으로만 쓰며 전송하지 않음',
  'close.1007.name': '잘못된 페이로드 데이터',
  'close.1007.meaning': '타입과 맞지 않는 데이터(예: UTF-8이 아닌 텍스트)',
  'close.1008.name': '정책 위반',
  'close.1008.meaning': '엔드포인트의 정책을 위반한 메시지',
  'close.1009.name': '메시지가 너무 큼',
  'close.1009.meaning': '처리하기에 너무 큰 메시지',
  'close.1010.name': '필요한 확장 없음',
  'close.1010.meaning': '클라이언트가 기대한 확장을 서버가 협상하지 않음',
  'close.1011.name': '내부 오류',
  'close.1011.meaning': '서버에 예기치 못한 오류가 발생함',
  'close.1012.name': '서비스 재시작',
  'close.1012.meaning': '서비스가 재시작 중',
  'close.1013.name': '나중에 다시 시도',
  'close.1013.meaning': '일시적 과부하, 나중에 다시 시도',
  'close.1014.name': '잘못된 게이트웨이',
  'close.1014.meaning': '게이트웨이가 상위 서버에서 잘못된 응답을 받음',
  'close.1015.name': 'TLS 핸드셰이크 실패',
  'close.1015.meaning': 'TLS 핸드셰이크 실패 보고용이며 전송하지 않음',
  'close.why.not16bit': '16비트 숫자가 아님',
  'close.why.below1000': '0–999는 쓰지 않는 범위',
  'close.why.reportOnly': '{code}는 보고용일 뿐 전송하지 않는 코드',
  'close.why.1004': '1004는 예약된 코드',
  'close.why.reserved': '1000–2999는 RFC와 확장을 위해 예약된 범위',
  'close.why.above4999': '4999보다 큰 코드는 정의되지 않음',
  'close.label': '{code} {name}',
  'close.label.library': '{code}(라이브러리·프레임워크용 등록 코드)',
  'close.label.private': '{code}(비공개 용도)',
  'close.label.other': '{code}',

  // 프레임 필드(protocol/fields.ts). 필드 이름은 RFC §5.2 그림의 이름을 그대로 씁니다.
  'frame.fin': 'FIN',
  'frame.fin.1': '마지막 조각: 이 프레임으로 메시지가 끝남',
  'frame.fin.0': '마지막 아님: 같은 메시지의 연속 프레임이 뒤따름',
  'frame.rsv': 'RSV{n}',
  'frame.rsv.0': '확장을 위해 예약됨; 0',
  'frame.rsv.1': '1: 협상된 확장이 RSV{n}의 의미를 정한 경우에만 허용',
  'frame.rsv1.1': '1: 협상된 확장이 RSV1의 의미를 정한 경우에만 허용(예: permessage-deflate)',
  'frame.opcode': 'opcode',
  'frame.opcode.0x0': '연속 프레임: 조각난 메시지의 다음 부분',
  'frame.opcode.0x1': '텍스트 프레임: 페이로드는 UTF-8 텍스트',
  'frame.opcode.0x2': '바이너리 프레임: 페이로드는 임의의 바이트',
  'frame.opcode.0x8': 'close 프레임: 닫는 핸드셰이크를 시작',
  'frame.opcode.0x9': 'ping 프레임: 상대는 pong으로 답해야 함',
  'frame.opcode.0xa': 'pong 프레임: ping에 대한 답(또는 요청 없는 하트비트)',
  'frame.opcode.reservedData': '예약된 데이터 옵코드 0x{hex}: 수신 측은 연결을 실패 처리함',
  'frame.opcode.reservedControl': '예약된 제어 옵코드 0x{hex}: 수신 측은 연결을 실패 처리함',
  'frame.mask': 'MASK',
  'frame.mask.1': '마스킹됨: 4바이트 마스킹 키가 뒤따름. 클라이언트→서버 프레임은 반드시 마스킹',
  'frame.mask.0': '마스킹 안 됨. 서버→클라이언트 프레임은 마스킹하면 안 됨',
  'frame.len': 'Payload len',
  'frame.len.7': '페이로드는 {n}바이트(7비트 형식, 0–125)',
  'frame.len.126': '126: 실제 길이는 다음 2바이트에(16비트 형식)',
  'frame.len.127': '127: 실제 길이는 다음 8바이트에(64비트 형식)',
  'frame.extLen': '확장 페이로드 길이({bits}비트)',
  'frame.extLen.value': '페이로드는 {n}바이트',
  'frame.cut': '잘림: {total}바이트 중 {have}바이트만 있음',
  'frame.maskingKey': 'Masking-key',
  'frame.maskingKey.xor': '페이로드의 i번째 바이트를 키의 (i mod 4)번째 바이트와 XOR(§5.3)',
  'frame.payload': 'Payload data',
  'frame.payload.unmasked': ' (마스크를 벗긴 값)',
  'frame.payload.cut': '잘림: {total}바이트 중 {have}바이트만 있음{note}',
  'frame.payload.empty': '빈 페이로드',
  'frame.payload.close': 'close 본문{note}',
  'frame.payload.text': '{n}바이트: “{text}”{note}',
  'frame.payload.badUtf8': '{n}바이트 잘못된 UTF-8{note}',
  'frame.payload.binary': '{n}바이트 바이너리 데이터{note}',
  'frame.closeCode': '상태 코드',
  'frame.closeCode.short': '상태 코드는 2바이트여야 함. 1바이트는 잘못됨(§5.5.1)',
  'frame.closeCode.known': '{label}: {meaning}',
  'frame.closeCode.invalid': 'close 프레임에 쓸 수 없음: {why}',
  'frame.closeReason': '사유',
  'frame.closeReason.badUtf8': '올바른 UTF-8이 아님(§5.5.1 → 1007)',
  'frame.closeReason.text': '“{reason}”',

  'frame.rsv1.deflate':
    '1: 이 메시지는 압축됨(permessage-deflate에서 RSV1은 “메시지별 압축” 표시, RFC 7692 §6)',
  'frame.payload.deflate': 'DEFLATE 데이터 {n}바이트, 풀면 {inflated}바이트{note}',
  'frame.deflateWindow': 'LZ77 윈도',
  'frame.deflateWindow.empty': '비어 있음: 첫 압축 메시지라 참조할 이전 내용이 없음({size}바이트 윈도)',
  'frame.deflateWindow.reset':
    '초기화됨: 메시지마다 따로 압축해서(no context takeover) 이전에 보낸 내용을 참조하지 않음({size}바이트 윈도)',
  'frame.deflateWindow.kept': '유지됨: 앞선 메시지의 최대 {size}바이트를 참조할 수 있음(context takeover)',
  'frame.inflated': '압축 해제',
  'frame.inflated.text': '{n}바이트: “{text}”',
  'frame.inflated.binary': '{n}바이트 바이너리 데이터',
  'frame.inflated.badUtf8': '{n}바이트, 이 부분만으로는 올바른 UTF-8이 아님',
  'frame.inflated.empty': '없음: 빈 메시지나 빈 조각',
  'frame.inflated.corrupt': '{n}바이트를 푼 뒤 여기서 실패: 올바른 DEFLATE 데이터가 아님(RFC 7692 §6.2)',
  'frame.inflated.limit': '{n}바이트를 푼 뒤 여기서 멈춤: 메시지가 크기 한도를 넘음(1009)',
  'frame.deflateTail': '제거된 꼬리',
  'frame.deflateTail.value':
    '보내는 쪽이 끝의 00 00 ff ff(빈 stored 블록)를 떼어 냈고, 받는 쪽이 풀기 전에 다시 붙임(RFC 7692 §7.2.1, §7.2.2)',

  // HTTP 머리의 형식 오류(protocol/http.ts)
  'http.headTooLong': '헤더 부분이 {max}바이트보다 김',
  'http.noColon': '헤더 {n}번째 줄에 “이름:”이 없음: “{line}”',
  'http.badName': '“{name}”는 올바른 헤더 이름이 아님',
  'http.badRequestLine': '“{line}”는 요청 줄이 아님',
  'http.badStatusLine': '“{line}”는 상태 줄이 아님',
  'http.incomplete': '아직 끝나지 않음',
  'http.alreadyRead': '헤드는 이미 읽었음',

  // 디코더가 규칙 문장에 넣는 값(protocol/decoder.ts)
  'length.126': '126(뒤에 16비트 길이가 옴)',
  'length.127': '127(뒤에 64비트 길이가 옴)',
  'length.form7': '7비트 필드',
  'length.form16': '16비트 형식',
} as const satisfies { readonly [K in TextId]: string };

/** Ids whose Korean text has other `{placeholders}` than the English source (never, if this compiles). */
type Mismatched = MismatchedKeys<typeof ENGLISH, typeof protocolKo>;
export const protocolPlaceholdersMatch: [Mismatched] extends [never] ? true : Mismatched = true;
