/**
 * The one i18n lookup for the app's catalogs: en.ts defines the keys and their `{placeholders}`;
 * ko.ts must match it. A `Text` (an id with params, from the engine, the simulator or the lessons)
 * is rendered by `renderText` / `tx` in text.ts, which adds the engine's sentences (their English
 * source lives in src/protocol next to each rule, field and close code; protocol.ko.ts translates
 * them); that module is apart so a page that shows no engine text does not load the engine.
 * A new language is a new set of catalog files plus its entry in the tables: nothing in
 * src/protocol or src/sim changes.
 */
import { fillTemplate, type TextParams } from '../protocol/text.ts';
import type { CheckTexts } from '../lessons/check.ts';
import type { CommandTexts } from '../sim/commands.ts';
import type { SummaryTexts } from '../sim/describe.ts';
import type { ServerTexts } from '../sim/servers.ts';
import type { NoteTexts } from '../sim/timeline.ts';
import type { WorldTexts } from '../sim/world.ts';
import { en, type MessageKey } from './en.ts';
import { ko } from './ko.ts';
import type { Lang, ParamsIn, UncoveredKeys } from './types.ts';

export type { MessageKey, Messages } from './en.ts';
export type { Lang } from './types.ts';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Each language by its own name (an endonym, so a reader finds theirs whatever the page's language). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'EN', ko: '한국어' };

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ko };

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
/** A value is printed as is (render a `Text` with `tx` first). */
export type ParamValue = string | number;
export type ParamValues<K extends MessageKey> = Readonly<Record<ParamsOf<K>, ParamValue>>;
/** Keys without placeholders take no argument; keys with placeholders require all of them. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: ParamValues<K>];

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && Object.hasOwn(CATALOGS, v);
}

function fill(template: string, params: TextParams | undefined): string {
  return fillTemplate(template, params, (nested) => nested.id);
}

export function translate<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K>): string {
  return fill(CATALOGS[lang][key], args[0]);
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
  return fill(CATALOGS[lang][key], { n: formatNumber(n, lang), ...params });
}

const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', ko: 'ko-KR' };
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1048576 → "1,048,576" (both languages group by thousands). Not for close codes: 1000 stays 1000. */
export function formatNumber(n: number, lang: Lang): string {
  const f = (numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang]));
  return f.format(n);
}
