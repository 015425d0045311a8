/** English strings of the playground's inspector; spread into the main catalog (en.ts). Keys start with "ins.". */
export const inspectorEn = {
  'ins.title': 'Inspector',
  'ins.hint': 'Click an arrow in the diagram or a row of the log to see its bytes and fields here.',
  'ins.title.segment': 'TCP segment: {label}',
  'ins.title.http': 'HTTP: {label}',
  'ins.title.frame': 'WebSocket frame: {label}',
  'ins.title.raw': 'Raw bytes, unchecked: {bytes}',
  'ins.title.state': '{layer} state of the {endpoint}',
  'ins.title.engine': 'What the {endpoint}’s engine did',
  'ins.title.note': 'Note',
  'ins.meta.arrow': 'sent {sent}, fully arrived {arrives}',
  'ins.meta.at': 'at {t}',
  'ins.noWire': 'A state change is not sent anywhere, so it has no bytes.',
  'ins.engineNote':
    'Reported by the {endpoint}’s WebSocket engine; it has no bytes of its own. Select the arrow that arrived to see them.',
  'ins.noBytes': 'No bytes.',
  'ins.show': 'Show',
  'ins.kind.http': 'HTTP message',
  'ins.kind.frame': 'frame',
  'ins.kind.raw': 'raw bytes',

  'ins.tcp.fieldsTitle': 'TCP header',
  'ins.tcp.bytesTitle': 'Payload bytes',
  'ins.tcp.headerNote':
    'Only the payload is drawn. The {n} bytes of IP and TCP headers are counted on the link but not shown.',
  'ins.tcp.ends': 'Source → destination',
  'ins.tcp.flags': 'Flags',
  'ins.tcp.flag.syn': 'synchronize: opens the connection and carries the initial sequence number (ISN)',
  'ins.tcp.flag.ack': 'the acknowledgement number is valid',
  'ins.tcp.flag.psh': 'push: hand the data to the application now',
  'ins.tcp.flag.fin': 'finish: the sender has no more data to send',
  'ins.tcp.flag.rst': 'reset: abort the connection at once',
  'ins.tcp.seq': 'Sequence number',
  'ins.tcp.withRelative': '{raw} (relative {rel})',
  'ins.tcp.seqNote':
    'seq = where this segment’s first byte sits in the sender’s stream; relative = seq − ISN.',
  'ins.tcp.seqSyn':
    'seq = the initial sequence number (ISN), picked at random; the SYN itself counts as one byte.',
  'ins.tcp.ack': 'Acknowledgement number',
  'ins.tcp.ackNote': 'ack = the next byte expected from the other side: every byte before it has arrived.',
  'ins.tcp.ackUnused': 'Not used: the ACK flag is off (nothing has been received yet).',
  'ins.tcp.window': 'Window',
  'ins.tcp.windowNote': 'How many more bytes the sender of this segment is ready to receive.',
  'ins.tcp.len': 'Payload length',
  'ins.tcp.lenControl': 'No data: this segment opens or closes the connection.',
  'ins.tcp.lenAck': 'No data: a pure acknowledgement.',
  'ins.tcp.payload': 'Payload',
  'ins.tcp.partWhole': 'the whole {what}',
  'ins.tcp.partSome': 'bytes {from}–{to} of this {what} ({total}); the rest travels in other segments',

  'ins.http.requestTitle': 'Request head',
  'ins.http.responseTitle': 'Response head',
  'ins.http.bytesTitle': 'Bytes ({n})',
  'ins.http.requestLine':
    'Request line: {method} {target}. A WebSocket handshake must be a GET over HTTP/1.1 or later (§4.1).',
  'ins.http.status101':
    'Status line: 101 Switching Protocols. The server agrees; after the empty line both sides speak WebSocket frames (§4.2.2).',
  'ins.http.statusRefused':
    'Status line: {status}. Anything but 101 means the server refused the upgrade; no WebSocket connection is made (§4.1).',
  'ins.http.blank': 'Empty line (CR LF)',
  'ins.http.blankNote': 'Ends the head.',
  'ins.http.blank101':
    'Ends the head. The next byte on this connection is the first byte of a WebSocket frame.',
  'ins.http.body': 'Body',
  'ins.http.bodyNote': 'As long as Content-Length says. Here the server explains why it refused.',

  'ins.hdr.host': 'Which site is asked for; required in every HTTP/1.1 request (§4.1).',
  'ins.hdr.upgrade': 'The protocol to switch this connection to: it must be “websocket” (§4.1, §4.2.2).',
  'ins.hdr.connection':
    '“Upgrade” here says the Upgrade header is meant for this connection; required on both sides (§4.1, §4.2.2).',
  'ins.hdr.connectionClose': '“close”: the server closes the TCP connection after this response.',
  'ins.hdr.connectionMissing': 'A handshake needs “Upgrade” here; without it the server refuses (§4.2.1).',
  'ins.hdr.connectionOther': 'Options for this connection only.',
  'ins.hdr.key':
    '16 random bytes in base64, new for every handshake. The server hashes it into Sec-WebSocket-Accept to prove it read this request (§4.1).',
  'ins.hdr.version.req': 'The protocol version: 13 is RFC 6455, the only one a server must accept (§4.1).',
  'ins.hdr.version.res': 'The versions this server speaks, sent with 426 so the client can retry (§4.4).',
  'ins.hdr.origin':
    'The page that opened the connection, sent by browsers. A server may refuse an origin it does not trust with 403 (§4.2.2, §10.2).',
  'ins.hdr.protocol.req': 'Subprotocols the client offers, most preferred first (§4.1).',
  'ins.hdr.protocol.res': 'The one subprotocol the server picked from the client’s list (§4.2.2).',
  'ins.hdr.extensions.req':
    'Extensions the client offers, such as permessage-deflate; this server accepts none (§9.1).',
  'ins.hdr.extensions.res': 'The extensions the server accepted, out of those offered (§9.1).',
  'ins.hdr.accept':
    'base64(SHA-1(key + GUID)): proof that the server read this handshake. The client checks it and fails the connection if it differs (§4.1).',
  'ins.hdr.contentType': 'The media type of the body.',
  'ins.hdr.contentLength': 'The size of the body in bytes, so the reader knows where it ends.',
  'ins.hdr.userAgent': 'The client software.',
  'ins.hdr.cookie': 'Cookies for this site, sent with the handshake as with any request.',
  'ins.hdr.setCookie': 'A cookie the server asks the client to store.',
  'ins.hdr.authorization': 'Credentials for the server, as in any HTTP request.',
  'ins.hdr.cacheControl': 'Caching rules; a handshake is never cached.',
  'ins.hdr.date': 'When the message was made.',
  'ins.hdr.server': 'The server software.',
  'ins.hdr.acceptEncoding': 'Body encodings the client understands; frames are not affected.',
  'ins.hdr.acceptLanguage': 'Languages the user prefers.',
  'ins.hdr.other': 'Not part of the WebSocket handshake: passed along like any HTTP header.',

  'ins.acc.title': 'Where Sec-WebSocket-Accept comes from',
  'ins.acc.lead':
    'Computed now with the engine’s SHA-1 and base64, from the key the client sent on this connection (§4.2.2).',
  'ins.acc.noKey':
    'The request on this connection carries no Sec-WebSocket-Key, so there is nothing to derive.',
  'ins.acc.key': 'The client’s Sec-WebSocket-Key',
  'ins.acc.fromRequest': 'request #{id}',
  'ins.acc.guid': 'Append the GUID fixed by the RFC (§1.3)',
  'ins.acc.computing': 'Computing SHA-1…',
  'ins.acc.sha1': 'SHA-1 of that text: 20 bytes, in hex',
  'ins.acc.base64': 'Those 20 bytes in base64',
  'ins.acc.compare': 'Sec-WebSocket-Accept in this response',
  'ins.acc.match': 'Equal: the client accepts the handshake and the connection opens.',
  'ins.acc.mismatch': 'Different: the client must fail the WebSocket connection (§4.1).',
  'ins.acc.noCrypto': 'This browser could not compute SHA-1 (Web Crypto is not available here).',

  'ins.carriers.title': 'Carried by TCP segments',
  'ins.carriers.none': 'Not sent: TCP could not carry it.',
  'ins.carriers.range': 'stream bytes {from}–{to} (relative seq)',

  'ins.out.title': 'What the {receiver} did when these bytes arrived',
  'ins.out.state': '{layer} state {from} → {to}',
  'ins.out.sent': 'Sends {what}',
  'ins.out.inFlight': 'Still on the wire at the playhead: the last byte arrives at {t}.',
  'ins.out.more': '… and {n} more.',
  'ins.out.nothing': 'Nothing visible: the {receiver} keeps the bytes and waits for more.',

  'ins.frame.nothing': 'No frame was found in these bytes.',
  'ins.frame.cardTitle': 'Fields, as the {receiver} reads them',
  'ins.frame.cardTitleN': 'Frame {n}, as the {receiver} reads it',
  'ins.frame.where.one': '{n} byte on the wire',
  'ins.frame.where.other': '{n} bytes on the wire',
  'ins.frame.openDecoder': 'Open these bytes in the frame decoder',

  'ins.raw.label': 'Raw bytes',
  'ins.raw.note': 'Sent as typed: the sender did not build or check them as a frame.',
  'ins.raw.fieldsTitle': 'What was sent',
  'ins.raw.bytesTitle': 'Bytes',
  'ins.raw.openDecoder': 'Read these bytes field by field in the frame decoder',

  'ins.st.tcp.CLOSED': 'CLOSED: no connection.',
  'ins.st.tcp.LISTEN': 'LISTEN: waiting for a SYN from a client.',
  'ins.st.tcp.SYN_SENT': 'SYN_SENT: a SYN went out; waiting for the SYN-ACK.',
  'ins.st.tcp.SYN_RECEIVED': 'SYN_RECEIVED: a SYN was answered with a SYN-ACK; waiting for the final ACK.',
  'ins.st.tcp.ESTABLISHED': 'ESTABLISHED: the three-way handshake is done; data can flow both ways.',
  'ins.st.tcp.FIN_WAIT_1': 'FIN_WAIT_1: this side sent its FIN; waiting for it to be acknowledged.',
  'ins.st.tcp.FIN_WAIT_2': 'FIN_WAIT_2: the FIN was acknowledged; waiting for the peer’s FIN.',
  'ins.st.tcp.CLOSE_WAIT': 'CLOSE_WAIT: the peer sent its FIN; this side may still send, then closes.',
  'ins.st.tcp.CLOSING': 'CLOSING: both sides sent a FIN at once; waiting for the ACK.',
  'ins.st.tcp.LAST_ACK': 'LAST_ACK: this side sent its FIN after the peer’s; waiting for the last ACK.',
  'ins.st.tcp.TIME_WAIT':
    'TIME_WAIT: the side that closed first waits 2 × MSL so that late segments die out.',
  'ins.st.ws.CONNECTING': 'CONNECTING: the opening handshake is under way (§4).',
  'ins.st.ws.OPEN': 'OPEN: the handshake succeeded; frames can be sent both ways.',
  'ins.st.ws.CLOSING':
    'CLOSING: a close frame was sent or received; the closing handshake is under way (§7).',
  'ins.st.ws.CLOSED': 'CLOSED: the WebSocket connection is closed.',
  'ins.st.other': 'A state of this endpoint.',
  // permessage-deflate (issue 12): a frame of a compressed message, from the engine's field map.
  'ins.deflate.summary':
    'RSV1 is set: a compressed message (permessage-deflate, RFC 7692 §6). The {compressed} bytes of DEFLATE data on the wire inflate to {inflated} bytes.',
  'ins.deflate.summaryCont':
    'A frame of a compressed message (RSV1 is set on its first frame only, RFC 7692 §6.1): the {compressed} bytes of DEFLATE data on the wire inflate to {inflated} bytes.',
  'ins.deflate.bytesTitle': 'Bytes on the wire',
  // Beside the decoder link of a frame whose message was compressed against a kept window (FrameDetails).
  'ins.frame.keptWindow':
    'Its sender kept its compression window from earlier messages (context takeover, RFC 7692 §7.2.3.2): the decoder, given this frame alone, starts with an empty window and says so if the message refers back to them.',
} as const;
