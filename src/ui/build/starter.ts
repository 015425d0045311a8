/**
 * The starter file in the reader's language (src/i18n/buildui.starter.<lang>.ts, each its own chunk,
 * fetched by this page only): the learner's interface with a TODO per stage, and no solution.
 */
import type { Lang } from '../../i18n/index.ts';

const LOADERS: Readonly<Record<Lang, () => Promise<string>>> = {
  en: async () => (await import('../../i18n/buildui.starter.en.ts')).starterEn,
  ko: async () => (await import('../../i18n/buildui.starter.ko.ts')).starterKo,
};
const loaded: Partial<Record<Lang, string>> = {};

export async function loadStarter(lang: Lang): Promise<string> {
  return (loaded[lang] ??= await LOADERS[lang]());
}

/** The language whose starter `text` is, exactly (an untouched file), among those loaded; else null. */
export function starterLang(text: string): Lang | null {
  for (const [lang, starter] of Object.entries(loaded)) if (starter === text) return lang as Lang;
  return null;
}
