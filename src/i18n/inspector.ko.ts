/** 플레이그라운드 인스펙터의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const inspectorKo = {
  'ins.title': '인스펙터',
  'ins.hint': '다이어그램의 화살표나 로그의 행을 클릭하면 그 바이트와 필드를 여기에 보여 줍니다.',
  'ins.title.segment': 'TCP 세그먼트: {label}',
  'ins.title.http': 'HTTP: {label}',
  'ins.title.frame': 'WebSocket 프레임: {label}',
  'ins.title.raw': '검사 없이 보낸 원시 바이트: {bytes}',
  'ins.title.state': '{endpoint}의 {layer} 상태',
  'ins.title.engine': '{endpoint} 엔진이 한 일',
  'ins.title.note': '메모',
  'ins.meta.arrow': '보낸 시각 {sent}, 모두 도착한 시각 {arrives}',
  'ins.meta.at': '시각 {t}',
  'ins.noWire': '상태 변화는 어디로도 전송되지 않으므로 바이트가 없습니다.',
  'ins.engineNote':
    '{endpoint} 측 WebSocket 엔진이 알린 일이라 자체 바이트는 없습니다. 도착한 화살표를 선택하면 바이트를 볼 수 있습니다.',
  'ins.noBytes': '바이트가 없습니다.',
  'ins.show': '보기',
  'ins.kind.http': 'HTTP 메시지',
  'ins.kind.frame': '프레임',
  'ins.kind.raw': '원시 바이트',

  'ins.tcp.fieldsTitle': 'TCP 헤더',
  'ins.tcp.bytesTitle': '페이로드 바이트',
  'ins.tcp.headerNote':
    '페이로드만 그립니다. IP와 TCP 헤더 {n}바이트는 링크에서 계산에 넣지만 화면에는 보여 주지 않습니다.',
  'ins.tcp.ends': '출발 → 도착',
  'ins.tcp.flags': '플래그',
  'ins.tcp.flag.syn': '동기화: 연결을 열며 초기 순서 번호(ISN)를 알립니다',
  'ins.tcp.flag.ack': '확인 응답 번호가 유효합니다',
  'ins.tcp.flag.psh': '푸시: 데이터를 곧바로 애플리케이션에 넘기라는 뜻입니다',
  'ins.tcp.flag.fin': '종료: 보내는 쪽에 더 보낼 데이터가 없습니다',
  'ins.tcp.flag.rst': '리셋: 연결을 즉시 중단합니다',
  'ins.tcp.seq': '순서 번호(seq)',
  'ins.tcp.withRelative': '{raw} (상대값 {rel})',
  'ins.tcp.seqNote':
    'seq = 이 세그먼트의 첫 바이트가 보내는 쪽 스트림에서 차지하는 위치입니다. 상대값 = seq − ISN.',
  'ins.tcp.seqSyn': 'seq = 무작위로 고른 초기 순서 번호(ISN)입니다. SYN 자체도 1바이트로 셉니다.',
  'ins.tcp.ack': '확인 응답 번호(ack)',
  'ins.tcp.ackNote':
    'ack = 상대에게서 다음에 받기를 기대하는 바이트입니다. 그 앞의 바이트는 모두 도착했습니다.',
  'ins.tcp.ackUnused': '쓰이지 않습니다. ACK 플래그가 꺼져 있습니다(아직 받은 것이 없습니다).',
  'ins.tcp.window': '윈도우',
  'ins.tcp.windowNote': '이 세그먼트를 보낸 쪽이 앞으로 더 받을 수 있는 바이트 수입니다.',
  'ins.tcp.len': '페이로드 길이',
  'ins.tcp.lenControl': '데이터가 없습니다. 연결을 열거나 닫는 세그먼트입니다.',
  'ins.tcp.lenAck': '데이터가 없습니다. 확인 응답만 합니다.',
  'ins.tcp.payload': '페이로드',
  'ins.tcp.partWhole': '{what} 전체',
  'ins.tcp.partSome': '이 {what}({total}) 중 {from}–{to}번째 바이트입니다. 나머지는 다른 세그먼트로 갑니다',

  'ins.http.requestTitle': '요청 헤드',
  'ins.http.responseTitle': '응답 헤드',
  'ins.http.bytesTitle': '바이트({n})',
  'ins.http.requestLine':
    '요청 줄: {method} {target}. WebSocket 핸드셰이크는 HTTP/1.1 이상의 GET 요청이어야 합니다(§4.1).',
  'ins.http.status101':
    '상태 줄: 101 Switching Protocols. 서버가 전환에 동의합니다. 빈 줄 다음부터 양쪽은 WebSocket 프레임으로 주고받습니다(§4.2.2).',
  'ins.http.statusRefused':
    '상태 줄: {status}. 101이 아니면 서버가 업그레이드를 거절한 것이므로 WebSocket 연결은 만들어지지 않습니다(§4.1).',
  'ins.http.blank': '빈 줄(CR LF)',
  'ins.http.blankNote': '헤드의 끝을 나타냅니다.',
  'ins.http.blank101': '헤드의 끝입니다. 이 연결에서 다음 바이트는 WebSocket 프레임의 첫 바이트입니다.',
  'ins.http.body': '본문',
  'ins.http.bodyNote': 'Content-Length만큼의 본문입니다. 여기서는 서버가 거절한 이유를 설명합니다.',

  'ins.hdr.host': '요청하는 사이트입니다. 모든 HTTP/1.1 요청에 필수입니다(§4.1).',
  'ins.hdr.upgrade': '이 연결을 전환할 프로토콜입니다. 반드시 “websocket”이어야 합니다(§4.1, §4.2.2).',
  'ins.hdr.connection':
    '여기의 “Upgrade”는 Upgrade 헤더가 이 연결에 대한 것임을 뜻합니다. 양쪽 모두 필수입니다(§4.1, §4.2.2).',
  'ins.hdr.connectionClose': '“close”: 서버는 이 응답을 보낸 뒤 TCP 연결을 닫습니다.',
  'ins.hdr.connectionMissing':
    '핸드셰이크라면 여기에 “Upgrade”가 있어야 합니다. 없으면 서버가 거절합니다(§4.2.1).',
  'ins.hdr.connectionOther': '이 연결에만 적용되는 옵션입니다.',
  'ins.hdr.key':
    '16바이트 난수를 base64로 쓴 값으로, 핸드셰이크마다 새로 만듭니다. 서버는 이 값을 해시해 Sec-WebSocket-Accept로 돌려주어 요청을 읽었음을 증명합니다(§4.1).',
  'ins.hdr.version.req':
    '프로토콜 버전입니다. 13이 RFC 6455이며, 서버가 받아들여야 하는 유일한 버전입니다(§4.1).',
  'ins.hdr.version.res':
    '이 서버가 지원하는 버전입니다. 426과 함께 보내 클라이언트가 다시 시도할 수 있게 합니다(§4.4).',
  'ins.hdr.origin':
    '연결을 연 페이지로, 브라우저가 보냅니다. 서버는 믿지 못하는 출처를 403으로 거절할 수 있습니다(§4.2.2, §10.2).',
  'ins.hdr.protocol.req': '클라이언트가 제안하는 서브프로토콜로, 선호하는 순서대로 적습니다(§4.1).',
  'ins.hdr.protocol.res': '서버가 클라이언트의 목록에서 고른 서브프로토콜 하나입니다(§4.2.2).',
  'ins.hdr.extensions.req':
    '클라이언트가 제안하는 확장(예: permessage-deflate)입니다. 이 서버는 아무것도 받아들이지 않습니다(§9.1).',
  'ins.hdr.extensions.res': '서버가 제안받은 확장 가운데 받아들인 것입니다(§9.1).',
  'ins.hdr.accept':
    'base64(SHA-1(key + GUID)): 서버가 이 핸드셰이크를 읽었다는 증거입니다. 클라이언트가 검사하고, 다르면 연결을 실패 처리합니다(§4.1).',
  'ins.hdr.contentType': '본문의 미디어 타입입니다.',
  'ins.hdr.contentLength': '본문의 바이트 수로, 읽는 쪽이 본문의 끝을 알 수 있게 합니다.',
  'ins.hdr.userAgent': '클라이언트 소프트웨어입니다.',
  'ins.hdr.cookie': '이 사이트의 쿠키로, 다른 요청처럼 핸드셰이크에도 실립니다.',
  'ins.hdr.setCookie': '서버가 클라이언트에게 저장해 달라고 하는 쿠키입니다.',
  'ins.hdr.authorization': '서버에 보내는 인증 정보로, 일반 HTTP 요청과 같습니다.',
  'ins.hdr.cacheControl': '캐시 규칙입니다. 핸드셰이크는 캐시되지 않습니다.',
  'ins.hdr.date': '메시지를 만든 시각입니다.',
  'ins.hdr.server': '서버 소프트웨어입니다.',
  'ins.hdr.acceptEncoding': '클라이언트가 이해하는 본문 인코딩입니다. 프레임에는 영향을 주지 않습니다.',
  'ins.hdr.acceptLanguage': '사용자가 선호하는 언어입니다.',
  'ins.hdr.other': 'WebSocket 핸드셰이크의 일부가 아닙니다. 다른 HTTP 헤더처럼 그대로 전달됩니다.',

  'ins.acc.title': 'Sec-WebSocket-Accept를 만드는 과정',
  'ins.acc.lead': '이 연결에서 클라이언트가 보낸 키로, 엔진의 SHA-1과 base64를 써서 지금 계산합니다(§4.2.2).',
  'ins.acc.noKey': '이 연결의 요청에 Sec-WebSocket-Key가 없어서 계산할 것이 없습니다.',
  'ins.acc.key': '클라이언트가 보낸 Sec-WebSocket-Key',
  'ins.acc.fromRequest': '요청 #{id}',
  'ins.acc.guid': 'RFC가 정한 GUID를 뒤에 붙입니다(§1.3)',
  'ins.acc.computing': 'SHA-1을 계산하는 중…',
  'ins.acc.sha1': '그 문자열의 SHA-1: 20바이트(16진수)',
  'ins.acc.base64': '그 20바이트를 base64로 쓴 값',
  'ins.acc.compare': '이 응답의 Sec-WebSocket-Accept',
  'ins.acc.match': '같습니다. 클라이언트가 핸드셰이크를 받아들이고 연결이 열립니다.',
  'ins.acc.mismatch': '다릅니다. 클라이언트는 WebSocket 연결을 실패 처리해야 합니다(§4.1).',
  'ins.acc.noCrypto': '이 브라우저에서는 SHA-1을 계산할 수 없습니다(Web Crypto를 쓸 수 없습니다).',

  'ins.carriers.title': '실어 나른 TCP 세그먼트',
  'ins.carriers.none': '전송되지 않았습니다. TCP가 실어 나를 수 없었습니다.',
  'ins.carriers.range': '스트림의 {from}–{to}번째 바이트(상대 seq)',

  'ins.out.title': '이 바이트가 도착했을 때 {receiver} 쪽이 한 일',
  'ins.out.state': '{layer} 상태 {from} → {to}',
  'ins.out.sent': '다음을 보냅니다: {what}',
  'ins.out.inFlight': '재생 위치에서는 아직 전송 중입니다. 마지막 바이트는 {t}에 도착합니다.',
  'ins.out.more': '… 외 {n}개.',
  'ins.out.nothing':
    '겉으로 드러난 일은 없습니다. {receiver} 쪽은 바이트를 보관하고 다음 바이트를 기다립니다.',

  'ins.frame.nothing': '이 바이트에서 프레임을 찾지 못했습니다.',
  'ins.frame.cardTitle': '{receiver} 쪽이 읽는 필드',
  'ins.frame.cardTitleN': '{receiver} 쪽이 읽는 프레임 {n}',
  'ins.frame.where.one': '실제 전송 {n}바이트',
  'ins.frame.where.other': '실제 전송 {n}바이트',
  'ins.frame.openDecoder': '이 바이트를 프레임 디코더에서 열기',

  'ins.raw.label': '원시 바이트',
  'ins.raw.note':
    '입력한 그대로 보냈습니다. 보내는 쪽은 이 바이트를 프레임으로 만들거나 검사하지 않았습니다.',
  'ins.raw.fieldsTitle': '보낸 것',
  'ins.raw.bytesTitle': '바이트',
  'ins.raw.openDecoder': '프레임 디코더에서 이 바이트를 필드별로 읽기',

  'ins.st.tcp.CLOSED': 'CLOSED: 연결이 없습니다.',
  'ins.st.tcp.LISTEN': 'LISTEN: 클라이언트의 SYN을 기다립니다.',
  'ins.st.tcp.SYN_SENT': 'SYN_SENT: SYN을 보냈고 SYN-ACK을 기다립니다.',
  'ins.st.tcp.SYN_RECEIVED': 'SYN_RECEIVED: SYN에 SYN-ACK으로 답했고 마지막 ACK을 기다립니다.',
  'ins.st.tcp.ESTABLISHED': 'ESTABLISHED: 3방향 핸드셰이크가 끝나 양방향으로 데이터를 주고받을 수 있습니다.',
  'ins.st.tcp.FIN_WAIT_1': 'FIN_WAIT_1: 이쪽이 FIN을 보냈고 그 확인 응답을 기다립니다.',
  'ins.st.tcp.FIN_WAIT_2': 'FIN_WAIT_2: FIN이 확인되었고 상대의 FIN을 기다립니다.',
  'ins.st.tcp.CLOSE_WAIT': 'CLOSE_WAIT: 상대가 FIN을 보냈습니다. 이쪽은 남은 데이터를 보낸 뒤 닫습니다.',
  'ins.st.tcp.CLOSING': 'CLOSING: 양쪽이 동시에 FIN을 보냈고 ACK을 기다립니다.',
  'ins.st.tcp.LAST_ACK': 'LAST_ACK: 상대에 이어 FIN을 보냈고 마지막 ACK을 기다립니다.',
  'ins.st.tcp.TIME_WAIT': 'TIME_WAIT: 먼저 닫은 쪽이 늦게 온 세그먼트가 사라지도록 2 × MSL 동안 기다립니다.',
  'ins.st.ws.CONNECTING': 'CONNECTING: 여는 핸드셰이크가 진행 중입니다(§4).',
  'ins.st.ws.OPEN': 'OPEN: 핸드셰이크가 성공해 양방향으로 프레임을 보낼 수 있습니다.',
  'ins.st.ws.CLOSING': 'CLOSING: close 프레임을 보냈거나 받았고, 닫는 핸드셰이크가 진행 중입니다(§7).',
  'ins.st.ws.CLOSED': 'CLOSED: WebSocket 연결이 닫혔습니다.',
  'ins.st.other': '이 엔드포인트의 상태입니다.',
  // permessage-deflate(이슈 12): 압축된 메시지의 프레임, 엔진의 필드 맵으로.
  'ins.deflate.summary':
    'RSV1이 1입니다. 압축된 메시지입니다(permessage-deflate, RFC 7692 §6). 전송된 DEFLATE 데이터 {compressed}바이트가 {inflated}바이트로 풀립니다.',
  'ins.deflate.summaryCont':
    '압축된 메시지의 프레임입니다(RSV1은 첫 프레임에만 1, RFC 7692 §6.1). 전송된 DEFLATE 데이터 {compressed}바이트가 {inflated}바이트로 풀립니다.',
  'ins.deflate.bytesTitle': '전송된 바이트',
  // Beside the decoder link of a frame whose message was compressed against a kept window (FrameDetails).
  'ins.frame.keptWindow':
    '보낸 쪽이 앞선 메시지들의 압축 윈도를 이어서 썼습니다(context takeover, RFC 7692 §7.2.3.2). 디코더는 이 프레임만 받으므로 빈 윈도에서 시작하고, 메시지가 앞선 메시지를 참조하면 그렇다고 알려 줍니다.',
} as const;
