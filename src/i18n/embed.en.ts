/**
 * English strings of embedding: the "Embed" dialog, the embedded views' own controls, the presenter's
 * step labels and the playground's share link. Spread into the main catalog (en.ts).
 */
export const embedEn = {
  'embed.button': 'Embed',
  'embed.title': 'Embed this view',
  'embed.intro':
    'Paste this HTML into a slide or a web page: it shows this view ({view}) without the site around it, with what it holds now (the scenario or the bytes), starting from its first step. In the frame, → or Space steps forward and ← steps back; a slide deck can do the same with messages.',
  'embed.docs': 'The messages a slide deck can send (the embedding guide, in a new tab)',
  'embed.close': 'Close',
  'embed.size': 'Size',
  'embed.theme': 'Colours',
  'embed.theme.auto': 'As the viewer’s system',
  'embed.theme.light': 'Light',
  'embed.theme.dark': 'Dark',
  'embed.scale': 'Text size',
  'embed.code': 'HTML to paste',
  'embed.copy': 'Copy',
  'embed.copied': 'Copied to the clipboard.',
  'embed.copyFallback':
    'This page may not write to your clipboard here, so the HTML is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'embed.open': 'Open the embedded view in a new tab',
  'embed.frameTitle': 'ws101: {view}',
  'embed.openFull': 'open this view on the full ws101 site (new tab)',

  'embed.panels': 'Panels',
  'embed.panel.console': 'Console',
  'embed.panel.inspector': 'Inspector',

  /** A presenter step's label: the moment's time, then what happens then. */
  'embed.label': '{time}: {what}',
  'embed.label.more': '{what} (+{n} more)',
  'embed.arrives': '{what} arrives',
  'embed.cmp.published': 'the server has event {ids}',
  'embed.cmp.delivered': 'delivered by {lanes}',

  'share.cut':
    'This page’s address replays only the first {kept} of the {total} steps run (a link holds at most {max}, each up to 1 KiB).',
} as const;
