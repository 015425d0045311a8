/**
 * The current language as reactive state. Starts from the stored choice, else the browser's language
 * (its primary subtag, when the product speaks it: ko-KR → Korean; anything else → English). A corrupt
 * or unknown stored value is ignored.
 */
import type { MessageKey } from './en.ts';
import {
  formatNumber,
  isLang,
  LANGS,
  translate,
  translatePlural,
  type ArgsOf,
  type Lang,
  type ParamValue,
  type PluralBase,
} from './index.ts';

/** Versioned, so a later format can ignore (or migrate) what this version stored. */
export const LANG_STORAGE_KEY = 'ws101:v1:lang';

function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frame)
  }
}

export function browserLang(language: string | undefined): Lang {
  const primary = language?.toLowerCase().split('-')[0];
  return LANGS.find((l) => l === primary) ?? 'en';
}

export const locale = $state<{ lang: Lang }>({
  lang: storedLang() ?? browserLang(globalThis.navigator?.language),
});

export function setLang(lang: Lang): void {
  locale.lang = lang;
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
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
