import { mount } from 'svelte';
import './ui/styles/global.css';
import { loadLang } from './i18n/index.ts';
import { locale } from './i18n/locale.svelte.ts';
import App from './ui/App.svelte';
import { readPresentation } from './ui/embed/options.ts';
import { parseRoute } from './ui/route.ts';
import { rememberLanguage } from './ui/state/language.svelte.ts';

// The stored language choice, before anything renders (i18n may not import the storage wrapper).
rememberLanguage();

/**
 * The words of the language the page opens in (the link's `lang=`, else the stored or the browser's
 * choice) arrive before the first render, so no label flashes in another language. A catalog that
 * cannot be fetched still mounts the page: its labels then show as their keys, never a blank tab.
 */
async function start(): Promise<void> {
  const named = readPresentation(parseRoute(location.hash).params).lang;
  const first = named ?? locale.lang;
  try {
    await loadLang(first);
  } catch {
    if (first !== 'en') await loadLang('en').catch(() => undefined);
  }
  mount(App, { target: document.getElementById('app')! });
}
void start();
