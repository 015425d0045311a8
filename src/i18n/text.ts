/**
 * The one helper that renders a `Text`: an engine sentence (by its id: English from the engine's own
 * registry, other languages from protocol.<lang>.ts) or a message of the simulator or the lessons (by
 * catalog key), each parameter that is itself a Text rendered the same way, in the same language.
 * Apart from index.ts on purpose: it loads the engine's tables, which the lesson list does not need.
 */
import { fillTemplate, type Text } from '../protocol/text.ts';
import { ENGLISH, type TextId } from '../protocol/texts.ts';
import { messageTemplate, type Lang, type MessageKey } from './index.ts';
import { locale } from './locale.svelte.ts';
import { protocolKo } from './protocol.ko.ts';

const ENGINE: Readonly<Record<Lang, Readonly<Record<TextId, string>>>> = { en: ENGLISH, ko: protocolKo };

/** Any sentence a Text may carry: an engine id or a key of the app's catalogs. */
export type TextKey = TextId | MessageKey;

/** Engine ids and catalog keys are looked up in one namespace here: they must never collide. */
type Colliding = TextId & MessageKey;
export const idsDisjoint: [Colliding] extends [never] ? true : Colliding = true;

/** A Text in `lang`. */
export function renderText(lang: Lang, text: Text<TextKey>): string {
  const id = text.id;
  const template = Object.hasOwn(ENGINE[lang], id)
    ? ENGINE[lang][id as TextId]
    : (messageTemplate(lang, id) ?? id);
  return fillTemplate(template, text.params, (nested) => renderText(lang, nested as Text<TextKey>));
}

/** A Text in the current language; reading `locale.lang` makes templates re-render on a switch. */
export function tx(text: Text<TextKey>): string {
  return renderText(locale.lang, text);
}
