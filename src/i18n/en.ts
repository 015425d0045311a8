/**
 * English catalog: the source of the keys. `{name}` marks a placeholder; keys ending in `.one` /
 * `.other` are plural pairs looked up with `tn()`. The engine's sentences (rules, field meanings,
 * close codes) are not here: their English source sits in src/protocol next to what they explain
 * (`ENGLISH` in protocol/texts.ts), and protocol.ko.ts translates them.
 */
import { compareEn } from './compare.en.ts';
import { consoleEn } from './console.en.ts';
import { copyEn } from './copy.en.ts';
import { decoderEn } from './decoder.en.ts';
import { editorEn } from './editor.en.ts';
import { embedEn } from './embed.en.ts';
import { homeEn } from './home.en.ts';
import { inspectorEn } from './inspector.en.ts';
import { lessonsEn } from './lessons.en.ts';
import { logEn } from './log.en.ts';
import { captureEn } from './capture.en.ts';
import { pcapEn } from './pcap.en.ts';
import { playgroundEn } from './playground.en.ts';
import { h2En } from './h2.en.ts';
import { herdEn } from './herd.en.ts';
import type { buildPageEn } from './build-page.en.ts';

export const en = {
  // Each area keeps its strings in its own file, so the areas can grow side by side.
  ...playgroundEn,
  ...pcapEn,
  ...captureEn,
  ...inspectorEn,
  ...logEn,
  ...decoderEn,
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
  'nav.build': 'Build a server',
  'lang.label': 'Language',
  'nav.menu': 'Menu',
  'footer.local': 'Everything runs in your browser: nothing you type leaves this page.',
  'footer.rfc': 'Read RFC 6455',

  'route.unknown': 'There is no page at “{path}”, so here is the home page.',
  'route.badEncoding':
    'The link’s hex has a broken %-escape (like %ZZ), so it could not be read cleanly; it is shown below as it came.',
  'route.badDir':
    'The link asks for direction “{value}”, which does not exist. Use dir=c2s (client → server) or dir=s2c (server → client); showing client → server.',
  'route.hexCut':
    'The link’s hex is {length} characters long; a link holds at most {limit} (4 KiB), so only the first {limit} were read.',

  'list.sep': ', ',
  'unit.bytes.one': '{n} byte',
  'unit.bytes.other': '{n} bytes',
  'unit.frames.one': '{n} frame',
  'unit.frames.other': '{n} frames',
  'role.server': 'server',
  'role.client': 'client',
  // Lesson 18's HTTP/2 widget (helper h2-14).
  ...h2En,
  // Lesson 15's herd chart (helper herd14).
  ...herdEn,
} as const;

/**
 * Every key the app may look up: the main catalog's, and those of the parts a page fetches for itself
 * (index.ts, `loadPart`), whose words no other page needs.
 */
export type AllEnglish = typeof en & typeof buildPageEn;
export type MessageKey = keyof AllEnglish;
/** What every language's main catalog must provide: every key of the English one. */
export type Messages = { readonly [K in keyof typeof en]: string };
