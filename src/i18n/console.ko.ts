/** console 영역의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const consoleKo = {
  'con.title': '콘솔',
  'con.keys': 'Tab 자동 완성 · ↑↓ 이전 명령 · Esc 나가기',
  'con.inputLabel':
    '콘솔 입력란입니다. 명령을 입력하고 Enter를 누르세요. Tab은 자동 완성, 화살표 키는 이전 명령, Esc는 콘솔에서 나가기입니다.',
  'con.outputLabel': '콘솔 출력',
  'con.srMode': '스크린 리더 모드',
  'con.loading': '콘솔을 불러오는 중입니다…',
  'con.failed': '콘솔을 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
  'con.greeting': 'ws101 콘솔: 클라이언트 쪽 셸입니다. help를 입력하거나 connect로 시작하세요.',
  'con.help.title': '명령:',
  'con.help.legend':
    '이벤트 한 줄은 가상 시간, 보낸 쪽(→ 클라이언트가 보냄, ← 받음), 계층(TCP, HTTP, WS), 내용 순입니다. “서버:”로 시작하는 줄은 서버에서 일어난 일입니다.',
  'con.help.keys':
    '키: Tab은 자동 완성, ↑/↓는 이전 명령, Ctrl+C는 입력 취소, Ctrl+L은 화면 지우기, Esc는 콘솔에서 나가기입니다.',
  'con.help.more': 'help <명령>을 입력하면 명령 하나를 자세히 설명합니다.',
  'con.help.unknown': '“{name}” 명령은 없습니다.',
  'con.usage': '사용법: {usage}',
  'con.didYouMean': '{name} 명령을 입력하려고 하셨나요? 사용법: {usage}',
  'con.helpHint': 'help를 입력하면 명령 목록을 볼 수 있습니다',
  'con.dump.on': 'hex dump를 켰습니다. 프레임과 HTTP 메시지마다 아래에 xxd 형식 덤프를 보여 줍니다.',
  'con.dump.off': 'hex dump를 껐습니다.',
  'con.reset': '초기화했습니다. 연결과 타임라인이 새로 시작됩니다. connect를 입력해 다시 시작하세요.',
  'con.lineFull': '콘솔 한 줄에는 최대 {max}자까지 들어갑니다. 붙여 넣은 나머지는 버렸습니다.',
  'con.latency': '이제 단방향 지연은 {ms} ms입니다. 다음 세그먼트부터 적용됩니다.',
  'con.mss': '이제 TCP 최대 세그먼트 크기는 {bytes}바이트입니다.',
  'con.server': '서버 동작: {kind}. 다음 connect부터 적용됩니다.',
  'con.tcpMore.one': '⋯ 세그먼트 {n}개 더, 페이로드 {bytes}B(다이어그램에 모두 나옵니다)',
  'con.tcpMore.other': '⋯ 세그먼트 {n}개 더, 페이로드 {bytes}B(다이어그램에 모두 나옵니다)',
  'con.behind':
    '콘솔은 {end} ms까지의 최신 내용을 보여 줍니다. 다이어그램은 {now} ms로 돌아가 있어서, 그 뒤의 줄은 다이어그램에서는 아직 일어나지 않았습니다.',
  'con.behind.now': '지금으로',
  'con.at': '{who}:',
  'con.state': 'WebSocket 상태 {from} → {to}',
  // 명령 도움말과 입력 오류: sim/commands.ts가 쓰는 키(CommandTexts).
  'con.cmd.connect':
    'TCP를 열고 WebSocket 핸드셰이크를 시작. --protocol chat,superchat은 서브프로토콜을 제안하고, --deflate는 브라우저처럼 permessage-deflate를, --deflate=client_no_context_takeover,server_max_window_bits=10은 그 파라미터로 제안(RFC 7692 §7.1)',
  'con.cmd.send': '텍스트 메시지 보내기',
  'con.cmd.binary': '바이너리 메시지 보내기, 예: binary 01 02 ff',
  'con.cmd.ping':
    'ping 보내기(서버가 pong으로 답함). ping every 30000 [timeout 10000]은 클라이언트가 주기적으로 ping을 보내고, 기한 안에 pong이 오지 않으면 연결을 포기하게 함(1006). ping off로 멈춤',
  'con.cmd.middlebox':
    '조용한 연결을 잊어버리는 장비를 경로에 둠. middlebox idle 60000 [drop|reset]은 로드 밸런서의 유휴 타임아웃(이후 세그먼트가 사라지거나, 양쪽 끝이 RST를 받음), middlebox nat 30000은 매핑이 만료되는 NAT. middlebox off로 없앰',
  'con.cmd.close': '닫는 핸드셰이크 시작, 예: close 1000 bye',
  'con.cmd.frag': '텍스트 메시지 하나를 프레임 n개로 나눠 보내기',
  'con.cmd.raw': '임의의 바이트를 그대로 전송(잘못된 프레임을 서버가 거부하는 모습 보기)',
  'con.cmd.latency': '링크의 단방향 지연, 0–10000 ms',
  'con.cmd.mss': 'TCP 최대 세그먼트 크기, 1–65495바이트',
  'con.cmd.window':
    '서버의 TCP 수신 버퍼, 1–65535바이트: 서버가 윈도로 알릴 수 있는 최댓값(다음 connect부터)',
  'con.cmd.reader':
    '서버 애플리케이션이 수신 버퍼를 읽는 속도: fast(바로), slow <KB/s>(예: reader slow 10), pause(멈춤; connect 전에 멈추면 핸드셰이크도 읽지 않음)',
  'con.cmd.flood':
    '<bytes>바이트짜리 바이너리 메시지 <count>개를 한꺼번에 보냄, 예: flood 20 1000(빠른 송신자)',
  'con.cmd.server':
    '서버 동작 선택. server deflate on|off [--no-context-takeover] [--client-no-context-takeover] [--max-window-bits 8–15] [--client-max-window-bits 8–15]는 permessage-deflate를 어디까지 받아들일지, server protocols chat,superchat(또는 none)은 선호 순서대로 서브프로토콜을, server origins https://bank.example(또는 any)은 받아들일 Origin을(나머지는 403, RFC 6455 §10.2), server samesite none|lax|strict는 은행 세션 쿠키의 SameSite 속성을 정함(모두 다음 connect부터 적용)',
  'con.cmd.dump': '프레임마다 xxd 형식 hex dump 표시',
  'con.cmd.reset': '처음부터: 새 연결, 타임라인 비우기',
  'con.cmd.clear': '콘솔 화면 지우기',
  'con.cmd.help': '명령 목록 또는 명령 설명',
  'con.err.empty': '명령을 입력하세요. help로 목록을 볼 수 있습니다.',
  'con.err.needHex': '바이트를 hex로 적어 주세요. 예: 81 05 48 65 6c 6c 6f',
  'con.err.notHex': '“{char}”({pos}번째 글자)는 16진수 숫자가 아닙니다.',
  'con.err.oddHex': '16진수 자릿수가 홀수입니다. 한 바이트는 두 자리입니다.',
  'con.err.tooLong': '최대 {max}바이트까지입니다.',
  'con.err.needValue': '{option} 뒤에 값이 필요합니다.',
  'con.err.unknownOption': '알 수 없는 옵션 {option}.',
  'con.err.path': '경로는 “/”로 시작해야 합니다: {path}.',
  'con.err.unexpected': '예상하지 못한 “{word}”.',
  'con.err.pathTooLong': '경로가 {bytes}바이트입니다. 여기서 경로는 최대 {max}바이트(1 KiB)입니다.',
  'con.err.pathControl':
    '경로에 제어 문자({name}, {pos}번째 글자)가 있습니다. RFC 9112 §3.2: request-target에는 공백이나 제어 문자가 들어갈 수 없습니다. 브라우저의 URL 파서는 이를 지우거나 퍼센트 인코딩하므로 실제 요청에는 나타나지 않습니다.',
  'con.err.pathSpace':
    '경로에 공백이 있습니다. RFC 9112 §3.2: 공백은 request-target을 끝냅니다(GET <target> HTTP/1.1). %20으로 쓰세요.',
  'con.err.optionControl':
    '{option}에 제어 문자({name}, {pos}번째 글자)가 있습니다. RFC 9110 §5.5: 헤더 필드 값에는 CR, LF, NUL이 들어갈 수 없습니다(CRLF가 헤더 줄을 끝내고 나머지가 다른 헤더인 척하게 됩니다). 브라우저는 이런 요청을 보내지 않습니다. new WebSocket()은 이런 서브프로토콜에 SyntaxError를 던지고, Origin, 키, 버전은 브라우저가 직접 정합니다.',
  'con.err.protocolToken':
    "--protocol “{value}”는 토큰이 아닙니다. RFC 6455 §4.1, RFC 9110 §5.6.2: 서브프로토콜 이름에는 글자, 숫자와 !#$%&'*+-.^_`|~만 쓸 수 있습니다. new WebSocket()은 이런 이름에 SyntaxError를 던집니다.",
  'con.err.keyTooLong':
    '--key는 여기서 최대 {max}자입니다. 실제 키는 24자입니다(무작위 16바이트의 base64, RFC 6455 §4.1).',
  'con.err.versionTooLong': '--version은 여기서 최대 {max}자입니다. RFC 6455 §4.1에서는 13을 보냅니다.',
  'con.err.valueTooLong': '{option} 값이 {bytes}바이트입니다. 여기서 값은 최대 {max}바이트(1 KiB)입니다.',
  'con.err.nothingToSend': '보낼 텍스트가 없습니다.',
  'con.err.pingTooLong': 'ping에는 최대 125바이트만 실을 수 있습니다(RFC 6455 §5.5).',
  'con.err.closeCode': '“{word}”는 상태 코드가 아닙니다(1000 같은 숫자).',
  'con.err.frag': '텍스트와 프레임 개수(1–1000)를 차례로 적어 주세요.',
  'con.err.latency': '0–10000 사이의 밀리초를 정수로 적어 주세요.',
  'con.err.mss': '1–65495 사이의 바이트 수를 정수로 적어 주세요.',
  'con.err.window': '수신 버퍼 크기를 1–{max} 사이의 바이트 수(정수)로 적어 주세요(윈도 스케일링 없음).',
  'con.err.reader':
    'reader fast, reader pause, 또는 reader slow <KB/s>(정수)로 적어 주세요. 예: reader slow 10',
  'con.err.flood':
    '개수(1–{maxCount})와 크기(1–{maxBytes}바이트)를 적어 주세요. 합쳐서 {total}바이트까지입니다. 예: flood 20 1000',
  'con.err.server':
    'echo, chat, ticker, reject, bank 중에서 고르거나, server deflate …, server protocols …, server origins …, server samesite …를 입력하세요.',
  'con.err.dump': 'dump on 또는 dump off.',
  'con.err.unknown': '알 수 없는 명령 “{word}”. help로 목록을 보세요.',
  // 월드의 거절(sim/world.ts, WorldTexts).
  'con.refuse.connected': '이미 연결되어 있습니다. 먼저 close(또는 reset)하세요.',
  'con.refuse.noTcp': 'TCP 연결이 없습니다. 먼저 connect를 입력하세요.',
  'con.refuse.notConnected': '연결되어 있지 않습니다. 먼저 connect를 입력하세요.',
  'con.refuse.closingData':
    '클라이언트가 이미 close 프레임을 보냈습니다. 그 뒤로는 데이터 프레임을 더 보내면 안 됩니다(RFC 6455 §5.5.1). 연결이 닫힌 뒤 connect를 입력하면 새 연결을 열고, reset을 입력하면 처음부터 다시 시작합니다.',
  'con.refuse.closingClose':
    '클라이언트가 이미 close 프레임을 보내고 서버의 close 프레임을 기다리는 중입니다(RFC 6455 §7.1.2). 종료 핸드셰이크는 한 번만 시작합니다. 연결이 닫힌 뒤 connect를 입력하면 새 연결을 열고, reset을 입력하면 처음부터 다시 시작합니다.',
  'con.refuse.closed':
    '이 연결은 닫혔습니다(RFC 6455 §7.1.4). close 프레임을 포함해 이 연결로는 더 보낼 수 없습니다. connect를 입력하면 새 연결을 열고, reset을 입력하면 처음부터 다시 시작합니다.',
  // permessage-deflate와 서브프로토콜(이슈 12).
  'con.serverDeflateOn':
    '서버가 permessage-deflate를 받아들입니다{limits}. 다음 connect부터 적용되며, 클라이언트가 제안할 때(connect --deflate)만 쓰입니다.',
  'con.serverDeflateOff':
    '서버가 permessage-deflate를 거절합니다. 101 응답에 Sec-WebSocket-Extensions가 없고, 연결은 압축 없이 진행됩니다. 다음 connect부터 적용됩니다.',
  'con.serverProtocols':
    '서버는 {list}를 이 선호 순서대로 씁니다. 클라이언트가 제안한 것 중 이 순서로 처음 맞는 것을 고릅니다(RFC 6455 §4.2.2). 다음 connect부터 적용됩니다.',
  'con.serverProtocolsNone':
    '서버는 서브프로토콜을 쓰지 않습니다. 클라이언트가 무엇을 제안하든 101 응답에 Sec-WebSocket-Protocol이 없습니다. 다음 connect부터 적용됩니다.',
  'con.negotiated.protocol':
    '서브프로토콜: 서버가 {protocol}을(를) 골랐습니다(101 응답의 Sec-WebSocket-Protocol).',
  'con.negotiated.noProtocol':
    '서브프로토콜: 없음. 클라이언트는 {offered}를 제안했지만 서버는 하나도 고르지 않았습니다(101 응답에 Sec-WebSocket-Protocol 없음, RFC 6455 §4.2.2). 이 연결에는 서브프로토콜이 없습니다.',
  'con.negotiated.deflate':
    '확장: permessage-deflate 합의. 101 응답의 헤더: Sec-WebSocket-Extensions: {answer}',
  'con.negotiated.noDeflate':
    '확장: 서버가 permessage-deflate를 거절했습니다(101 응답에 Sec-WebSocket-Extensions 없음, RFC 7692 §5). 메시지는 압축 없이 오가고 RSV1은 0입니다.',
  'con.err.protocolTwice':
    '서브프로토콜 “{value}”가 두 번 나옵니다. RFC 6455 §4.1: Sec-WebSocket-Protocol의 서브프로토콜은 서로 달라야 합니다. new WebSocket()은 중복된 이름에 SyntaxError를 던집니다.',
  'con.err.deflateParam':
    'RFC 7692 §7.1: permessage-deflate의 파라미터는 server_no_context_takeover, client_no_context_takeover, server_max_window_bits, client_max_window_bits 네 가지입니다. “{name}”은(는) 그중 하나가 아니며, 서버는 이런 제안을 거절합니다.',
  'con.err.deflateTwice':
    'RFC 7692 §7: 제안에는 각 파라미터가 한 번만 나와야 합니다. “{name}”이(가) 두 번 나오면 서버는 그 제안을 거절합니다.',
  'con.err.deflateFlag': 'RFC 7692 §7.1.1: {name}에는 값이 없습니다. 이름만 쓰세요.',
  'con.err.deflateBits':
    'RFC 7692 §7.1.2: {name}은(는) LZ77 윈도 크기를 비트로 나타낸 8부터 15까지의 정수입니다. “{value}”는 그런 값이 아닙니다.',
  'con.err.deflateNeedBits':
    'RFC 7692 §7.1.2.1: {name}에는 8부터 15까지의 값이 필요합니다(값 없이 쓸 수 있는 것은 client_max_window_bits뿐입니다, §7.1.2.2).',
  'con.err.serverDeflate': 'server deflate on 또는 server deflate off.',
  'con.err.serverProtocols':
    '서버의 선호 순서대로 서브프로토콜을 주세요. 예: server protocols chat,superchat, 또는 server protocols none.',
  'con.refuse.noCodec':
    'DEFLATE 코덱을 불러오지 못해 permessage-deflate를 제안할 수 없습니다(RFC 7692). 페이지를 새로 고친 뒤 다시 시도하세요.',
  // 누가 접속할 수 있나(이슈 14, 14강): Origin 허용 목록과 은행 쿠키.
  'con.err.serverOrigins':
    '서버가 받아들일 Origin을 주세요. 예: server origins https://bank.example, 또는 server origins any.',
  'con.err.originForm':
    '“{value}”는 직렬화된 origin이 아닙니다. RFC 6454 §6.2: Origin은 scheme://host[:port] 형태로, 소문자이고 경로나 끝의 슬래시가 없습니다. 브라우저가 보내는 바로 그 문자열이며, 서버는 그대로 비교합니다.',
  'con.err.serverSameSite':
    'server samesite none, lax, strict 중 하나: 은행 세션 쿠키의 SameSite 속성입니다(RFC 6265bis §5.4.7).',
  'con.serverOrigins':
    '서버는 이제 Origin {list}만 받아들입니다. 다른 Origin이나 Origin이 없는 요청은 403 Forbidden을 받습니다(RFC 6455 §4.2.2, §10.2). 다음 connect부터 적용됩니다.',
  'con.serverOriginsAny':
    '서버가 모든 Origin을 받아들입니다. 어느 사이트의 어느 페이지든 방문자의 쿠키를 실어 이곳에 소켓을 열 수 있습니다. 다음 connect부터 적용됩니다.',
  'con.serverSameSite':
    '은행 세션 쿠키가 이제 SameSite={value}입니다. none이면 다른 사이트에서 시작한 핸드셰이크에도 실리고, lax와 strict는 같은 사이트에서만 실립니다(WebSocket은 최상위 내비게이션이 아니므로). 다음 connect부터 적용됩니다.',
  // 연결 유지하기(이슈 14, 15강): 미들박스와 하트비트.
  'con.err.middlebox': 'middlebox idle <ms> [drop|reset], middlebox nat <ms>, 또는 middlebox off.',
  'con.err.middleboxMs': '“{word}”는 타임아웃이 아닙니다. {min}–{max} 사이의 정수 밀리초로 주세요.',
  'con.err.heartbeat':
    'ping every <ms> [timeout <ms>](정수 밀리초, 100–3600000) 또는 ping off. 그냥 ping [text]는 ping을 한 번 보냅니다.',
  'con.err.heartbeatDeadline':
    'pong 기한({timeout} ms)은 간격({every} ms)보다 짧아야 합니다. 그렇지 않으면 앞의 ping을 판정하기도 전에 다음 ping이 나갑니다.',
  'con.middleboxIdle':
    '이제 경로에 로드 밸런서가 있습니다. 세그먼트 없이 {ms} ms가 지나면 연결을 잊고 {then}. 각 연결은 다음 세그먼트부터 지켜봅니다.',
  'con.middleboxIdle.drop': '이후에 오는 것을 조용히 버립니다',
  'con.middleboxIdle.reset': '양쪽 끝에 RST를 보냅니다',
  'con.middleboxNat':
    '이제 경로에 NAT가 있습니다. 매핑은 세그먼트 없이 {ms} ms 동안 유지됩니다. 그 뒤로 서버의 세그먼트는 사라지고, 클라이언트의 세그먼트는 서버에서 RST를 받습니다(서버에게는 모르는 연결이므로).',
  'con.middleboxOff': '경로에 미들박스가 없습니다. 모든 세그먼트가 도착합니다.',
  'con.heartbeat':
    '이제 클라이언트는 연결이 열려 있는 동안 {every} ms마다 ping을 보내고, {timeout} ms 안에 pong이 오지 않으면 연결을 포기합니다(1006).',
  'con.heartbeatOff': '클라이언트가 더는 주기적으로 ping을 보내지 않습니다.',
} as const;
