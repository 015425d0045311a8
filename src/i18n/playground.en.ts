/** English strings of the playground area; spread into the main catalog (en.ts). Keys start with "pg.". */
export const playgroundEn = {
  'pg.title': 'Playground',
  'pg.hint':
    'Nothing has happened yet. Type {command} in the console to open a TCP connection and start the WebSocket handshake.',
  'pg.hint.run': 'Run connect',
  'pg.playbackFailed':
    'Playback stopped because of an error in the simulator, not in your steps (a bug: the browser console has the details): {reason}',
  'pg.run.refused': 'Step {n} of the link, “{line}”, was skipped: {reason}',
  'pg.run.tooMany': 'The link has {total} steps; only the first {max} were run.',
  'pg.run.stepTooLong':
    'Step {n} of the link is longer than {max} bytes (1 KiB), the most a step may hold, so it and the steps after it were not run.',
  'pg.run.tooLong':
    'The link’s run= is {chars} characters long; a link is read up to {max} (50 steps of 1 KiB), so the steps after that were not run.',
  'pg.budget.events':
    'The simulation stopped at {max} timeline events, the playground’s work budget. What happened until then is kept; reset starts over.',
  'pg.budget.atStep.one': 'It stopped during step {step} of the link; {n} step after it was not run.',
  'pg.budget.atStep.other': 'It stopped during step {step} of the link; {n} steps after it were not run.',
  'pg.run.badServer':
    'The link asks for server “{value}”, which does not exist (echo, chat, ticker or reject), so the echo server is used.',

  'pg.controls': 'Playback',
  'pg.play': 'Play',
  'pg.pause': 'Pause',
  'pg.stepBack': 'Step back',
  'pg.stepForward': 'Step forward',
  'pg.speed': 'Speed',
  'pg.scrubber': 'Time',
  'pg.time': '{now} of {end} ms',
  'pg.live': 'Live',
  'pg.jumpToNow': 'Jump to now',
  'pg.more': 'Layers and export',
  'pg.layers': 'Show',
  'pg.layer.tcp': 'TCP segments',
  'pg.layer.http': 'HTTP messages',
  'pg.layer.ws': 'WebSocket frames',

  'pg.openFull': 'Open in the playground',

  'pg.lessonHeld':
    'Paused with the first arrows of the connection in view. Play goes on from here; each step (→) shows the next moment.',
  'pg.diagram': 'Sequence diagram',
  'pg.diagram.keys':
    'Space plays or pauses, ← and → step, Home and End jump to the start and to now. Tab reaches the arrows: ↑ and ↓ move between them and show each in the inspector.',
  'pg.diagram.empty': 'The arrows of the connection will appear here.',
  'pg.arrow': '{from} → {to}: {label}. Sent at {sent} ms, arrives at {arrive} ms.',
  'pg.arrow.inFlight': '{from} → {to}: {label}. Sent at {sent} ms, still in flight.',
  'pg.arrow.segments': '{n} segments',
  'pg.break': '{ms} ms later',
  'pg.lifeline': '{name}: TCP {tcp}, WebSocket {ws}',

  'pg.note.message': 'got {what}',
  'pg.note.messageFrames': 'got {what} ({n} frames)',
  'pg.note.binary': '{n} B binary',
  'pg.note.ping': 'ping → pong',
  'pg.note.pong': 'got pong',
  'pg.note.closeFrame': 'got close {code}',
  'pg.note.closeFrameNoCode': 'got close',
  'pg.note.closed': 'closed {code}',
  'pg.note.error': 'error §{section} → {answer}',
  'pg.note.errorFail': 'error §{section}: failed',
  'pg.note.notSent': 'TCP {state}: {bytes} bytes not sent (the connection cannot carry data now)',
  'pg.note.boxDrop':
    'middlebox: {ms} ms without a segment, so the load balancer forgets this connection and drops what comes later (nobody is told: no FIN, no RST)',
  'pg.note.boxReset':
    'middlebox: {ms} ms without a segment, so the load balancer forgets this connection and sends a RST to both ends (RFC 9293 §3.10.7)',
  'pg.note.natForgot':
    'NAT: {ms} ms without a segment, so the mapping expires: the server’s segments now vanish, and the client’s reach the server on a new port, which answers RST',
  'pg.note.pongMissed':
    'heartbeat: no pong within {ms} ms (RFC 6455 §5.5.2: a ping must be answered), so the client gives up: it aborts TCP and reports 1006 to the application',
  'pg.note.bufferFull':
    'TCP receive buffer full: {bytes} B unread by the application, window 0 (RFC 9293 §3.8.6)',
  'pg.note.windowZero': 'peer window 0: {bytes} B wait in the send queue (bufferedAmount)',

  // The server behaviours (sim/servers.ts, ServerTexts).
  'pg.server.echo': 'echo: sends every message back',
  'pg.server.chat': 'chat: alice and bob are connected too; a message from anyone goes to everyone',
  'pg.server.ticker': 'ticker: pushes a message every second without being asked — what HTTP alone cannot do',
  'pg.server.reject':
    'reject: strict handshake — only Origin {origin}, subprotocol {protocol} if any is offered (try connect --origin, --protocol, --version 8, --key bad)',
  'pg.server.bank':
    'bank: you are signed in at {origin}; on open it sends your account to any socket whose handshake carries your session cookie (try connect --origin https://evil.example, then server origins or server samesite)',
} as const;
