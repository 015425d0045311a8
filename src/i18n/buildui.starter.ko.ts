/**
 * 빌드 페이지의 시작 파일(한국어 주석). 코드는 영어판과 같고 주석만 다릅니다. 답은 들어 있지 않습니다.
 */
export const starterKo = String.raw`// 나의 WebSocket 서버 (RFC 6455)
//
// ws101은 클라이언트가 TCP 연결을 하나 열 때마다
// onConnection을 한 번 부릅니다. Node의
// net.createServer(onConnection)와 같은 방식입니다.
// "테스트 실행"(Ctrl+Enter)은 단계별로 채점하고, "바이트 보기"는
// 내 코드가 보낸 바이트를 그려 줍니다. Node에서도 그대로 돌아갑니다:
//   npm run my-server -- my-server.js --port 9001
import { createHash } from 'node:crypto';

// §1.3: 서버가 클라이언트의 키 뒤에 붙여 해시하는 GUID
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** @param {import('ws101').Socket} socket */
export default function onConnection(socket) {
  // TCP에는 메시지 경계가 없습니다. 요청 헤더나 프레임 하나가
  // 다 올 때까지 받은 바이트를 모아 둡니다.
  let received = new Uint8Array(0);
  let upgraded = false;

  socket.on('data', (chunk) => {
    received = concat(received, chunk);

    if (!upgraded) {
      // 1단계: 여는 핸드셰이크 (§4.2.1, §4.2.2)
      // TODO: 요청 헤더가 끝날 때까지 기다립니다("\r\n\r\n"으로
      //   끝납니다). Sec-WebSocket-Key 헤더를 읽고 이렇게 답합니다.
      //     HTTP/1.1 101 Switching Protocols
      //     Upgrade: websocket
      //     Connection: Upgrade
      //     Sec-WebSocket-Accept: base64(SHA-1(key + GUID))
      //   마지막 값은 createHash('sha1').update(...).digest('base64')
      //
      // 2단계: WebSocket 핸드셰이크가 아니면 거절 (§4.2.1, §4.4)
      // TODO: Host가 없거나 키가 없거나 형식이 틀리면
      //   "HTTP/1.1 400 Bad Request". Sec-WebSocket-Version이 13이
      //   아니면 "426 Upgrade Required"와
      //   "Sec-WebSocket-Version: 13", "Upgrade: websocket"(RFC 9110
      //   §15.5.22). 그다음 socket.end().
      return;
    }

    // 3단계: 프레임 (§5.2): FIN, opcode, MASK, 페이로드 길이, 키
    // TODO: 페이로드의 마스크를 풉니다. i번째 바이트 XOR
    //   key[i % 4] (§5.3). 텍스트 메시지를 텍스트 프레임으로,
    //   마스크 없이 돌려보냅니다. 서버는 마스크를 쓰지 않습니다(§5.1).
    // 4단계 TODO: 길이 126은 16비트 길이가, 127은 64비트 길이가
    //   뒤따른다는 뜻입니다 (§5.2).
    // 5단계 TODO: 프레임 하나가 여러 청크로 나뉘어 오기도 하고,
    //   청크 하나에 프레임이 여럿 있기도 합니다.
    // 6단계 TODO: 조각난 메시지(FIN = 0, 이어서 continuation
    //   프레임, §5.4) 사이에 ping이 옵니다. 그 ping에는 곧바로
    //   같은 페이로드의 pong으로 답합니다 (§5.5.2, §5.5.3).
    // 7단계 TODO: close 프레임을 받으면 같은 코드로 close 프레임을
    //   돌려보내고 socket.end()로 TCP를 끝냅니다. close 프레임
    //   뒤에는 아무것도 보내지 않습니다 (§5.5.1, §7.1.1).
    // 8단계 TODO: 규칙을 어긴 프레임에는 1002로, UTF-8이 아닌
    //   텍스트 메시지에는 1007로 닫습니다 (§7.4.1, §8.1).
  });

  socket.on('end', () => {
    // 클라이언트가 FIN을 보냈습니다. 내 쪽은 Node처럼 알아서 끝납니다.
  });
}

/** a의 바이트 뒤에 b의 바이트를 이어 붙인 새 배열 */
function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
`;
