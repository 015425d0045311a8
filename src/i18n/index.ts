/**
 * The one i18n lookup. Two kinds of catalog, one way to fill them:
 * - the app's catalogs (en.ts defines the keys and their `{placeholders}`; ko.ts must match it);
 * - the engine's sentences, whose English source lives in src/protocol next to each rule, field and
 *   close code (`ENGLISH`), translated by id in protocol.ko.ts.
 * A `Text` (an id with params, from the engine, the simulator or the lessons) is rendered by
 * `renderText`; a catalog key by `translate`. A new language is a new set of catalog files plus its
 * entry in the tables below: nothing in src/protocol or src/sim changes.
 */
import { ENGLISH, fillTemplate, type Text, type TextId, type TextParams } from '../protocol/index.ts';
import type { CheckTexts } from '../lessons/check.ts';
import type { CommandTexts } from '../sim/commands.ts';
import type { SummaryTexts } from '../sim/describe.ts';
import type { ServerTexts } from '../sim/servers.ts';
import type { NoteTexts } from '../sim/timeline.ts';
import type { WorldTexts } from '../sim/world.ts';
import { en, type MessageKey } from './en.ts';
import { ko } from './ko.ts';
import { protocolKo } from './protocol.ko.ts';
import type { Lang, ParamsIn, UncoveredKeys } from './types.ts';

export type { MessageKey, Messages } from './en.ts';
export type { Lang } from './types.ts';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Each language by its own name (an endonym, so a reader finds theirs whatever the page's language). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'EN', ko: '한국어' };

const catalogs: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ko };
const engineCatalogs: Readonly<Record<Lang, Readonly<Record<TextId, string>>>> = {
  en: ENGLISH,
  ko: protocolKo,
};

/** Any sentence a Text may carry: an engine id or a key of the app's catalogs. */
export type TextKey = TextId | MessageKey;

/** Engine ids and catalog keys live in one namespace when rendered: they must never collide. */
type Colliding = TextId & MessageKey;
export const idsDisjoint: [Colliding] extends [never] ? true : Colliding = true;

/**
 * The keys the simulator and the lessons produce, with the parameters they pass: the English catalog
 * (and so every catalog, see ko.ts) must have each with exactly those placeholders.
 */
type Covered<P> = [UncoveredKeys<P, typeof en>] extends [never] ? true : UncoveredKeys<P, typeof en>;
export const producedKeysCovered: [
  Covered<CommandTexts>,
  Covered<WorldTexts>,
  Covered<ServerTexts>,
  Covered<NoteTexts>,
  Covered<SummaryTexts>,
  Covered<CheckTexts>,
] = [true, true, true, true, true, true];

export type ParamsOf<K extends MessageKey> = ParamsIn<(typeof en)[K]>;
/** Keys whose text has no placeholder (labels, headings). */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
/** A value is printed as is; a nested `Text` (an engine sentence, say) is rendered in the same language. */
export type ParamValue = string | number | Text<TextKey>;
export type ParamValues<K extends MessageKey> = Readonly<Record<ParamsOf<K>, ParamValue>>;
/** Keys without placeholders take no argument; keys with placeholders require all of them. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: ParamValues<K>];

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && Object.hasOwn(catalogs, v);
}

function fill(lang: Lang, template: string, params: TextParams | undefined): string {
  return fillTemplate(template, params, (nested) => renderText(lang, nested as Text<TextKey>));
}

export function translate<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K>): string {
  return fill(lang, catalogs[lang][key], args[0]);
}

/** A Text in `lang`: the engine's sentences by id, the simulator's and the lessons' by catalog key. */
export function renderText(lang: Lang, text: Text<TextKey>): string {
  const id = text.id;
  const template = Object.hasOwn(engineCatalogs[lang], id)
    ? engineCatalogs[lang][id as TextId]
    : (catalogs[lang][id as MessageKey] ?? id);
  return fill(lang, template, text.params);
}

/** Keys that come in `.one` / `.other` pairs (English needs both; Korean has no plural, same text twice). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export function translatePlural<B extends PluralBase>(
  lang: Lang,
  base: B,
  n: number,
  params: Readonly<Record<string, ParamValue>> = {},
): string {
  const key = `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey;
  return fill(lang, catalogs[lang][key], { n: formatNumber(n, lang), ...params });
}

const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', ko: 'ko-KR' };
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1048576 → "1,048,576" (both languages group by thousands). Not for close codes: 1000 stays 1000. */
export function formatNumber(n: number, lang: Lang): string {
  const f = (numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang]));
  return f.format(n);
}
