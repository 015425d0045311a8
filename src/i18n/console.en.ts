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
  'con.latency': 'Latency is now {ms} ms each way, from the next segment on.',
  'con.mss': 'The TCP maximum segment size is now {bytes} bytes.',
  'con.server': 'Server behaviour: {kind}. It takes effect on the next connect.',
  'con.tcpMore.one': '⋯ {n} more segment, {bytes} B of payload (the diagram shows it)',
  'con.tcpMore.other': '⋯ {n} more segments, {bytes} B of payload (the diagram shows each)',
  'con.ep.client': 'client',
  'con.ep.server': 'server',
  'con.at': '{who}:',
  'con.state': 'WebSocket state {from} → {to}',
} as const;
