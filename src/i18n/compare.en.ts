/** English strings of the comparison view; spread into the main catalog (en.ts). Keys start with "cmp.". */
export const compareEn = {
  'cmp.title': 'Why WebSocket exists: five ways to get server events',
  'cmp.intro':
    'The same stream of server events, delivered five ways over the same simulated network: short polling, long polling, HTTP streaming, Server-Sent Events and WebSocket. Every request, header and frame below is real traffic, counted as it happens.',
  'cmp.settings': 'Scenario',
  'cmp.schedule': 'Events',
  'cmp.schedule.regular': 'regular',
  'cmp.schedule.bursty': 'bursty',
  'cmp.schedule.random': 'random',
  'cmp.seed': 'Seed',
  'cmp.rate': 'Events per second',
  'cmp.poll': 'Poll interval (ms)',
  'cmp.timeout': 'Long-poll timeout (ms)',
  'cmp.rtt': 'Round-trip time (ms)',
  'cmp.cookie': 'Cookie header (bytes)',
  'cmp.keepAlive': 'HTTP keep-alive',
  'cmp.upstream': 'Client also sends a message every 3 s',
  'cmp.drop': 'A proxy drops the SSE stream at 12 s',
  'cmp.wsDeflate': 'WebSocket compression (permessage-deflate, RFC 7692)',
  'cmp.play': 'Play',
  'cmp.pause': 'Pause',
  'cmp.speed': 'Speed',
  'cmp.time': 'Time',
  'cmp.restart': 'Restart',
  'cmp.raceFailed':
    'The race could not be computed because of an error in the simulator (a bug: the browser console has the details): {reason}',
  'cmp.lane.polling': 'Short polling',
  'cmp.lane.long-polling': 'Long polling',
  'cmp.lane.streaming': 'HTTP streaming',
  'cmp.lane.sse': 'Server-Sent Events',
  'cmp.lane.websocket': 'WebSocket',
  'cmp.diagram': '{lane}: client (top) and server (bottom); lines are messages on the wire',
  'cmp.col.lane': 'Technique',
  'cmp.col.requests': 'HTTP requests',
  'cmp.col.connections': 'TCP connections',
  'cmp.col.header': 'Header bytes',
  'cmp.col.payload': 'Payload bytes',
  'cmp.col.tcp': 'TCP/IP bytes',
  'cmp.col.empty': 'Empty responses',
  'cmp.col.latency': 'Delay mean / p95 / max (ms)',
  'cmp.col.held': 'Server holds (max)',
  'cmp.col.upstream': 'Upstream delivered',
  'cmp.legend.lanes': 'How to read a lane',
  'cmp.legend.lifelines': 'top line: the client, bottom line: the server',
  'cmp.legend.event': 'the server has a new event',
  'cmp.legend.delivered': 'the client application receives it',
  'cmp.legend.request': 'HTTP request',
  'cmp.legend.response': 'HTTP response',
  'cmp.legend.data': 'data on an open connection (chunk, SSE event, WebSocket frame)',
  'cmp.legend.control':
    'connection control: TCP opened or closed (SYN, FIN); HTTP/2 SETTINGS, WINDOW_UPDATE, RST_STREAM',
  'cmp.legend.techniques': 'Colours of the techniques',
  'cmp.axis.delay': 'delay (ms)',
  'cmp.axis.eventTime': 'when the server had the event (s)',
  'cmp.axis.kb': 'bytes (kB)',
  'cmp.axis.time': 'time (s)',
  'cmp.scrollHint': 'More columns: scroll sideways →',
  'cmp.counters': 'Counters at the playhead',
  'cmp.chart.latency': 'Delivery delay of each event (ms)',
  'cmp.chart.bytes': 'Bytes on the wire, cumulative',
  'cmp.conclusion': 'What this run shows',
  'cmp.events': '{n} server events in {s} s',
  'cmp.none': '—',
  // The conclusion panel's sentences (ui/compare/conclusion.ts), computed from the run.
  'cmp.conclusion.pending':
    'The conclusion appears here when the race reaches {s} s (press Play, or move the time slider to the end).',
  'cmp.conclusion.polling':
    'Short polling sent {requests} requests for {events} events; {empty} came back empty.',
  'cmp.conclusion.longPolling':
    'Long polling needed {requests} requests ({empty} timed out empty) and cut the delay, but the server had to hold a request open all along.',
  'cmp.conclusion.sse':
    'SSE streamed {delivered} events in one response{reconnects}; anything the client sends needs separate HTTP requests.',
  'cmp.conclusion.reconnects.one': ' (reconnecting {n} time after a drop)',
  'cmp.conclusion.reconnects.other': ' (reconnecting {n} times after a drop)',
  'cmp.conclusion.websocket':
    'WebSocket made one handshake, then carried {delivered} events as frames with a 2-byte header each.',
  'cmp.conclusion.bytes': 'Short polling put {ratio}× the bytes of WebSocket on the wire{delay}.',
  'cmp.conclusion.delay': ', with a mean delay of {poll} ms against {ws} ms',
  // The HTTP/2 switch and heartbeats (helper h2-14).
  'cmp.http2': 'HTTP/2 for the HTTP lanes (one connection, HPACK headers)',
  'cmp.heartbeat': 'Heartbeat every (s)',
  'cmp.heartbeat.off': 'off',
  'cmp.conclusion.http2':
    'Over HTTP/2 every HTTP request was a stream of one connection, and HPACK sent repeated header fields as one-byte table indexes: short polling’s framing came to {perRequest} bytes a request. Each HTTP lane’s diagram draws the HTTP/2 frames it sent (SETTINGS, HEADERS, DATA), and its counters count their bytes. The WebSocket lane keeps its own HTTP/1.1 connection.',
  'cmp.conclusion.sseVsWs': 'SSE put {ratio}× the bytes of WebSocket on the wire: {why}',
  'cmp.conclusion.sseCheap':
    'nearly as cheap. For events from the server, both send little more than the event itself in each segment.',
  'cmp.conclusion.ssePosts':
    'the difference is mostly the client’s messages, each an HTTP/1.1 POST that repeats its headers. Turn on HTTP/2 to see them shrink.',
  'cmp.conclusion.ssePostsH2':
    'even with HPACK, each client message is a request (HEADERS and DATA frames) where WebSocket sends one small frame.',
  'cmp.conclusion.sseFraming':
    'each event carries SSE’s “id:” and “data:” lines where WebSocket has a 2-byte header.',
  'cmp.conclusion.heartbeat.one':
    '{n} heartbeat (one every {s} s): WebSocket’s ping and pong cost {ws} bytes of frames each, SSE’s comment line {sse} bytes, plus the TCP/IP headers of their segments.',
  'cmp.conclusion.heartbeat.other':
    '{n} heartbeats (one every {s} s): WebSocket’s ping and pong cost {ws} bytes of frames each, SSE’s comment line {sse} bytes, plus the TCP/IP headers of their segments.',
} as const;
