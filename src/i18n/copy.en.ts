/** English strings of the "Copy as" control; spread into the main catalog (en.ts). Keys start with "copy.". */
export const copyEn = {
  'copy.toggle': 'Copy as…',
  /** The toggle's accessible name: its visible text first (WCAG 2.5.3), then what it copies. */
  'copy.toggle.named': 'Copy as… ({what})',
  'copy.menu': 'Copy format',
  'copy.fmt.hex': 'Hex',
  'copy.fmt.base64': 'Base64',
  'copy.fmt.js': 'JavaScript Uint8Array',
  'copy.fmt.c': 'C array',
  /** Short names for the confirmation, so it fits beside the button on a phone. */
  'copy.short.hex': 'hex',
  'copy.short.base64': 'base64',
  'copy.short.js': 'JS',
  'copy.short.c': 'C',
  'copy.done.one': 'Copied as {format} ({n} char)',
  'copy.done.other': 'Copied as {format} ({n} chars)',
  'copy.fallback':
    'This page may not write to your clipboard here, so the {format} text is selected below: press Ctrl+C (⌘C on a Mac), or touch and hold it and choose Copy.',
  'copy.fallback.label': '{format} text to copy',
  'copy.close': 'Close',
  'copy.empty': 'There are no bytes to copy.',
  'copy.tooLarge':
    'These are {size} bytes; “Copy as” stops at {limit} bytes so the page stays responsive (the text would be several megabytes).',

  // The comment line of the JS and C forms, worded from the engine's decoded frame.
  'copy.note.op.0': 'continuation frame',
  'copy.note.op.1': 'text frame',
  'copy.note.op.2': 'binary frame',
  'copy.note.op.8': 'close frame',
  'copy.note.op.9': 'ping frame',
  'copy.note.op.a': 'pong frame',
  'copy.note.op.reserved': 'frame with reserved opcode {opcode}',
  'copy.note.fin': 'FIN',
  'copy.note.noFin': 'FIN = 0 (more fragments follow)',
  'copy.note.rsv': '{bits} set',
  'copy.note.masked': 'masked',
  'copy.note.unmasked': 'unmasked',
  'copy.note.payload': '{n}-byte payload',
  'copy.note.partial.one': 'incomplete frame: {n} byte',
  'copy.note.partial.other': 'incomplete frame: {n} bytes',
  'copy.note.rejected.one': 'rejected frame: {n} byte',
  'copy.note.rejected.other': 'rejected frame: {n} bytes',
  'copy.note.unread.one': '{n} byte the receiver never reads',
  'copy.note.unread.other': '{n} bytes the receiver never reads',
} as const;
