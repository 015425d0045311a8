/**
 * The build page's starter file in English: the learner's interface (issue 15's contract) with a TODO
 * per stage, and no solution. Its own chunk, fetched by the build page only (buildui's starter loader);
 * a new language adds a file like this one.
 */
export const starterEn = String.raw`// My WebSocket server (RFC 6455).
//
// ws101 calls onConnection once for each TCP connection its client
// opens, the way Node's net.createServer(onConnection) does.
// "Run tests" (Ctrl+Enter) grades it stage by stage; "Show me the
// bytes" draws what your code sent. The same file runs under Node:
//   npm run my-server -- my-server.js --port 9001
import { createHash } from 'node:crypto';

// §1.3: the GUID a server appends to the client's key before hashing.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** @param {import('ws101').Socket} socket */
export default function onConnection(socket) {
  // TCP has no message boundaries: keep what arrives until a whole
  // request head, or a whole frame, is here.
  let received = new Uint8Array(0);
  let upgraded = false;

  socket.on('data', (chunk) => {
    received = concat(received, chunk);

    if (!upgraded) {
      // Stage 1: the opening handshake (§4.2.1, §4.2.2).
      // TODO: wait until the request head is complete: it ends with
      //   "\r\n\r\n". Read its Sec-WebSocket-Key header and answer
      //     HTTP/1.1 101 Switching Protocols
      //     Upgrade: websocket
      //     Connection: Upgrade
      //     Sec-WebSocket-Accept: base64(SHA-1(key + GUID))
      //   createHash('sha1').update(...).digest('base64') is the last.
      //
      // Stage 2: refuse what is not a WebSocket handshake (§4.2.1, §4.4).
      // TODO: no Host, or a missing or malformed key:
      //   "HTTP/1.1 400 Bad Request". A Sec-WebSocket-Version other
      //   than 13: "426 Upgrade Required" with "Sec-WebSocket-Version: 13"
      //   and "Upgrade: websocket" (RFC 9110 §15.5.22).
      //   Then socket.end().
      return;
    }

    // Stage 3: frames (§5.2): FIN, opcode, MASK, payload length, key.
    // TODO: unmask the payload, byte i XOR key[i % 4] (§5.3), and echo
    //   a text message back as a text frame, unmasked: a server never
    //   masks (§5.1).
    // Stage 4 TODO: a length of 126 means a 16-bit length follows; 127,
    //   a 64-bit one (§5.2).
    // Stage 5 TODO: a frame may come in several chunks, and one chunk
    //   may hold several frames.
    // Stage 6 TODO: a message in fragments (FIN = 0, then continuation
    //   frames, §5.4) with a ping between them: answer the ping at once
    //   with a pong carrying the same payload (§5.5.2, §5.5.3).
    // Stage 7 TODO: a close frame: send one back with the same code,
    //   then end TCP with socket.end(); send nothing after your close
    //   frame (§5.5.1, §7.1.1).
    // Stage 8 TODO: a frame that breaks a rule: close with 1002; a text
    //   message that is not UTF-8: close with 1007 (§7.4.1, §8.1).
  });

  socket.on('end', () => {
    // The client sent FIN. Your side is ended for you, as Node does.
  });
}

/** The bytes of a, then those of b, in a new array. */
function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
`;
