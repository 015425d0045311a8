/** 비교 화면의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const compareKo = {
  'cmp.title': 'WebSocket이 생긴 이유: 서버 이벤트를 받는 다섯 가지 방법',
  'cmp.intro':
    '같은 서버 이벤트를 같은 시뮬레이션 네트워크 위에서 다섯 가지 방법으로 전달합니다: 짧은 폴링, 롱 폴링, HTTP 스트리밍, Server-Sent Events, WebSocket. 아래의 요청·헤더·프레임은 모두 실제로 오간 트래픽이며, 일어나는 대로 셉니다.',
  'cmp.settings': '시나리오',
  'cmp.schedule': '이벤트',
  'cmp.schedule.regular': '일정한 간격',
  'cmp.schedule.bursty': '몰아서',
  'cmp.schedule.random': '무작위',
  'cmp.seed': '시드',
  'cmp.rate': '초당 이벤트 수',
  'cmp.poll': '폴링 간격(ms)',
  'cmp.timeout': '롱 폴링 타임아웃(ms)',
  'cmp.rtt': '왕복 시간(ms)',
  'cmp.cookie': 'Cookie 헤더(바이트)',
  'cmp.keepAlive': 'HTTP keep-alive',
  'cmp.upstream': '클라이언트도 3초마다 메시지를 보냄',
  'cmp.drop': '12초에 프록시가 SSE 스트림을 끊음',
  'cmp.wsDeflate': 'WebSocket 압축(permessage-deflate, RFC 7692)',
  'cmp.play': '재생',
  'cmp.pause': '일시 정지',
  'cmp.speed': '속도',
  'cmp.time': '시간',
  'cmp.restart': '처음부터',
  'cmp.raceFailed':
    '시뮬레이터 오류로 비교를 계산하지 못했습니다(버그입니다. 자세한 내용은 브라우저 콘솔에 있습니다): {reason}',
  'cmp.lane.polling': '짧은 폴링',
  'cmp.lane.long-polling': '롱 폴링',
  'cmp.lane.streaming': 'HTTP 스트리밍',
  'cmp.lane.sse': 'Server-Sent Events',
  'cmp.lane.websocket': 'WebSocket',
  'cmp.diagram': '{lane}: 위는 클라이언트, 아래는 서버이고 선은 오가는 메시지입니다',
  'cmp.col.lane': '방식',
  'cmp.col.requests': 'HTTP 요청',
  'cmp.col.connections': 'TCP 연결',
  'cmp.col.header': '헤더 바이트',
  'cmp.col.payload': '페이로드 바이트',
  'cmp.col.tcp': 'TCP/IP 바이트',
  'cmp.col.empty': '빈 응답',
  'cmp.col.latency': '지연 평균 / p95 / 최대(ms)',
  'cmp.col.held': '서버가 잡은 연결(최대)',
  'cmp.col.upstream': '업스트림 전달',
  'cmp.legend.lanes': '레인 읽는 법',
  'cmp.legend.lifelines': '위의 선은 클라이언트, 아래의 선은 서버',
  'cmp.legend.event': '서버에 새 이벤트가 생김',
  'cmp.legend.delivered': '클라이언트 애플리케이션이 이벤트를 받음',
  'cmp.legend.request': 'HTTP 요청',
  'cmp.legend.response': 'HTTP 응답',
  'cmp.legend.data': '열린 연결 위의 데이터(청크, SSE 이벤트, WebSocket 프레임)',
  'cmp.legend.control':
    '연결 제어: TCP 연결을 열거나 닫음(SYN, FIN), HTTP/2 SETTINGS, WINDOW_UPDATE, RST_STREAM',
  'cmp.legend.techniques': '방식별 색',
  'cmp.axis.delay': '지연(ms)',
  'cmp.axis.eventTime': '서버에 이벤트가 생긴 시각(초)',
  'cmp.axis.kb': '바이트(kB)',
  'cmp.axis.time': '시간(초)',
  'cmp.scrollHint': '열이 더 있습니다: 옆으로 스크롤 →',
  'cmp.counters': '재생 위치의 카운터',
  'cmp.chart.latency': '이벤트별 전달 지연(ms)',
  'cmp.chart.bytes': '누적 전송 바이트',
  'cmp.conclusion': '이번 실행에서 알 수 있는 것',
  'cmp.events': '{s}초 동안 서버 이벤트 {n}개',
  'cmp.none': '—',
  // 결론 패널의 문장(ui/compare/conclusion.ts). 실행 결과로 계산합니다.
  'cmp.conclusion.pending':
    '경주가 {s}초에 이르면 이번 실행의 결론이 여기에 나옵니다(재생을 누르거나 시간 슬라이더를 끝으로 옮기세요).',
  'cmp.conclusion.polling':
    '짧은 폴링은 이벤트 {events}개를 받으려고 요청을 {requests}번 보냈고, 그중 {empty}번은 빈 응답이었습니다.',
  'cmp.conclusion.longPolling':
    '롱 폴링은 요청 {requests}번(빈 응답 {empty}번)으로 지연을 줄였지만, 서버는 그동안 요청을 붙잡고 있어야 했습니다.',
  'cmp.conclusion.sse':
    'SSE는 응답 하나로 이벤트 {delivered}개를 흘려보냈습니다{reconnects}. 클라이언트가 보낼 것은 따로 HTTP 요청을 써야 합니다.',
  'cmp.conclusion.reconnects.one': '(끊긴 뒤 {n}번 다시 연결)',
  'cmp.conclusion.reconnects.other': '(끊긴 뒤 {n}번 다시 연결)',
  'cmp.conclusion.websocket':
    'WebSocket은 핸드셰이크 한 번 뒤로 이벤트 {delivered}개를 프레임으로 받았고, 프레임마다 헤더는 2바이트였습니다.',
  'cmp.conclusion.bytes': '전송된 바이트는 짧은 폴링이 WebSocket의 {ratio}배{delay}였습니다.',
  'cmp.conclusion.delay': ', 평균 지연은 {poll} ms 대 {ws} ms',
  // HTTP/2 스위치와 하트비트(helper h2-14).
  'cmp.http2': 'HTTP 레인에 HTTP/2 사용(연결 하나, HPACK 헤더)',
  'cmp.heartbeat': '하트비트 간격(초)',
  'cmp.heartbeat.off': '끔',
  'cmp.conclusion.http2':
    'HTTP/2에서는 모든 HTTP 요청이 연결 하나의 스트림이었고, HPACK이 반복되는 헤더 필드를 1바이트 테이블 인덱스로 보냈습니다. 짧은 폴링의 프레이밍은 요청당 {perRequest}바이트였습니다. 각 HTTP 레인의 그림은 실제로 보낸 HTTP/2 프레임(SETTINGS, HEADERS, DATA)을 그리고, 카운터도 그 바이트를 셉니다. WebSocket 레인은 자기 HTTP/1.1 연결을 그대로 씁니다.',
  'cmp.conclusion.sseVsWs': 'SSE는 WebSocket의 {ratio}배 바이트를 보냈습니다. {why}',
  'cmp.conclusion.sseCheap':
    '거의 같은 비용입니다. 서버에서 오는 이벤트라면 둘 다 세그먼트마다 이벤트 자체에 조금 더 얹어 보낼 뿐입니다.',
  'cmp.conclusion.ssePosts':
    '차이는 대부분 클라이언트 메시지에서 나옵니다. 메시지마다 헤더를 반복하는 HTTP/1.1 POST입니다. HTTP/2를 켜서 줄어드는 것을 보세요.',
  'cmp.conclusion.ssePostsH2':
    'HPACK을 써도 클라이언트 메시지마다 요청 하나(HEADERS와 DATA 프레임)가 필요하고, WebSocket은 작은 프레임 하나면 됩니다.',
  'cmp.conclusion.sseFraming':
    '이벤트마다 SSE의 “id:”와 “data:” 줄이 붙고, WebSocket은 2바이트 헤더만 붙습니다.',
  'cmp.conclusion.heartbeat.one':
    '하트비트 {n}번({s}초마다): WebSocket의 ping과 pong은 한 번에 프레임 {ws}바이트, SSE의 주석 줄은 {sse}바이트가 들고, 여기에 세그먼트의 TCP/IP 헤더가 더해집니다.',
  'cmp.conclusion.heartbeat.other':
    '하트비트 {n}번({s}초마다): WebSocket의 ping과 pong은 한 번에 프레임 {ws}바이트, SSE의 주석 줄은 {sse}바이트가 들고, 여기에 세그먼트의 TCP/IP 헤더가 더해집니다.',
} as const;
