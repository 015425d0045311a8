/** English strings of the console area; spread into the main catalog (en.ts). Keys start with "con.". */
export const consoleEn = {
  'con.title': 'Console',
  'con.keys': 'Tab completes · ↑↓ history · Esc leaves',
  'con.inputLabel':
    'Console input. Type a command and press Enter; Tab completes, the arrow keys go through the history, Escape leaves the console.',
  'con.outputLabel': 'Console output',
  'con.srMode': 'Screen reader mode',
  'con.loading': 'Loading the console…',
  'con.failed': 'The console could not be loaded. Reload the page to try again.',
  'con.greeting': 'ws101 console: the client’s shell. Type help, or connect to begin.',
  'con.help.title': 'Commands:',
  'con.help.legend':
    'Each event line: virtual time, who sent it (→ sent by the client, ← received), layer (TCP, HTTP, WS), what it is. Lines marked “server:” happen at the server.',
  'con.help.keys':
    'Keys: Tab completes, ↑/↓ go through the history, Ctrl+C cancels the line, Ctrl+L clears the screen, Esc leaves the console.',
  'con.help.more': 'help <command> explains one command.',
  'con.help.unknown': 'There is no command “{name}”.',
  'con.usage': 'usage: {usage}',
  'con.didYouMean': 'did you mean {name}? usage: {usage}',
  'con.helpHint': 'type help for the list of commands',
  'con.dump.on': 'Hex dump on: an xxd dump follows each frame and HTTP message.',
  'con.dump.off': 'Hex dump off.',
  'con.reset': 'Reset: a new connection and an empty timeline. Type connect to begin again.',
  'con.lineFull': 'A console line holds at most {max} characters; the rest of the paste was dropped.',
  'con.latency': 'Latency is now {ms} ms each way, from the next segment on.',
  'con.mss': 'The TCP maximum segment size is now {bytes} bytes.',
  'con.server': 'Server behaviour: {kind}. It takes effect on the next connect.',
  'con.tcpMore.one': '⋯ {n} more segment, {bytes} B of payload (the diagram shows it)',
  'con.tcpMore.other': '⋯ {n} more segments, {bytes} B of payload (the diagram shows each)',
  'con.behind':
    'Showing the live end, up to {end} ms. The diagram is back at {now} ms: the lines after that time have not happened there yet.',
  'con.behind.now': 'Back to now',
  'con.at': '{who}:',
  'con.state': 'WebSocket state {from} → {to}',
  // Command help and parse errors: the keys sim/commands.ts speaks with (CommandTexts).
  'con.cmd.connect':
    'open TCP, then the WebSocket handshake; --protocol chat,superchat offers subprotocols, --deflate offers permessage-deflate as browsers do, --deflate=client_no_context_takeover,server_max_window_bits=10 with those parameters (RFC 7692 §7.1)',
  'con.cmd.send': 'send a text message',
  'con.cmd.binary': 'send a binary message, e.g. binary 01 02 ff',
  'con.cmd.ping':
    'send a ping (the server answers pong); ping every 30000 [timeout 10000] makes the client ping on a timer and give up on the connection (1006) when a pong misses its deadline; ping off stops it',
  'con.cmd.middlebox':
    'put a box on the path that forgets quiet connections: middlebox idle 60000 [drop|reset] is a load balancer’s idle timeout (later segments vanish, or both ends get a RST), middlebox nat 30000 a NAT whose mapping expires; middlebox off takes it away',
  'con.cmd.close': 'start the closing handshake, e.g. close 1000 bye',
  'con.cmd.frag': 'send one text message as n frames',
  'con.cmd.raw': 'put arbitrary bytes on the wire (see the server reject bad frames)',
  'con.cmd.latency': 'one-way latency of the link, 0–10000 ms',
  'con.cmd.mss': 'TCP maximum segment size, 1–65495 bytes',
  'con.cmd.window':
    'the server’s TCP receive buffer, 1–65535 bytes: the most it will advertise as its window (from the next connect)',
  'con.cmd.reader':
    'how fast the server’s application reads its receive buffer: fast (at once), slow <KB/s> (e.g. reader slow 10), or pause (paused before connect, it does not read the handshake either)',
  'con.cmd.flood': 'send <count> binary messages of <bytes> each at once, e.g. flood 20 1000 (a fast sender)',
  'con.cmd.server':
    'choose the server’s behaviour; server deflate on|off [--no-context-takeover] [--client-no-context-takeover] [--max-window-bits 8–15] [--client-max-window-bits 8–15] sets what it agrees to of permessage-deflate; server protocols chat,superchat (or none) its subprotocols, in its order of preference; server origins https://bank.example (or any) the Origins it lets in, others get 403 (RFC 6455 §10.2); server samesite none|lax|strict the SameSite attribute of the bank’s session cookie (each takes effect on the next connect)',
  'con.cmd.dump': 'show an xxd-style hex dump under each frame',
  'con.cmd.reset': 'start over: new connection, cleared timeline',
  'con.cmd.clear': 'clear the console screen',
  'con.cmd.help': 'list commands, or explain one',
  'con.err.empty': 'Type a command; help lists them.',
  'con.err.needHex': 'Give the bytes in hex, e.g. 81 05 48 65 6c 6c 6f.',
  'con.err.notHex': '“{char}” (character {pos}) is not a hex digit.',
  'con.err.oddHex': 'An odd number of hex digits: every byte needs two.',
  'con.err.tooLong': 'At most {max} bytes.',
  'con.err.needValue': '{option} needs a value.',
  'con.err.unknownOption': 'Unknown option {option}.',
  'con.err.path': 'The path must start with “/”: {path}.',
  'con.err.unexpected': 'Unexpected “{word}”.',
  'con.err.pathTooLong': 'The path is {bytes} bytes; a path here is at most {max} (1 KiB).',
  'con.err.pathControl':
    'The path contains a control character ({name}, character {pos}). RFC 9112 §3.2: a request-target holds no spaces or control characters; a browser’s URL parser drops or percent-encodes them, so a real request never carries one.',
  'con.err.pathSpace':
    'The path contains a space. RFC 9112 §3.2: a space ends the request-target (GET <target> HTTP/1.1); write it as %20.',
  'con.err.optionControl':
    '{option} contains a control character ({name}, character {pos}). RFC 9110 §5.5: CR, LF and NUL cannot appear in a header field value (a CRLF would end the header line and let the rest pose as more headers). A browser never sends this: new WebSocket() throws a SyntaxError for such a subprotocol, and sets Origin, the key and the version itself.',
  'con.err.protocolToken':
    "--protocol “{value}” is not a token. RFC 6455 §4.1 and RFC 9110 §5.6.2: a subprotocol name is letters, digits and !#$%&'*+-.^_`|~ only; new WebSocket() throws a SyntaxError for it.",
  'con.err.keyTooLong':
    '--key is at most {max} characters here; a real key is 24 (base64 of 16 random bytes, RFC 6455 §4.1).',
  'con.err.versionTooLong': '--version is at most {max} characters here; RFC 6455 §4.1 sends 13.',
  'con.err.valueTooLong': '{option} is {bytes} bytes; a value here is at most {max} (1 KiB).',
  'con.err.nothingToSend': 'Nothing to send: give the text.',
  'con.err.pingTooLong': 'A ping carries at most 125 bytes (RFC 6455 §5.5).',
  'con.err.closeCode': '“{word}” is not a status code (a number such as 1000).',
  'con.err.frag': 'Give the text, then the number of frames (1–1000).',
  'con.err.latency': 'Give a whole number of milliseconds, 0–10000.',
  'con.err.mss': 'Give a whole number of bytes, 1–65495.',
  'con.err.server':
    'Choose echo, chat, ticker, reject or bank, or give server deflate …, server protocols …, server origins … or server samesite ….',
  'con.err.window': 'Give the receive buffer in whole bytes, 1–{max} (no window scaling).',
  'con.err.reader':
    'reader fast, reader pause, or reader slow <KB/s> with a whole number, e.g. reader slow 10.',
  'con.err.flood':
    'Give a count (1–{maxCount}) and a size in bytes (1–{maxBytes}), at most {total} bytes in all, e.g. flood 20 1000.',
  'con.err.dump': 'dump on, or dump off.',
  'con.err.unknown': 'Unknown command “{word}”. Type help for the list.',
  // Refusals of the world (sim/world.ts, WorldTexts).
  'con.refuse.connected': 'Already connected: close (or reset) first.',
  'con.refuse.noTcp': 'No open TCP connection: type connect first.',
  'con.refuse.notConnected': 'Not connected: type connect first.',
  'con.refuse.closingData':
    'The client has sent its close frame: after it an endpoint MUST NOT send any more data frames (RFC 6455 §5.5.1). When the connection has closed, type connect for a new one, or reset to start over.',
  'con.refuse.closingClose':
    'The client has already sent its close frame and waits for the server’s (RFC 6455 §7.1.2): a closing handshake is started once. When the connection has closed, type connect for a new one, or reset to start over.',
  'con.refuse.closed':
    'This connection is closed (RFC 6455 §7.1.4): nothing more can be sent on it, a close frame included. Type connect for a new connection, or reset to start over.',
  // permessage-deflate and subprotocols (issue 12).
  'con.serverDeflateOn':
    'The server accepts permessage-deflate{limits}. It takes effect on the next connect (and only if the client offers it: connect --deflate).',
  'con.serverDeflateOff':
    'The server declines permessage-deflate: its 101 will carry no Sec-WebSocket-Extensions, and the connection goes uncompressed. It takes effect on the next connect.',
  'con.serverProtocols':
    'The server speaks {list}, in this order of preference: it picks the first of them the client offers (RFC 6455 §4.2.2). It takes effect on the next connect.',
  'con.serverProtocolsNone':
    'The server speaks no subprotocol: its 101 will carry no Sec-WebSocket-Protocol, whatever the client offers. It takes effect on the next connect.',
  'con.negotiated.protocol': 'Subprotocol: the server picked {protocol} (Sec-WebSocket-Protocol in the 101).',
  'con.negotiated.noProtocol':
    'Subprotocol: none. The client offered {offered}; the server picked none of them (no Sec-WebSocket-Protocol in the 101, RFC 6455 §4.2.2), so the connection speaks no subprotocol.',
  'con.negotiated.deflate':
    'Extension: permessage-deflate agreed. The 101 says Sec-WebSocket-Extensions: {answer}',
  'con.negotiated.noDeflate':
    'Extension: the server declined permessage-deflate (no Sec-WebSocket-Extensions in the 101, RFC 7692 §5): messages go uncompressed, and RSV1 stays 0.',
  'con.err.protocolTwice':
    'The subprotocol “{value}” is listed twice. RFC 6455 §4.1: the subprotocols in Sec-WebSocket-Protocol are unique; new WebSocket() throws a SyntaxError for a repeated one.',
  'con.err.deflateParam':
    'RFC 7692 §7.1: permessage-deflate has four parameters — server_no_context_takeover, client_no_context_takeover, server_max_window_bits and client_max_window_bits. “{name}” is none of them, and a server declines an offer that carries it.',
  'con.err.deflateTwice':
    'RFC 7692 §7: an offer carries each parameter at most once; “{name}” comes twice, and a server declines such an offer.',
  'con.err.deflateFlag': 'RFC 7692 §7.1.1: {name} takes no value; write it alone.',
  'con.err.deflateBits':
    'RFC 7692 §7.1.2: {name} is an LZ77 window size in bits, a whole number from 8 to 15; “{value}” is not one.',
  'con.err.deflateNeedBits':
    'RFC 7692 §7.1.2.1: {name} needs a value, 8 to 15 (only client_max_window_bits may come without one, §7.1.2.2).',
  'con.err.serverDeflate': 'server deflate on, or server deflate off.',
  'con.err.serverProtocols':
    'Give the subprotocols in the server’s order of preference, e.g. server protocols chat,superchat, or server protocols none.',
  'con.refuse.noCodec':
    'The DEFLATE codec is not loaded, so permessage-deflate cannot be offered (RFC 7692). Reload the page and try again.',
  // Who may connect (issue 14, lesson 14): the Origin allow-list and the bank's cookie.
  'con.err.serverOrigins':
    'Give the Origins the server lets in, e.g. server origins https://bank.example, or server origins any.',
  'con.err.originForm':
    '“{value}” is not a serialized origin. RFC 6454 §6.2: an Origin is scheme://host[:port], lower case, with no path and no trailing slash — the exact string a browser sends, which the server compares as it is.',
  'con.err.serverSameSite':
    'server samesite none, lax or strict: the SameSite attribute of the bank’s session cookie (RFC 6265bis §5.4.7).',
  'con.serverOrigins':
    'The server lets in only Origin {list}; any other Origin, or none, gets 403 Forbidden (RFC 6455 §4.2.2, §10.2). It takes effect on the next connect.',
  'con.serverOriginsAny':
    'The server lets in every Origin: any page on any site may open a socket here with the visitor’s cookies. It takes effect on the next connect.',
  'con.serverSameSite':
    'The bank’s session cookie is now SameSite={value}: {value} = none goes with cross-site handshakes too; lax and strict only with same-site ones (a WebSocket is not a top-level navigation). It takes effect on the next connect.',
  // Staying connected (issue 14, lesson 15): the middlebox and the heartbeat.
  'con.err.middlebox': 'middlebox idle <ms> [drop|reset], middlebox nat <ms>, or middlebox off.',
  'con.err.middleboxMs': '“{word}” is not a timeout: give a whole number of milliseconds, {min}–{max}.',
  'con.err.heartbeat':
    'ping every <ms> [timeout <ms>] (whole milliseconds, 100–3600000), or ping off. A plain ping [text] sends one ping.',
  'con.err.heartbeatDeadline':
    'The pong deadline ({timeout} ms) must be shorter than the interval ({every} ms): the next ping would leave before the last one is judged.',
  'con.middleboxIdle':
    'A load balancer now sits on the path: after {ms} ms without a segment it forgets a connection and {then}. It watches each connection from its next segment on.',
  'con.middleboxIdle.drop': 'drops what comes later, silently',
  'con.middleboxIdle.reset': 'sends a RST to both ends',
  'con.middleboxNat':
    'A NAT now sits on the path: a mapping lasts {ms} ms without a segment; after that the server’s segments vanish, and the client’s get a RST from the server (it sees an unknown connection).',
  'con.middleboxOff': 'No middlebox on the path: every segment arrives.',
  'con.heartbeat':
    'The client now pings every {every} ms while open, and gives up on the connection (1006) if no pong comes within {timeout} ms.',
  'con.heartbeatOff': 'The client no longer pings on a timer.',
} as const;
