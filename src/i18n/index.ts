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
import type { BuildTexts } from '../build/texts.ts';
import type { AllEnglish, MessageKey, Messages } from './en.ts';
import type { Lang, ParamsIn, UncoveredKeys } from './types.ts';

export type { MessageKey, Messages } from './en.ts';
export type { Lang } from './types.ts';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Each language by its own name (an endonym, so a reader finds theirs whatever the page's language). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'EN', ko: '한국어' };

export type Catalog = Messages;

/**
 * Each language's catalog is its own chunk, fetched before the page renders in that language (main.ts,
 * then `useLang` on a switch): a visitor downloads the words of one language, not of all of them
 * (about 25 KB gzip each, a fifth of the first visit's budget).
 */
const LOADERS: Readonly<Record<Lang, () => Promise<Catalog>>> = {
  en: async () => (await import('./en.ts')).en,
  ko: async () => (await import('./ko.ts')).ko,
};
const catalogs: Partial<Record<Lang, Catalog>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

/** Fetch `lang`'s catalog once; resolves when `translate(lang, …)` can use it. */
export function loadLang(lang: Lang): Promise<void> {
  // The parts a page has asked for come with the language, so a switch shows none of their keys.
  const wanted = [...partsWanted].map((name) => loadPart(name, lang));
  return Promise.all([loadMain(lang), ...wanted]).then(() => undefined);
}

function loadMain(lang: Lang): Promise<void> {
  return (loading[lang] ??= LOADERS[lang]().then(
    (c) => {
      catalogs[lang] = c;
    },
    (e: unknown) => {
      // A failed fetch (offline, a deploy in between) may be retried by the next switch.
      delete loading[lang];
      throw e;
    },
  ));
}

/** `lang`'s catalog is here, with every part a page has asked for. */
export function langLoaded(lang: Lang): boolean {
  return catalogs[lang] !== undefined && [...partsWanted].every((name) => partsDone.has(`${name}:${lang}`));
}

/**
 * The template of `key` in `lang`; while a catalog is still on its way, another loaded language's, and
 * the key itself if none is (never a throw: a missing word must not break the page).
 */
export function messageTemplate(lang: Lang, key: string): string | undefined {
  const c = catalogs[lang] ?? catalogs.en ?? catalogs.ko;
  if (c && Object.hasOwn(c, key)) return c[key as keyof typeof c];
  // A part's word: in `lang` if its part is here, else in a language whose part is.
  for (const l of [lang, ...LANGS]) {
    const p = parts[l];
    if (Object.hasOwn(p, key)) return p[key];
  }
  return undefined;
}

type Words = Readonly<Record<string, string>>;

/**
 * Catalog parts: words only one page needs (the build page's grader and editor), each language its own
 * chunk, fetched with that page (`loadPart`) and, once a page has asked for a part, with every later
 * language switch (`loadLang`), so the first visit to the other pages does not carry them.
 */
const PART_LOADERS = {
  build: {
    en: async () => (await import('./build-page.en.ts')).buildPageEn,
    ko: async () => (await import('./build-page.ko.ts')).buildPageKo,
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, () => Promise<Words>>>>>;
export type PartName = keyof typeof PART_LOADERS;

const parts: Record<Lang, Record<string, string>> = { en: {}, ko: {} };
const partsLoading = new Map<string, Promise<void>>();
const partsWanted = new Set<PartName>();
const partsDone = new Set<string>();

/** Fetch `name`'s words in `lang` once (and from now on with every language the page loads). */
export function loadPart(name: PartName, lang: Lang): Promise<void> {
  partsWanted.add(name);
  const id = `${name}:${lang}`;
  let p = partsLoading.get(id);
  if (!p) {
    p = PART_LOADERS[name][lang]().then(
      (words) => {
        Object.assign(parts[lang], words);
        partsDone.add(id);
      },
      (e: unknown) => {
        partsLoading.delete(id); // retried by the next call, as a catalog is
        throw e;
      },
    );
    partsLoading.set(id, p);
  }
  return p;
}

/** Whether `name`'s words in `lang` are here. */
export function partLoaded(name: PartName, lang: Lang): boolean {
  return partsDone.has(`${name}:${lang}`);
}

/**
 * The keys the simulator and the lessons produce, with the parameters they pass: the English catalog
 * (and so every catalog, see ko.ts) must have each with exactly those placeholders.
 */
type Covered<P> = [UncoveredKeys<P, AllEnglish>] extends [never] ? true : UncoveredKeys<P, AllEnglish>;
export const producedKeysCovered: [
  Covered<CommandTexts>,
  Covered<WorldTexts>,
  Covered<ServerTexts>,
  Covered<NoteTexts>,
  Covered<SummaryTexts>,
  Covered<CheckTexts>,
  Covered<BuildTexts>,
] = [true, true, true, true, true, true, true];

export type ParamsOf<K extends MessageKey> = ParamsIn<AllEnglish[K]>;
/** Keys whose text has no placeholder (labels, headings). */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
/** A value is printed as is (render a `Text` with `tx` first). */
export type ParamValue = string | number;
export type ParamValues<K extends MessageKey> = Readonly<Record<ParamsOf<K>, ParamValue>>;
/** Keys without placeholders take no argument; keys with placeholders require all of them. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: ParamValues<K>];

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

function fill(template: string, params: TextParams | undefined): string {
  return fillTemplate(template, params, (nested) => nested.id);
}

export function translate<K extends MessageKey>(lang: Lang, key: K, ...args: ArgsOf<K>): string {
  return fill(messageTemplate(lang, key) ?? key, args[0]);
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
  return fill(messageTemplate(lang, key) ?? key, { n: formatNumber(n, lang), ...params });
}

const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', ko: 'ko-KR' };
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1048576 → "1,048,576" (both languages group by thousands). Not for close codes: 1000 stays 1000. */
export function formatNumber(n: number, lang: Lang): string {
  const f = (numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang]));
  return f.format(n);
}
