/**
 * English catalog: the source of the keys. `{name}` marks a placeholder; keys ending in `.one` /
 * `.other` are plural pairs looked up with `tn()`. Protocol texts (field meanings, rule violations)
 * come from the engine, not from here.
 */
import { compareEn } from './compare.en.ts';
import { consoleEn } from './console.en.ts';
import { copyEn } from './copy.en.ts';
import { editorEn } from './editor.en.ts';
import { embedEn } from './embed.en.ts';
import { homeEn } from './home.en.ts';
import { inspectorEn } from './inspector.en.ts';
import { lessonsEn } from './lessons.en.ts';
import { pcapEn } from './pcap.en.ts';
import { playgroundEn } from './playground.en.ts';

export const en = {
  // Each area keeps its strings in its own file, so the areas can grow side by side.
  ...playgroundEn,
  ...pcapEn,
  ...inspectorEn,
  ...consoleEn,
  ...copyEn,
  ...lessonsEn,
  ...compareEn,
  ...editorEn,
  ...embedEn,
  ...homeEn,
  'app.title': 'ws101 — WebSocket, byte by byte',
  'app.skip': 'Skip to content',
  'app.tagline': 'WebSocket, byte by byte',
  'nav.label': 'Main',
  'nav.playground': 'Playground',
  'nav.lessons': 'Lessons',
  'nav.compare': 'Why WebSocket',
  'nav.frame': 'Frame decoder',
  'lang.label': 'Language',
  'footer.local': 'Everything runs in your browser: nothing you type leaves this page.',
  'footer.rfc': 'Read RFC 6455',

  'route.unknown': 'There is no page at “{path}”, so here is the home page.',
  'route.badEncoding':
    'The link’s hex has a broken %-escape (like %ZZ), so it could not be read cleanly; it is shown below as it came.',
  'route.badDir':
    'The link asks for direction “{value}”, which does not exist. Use dir=c2s (client → server) or dir=s2c (server → client); showing client → server.',

  'dec.title': 'Frame decoder',
  'dec.intro':
    'Paste the bytes of one or more WebSocket frames as hex. They are read exactly as the receiving endpoint reads them: field by field, with the rule it applies and what it sends back.',
  'dec.input.label': 'Bytes (hex)',
  'dec.input.placeholder': 'e.g. 81 05 48 65 6c 6c 6f',
  'dec.input.hint': 'Spaces, commas, colons, 0x and # comments are ignored. Up to {limit} bytes are decoded.',
  'dec.dir.legend': 'Who sent these bytes?',
  'dec.dir.c2s': 'Client → server',
  'dec.dir.c2s.note': 'The server reads them. A client MUST mask every frame (§5.3).',
  'dec.dir.s2c': 'Server → client',
  'dec.dir.s2c.note': 'The client reads them. A server MUST NOT mask its frames.',
  'dec.examples': 'Examples from RFC 6455 §5.7',
  'dec.examples.broken': 'Broken on purpose',
  'dec.otherWay': 'These bytes would be fine in the other direction.',
  'dec.decodeAs.s2c': 'Read them as server → client',
  'dec.decodeAs.c2s': 'Read them as client → server',
  'dec.share.cut':
    'The link in the address bar keeps only the first {n} bytes (4 KiB of hex); the rest is not in the URL.',

  'ex.hello': '“Hello”, unmasked',
  'ex.helloMasked': '“Hello”, masked',
  'ex.fragmented': '“Hel” + “lo”, fragmented',
  'ex.ping': 'Ping “Hello”',
  'ex.binary256': '256-byte binary (header only)',
  'ex.close1000': 'Close 1000',
  'ex.pingTooLong': 'Ping with length 126',
  'ex.unmaskedClient': 'Unmasked client frame',
  'ex.reservedOpcode': 'Reserved opcode 0x3',
  'ex.badUtf8': 'Text that is not UTF-8',

  'in.empty': 'No bytes yet. Type or paste hex, or pick an example.',
  'in.notHex':
    '{char} at character {pos} (line {line}, column {col}) is not a hex digit. Only 0–9 and a–f make bytes.',
  'in.oddDigits':
    'Odd number of hex digits: the digit {char} at character {pos} (line {line}, column {col}) has no partner. Every byte is two hex digits.',
  'in.select': 'Select it in the input',
  'in.before.one': 'Below: the {n} byte before the problem, decoded.',
  'in.before.other': 'Below: the {n} bytes before the problem, decoded.',

  'lim.decode': 'Long input: showing the first {limit} bytes of {total}. The rest is not decoded.',
  'lim.hex': 'The hex view shows the first {shown} of {total} bytes; drawing them all would be too slow.',
  'lim.cards':
    'Field tables are shown for the first {shown} frames; {hidden} more frames were decoded but are not shown.',

  'v.label.empty': 'Waiting',
  'v.label.input': 'Cannot read these bytes',
  'v.label.invalid': 'Protocol error',
  'v.label.incomplete': 'Incomplete',
  'v.label.open': 'Valid so far',
  'v.label.valid': 'Valid',
  'v.valid': '{frames} → {outcomes}.',
  'v.validBare': '{frames}.',
  'v.open':
    '{frames}, but the message is not finished (FIN = 0): the {receiver} waits for its continuation frames.',
  'v.needPayload.one': 'waiting for {n} more byte of payload ({have} of {total} arrived).',
  'v.needPayload.other': 'waiting for {n} more bytes of payload ({have} of {total} arrived).',
  'v.needHeader.one': 'waiting for at least {n} more byte to complete the frame header.',
  'v.needHeader.other': 'waiting for at least {n} more bytes to complete the frame header.',

  'out.text': 'text message {preview}',
  'out.binary': 'binary message of {bytes}',
  'out.ping': 'ping, answered with a pong',
  'out.pong': 'pong',
  'out.close': 'close frame {code}, answered with a close frame',
  'out.closeNoCode': 'close frame without a code, answered with a close frame',
  'out.ignored.one': '{n} frame after the close frame ignored',
  'out.ignored.other': '{n} frames after the close frame ignored',
  'count.messages.one': '{n} message',
  'count.messages.other': '{n} messages',
  'count.pings.one': '{n} ping',
  'count.pings.other': '{n} pings',
  'count.pongs.one': '{n} pong',
  'count.pongs.other': '{n} pongs',
  'count.closes.one': '{n} close frame',
  'count.closes.other': '{n} close frames',
  'list.sep': ', ',
  'unit.bytes.one': '{n} byte',
  'unit.bytes.other': '{n} bytes',
  'unit.frames.one': '{n} frame',
  'unit.frames.other': '{n} frames',
  'role.server': 'server',
  'role.client': 'client',

  'sum.text': 'Text frame, {bytes}',
  'sum.textFirst': 'Text frame, first fragment (FIN = 0), {bytes}',
  'sum.binary': 'Binary frame, {bytes}',
  'sum.binaryFirst': 'Binary frame, first fragment (FIN = 0), {bytes}',
  'sum.cont': 'Continuation frame, more to come (FIN = 0), {bytes}',
  'sum.contLast': 'Continuation frame, last fragment, {bytes}',
  'sum.ping': 'Ping frame, {bytes}',
  'sum.pong': 'Pong frame, {bytes}',
  'sum.close': 'Close frame: {code}',
  'sum.closeReason': 'Close frame: {code}, reason {reason}',
  'sum.closeEmpty': 'Close frame without a status code',
  'sum.closeBad': 'Close frame with a malformed body',
  'sum.reserved': 'Frame with reserved opcode {opcode}',

  'card.frame': 'Frame {n}',
  'card.partial': 'Frame {n}, incomplete',
  'card.rejected': 'Frame {n}, rejected',
  'card.unread': 'Not read',
  'card.byteAt': 'byte {from} of the input',
  'card.bytesAt': 'bytes {from}–{to} of the input',
  'card.partialNote':
    'The rest of this frame has not arrived yet. Fields marked “cut short” are missing bytes.',
  'card.rejectedNote':
    'The receiver rejected this frame while reading it. The fields show what its bytes say.',
  'card.unreadNote.one':
    'After failing the connection the receiver stops reading (§7.1.7): this {n} byte is never looked at.',
  'card.unreadNote.other':
    'After failing the connection the receiver stops reading (§7.1.7): these {n} bytes are never looked at.',
  'card.ignored': 'Ignored: nothing may follow a close frame (§5.5.1), so the receiver discards it.',
  'card.hexTitle': 'Bytes',
  'card.fieldsTitle': 'Fields',
  'card.hexMore': '… and {bytes} more, not drawn.',
  'card.hexNone': 'Not drawn: the frames above used up the hex view’s limit.',
  'card.errLegend': 'Wavy red underline: the bytes the error is about.',
  'tbl.field': 'Field',
  'tbl.where': 'Where',
  'tbl.value': 'Value',
  'tbl.meaning': 'Meaning',
  'span.bit': 'byte {byte}, bit {bit}',
  'span.bits': 'byte {byte}, bits {from}–{to}',
  'span.byte': 'byte {byte}',
  'span.bytes': 'bytes {from}–{to}',
  'span.none': 'no bytes',
  'field.cut': 'cut short',
  'seg.none': 'bytes outside any field',
  'seg.error': 'the error is here',

  'rx.title': 'What the {receiver} does',
  'rx.none': 'Nothing yet: no complete frame has arrived.',
  'rx.more': '… and {n} more.',
  'rx.replies': 'What the {receiver} sends back',
  'rx.decode': 'Decode this reply',
  'rx.zeroKey':
    'A real client picks a new random masking key for every frame; here the key is 00 00 00 00 so the reply stays the same while you type.',
  'ev.text': 'Delivers a text message to the application: {preview}',
  'ev.textFrames': 'Joins {n} frames and delivers one text message: {preview}',
  'ev.binary': 'Delivers a binary message of {bytes} to the application',
  'ev.binaryFrames': 'Joins {n} frames and delivers one binary message of {bytes}',
  'ev.ping': 'Receives a ping with {bytes} and answers with a pong carrying the same payload (§5.5.2)',
  'ev.pong': 'Receives a pong with {bytes}; no answer is needed (§5.5.3)',
  'ev.close': 'Receives a close frame with code {code} and answers with a close frame (§5.5.1)',
  'ev.closeNoCode': 'Receives a close frame without a code and answers with a close frame (§5.5.1)',
  'ev.error': 'Finds a violation of §{section} and fails the connection (§7.1.7)',
  'ev.closedClean': 'The connection is now closed, cleanly (close code {code})',
  'ev.closedUnclean': 'The connection is now closed, not cleanly (close code {code})',
  'ev.closeTransport': 'Closes the TCP connection',
} as const;

export type MessageKey = keyof typeof en;
/** What every catalog must provide: every key of the English one. */
export type Messages = { readonly [K in MessageKey]: string };
