/** 캡처 페이지(#/capture)의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const captureKo = {
  'cap.nav': '캡처 열기…',
  'cap.title': '캡처 열기',
  'cap.intro':
    'Wireshark나 tcpdump로 만든 캡처(pcap, pcapng), 또는 브라우저 개발자 도구에서 저장한 HAR 파일을 열어 그 안의 WebSocket 연결을 프레임 단위로 재생합니다. 파일은 이 페이지 안에서 읽으며, 어디에도 올리지 않습니다.',
  'cap.choose': '캡처 파일 고르기',
  'cap.drop': '또는 이 페이지 아무 곳에나 끌어다 놓으세요',
  'cap.dropHere': '파일을 놓으면 엽니다',
  'cap.reading': '{name} 읽는 중…',
  'cap.progress': '{total} MB 중 {read} MB',
  'cap.cancel': '취소',
  'cap.cancelled': '{name} 읽기를 취소했습니다.',
  'cap.failed': 'ws101 자체의 오류로 읽기가 멈췄습니다(파일 문제가 아닙니다): {message}',
  'cap.file': '{name}: {format}, {size}바이트, 패킷 {packets}개, TCP 연결 {tcp}개.',
  'cap.fileHar': '{name}: {creator}가 쓴 HAR 파일, 항목 {entries}개.',
  'cap.problem.notCapture':
    '“{name}”은(는) 캡처 파일이 아닙니다. pcap, pcapng, HAR 어느 것도 아닙니다. 첫 바이트: {bytes}.',
  'cap.problem.tooLarge':
    '“{name}”은(는) {size} MB입니다. 이 페이지는 {limit} MB까지의 캡처 파일만 읽으며, 더 큰 파일은 읽기 전에 거절합니다. 먼저 editcap이나 표시 필터로 줄이세요.',
  'cap.problem.truncated':
    '파일이 잘렸습니다. {at}번째 바이트에서 레코드 중간에 끝납니다. 잘린 곳 앞의 패킷 {packets}개는 아래에 보이고, 그 뒤의 내용은 없습니다.',
  'cap.problem.badRecord':
    '{at}번째 바이트의 레코드가 길이를 {length}바이트라고 하는데, 그럴 수 없는 값입니다. 읽기는 거기서 멈췄고, 그 앞의 패킷 {packets}개는 아래에 보입니다.',
  'cap.problem.badHar': '이 HAR 파일은 읽을 수 없습니다: {detail}',
  'cap.none':
    'WebSocket 연결을 찾지 못했습니다. 대신 찾은 것: 패킷 {packets}개 속 TCP 연결 {tcp}개. websocket으로의 HTTP Upgrade에 101로 답한 연결은 없습니다(RFC 6455 §4).',
  'cap.noneHar':
    'WebSocket 연결을 찾지 못했습니다. 이 HAR의 항목 {entries}개 중 WebSocket 메시지(_webSocketMessages)가 있는 것이 없습니다.',
  'cap.http': '{host}로, 응답 {status}',
  'cap.tls':
    '{client} → {server} 연결은 TLS(wss:// 또는 https://)이며, 서버 이름(SNI)은 {sni}입니다. 바이트가 암호화되어 있습니다. 읽으려면 브라우저의 TLS 키 로그(SSLKEYLOGFILE)가 필요한데, 이 버전은 아직 읽지 않습니다.',
  'cap.tls.noSni': '없음',
  'cap.har':
    'HAR 파일에는 프레임이 아니라 메시지가 들어 있습니다. 브라우저는 애플리케이션이 주고받은 내용을 저장할 뿐, 전선 위의 바이트는 저장하지 않습니다. ws101은 각 메시지를 엔진으로 다시 프레임으로 만들었습니다(클라이언트의 마스킹 키는 원래 것이 아니라 새로 만든 것입니다). 그래서 각 메시지가 전선 위에서 어떤 모습인지는 볼 수 있지만, 실제로 보낸 바이트는 아닙니다.',
  'cap.connections': '이 파일의 WebSocket 연결 ({count}개)',
  'cap.connMessages': '메시지 {c2s}개 → · ← 메시지 {s2c}개',
  'cap.drawing': '다이어그램을 그리는 중…',
  'cap.spacing': '시간',
  'cap.spacing.real': '실제 타임스탬프',
  'cap.spacing.even': '고른 간격',
  'cap.export': '이 연결 내보내기(.pcap)',
  'cap.exported': '이 연결의 패킷 {packets}개를 .pcap 파일로 저장했습니다.',
  'cap.sum.title': '요약: {label}',
  'cap.sum.pair': '클라이언트 → 서버 {c2s} · 서버 → 클라이언트 {s2c}',
  'cap.sum.messages': '메시지',
  'cap.sum.frames': '프레임',
  'cap.sum.bytes': '전선 위의 바이트',
  'cap.sum.compression': '압축',
  'cap.sum.ratio': '풀면 {inflated}바이트인 것이 전선 위에서 {wire}바이트({ratio}%)',
  'cap.sum.none': '없음',
  'cap.sum.pings': '핑과 퐁',
  'cap.sum.pingPong': '핑: {pings}; 퐁: {pongs}',
  'cap.sum.close': '종료',
  'cap.sum.duration': '길이',
  'cap.sum.gaps': '캡처의 빈 곳',
  'cap.sum.gapsSome': '{count}곳({bytes}바이트 빠짐)',
  'cap.sum.violations': '규칙 위반',
  'cap.who.client': '클라이언트',
  'cap.who.server': '서버',
  'cap.close.answered': '{by}가 Close {code} {reason}을(를) 보냈고, 상대가 응답했습니다(RFC 6455 §5.5.1)',
  'cap.close.unanswered':
    '{by}가 Close {code} {reason}을(를) 보냈고, 응답하는 Close는 캡처되지 않았습니다(RFC 6455 §5.5.1)',
  'cap.close.fin': 'Close 프레임 없이 {by}의 TCP FIN: 1006, 비정상 종료(RFC 6455 §7.1.5)',
  'cap.close.rst': 'Close 프레임 없이 {by}의 TCP RST: 1006, 비정상 종료(RFC 6455 §7.1.5)',
  'cap.close.failed': '{by}가 규칙 위반으로 연결을 실패시키고 {code}로 닫습니다(RFC 6455 §7.1.7)',
  'cap.close.open': '캡처가 끝날 때까지 열려 있었습니다',
  'cap.unit.us': '{n}µs',
  'cap.unit.ms': '{n}ms',
  'cap.unit.s': '{n}초',
  'cap.hs.requestOk': 'Upgrade 요청: 서버 엔진이 읽기에 유효합니다(RFC 6455 §4.2.1).',
  'cap.hs.requestBad': '서버 엔진이 Upgrade 요청을 거절합니다: {rule}',
  'cap.hs.responseOk':
    '101 응답: 클라이언트 엔진이 읽기에 유효합니다(Sec-WebSocket-Accept 일치, RFC 6455 §4.1). 서브프로토콜: {protocol}. 확장: {deflate}.',
  'cap.hs.responseBad': '클라이언트 엔진이 101 응답을 거절합니다: {rule}',
  'cap.hs.deflateUnread':
    '압축된 프레임을 여기서 풀 수 없었습니다. DEFLATE 코덱을 불러오지 못했습니다(RFC 7692 §6.2).',
  'cap.guess.noHandshake':
    '이 연결의 핸드셰이크는 캡처에 없습니다(캡처보다 먼저 시작됨). 프레임은 그럴듯한 첫 프레임 경계부터 읽었습니다. 이것은 추정이며, 그렇게 읽은 프레임이 {frames}개입니다.',
  'cap.guess.gaps':
    '캡처에 이 연결의 빈 곳이 {count}군데({bytes}바이트) 있습니다. 디코더는 빈 곳을 잘못 읽지 않고 건너뛴 뒤, 다음의 그럴듯한 프레임 경계에서 다시 읽습니다. 빈 곳 뒤의 프레임 {frames}개는 추정입니다.',
} as const;
