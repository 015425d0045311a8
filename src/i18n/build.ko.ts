import type { buildEn } from './build.en.ts';

/** 캡스톤(직접 만드는 WebSocket 서버) 채점기의 한국어 문자열. */
export const buildKo = {
  // ── 단계 ──
  'build.stage.handshake.title': 'Upgrade에 답하기',
  'build.stage.handshake.goal':
    '올바른 Upgrade 요청에 101 Switching Protocols와 올바른 Sec-WebSocket-Accept로 답합니다.',
  'build.stage.handshake.hint':
    '요청 헤드를 빈 줄(\\r\\n\\r\\n)까지 읽습니다. Accept = base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")), 코드로는 createHash("sha1").update(key + GUID).digest("base64")입니다. "HTTP/1.1 101 Switching Protocols"로 답하고, 이어서 Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Accept와 빈 줄을 보냅니다.',
  'build.stage.refuse.title': '잘못된 핸드셰이크 거절하기',
  'build.stage.refuse.goal':
    '키가 없거나 형식이 잘못됐거나 Host가 없으면 400으로 답하고, 버전 8이면 Sec-WebSocket-Version: 13과 Upgrade: websocket을 담아 426으로 답합니다.',
  'build.stage.refuse.hint':
    '답하기 전에 §4.2.1의 헤더를 하나씩 확인합니다. Host가 있는지, Sec-WebSocket-Key가 16바이트를 base64로 쓴 값("=="로 끝나는 24글자)인지, Sec-WebSocket-Version이 13인지 봅니다. 버전이 다르면 Sec-WebSocket-Version: 13(§4.4)과 Upgrade: websocket(RFC 9110 §15.5.22) 헤더를 담아 "426 Upgrade Required"로 답하고, 나머지 경우에는 "400 Bad Request"로 답합니다. 그런 다음 socket.end()를 호출합니다.',
  'build.stage.echo.title': '마스크를 벗기고 에코하기',
  'build.stage.echo.goal':
    '마스킹된 텍스트 프레임을 읽고, 그 텍스트를 마스킹하지 않은 텍스트 프레임에 담아 돌려보냅니다.',
  'build.stage.echo.hint':
    '0번 바이트는 FIN과 opcode입니다(0x81은 FIN이 1인 텍스트 프레임). 1번 바이트는 MASK 비트와 7비트 길이입니다. 그 뒤 4바이트가 마스킹 키이고, 이어서 페이로드가 옵니다: clear[i] = payload[i] ^ key[i % 4]. 답장은 0x81, MASK 비트를 0으로 둔 길이, 그리고 마스크를 벗긴 바이트입니다.',
  'build.stage.lengths.title': '세 가지 길이 형식',
  'build.stage.lengths.goal': '125바이트, 126바이트, 65,536바이트 페이로드를 에코합니다.',
  'build.stage.lengths.hint':
    '길이 0–125는 그 값이 곧 길이입니다. 126이면 실제 길이는 다음 2바이트(빅엔디언)에, 127이면 다음 8바이트에 있습니다. 마스킹 키는 확장 길이 뒤에 옵니다. 에코는 들어맞는 형식 중 가장 짧은 것으로 씁니다. 126부터 65,535까지는 126 + 2바이트, 그보다 크면 127 + 8바이트입니다.',
  'build.stage.boundaries.title': '메시지 경계 없음',
  'build.stage.boundaries.goal':
    '여러 번에 나눠 도착한 프레임도, 한 번에 몰려 도착한 여러 프레임도 모두 에코합니다.',
  'build.stage.boundaries.hint':
    'TCP가 나르는 것은 메시지가 아니라 바이트 스트림입니다. 연결마다 버퍼를 하나 두고, 도착하는 청크(chunk)를 모두 거기에 덧붙인 뒤, 남은 것이 온전한 프레임이 아닐 때까지 반복문을 돌며 버퍼 앞에서 온전한 프레임을 떼어 냅니다. 나머지는 다음 청크를 위해 남겨 둡니다.',
  'build.stage.fragments.title': '조각과 ping',
  'build.stage.fragments.goal': '세 조각으로 보낸 메시지를 다시 조립하고, 조각 사이에 온 ping에 답합니다.',
  'build.stage.fragments.hint':
    '메시지는 FIN이 0인 텍스트 프레임이나 바이너리 프레임으로 시작해 연속 프레임(opcode 0x0)으로 이어지고, FIN이 1인 프레임으로 끝납니다. 제어 프레임은 그 사이에 끼어들 수 있지만 메시지의 일부가 아닙니다. ping(0x9)에는 같은 페이로드를 담은 pong(0xA)으로 바로 답합니다.',
  'build.stage.closing.title': '제대로 닫기',
  'build.stage.closing.goal':
    'close 프레임을 받으면 같은 코드를 담은 close 프레임으로 답한 뒤 TCP 연결을 닫습니다.',
  'build.stage.closing.hint':
    'close 프레임(opcode 0x8)은 2바이트 상태 코드로 시작합니다. 그 코드를 담은 close 프레임을 돌려보내고, 그 뒤로는 아무것도 보내지 말고, socket.end()를 호출합니다. TCP 연결은 서버가 먼저 닫습니다(§7.1.1).',
  'build.stage.errors.title': '연결 실패 처리하기',
  'build.stage.errors.goal':
    '프로토콜을 어기는 프레임에는 1002를, UTF-8이 아닌 텍스트 메시지에는 1007을 담은 close 프레임으로 답합니다.',
  'build.stage.errors.hint':
    '프레임 헤더가 도착하는 대로 확인합니다. MASK는 1(§5.1), RSV 비트는 0(§5.2), opcode는 0x0, 0x1, 0x2, 0x8, 0x9, 0xA 중 하나(§5.2)여야 하고, 제어 프레임은 FIN이 1이며 125바이트 이하(§5.5)여야 합니다. 어긋나면 1002를 담은 close 프레임을 보내고 연결을 닫습니다. 텍스트는 new TextDecoder("utf-8", { fatal: true })로 디코딩하고, 예외가 발생하면 1007로 닫습니다(§8.1).',

  // ── 각 검사가 보내는 것 ──
  'build.check.upgrade': '키가 {key}인 올바른 Upgrade 요청',
  'build.check.noKey': 'Sec-WebSocket-Key가 없는 요청',
  'build.check.badKey': '키가 16바이트가 아닌 요청({key})',
  'build.check.noHost': 'Host가 없는 요청',
  'build.check.version8': 'Sec-WebSocket-Version: 8을 담은 요청',
  'build.check.text': '마스킹된 텍스트 프레임 "{text}"',
  'build.check.length': '{n}바이트 텍스트 메시지',
  'build.check.split': 'TCP로 {pieces}번에 나눠 보낸 프레임 하나',
  'build.check.batched': 'TCP로 한 번에 보낸 프레임 {count}개',
  'build.check.fragments': '세 조각으로 나눈 텍스트 메시지와 조각 사이의 ping',
  'build.check.close': '클라이언트가 보낸, 코드 1000을 담은 close 프레임',
  'build.check.unmasked': '클라이언트가 보낸 마스킹되지 않은 프레임',
  'build.check.rsv1': '확장 없이 RSV1을 켠 프레임',
  'build.check.opcode3': '예약된 opcode 0x3을 쓴 프레임',
  'build.check.fragmentedPing': 'FIN이 0인 ping(조각난 제어 프레임)',
  'build.check.longPing': '페이로드가 126바이트인 ping',
  'build.check.badUtf8': '올바른 UTF-8이 아닌 텍스트 메시지',

  // ── 검사가 실패한 이유 ──
  'build.fail.noResponse':
    '서버가 Upgrade 요청에 아무것도 답하지 않았습니다. 요청 헤드(빈 줄까지)가 도착하면 socket.write()로 응답을 쓰세요.',
  'build.fail.headIncomplete':
    '응답 헤드가 끝나지 않았습니다. 마지막 헤더 줄 뒤에는 빈 줄, 곧 "\\r\\n\\r\\n"이 와야 합니다(RFC 9112 §2.1).',
  'build.fail.notHttp':
    '서버가 보낸 것이 HTTP 응답처럼 시작하지 않습니다. 시작 부분: {start}. 응답은 HTTP/1.1 101 Switching Protocols 같은 상태 줄로 시작합니다.',
  'build.fail.status': '서버의 응답은 {got}입니다. 올바른 Upgrade 요청에는 {want}로 답해야 합니다(§4.2.2).',
  'build.fail.noHeader': '101 응답에 "{name}: {value}" 헤더가 없습니다. §4.2.2에 따라 반드시 있어야 합니다.',
  'build.fail.noAccept': '101 응답에 Sec-WebSocket-Accept 헤더가 없습니다(§4.2.2 항목 5.4).',
  'build.fail.wrongAccept':
    '서버가 보낸 Sec-WebSocket-Accept는 {got}입니다. 키 {key}에 맞는 값은 base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")), 곧 {want}입니다(§4.2.2).',
  'build.fail.refused': '서버의 응답: {got}. {rule}에 따르면 이 요청에는 {want}로 답해야 합니다.',
  'build.fail.noVersionHeader':
    '426 응답에 "Sec-WebSocket-Version: 13" 헤더가 없습니다(받은 값: {got}). §4.4에 따르면 버전을 거절하는 서버는 자신이 지원하는 버전을 알려야 합니다.',
  'build.fail.noUpgradeIn426':
    '426 응답에 "Upgrade: websocket" 헤더가 없습니다. RFC 9110 §15.5.22에 따르면 426 응답은 업그레이드할 프로토콜을 알려야 합니다.',
  'build.fail.needsHandshake': '이 단계는 핸드셰이크로 시작하는데, 핸드셰이크가 잘못됐습니다: {reason}',
  'build.fail.noEcho':
    '서버가 아무것도 돌려보내지 않았습니다. 클라이언트는 보낸 메시지의 에코를 기다렸습니다.',
  'build.fail.masked':
    '서버가 보낸 프레임에 MASK 비트가 켜져 있습니다. §5.1에 따라 서버는 보내는 프레임을 마스킹하면 안 됩니다.',
  'build.fail.stillMasked':
    '아직 마스킹된 {n}바이트를 그대로 에코했습니다. 각 바이트를 key[i % 4]와 XOR하세요(§5.3).',
  'build.fail.opcode':
    '서버가 보낸 프레임의 opcode는 {got}인데, 이 메시지를 에코하는 프레임의 opcode는 {want}입니다(§5.2).',
  'build.fail.lengthForm':
    '{n}바이트를 담은 프레임에 {got} 길이 형식을 썼습니다. §5.2에 따르면 가장 짧은 형식, 곧 {want} 형식을 써야 합니다.',
  'build.fail.echoLength': '에코의 페이로드가 {got}바이트입니다. 클라이언트가 보낸 것은 {want}바이트입니다.',
  'build.fail.echoBytes':
    '에코가 페이로드 {at}번 바이트에서 다릅니다. 서버가 보낸 값은 {got}, 클라이언트가 보낸 값은 {want}입니다.',
  'build.fail.badFrame': '서버가 보낸 바이트를 클라이언트가 프레임으로 읽을 수 없습니다: {rule}',
  'build.fail.lengthRead':
    '{n}바이트 메시지: {detail} 클라이언트가 보낸 프레임의 길이 바이트는 {len7}입니다. 실제 길이는 그다음 {extra}바이트(빅엔디언)에 있고, 마스킹 키는 그 뒤에 옵니다(§5.2).',
  'build.fail.split':
    '{pieces}번에 나눠 도착한 프레임에 아무것도 답하지 않았습니다. 프레임이 다 도착할 때까지 받은 바이트를 버퍼에 모아 두세요(TCP에는 메시지 경계가 없습니다).',
  'build.fail.batched':
    '프레임 {count}개가 한 청크로 도착했는데 {got}개만 에코했습니다. 프레임 하나를 처리한 뒤 같은 청크에서 다음 프레임을 찾으세요.',
  'build.fail.noPong':
    '서버가 ping에 답하지 않았습니다. §5.5.2에 따르면 ping을 받은 쪽은 같은 애플리케이션 데이터를 담은 pong을 보냅니다.',
  'build.fail.pongPayload':
    '서버가 보낸 pong에 담긴 것: {got}. pong에는 ping의 데이터를 그대로 담아야 합니다: {want}(§5.5.3).',
  'build.fail.partialEcho':
    '메시지가 끝나기 전에 에코했습니다(보낸 것: {got}). 메시지는 FIN 비트가 1인 프레임에서 끝나며(§5.4), 메시지 전체는 {want}입니다.',
  'build.fail.noClose': '서버가 close 프레임에 close 프레임으로 답하지 않았습니다(§5.5.1).',
  'build.fail.closeCode':
    '서버가 보낸 close 프레임에 담긴 코드: {got}. 클라이언트의 코드({want})를 그대로 돌려보내세요(§5.5.1).',
  'build.fail.afterClose':
    '서버가 자신의 close 프레임 뒤에 프레임을 또 보냈습니다. close 프레임 뒤에는 아무것도 보내면 안 됩니다(§5.5.1).',
  'build.fail.noFin':
    '서버가 close 프레임은 보냈지만 TCP 연결을 닫지 않았습니다. TCP 연결은 서버가 먼저 닫습니다(§7.1.1). socket.end()를 호출하세요.',
  'build.fail.reset':
    '서버가 close 프레임으로 답하지 않고 socket.destroy()로 연결을 끊어 버렸습니다(§5.5.1).',
  'build.fail.notFailed':
    '서버가 아무것도 하지 않았습니다. 이 프레임은 {rule}에 어긋나므로, 상태 코드가 {code}인 close 프레임을 보내 연결을 실패 처리해야 합니다(§7.1.7).',
  'build.fail.echoedBad':
    '서버가 이 프레임을 에코로 돌려보냈지만, 이 프레임은 {rule}에 어긋납니다. 에코 대신 상태 코드가 {code}인 close 프레임을 보내 연결을 실패 처리하세요(§7.1.7).',
  'build.fail.wrongCode':
    '서버가 보낸 close 프레임에 담긴 코드: {got}. {rule}에 어긋나는 프레임에는 {code}로 답해야 합니다.',
  'build.fail.endedWithoutClose':
    '서버가 close 프레임 없이 TCP 연결을 닫았습니다. 먼저 상태 코드가 {code}인 close 프레임을 보내세요(§7.1.7).',
  'build.word.noCode': '상태 코드 없음',
  'build.word.nothing': '없음',
  'build.word.bytes': '{n}바이트',

  // ── 실행이 멈춘 이유(코드 자체) ──
  'build.crash.syntax': '문법 오류({line}번째 줄, {column}번째 칸): {message}',
  'build.crash.import':
    '{line}번째 줄: ws101은 서버 코드에 node:crypto와 node:buffer만 제공하므로 {specifier}에서는 가져올 수 없습니다.',
  'build.crash.noHandler':
    '파일에 default export 함수가 없습니다. "export default function onConnection(socket)"를 쓰세요(지금 있는 것: {found}).',
  'build.crash.loadThrew': '모듈을 불러오는 중에 예외가 발생했습니다{where}: {message}',
  'build.crash.threw': '코드에서 예외가 발생했습니다{where}: {message}',
  'build.crash.rejected': '코드의 promise가 거부(reject)됐는데 처리하는 곳이 없습니다{where}: {message}',
  'build.crash.stack':
    '코드가 끝없이 자기 자신을 호출했습니다{where}: "Maximum call stack size exceeded". 빠져나올 길 없이 자신을 호출하는 함수를 찾아보세요.',
  'build.crash.memory':
    '코드가 메모리를 다 써 버렸습니다({message}). 끝나지 않는 반복문 안에서 계속 커지는 버퍼나 배열을 찾아보세요.',
  'build.crash.timeout':
    '코드가 {seconds}초 안에 제어를 돌려주지 않아 ws101이 멈췄습니다. 무한 반복문이 아닐까요? while/for 반복문을 모두 확인하세요. 한 바퀴 돌 때마다 바이트를 소비하거나 끝나나요?',
  'build.crash.output':
    '코드가 한 단계에서 {limit}보다 많이 쓰거나 로그로 남겨서 ws101이 멈췄습니다. 반복문 안의 write나 console.log를 찾아보세요.',
  'build.crash.sandbox': '코드를 실행할 샌드박스를 시작하지 못했습니다: {message}',
  'build.crash.at': ' ({line}번째 줄, {column}번째 칸)',
  'build.crash.inStage': '{n}단계, {title}: {what}',
} as const satisfies Record<keyof typeof buildEn, string>;
