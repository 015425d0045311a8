/**
 * The current language as reactive state. Starts from the stored choice (rememberLangIn), else the
 * browser's language (its primary subtag, when the product speaks it: ko-KR → Korean; anything else →
 * English). A corrupt or unknown stored value is ignored.
 */
import type { MessageKey } from './en.ts';
import {
  formatNumber,
  langLoaded,
  LANGS,
  loadLang,
  translate,
  translatePlural,
  type ArgsOf,
  type Lang,
  type ParamValue,
  type PluralBase,
} from './index.ts';

/**
 * Where the reader's choice is kept between visits. i18n owns no platform API and may not import the
 * UI, so the page connects the UI's storage wrapper here before it renders (ui/state/language.svelte.ts,
 * from main.ts); until then, and in Node, the choice lives in memory.
 */
export interface LangMemory {
  current: Lang | null;
}

let memory: LangMemory = { current: null };

export function browserLang(language: string | undefined): Lang {
  const primary = language?.toLowerCase().split('-')[0];
  return LANGS.find((l) => l === primary) ?? 'en';
}

export const locale = $state<{ lang: Lang }>({ lang: browserLang(globalThis.navigator?.language) });

/** Keep the choice in `m` from now on, and start from what it holds (a stored choice wins over the browser's). */
export function rememberLangIn(m: LangMemory): void {
  memory = m;
  const stored = m.current;
  if (stored) locale.lang = stored;
}

/**
 * Show the page in `lang` (a link's `lang=`): at once when its catalog is here, else once it has
 * arrived, so no frame renders words of a catalog not yet loaded. A catalog that cannot be fetched
 * leaves the page in its current language (resolves false).
 */
export async function useLang(lang: Lang): Promise<boolean> {
  if (!langLoaded(lang)) {
    try {
      await loadLang(lang);
    } catch {
      return false;
    }
  }
  locale.lang = lang;
  return true;
}

/** The reader's choice (the language buttons): shown, and kept for the next visit. */
export async function setLang(lang: Lang): Promise<void> {
  if (await useLang(lang)) memory.current = lang;
}

/** Lookup in the current language; reading `locale.lang` makes templates re-render on a switch. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
  return translate(locale.lang, key, ...args);
}

export function tn<B extends PluralBase>(
  base: B,
  n: number,
  params?: Readonly<Record<string, ParamValue>>,
): string {
  return translatePlural(locale.lang, base, n, params);
}

export function fmt(n: number): string {
  return formatNumber(n, locale.lang);
}
