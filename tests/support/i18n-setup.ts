/**
 * The page fetches one language's catalog before it renders (src/main.ts); tests in Node render in
 * both languages, so both catalogs are loaded before any test runs.
 */
import { LANGS, loadLang } from '../../src/i18n/index.ts';

await Promise.all(LANGS.map(loadLang));
