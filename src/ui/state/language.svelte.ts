/**
 * The reader's language choice, kept between visits. The i18n room may not import the UI, so its
 * `locale` is connected to this store from main.ts, before anything renders.
 */
import { isLang, type Lang } from '../../i18n/index.ts';
import { rememberLangIn } from '../../i18n/locale.svelte.ts';
import { Persisted, type Codec } from './persisted.svelte.ts';

export const LANG_STORAGE_KEY = 'ws101:v1:lang';

/** Stored as the bare code (`ko`); anything else, a corrupt or an unknown value, is dropped. */
const langCodec: Codec<Lang | null> = {
  parse: (raw) => (isLang(raw) ? { ok: true, value: raw } : { ok: false, problem: 'unknown-lang' }),
  serialize: (lang) => lang,
};

/** Start from the stored choice, and store every later one (LanguageSwitch → setLang). */
export function rememberLanguage(): void {
  rememberLangIn(new Persisted<Lang | null>(LANG_STORAGE_KEY, { codec: langCodec, fallback: null }));
}
