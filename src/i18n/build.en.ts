/**
 * English words of the capstone's grader (src/build): each stage's title, goal and hint, what each
 * check sends, why a check failed (in the learner's terms, with the rule) and why a run stopped.
 * Keys start with "build.".
 */
export const buildEn = {
  // ── the stages ──
  'build.stage.handshake.title': 'Answer the Upgrade',
  'build.stage.handshake.goal':
    'Answer a valid Upgrade request with 101 Switching Protocols and the right Sec-WebSocket-Accept.',
  'build.stage.handshake.hint':
    'Read the request head up to the empty line (\\r\\n\\r\\n). Accept = base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")): createHash("sha1").update(key + GUID).digest("base64"). Answer "HTTP/1.1 101 Switching Protocols", then Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Accept, and an empty line.',
  'build.stage.refuse.title': 'Refuse bad handshakes',
  'build.stage.refuse.goal':
    'A missing or malformed key or a missing Host gets 400; version 8 gets 426 with Sec-WebSocket-Version: 13 and Upgrade: websocket.',
  'build.stage.refuse.hint':
    'Check each header of §4.2.1 before you answer: Host present, Sec-WebSocket-Key is base64 of 16 bytes (24 characters ending in "=="), Sec-WebSocket-Version is 13. For another version answer "426 Upgrade Required" with Sec-WebSocket-Version: 13 (§4.4) and Upgrade: websocket (RFC 9110 §15.5.22); for the rest "400 Bad Request". Then socket.end().',
  'build.stage.echo.title': 'Unmask and echo',
  'build.stage.echo.goal': 'Read a masked text frame and send its text back in an unmasked text frame.',
  'build.stage.echo.hint':
    'Byte 0: FIN and opcode (0x81 is a final text frame). Byte 1: MASK bit and a 7-bit length. Then 4 bytes of masking key, then the payload: clear[i] = payload[i] ^ key[i % 4]. Your reply: 0x81, the length with the MASK bit 0, and the clear bytes.',
  'build.stage.lengths.title': 'Three length forms',
  'build.stage.lengths.goal': 'Echo payloads of 125, 126 and 65,536 bytes.',
  'build.stage.lengths.hint':
    'Length 0–125 is the length. 126: the real length is the next 2 bytes (big-endian). 127: the next 8 bytes. The masking key comes after the extended length. Write your echo with the shortest form that fits: 126 + 2 bytes from 126 to 65,535, 127 + 8 bytes above.',
  'build.stage.boundaries.title': 'No message boundaries',
  'build.stage.boundaries.goal':
    'A frame that comes in several pieces, and several frames in one piece, are all echoed.',
  'build.stage.boundaries.hint':
    'TCP delivers a stream of bytes, not messages: keep a buffer per connection, add every chunk to it, and take whole frames off its front in a loop until what is left is not a whole frame. Keep the rest for the next chunk.',
  'build.stage.fragments.title': 'Fragments and a ping',
  'build.stage.fragments.goal':
    'Reassemble a message sent in three fragments, and answer the ping that comes between them.',
  'build.stage.fragments.hint':
    'A message starts with a text or binary frame with FIN 0, goes on with continuation frames (opcode 0x0) and ends with FIN 1. Control frames can come in between and are not part of it: answer a ping (0x9) at once with a pong (0xA) with the same payload.',
  'build.stage.closing.title': 'Close properly',
  'build.stage.closing.goal':
    'Answer a close frame with a close frame carrying the same code, then end the TCP connection.',
  'build.stage.closing.hint':
    'A close frame (opcode 0x8) starts with a 2-byte status code. Send back a close frame with that code, send nothing after it, and call socket.end(): the server closes TCP first (§7.1.1).',
  'build.stage.errors.title': 'Fail the connection',
  'build.stage.errors.goal':
    'Frames that break the protocol get a close frame with 1002; a text message that is not UTF-8 gets 1007.',
  'build.stage.errors.hint':
    'Check as soon as a frame header is there: MASK must be 1 (§5.1), RSV bits 0 (§5.2), the opcode one of 0x0, 0x1, 0x2, 0x8, 0x9, 0xA (§5.2), control frames FIN 1 and at most 125 bytes (§5.5). Then send close 1002 and end. For text, decode with new TextDecoder("utf-8", { fatal: true }): if it throws, close with 1007 (§8.1).',

  // ── what each check sends ──
  'build.check.upgrade': 'A valid Upgrade request with the key {key}',
  'build.check.noKey': 'A request without Sec-WebSocket-Key',
  'build.check.badKey': 'A request whose key {key} is not 16 bytes',
  'build.check.noHost': 'A request without Host',
  'build.check.version8': 'A request with Sec-WebSocket-Version: 8',
  'build.check.text': 'A masked text frame "{text}"',
  'build.check.length': 'A text message of {n} bytes',
  'build.check.split': 'One frame in {pieces} TCP pieces',
  'build.check.batched': '{count} frames in one TCP piece',
  'build.check.fragments': 'A text message in three fragments, with a ping between them',
  'build.check.close': 'A close frame with code 1000 from the client',
  'build.check.unmasked': 'An unmasked frame from the client',
  'build.check.rsv1': 'A frame with RSV1 set and no extension',
  'build.check.opcode3': 'A frame with the reserved opcode 0x3',
  'build.check.fragmentedPing': 'A ping with FIN 0 (a fragmented control frame)',
  'build.check.longPing': 'A ping with a 126-byte payload',
  'build.check.badUtf8': 'A text message that is not valid UTF-8',

  // ── why a check failed ──
  'build.fail.noResponse':
    'Your server sent nothing back to the Upgrade request. Write the response with socket.write() once the request head (up to the empty line) has arrived.',
  'build.fail.headIncomplete':
    'Your response head never ended: after its last header line comes an empty line, "\\r\\n\\r\\n" (RFC 9112 §2.1).',
  'build.fail.notHttp':
    'What your server sent does not start like an HTTP response: it begins with {start}. A response starts with a status line such as HTTP/1.1 101 Switching Protocols.',
  'build.fail.status': 'Your server answered {got}; a valid Upgrade request gets {want} (§4.2.2).',
  'build.fail.noHeader': 'Your 101 has no "{name}: {value}" header; §4.2.2 requires it.',
  'build.fail.noAccept': 'Your 101 has no Sec-WebSocket-Accept header (§4.2.2 item 5.4).',
  'build.fail.wrongAccept':
    'Your Sec-WebSocket-Accept is {got}, but for the key {key} it must be {want}: base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) (§4.2.2).',
  'build.fail.refused': 'Your server answered {got}; {rule} says this request gets {want}.',
  'build.fail.noVersionHeader':
    'Your 426 has no "Sec-WebSocket-Version: 13" header (it has {got}): §4.4 says a server that refuses a version names the versions it speaks.',
  'build.fail.noUpgradeIn426':
    'Your 426 has no "Upgrade: websocket" header: RFC 9110 §15.5.22 says a 426 response names the protocol to upgrade to.',
  'build.fail.needsHandshake': 'This stage starts with a handshake, and it went wrong: {reason}',
  'build.fail.noEcho': 'Your server sent nothing back: the client waited for the echo of its message.',
  'build.fail.masked':
    'Your frame has the MASK bit set: §5.1 says a server must not mask the frames it sends.',
  'build.fail.stillMasked':
    'You echoed {n} bytes that are still masked: XOR each byte with key[i % 4] (§5.3).',
  'build.fail.opcode': "Your frame's opcode is {got}; the echo of this message is {want} (§5.2).",
  'build.fail.lengthForm':
    'Your frame for {n} bytes uses the {got} length form; §5.2 says to use the shortest form, {want}.',
  'build.fail.echoLength': 'Your echo carries {got} bytes of payload; the client sent {want}.',
  'build.fail.echoBytes':
    'Your echo differs at byte {at} of the payload: you sent {got}, the client sent {want}.',
  'build.fail.badFrame': 'Your server sent bytes the client cannot read as a frame: {rule}',
  'build.fail.lengthRead':
    "For the {n}-byte message: {detail} In the client's frame the length byte says {len7}: the real length is in the next {extra} bytes (big-endian), and the masking key comes after them (§5.2).",
  'build.fail.split':
    'You answered nothing to a frame that came in {pieces} pieces: keep what arrives in a buffer until the whole frame is there (TCP has no message boundaries).',
  'build.fail.batched':
    '{count} frames came in one chunk and you echoed {got}: after one frame, look for the next in the same chunk.',
  'build.fail.noPong':
    'Your server did not answer the ping: §5.5.2 says the receiver of a ping sends a pong with the same application data.',
  'build.fail.pongPayload': "Your pong carries {got}; it must carry the ping's data, {want} (§5.5.3).",
  'build.fail.partialEcho':
    'You echoed {got} before the message was complete: it ends with the frame whose FIN bit is 1 (§5.4), and the whole message is {want}.',
  'build.fail.noClose': 'Your server did not answer the close frame with a close frame (§5.5.1).',
  'build.fail.closeCode': "Your close frame carries {got}; echo the client's code, {want} (§5.5.1).",
  'build.fail.afterClose': 'Your server sent a frame after its close frame: nothing may follow it (§5.5.1).',
  'build.fail.noFin':
    'Your server sent its close frame but never ended the TCP connection: the server closes TCP first (§7.1.1). Call socket.end().',
  'build.fail.reset':
    'Your server destroyed the connection (socket.destroy()) instead of answering with a close frame (§5.5.1).',
  'build.fail.notFailed':
    'Your server did nothing: this frame breaks {rule}, so fail the connection with a close frame carrying {code} (§7.1.7).',
  'build.fail.echoedBad':
    'Your server echoed this frame, but it breaks {rule}: fail the connection with a close frame carrying {code} instead (§7.1.7).',
  'build.fail.wrongCode': 'Your close frame carries {got}; a frame that breaks {rule} gets {code}.',
  'build.fail.endedWithoutClose':
    'Your server ended the TCP connection without a close frame: send a close frame with {code} first (§7.1.7).',
  'build.word.noCode': 'no status code',
  'build.word.nothing': 'nothing',
  'build.word.bytes': '{n} bytes',

  // ── why a run stopped (the code itself) ──
  'build.crash.syntax': 'Syntax error at line {line}, column {column}: {message}',
  'build.crash.import':
    'Line {line}: ws101 gives your server only node:crypto and node:buffer, not {specifier}.',
  'build.crash.noHandler':
    'Your file has no default export function: write "export default function onConnection(socket)" (it has {found}).',
  'build.crash.loadThrew': 'Your module threw while loading{where}: {message}',
  'build.crash.threw': 'Your code threw{where}: {message}',
  'build.crash.rejected': 'A promise in your code was rejected and nothing caught it{where}: {message}',
  'build.crash.stack':
    'Your code called itself without end{where}: "Maximum call stack size exceeded". Look for a function that calls itself with no way out.',
  'build.crash.memory':
    'Your code ran out of memory ({message}). Look for a buffer or an array that grows in a loop that never ends.',
  'build.crash.timeout':
    'Your code did not give control back within {seconds} s: an endless loop? ws101 stopped it. Check every while/for loop: does each turn consume bytes or end?',
  'build.crash.output':
    'Your code wrote or logged more than {limit} in one stage, so ws101 stopped it. Look for a write or console.log in a loop.',
  'build.crash.sandbox': 'The sandbox that runs your code could not start: {message}',
  'build.crash.at': ' (line {line}, column {column})',
  'build.crash.inStage': 'Stage {n}, {title}: {what}',
} as const;
