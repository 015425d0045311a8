/**
 * The one i18n lookup. Catalogs are typed: `en` defines the keys and their `{placeholders}`; `ko`
 * must have every key (a missing one fails the type check) with the same placeholders (see ko.ts).
 * Protocol texts (field meanings, errors) are not here: the engine carries them as `{ en, ko }`.
 */
import { en, type MessageKey } from './en.ts';
import { ko } from './ko.ts';

export type { MessageKey, Messages } from './en.ts';
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

const catalogs: Record<Lang, Readonly<Record<MessageKey, string>>> = { en, ko };

/** The `{name}` placeholders of a template string literal type. */
export type ParamsIn<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamsIn<Rest>
  : never;
export type ParamsOf<K extends MessageKey> = ParamsIn<(typeof en)[K]>;
/** Keys whose text has no placeholder (labels, headings). */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
export type ParamValues<K extends MessageKey> = Readonly<Record<ParamsOf<K>, string | number>>;
/** Keys without placeholders take no argument; keys with placeholders require all of them. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: ParamValues<K>];

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'ko';
}

export function translate<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K>): string {
  const template = catalogs[lang][key];
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Keys that come in `.one` / `.other` pairs (English needs both; Korean has no plural, same text twice). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export function translatePlural<B extends PluralBase>(
  lang: Lang,
  base: B,
  n: number,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const key = `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey;
  const template = catalogs[lang][key];
  const all: Record<string, string | number> = { n: formatNumber(n, lang), ...params };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = all[name];
    return v === undefined ? whole : String(v);
  });
}

const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1048576 → "1,048,576" (both languages group by thousands). Not for close codes: 1000 stays 1000. */
export function formatNumber(n: number, lang: Lang): string {
  const f = (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US'));
  return f.format(n);
}
