/** English strings of the home page; spread into the main catalog (en.ts). Keys start with "home.". */
export const homeEn = {
  'home.doc': 'ws101 — WebSocket, byte by byte',
  'home.title': 'WebSocket, byte by byte',
  'home.lead':
    'HTTP answers one request at a time. WebSocket starts as one of those requests, asks to Upgrade, gets 101 Switching Protocols, and turns the same TCP connection into a two-way channel of frames. Here you watch and edit the real bytes: a complete RFC 6455 client and server run inside this page.',
  'home.start': 'Start the course',
  'home.continue': 'Continue with lesson {n}, “{title}”',
  'home.review': 'Review the course',
  'home.openPlayground': 'Open the playground',
  'home.story.title': 'One connection, from SYN to FIN',
  'home.story.caption':
    'Computed just now by the engine in your browser: TCP connects, the client asks to upgrade, the server answers 101, a text message is echoed, a ping gets its pong, and a close handshake ends the WebSocket before TCP’s FIN and ACK end the connection.',
  'home.story.client': 'Client',
  'home.story.server': 'Server',
  'home.story.pause': 'Pause',
  'home.story.play': 'Play',
  'home.story.replay': 'Replay',
  'home.story.open': 'Open this in the playground',
  'home.story.toServer': 'client to server',
  'home.story.toClient': 'server to client',
  'home.story.bytes.one': '{n} byte',
  'home.story.bytes.other': '{n} bytes',
  'home.story.loading': 'Running the engine…',
  'home.story.failed': 'The story could not be computed: {reason}',
  'home.legend.tcp': 'TCP',
  'home.legend.http': 'HTTP',
  'home.legend.ws': 'WebSocket',
  'home.ways.title': 'Four ways in',
  'home.ways.playground.title': 'Playground',
  'home.ways.playground.text':
    'Connect, send, ping and close from a console, and watch every segment, header and frame on a sequence diagram you can step through.',
  'home.ways.frame.title': 'Frame decoder',
  'home.ways.frame.text':
    'Paste frame bytes and see FIN, RSV, opcode, mask, length and payload — or exactly which rule they break.',
  'home.ways.compare.title': 'Why WebSocket',
  'home.ways.compare.text':
    'Polling, long polling, streaming, Server-Sent Events and WebSocket deliver the same events side by side. Count what each one costs.',
  'home.ways.build.title': 'Build a server',
  'home.ways.build.text':
    'Write your own WebSocket server in the page. ws101 grades it stage by stage, like a conformance suite, and draws every byte it sends.',
  'home.course.title': 'The course',
  'home.course.intro':
    'Twelve short lessons from HTTP’s request and response to closing a WebSocket, each with exercises checked by the engine. Your progress stays in this browser.',
  'home.course.all': 'All lessons',
} as const;
