/**
 * The page fetches one language's catalog before it renders (src/main.ts); tests in Node render in
 * both languages, so both catalogs are loaded before any test runs…
 */
import { LANGS, loadLang, loadPart } from '../../src/i18n/index.ts';

// …and every catalog part (the build page's words), which the page fetches only with its page.
await Promise.all(LANGS.flatMap((lang) => [loadLang(lang), loadPart('build', lang)]));
