/** English strings of the capture page (#/capture); spread into the main catalog (en.ts). Keys start with "cap.". */
export const captureEn = {
  'cap.nav': 'Open capture…',
  'cap.title': 'Open a capture',
  'cap.intro':
    'Open a Wireshark or tcpdump capture (pcap, pcapng) or a HAR file saved from the browser’s developer tools, and replay its WebSocket connections frame by frame. The file is read in this page: nothing is uploaded.',
  'cap.choose': 'Choose a capture file',
  'cap.drop': 'or drop it anywhere on this page',
  'cap.dropHere': 'Drop the file to open it',
  'cap.reading': 'Reading {name}…',
  'cap.progress': '{read} of {total} MB',
  'cap.cancel': 'Cancel',
  'cap.cancelled': 'Reading {name} was cancelled.',
  'cap.failed': 'Reading stopped on an error in ws101 itself (not in your file): {message}',
  'cap.file': '{name}: {format}, {size} bytes, {packets} packets, {tcp} TCP connections.',
  'cap.fileHar': '{name}: a HAR file written by {creator}, {entries} entries.',
  'cap.problem.notCapture':
    '“{name}” is not a capture file: it is neither pcap, pcapng nor HAR. Its first bytes are {bytes}.',
  'cap.problem.tooLarge':
    '“{name}” is {size} MB: this page reads capture files up to {limit} MB, and refuses a larger one before reading it. Cut it with editcap or a display filter first.',
  'cap.problem.truncated':
    'The file is truncated: it ends inside a record at byte {at}. The {packets} packets before the cut are shown below; whatever followed is missing.',
  'cap.problem.badRecord':
    'A record at byte {at} gives a length of {length} bytes, which cannot be right: reading stopped there. The {packets} packets before it are shown below.',
  'cap.problem.badHar': 'This HAR file cannot be read: {detail}',
  'cap.none':
    'No WebSocket connection found. Found instead: {tcp} TCP connections in {packets} packets, none with an HTTP Upgrade to websocket answered by 101 (RFC 6455 §4).',
  'cap.noneHar':
    'No WebSocket connection found: none of the {entries} entries of this HAR has WebSocket messages (_webSocketMessages).',
  'cap.http': 'to {host}, answered {status}',
  'cap.tls':
    'The connection {client} → {server} is TLS (wss:// or https://), server name (SNI) {sni}: its bytes are encrypted. Reading them needs the browser’s TLS key log (SSLKEYLOGFILE), which this version does not read.',
  'cap.tls.noSni': 'not given',
  'cap.har':
    'A HAR file holds messages, not frames: the browser saved what the application sent and received, not the bytes on the wire. ws101 rebuilt each message as frames with the engine (the client’s masking keys are reconstructed, not the original ones), so you see what each message looks like on the wire, not the bytes that were actually sent.',
  'cap.connections': 'WebSocket connections in this file ({count})',
  'cap.connMessages': '{c2s} messages → · ← {s2c} messages',
  'cap.drawing': 'Drawing the diagram…',
  'cap.spacing': 'Time',
  'cap.spacing.real': 'Real timestamps',
  'cap.spacing.even': 'Even spacing',
  'cap.export': 'Export this connection (.pcap)',
  'cap.exported': 'Saved {packets} packets of this connection as a .pcap file.',
  'cap.sum.title': 'Summary: {label}',
  'cap.sum.pair': '{c2s} client → server · {s2c} server → client',
  'cap.sum.messages': 'Messages',
  'cap.sum.frames': 'Frames',
  'cap.sum.bytes': 'Bytes on the wire',
  'cap.sum.compression': 'Compression',
  'cap.sum.ratio': '{wire} bytes on the wire for {inflated} inflated ({ratio}%)',
  'cap.sum.none': 'none',
  'cap.sum.pings': 'Pings and pongs',
  'cap.sum.pingPong': 'pings: {pings}; pongs: {pongs}',
  'cap.sum.close': 'Closed',
  'cap.sum.duration': 'Duration',
  'cap.sum.gaps': 'Gaps in the capture',
  'cap.sum.gapsSome': '{count} ({bytes} bytes missing)',
  'cap.sum.violations': 'Rule violations',
  'cap.who.client': 'the client',
  'cap.who.server': 'the server',
  'cap.close.answered': '{by} sent Close {code} {reason}, and the other end answered (RFC 6455 §5.5.1)',
  'cap.close.unanswered':
    '{by} sent Close {code} {reason}; no answering Close was captured (RFC 6455 §5.5.1)',
  'cap.close.fin': 'TCP FIN from {by} without a Close frame: 1006, abnormal closure (RFC 6455 §7.1.5)',
  'cap.close.rst': 'TCP RST from {by} without a Close frame: 1006, abnormal closure (RFC 6455 §7.1.5)',
  'cap.close.failed':
    '{by} failed the connection on a rule violation and closes with {code} (RFC 6455 §7.1.7)',
  'cap.close.open': 'still open when the capture ended',
  'cap.unit.us': '{n} µs',
  'cap.unit.ms': '{n} ms',
  'cap.unit.s': '{n} s',
  'cap.hs.requestOk': 'Upgrade request: valid, as the server’s engine reads it (RFC 6455 §4.2.1).',
  'cap.hs.requestBad': 'Upgrade request refused by the server’s engine: {rule}',
  'cap.hs.responseOk':
    '101 response: valid, as the client’s engine reads it (Sec-WebSocket-Accept matches, RFC 6455 §4.1). Subprotocol: {protocol}. Extension: {deflate}.',
  'cap.hs.responseBad': '101 response refused by the client’s engine: {rule}',
  'cap.hs.deflateUnread':
    'Compressed frames could not be inflated here: the DEFLATE codec did not load (RFC 7692 §6.2).',
  'cap.guess.noHandshake':
    'This connection’s handshake is not in the capture (it began before the capture did): its frames are read from the first plausible frame boundary. This is a guess: {frames} frames are read that way.',
  'cap.guess.gaps':
    'The capture misses {count} stretches of this connection ({bytes} bytes). The decoder skips each gap rather than misread it, and resumes at the next plausible frame boundary: {frames} frames after a gap are a guess.',
} as const;
