/** English strings of the playground's event log; spread into the main catalog (en.ts). Keys start with "log.". */
export const logEn = {
  'log.title': 'Event log',
  'log.count.one': '{n} event',
  'log.count.other': '{n} events',
  'log.hidden': '{n} hidden by the layer filter',
  'log.follow': 'Follow new events',
  'log.col.time': 'Time',
  'log.col.dir': 'Direction',
  'log.col.layer': 'Layer',
  'log.col.summary': 'Summary',
  'log.empty': 'Nothing has happened yet. Type connect in the console to open a connection.',
  'log.help': 'Arrow keys move through the rows; Enter shows the row in the inspector.',
  'log.at': 'at {endpoint}',
  'log.layer.state': 'state',
  'log.layer.note': 'note',

  // One line per event (sim/describe.ts eventSummary, SummaryTexts). Wire labels are the same in every language.
  'log.summary.wire': '{label}',
  'log.summary.state': '{layer} {from} → {to}',
  'log.summary.text': 'message {text}{frames}',
  'log.summary.binary': 'message {n} B binary{frames}',
  'log.summary.frames': ' ({n} frames)',
  'log.summary.inflated': ' (compressed: inflated from {from} to {to} bytes)',
  'log.summary.framesInflated': ' ({n} frames, compressed: inflated from {from} to {to} bytes)',
  'log.summary.ping': 'ping received → pong sent',
  'log.summary.pong': 'pong received',
  'log.summary.close': 'close received',
  'log.summary.closeCode': 'close received {code}',
  'log.summary.closeReason': 'close received {code} {reason}',
  'log.summary.closedClean': 'WebSocket closed: {code} (clean)',
  'log.summary.closedUnclean': 'WebSocket closed: {code} (not clean)',
  'log.summary.closedAbnormal':
    'WebSocket closed: 1006 (not clean: TCP closed before a close frame was received; 1006 is only reported, never sent, RFC 6455 §7.1.5, §7.4.1)',
  'log.summary.closedFailed':
    'WebSocket closed: 1006 (not clean: this side failed the connection, RFC 6455 §7.1.7, and closed TCP without waiting for the other side’s close frame; with no close frame received the code is 1006, §7.1.5, §7.4.1)',
} as const;
