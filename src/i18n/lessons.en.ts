/** English strings of the lessons area; spread into the main catalog (en.ts). Keys start with "ls.". */
export const lessonsEn = {
  'ls.doc.list': 'Lessons — ws101',
  'ls.doc.lesson': '{title} — ws101 lessons',

  'ls.list.title': 'Lessons',
  'ls.list.intro':
    '{n} short lessons, from one plain HTTP request to a WebSocket that closes cleanly. Each one ends with exercises that this page checks with the real protocol engine.',
  'ls.list.overall': 'Your progress',
  'ls.list.start': 'Start with lesson 1, “{title}”',
  'ls.list.continue': 'Continue with lesson {n}, “{title}”',
  'ls.list.allDone': 'You have done every exercise. Well done.',
  'ls.list.number': 'Lesson {n}',
  'ls.list.complete': 'Complete',

  'ls.progress.one': '{done} of {n} exercise done',
  'ls.progress.other': '{done} of {n} exercises done',

  'ls.lesson.eyebrow': 'Lesson {n} of {total}',
  'ls.lesson.goals': 'Goals',
  'ls.lesson.back': 'All lessons',
  'ls.lesson.nav': 'Lessons',
  'ls.lesson.prev': 'Previous',
  'ls.lesson.next': 'Next',
  'ls.lesson.loading': 'Loading the lesson…',
  'ls.lesson.missing.title': 'No such lesson',
  'ls.lesson.missing.text': 'There is no lesson called “{slug}”. The link may be old or mistyped.',
  'ls.lesson.missing.link': 'See all lessons',
  'ls.lesson.failed': 'The lesson could not be loaded. Check the connection and try again.',
  'ls.retry': 'Try again',

  'ls.notice.reset': 'Your saved progress could not be read and was reset.',
  'ls.notice.memory':
    'This browser does not let the page save your progress, so it lasts only until you close the page.',
  'ls.notice.dismiss': 'Dismiss',

  'ls.ex.heading': 'Exercise {n}',
  'ls.ex.link': 'Link to exercise {n}',
  'ls.ex.linkShort': 'Link',
  'ls.step.unknown':
    'This link points to step “{step}”, which this lesson does not have (it may have been renamed); starting from the top.',
  'ls.step.bad':
    'The link’s step “{step}” is not an exercise name (lowercase letters, digits and hyphens); starting from the top.',
  'ls.ex.done': 'Done',
  'ls.ex.pickOne': 'Pick one answer.',
  'ls.ex.pickMany': 'Pick every right answer.',
  'ls.ex.answer': 'Your answer',
  'ls.ex.frame': 'Your frame (hex)',
  'ls.ex.request': 'Your request',
  'ls.ex.check': 'Check',
  'ls.ex.hint': 'Hint',
  'ls.ex.hintNext': 'Next hint',
  'ls.ex.hintsLeft.one': '{n} left',
  'ls.ex.hintsLeft.other': '{n} left',
  'ls.ex.noMoreHints': 'No more hints',
  'ls.ex.hints': 'Hints',
  'ls.ex.solution': 'Show solution',
  'ls.ex.filled': 'The solution is filled in. Read it, then press Check to see why it is right.',
  'ls.ex.correct': 'Correct.',
  'ls.ex.wrong': 'Not yet.',

  'ls.w.loading': 'Loading…',
  'ls.w.failed': 'This part of the lesson could not be loaded.',
  'ls.w.playground': 'Playground',
  'ls.w.race.title': 'Transport race',
  'ls.w.unsupported': 'The “{name}” widget is not available in this version.',

  'ls.fw.label': 'Frame bytes (hex)',
  'ls.fw.c2s': 'Client → server: the server reads these bytes.',
  'ls.fw.s2c': 'Server → client: the client reads these bytes.',

  'ls.http.label': 'Handshake request (HTTP/1.1)',
  'ls.http.note':
    'One header per line. The line endings (CRLF) and the empty line that ends the request are added for you.',
  'ls.http.response': 'What the server sends back',
  'ls.http.accepted': 'Accepted: the server answers 101 and the connection becomes a WebSocket.',
  'ls.http.refused': 'Refused with HTTP {status}.',
  'ls.http.refusedAt': 'Refused with HTTP {status}, by a rule of RFC 6455 §{section}.',
  'ls.http.why': 'Press Check, or open a hint, to see which rule and why.',
  'ls.http.bodyHidden': '[a body of {n} bytes that names the rule: shown after Check or a hint]',
  // Exercise feedback (lessons/check.ts, CheckTexts); {verdict} is the engine's sentence for the broken rule.
  'ls.check.withVerdict': '{sentence} {verdict}',
  'ls.check.pick': 'Pick an option.',
  // Shown after the status word 'ls.ex.wrong' ("Not yet."): none of these starts with one of its own.
  'ls.check.notQuiteAll': 'More than one option is right, and all of them must be picked.',
  'ls.check.notQuite': 'Try again, or open a hint.',
  'ls.check.text': 'That is not the expected answer.',
  'ls.check.notNumber': 'Enter a number.',
  'ls.check.unit':
    '“{unit}” is not a unit this question counts in: write the number alone, or followed by one of: {units}.',
  'ls.check.wrongNumber': '{value} is not it.',
  'ls.check.notHex': '“{char}” is not a hex digit.',
  'ls.check.oddHex': 'An odd number of hex digits: every byte needs two.',
  'ls.check.shouldReject': 'The receiver should reject these bytes for the rule “{rule}”.',
  'ls.check.rejects': 'The receiver rejects these bytes:',
  'ls.check.incomplete': 'The frame is incomplete: the receiver waits for {n} more byte(s).',
  'ls.check.noBytes': 'There are no bytes to decode yet.',
  'ls.check.closeCode': 'The close code should be {want}; it is {got}.',
  'ls.check.closeCodeNone': 'The close code should be {want}; there is none.',
  // The first failed try of a frame exercise: what is wrong, not the value wanted (check.ts reasonShown).
  'ls.check.closeCodeBrief': 'The close code is not the one the exercise asks for.',
  'ls.check.frames': 'Expected {want} complete frame(s), found {got}.',
  'ls.check.framesBrief': 'The receiver finds {got} complete frame(s): not the number the exercise asks for.',
  'ls.check.messages': 'Expected {want} message(s), found {got}.',
  'ls.check.messagesBrief': 'The receiver gets {got} message(s): not the number the exercise asks for.',
  // A ping between fragments is a frame of its own, not a piece of the message (RFC 6455 §5.4).
  'ls.check.dataFrames':
    'Expected {want} data frame(s) (text, binary or continuation), found {got}; the {control} control frame(s) do not count: a ping or pong between fragments is not a piece of the message (RFC 6455 §5.4).',
  'ls.check.dataFramesBrief':
    'The receiver finds {got} data frame(s) and {control} control frame(s); control frames are not pieces of the message (RFC 6455 §5.4), and the number of data frames is not the one the exercise asks for.',
  'ls.check.maskKey': 'The masking key should be {want}; it is {got}.',
  'ls.check.maskKeyBrief': 'The masking key is not the one the exercise gives.',
  'ls.check.maskKeyZero':
    'The masking key is 00 00 00 00: XOR with 0 leaves every byte as it was, so nothing has been masked. Put the key {want} after the length and XOR each payload byte with it (RFC 6455 §5.3).',
  'ls.check.payload': 'The payload of the last frame (unmasked) should be {want}; it is {got}.',
  'ls.check.payloadBrief': 'The frame is valid, but its payload is not the one the exercise asks for.',
  'ls.check.payloadEmpty':
    'The last frame carries no payload: the receiver accepts it, but the exercise asks for the payload {want}.',
  'ls.check.headerGone':
    'The request has no {name} field any more. Change its value instead of deleting it: a request without a required field is malformed (RFC 6455 §4.2.1), which is not what this exercise asks.',
  'ls.check.noFrame': 'No complete frame yet.',
  'ls.check.prop': 'The {prop} should be {want}; it is {got}.',
  'ls.check.propBrief': 'The {prop} is not what the exercise asks for.',
  'ls.check.prop.opcode': 'opcode',
  'ls.check.prop.fin': 'FIN',
  'ls.check.prop.masked': 'MASK',
  'ls.check.prop.length': 'payload length',
  'ls.check.prop.lengthForm': 'length form (bits)',
  'ls.check.noText': 'No text message “{text}” was received.',
  'ls.check.noBinary': 'No binary message {hex} was received.',
  'ls.check.malformed': 'The request is malformed: {detail}.',
  'ls.check.status': 'The server should answer {want}; it answers {got}.',
  'ls.check.codec':
    'The DEFLATE codec this exercise is checked with could not be loaded. Check the connection and press Check again.',
  'ls.check.notCompressed':
    'The receiver reads that text, but the message is not compressed: its first frame has RSV1 = 0 (RFC 7692 §6).',
  'ls.check.protocol': 'The server should pick the subprotocol {want}; it picks {got}.',
  'ls.check.protocolNone': 'The server should pick the subprotocol {want}; its 101 names none.',
  'ls.check.protocolBrief':
    'The 101 does not name the subprotocol the exercise asks for (Sec-WebSocket-Protocol).',
  'ls.check.noDeflate':
    'The server answers 101 without permessage-deflate: its response has no Sec-WebSocket-Extensions.',
  'ls.check.deflateParamBrief':
    'The server accepts permessage-deflate, but not with the parameters the exercise asks for.',
  'ls.check.deflateParam': 'The server accepts permessage-deflate, but not with {param}.',

  // Lesson 15: a heartbeat interval judged by the simulator (lessons/check.ts, sim/keepalive.ts).
  'ls.check.keepaliveDied':
    'The simulator pinged every {every} ms: the load balancer forgot the connection after {idle} ms of silence, and the client saw 1006 at t = {at} ms.',
  'ls.check.keepaliveRange': 'Give an interval in whole milliseconds, from {min} to {max}.',
  'ls.check.noSimulator':
    'The simulator could not be loaded to judge this answer. Reload the page and try again.',
} as const;
