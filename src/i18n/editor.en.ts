/** English strings of the frame editor; spread into the main catalog (en.ts). Keys start with "ed.". */
export const editorEn = {
  'ed.label': 'Frame bytes (hex)',
  'ed.hint':
    'Type bytes in hex. Spaces, line breaks, 0x and # comments are ignored. The numbers on the left are byte offsets.',
  // The second sentence of the hint: how to reach a byte's fields, by pointer (mouse or finger) and by
  // where the field list is (beside the bytes on a wide editor, below them when the columns stack).
  'ed.hint.hover.beside': 'Hover a byte, or read the fields beside it.',
  'ed.hint.hover.below': 'Hover a byte, or read the fields below.',
  'ed.hint.tap.beside':
    'Tap a byte to light up its field in the list beside it; the values there can be changed without typing hex.',
  'ed.hint.tap.below':
    'Tap a byte to light up its field in the list below; the values there can be changed without typing hex.',
  'ed.loading': 'Loading the editor…',
  'ed.loadFailed': 'The editor could not be loaded, so the bytes are shown as plain text. ({reason})',
  'ed.retry': 'Try again',
  'ed.keys': 'Tab leaves the editor. F1 lists the editor’s commands.',

  'ed.dir.legend': 'Who sends these bytes?',
  'ed.dir.c2s': 'Client → server',
  'ed.dir.c2s.note': 'The server reads them. A client MUST mask every frame it sends (§5.1).',
  'ed.dir.s2c': 'Server → client',
  'ed.dir.s2c.note': 'The client reads them. A server MUST NOT mask its frames (§5.1).',

  'ed.status.valid': 'Valid',
  'ed.status.acceptedBy': 'Accepted by {receiver}',
  'ed.status.invalid': 'Rejected',
  'ed.status.incomplete': 'Incomplete',
  'ed.status.input': 'Not hex',
  'ed.status.empty': 'Empty',
  'ed.receiver.c2s': 'the server',
  'ed.receiver.s2c': 'the client',
  'ed.st.empty': 'No bytes yet. Type a frame, for example 81 05 48 65 6c 6c 6f.',
  'ed.st.valid.one': '{summary}. {Receiver} accepts it.',
  'ed.st.valid.other': '{n} frames. {Receiver} accepts them all.',
  // In an exercise: what the receiver does, and that the exercise's own Check says whether it is solved.
  'ed.st.decoded.one': '{summary}.',
  'ed.st.decoded.other': '{n} frames.',
  'ed.st.notGraded':
    'That is the receiver’s verdict on the bytes, not the exercise’s: Check says whether they are what it asks for.',
  'ed.st.needHeader.one': 'The header is cut short: {receiver} waits for 1 more byte of it.',
  'ed.st.needHeader.other': 'The header is cut short: {receiver} waits for {n} more bytes of it.',
  'ed.st.needPayload.one':
    'The payload is cut short ({have} of {total} bytes): {receiver} waits for 1 more byte.',
  'ed.st.needPayload.other':
    'The payload is cut short ({have} of {total} bytes): {receiver} waits for {n} more bytes.',
  'ed.st.notHex':
    '“{char}” is not a hex digit (line {line}, column {col}). Nothing from there on is decoded.',
  'ed.st.odd': 'A digit has no partner (line {line}, column {col}): a byte is always two hex digits.',
  'ed.st.cut': 'Only the first {decoded} of {total} bytes are decoded.',
  'ed.st.wrongWay':
    'Whether a frame must be masked depends on who sends it: toggle MASK in the fields, or change the direction.',
  'ed.st.wrongWayFixed':
    'Whether a frame must be masked depends on who sends it, and this exercise fixes who does: toggle MASK in the fields.',
  'ed.marker.notHex':
    '“{char}” is not a hex digit. Write each byte as two digits from 0–9 and a–f. Nothing after the first such character is decoded.',
  'ed.marker.odd': 'This digit has no partner: a byte is always two hex digits.',

  'ed.tree.title': 'Fields',
  'ed.tree.frameOf': 'Frame {n} of {total} (bytes {from}–{to}): the fields follow the cursor.',
  'ed.tree.none': 'No frame yet: the fields appear as soon as the first byte is there.',
  'ed.tree.rejected':
    'The receiver rejects this frame, but all its bytes are there, so every field can still be edited.',
  'ed.tree.partialFirst':
    'This frame is incomplete, so only the fields whose bytes are all there can be edited: the first byte (FIN, RSV1–3, opcode). The others are read-only until their bytes are typed.',
  'ed.tree.partialPayload.one':
    'This frame is incomplete: its payload has {have} of 1 byte. The first byte can be edited; the length, mask and payload are read-only until the frame is whole.',
  'ed.tree.partialPayload.other':
    'This frame is incomplete: its payload has {have} of {n} bytes. The first byte can be edited; the length, mask and payload are read-only until the frame is whole.',
  'ed.tree.usePresent.one': 'Make the 1 byte typed the whole payload',
  'ed.tree.usePresent.other': 'Make the {n} bytes typed the whole payload',
  'ed.tree.unread':
    'The receiver never reads these bytes: it failed the connection, or received a close frame, before them.',
  'ed.tree.more': '{n} more frames are decoded but not listed.',
  'ed.tree.missing': 'bytes missing',
  'ed.tree.readonly': 'read-only',
  'ed.tree.value': 'Value',
  'ed.tree.set': '1 (set)',

  'ed.op.0': 'continuation',
  'ed.op.1': 'text',
  'ed.op.2': 'binary',
  'ed.op.8': 'close',
  'ed.op.9': 'ping',
  'ed.op.a': 'pong',
  'ed.op.reservedData': 'reserved (data)',
  'ed.op.reservedControl': 'reserved (control)',

  'ed.len.form': 'Length form',
  'ed.len.7': '7-bit: 0–125 in the length field',
  'ed.len.16': '16-bit: 126, then 2 bytes',
  'ed.len.64': '64-bit: 127, then 8 bytes',
  'ed.len.value.one': 'The payload is 1 byte.',
  'ed.len.value.other': 'The payload is {n} bytes.',

  'ed.key.label': 'Masking key (4 bytes in hex)',
  'ed.key.random': 'New random key',
  'ed.key.bad': 'Write exactly 4 bytes in hex, for example 37 fa 21 3d.',

  'ed.payload.label': 'Payload',
  'ed.payload.as': 'Edit the payload as',
  'ed.payload.text': 'Text (UTF-8)',
  'ed.payload.hex': 'Hex',
  'ed.payload.notUtf8': 'These bytes are not valid UTF-8, so they can only be edited as hex.',
  'ed.payload.invisible':
    'Characters that cannot be seen are shown as symbols (␀ is the byte 00). Edit these bytes as hex.',
  'ed.payload.bad': 'Not whole hex bytes yet: the frame keeps its last good payload.',
  'ed.payload.big':
    'The payload is {n} bytes, too long to edit here (up to {max} bytes). Edit its bytes in the editor.',

  'ed.mask.title': 'Masking, byte by byte (§5.3)',
  'ed.mask.caption':
    'Payload byte i XOR key byte (i mod 4) gives the byte on the wire, and the same XOR undoes it.',
  'ed.mask.shown': 'The first {shown} of {total} payload bytes.',
  'ed.mask.all.one': 'The payload’s only byte.',
  'ed.mask.all.other': 'All {n} bytes of the payload.',
  'ed.mask.i': 'i',
  'ed.mask.clear': 'Payload',
  'ed.mask.key': 'Key [i mod 4]',
  'ed.mask.wire': 'On the wire',

  'ed.send.button': 'Send this frame',
  'ed.send.s2c':
    'Only the client is yours: these bytes go from the server to the client, and the simulated server is their sender. Choose “Client → server” to send a frame yourself.',
  'ed.send.s2cFixed':
    'Only the client is yours to send from: in this exercise the bytes go from the server to the client, so the simulated server is their sender.',
  'ed.send.nothing': 'Type at least one whole byte to send.',
  'ed.send.fix': 'The text is not whole hex bytes yet (see the status above): fix it to send.',
  'ed.send.note':
    'Connects a simulated client to an echo server, then puts these bytes on the wire as they are.',
  'ed.send.title': 'What the server does with your bytes',
  'ed.send.intro':
    'A simulated connection: TCP and the opening handshake first (connect), then your bytes exactly as typed (raw {bytes}).',
  'ed.send.close': 'Close',
  'ed.send.replay': 'Play again',
  'ed.send.running': 'Connecting…',
  'ed.send.refused': 'The simulation refused: {reason}',
  'ed.send.time': 't (ms)',
  'ed.send.who': 'Who',
  'ed.send.what': 'What happens',
  'ed.send.more': '{n} more events are not listed.',
  'ed.send.log': 'Timeline of the simulated connection',
  'ed.send.tcp': 'Show TCP segments and state changes too',

  'ed.hover.byte': 'Byte {n}',
  'ed.hover.frame': 'frame {n}',
  'ed.hover.payloadByte': 'payload byte {i}',
  'ed.hover.masked': 'on the wire {wire} XOR key[{k}] {key} = {clear}',
  'ed.hover.unread': 'The receiver does not read this byte: it stopped at an earlier failure or close frame.',

  // permessage-deflate (RFC 7692) in the field tree.
  'ed.inflated.help':
    'The message as the receiver inflates it. Type to change it: the engine compresses it again (RFC 7692 §7.2.1) and rewrites the frame with RSV1 set, its new length and its mask.',
  'ed.inflated.helpHex':
    'The inflated bytes, in hex. Type to change them: the engine compresses them again (RFC 7692 §7.2.1) and rewrites the frame.',
  'ed.payload.deflate':
    'DEFLATE data: edit these bytes and the receiver inflates them again; bytes it cannot inflate are marked (RFC 7692 §6.2).',
} as const;
