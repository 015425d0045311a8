/**
 * The editor's strings come from the app's one lookup (its catalogs, src/i18n/editor.*.ts, are spread
 * into en.ts/ko.ts); `et`/`etn` are the names the editor's components use for it.
 */
export { t as et, tn as etn } from '../../i18n/locale.svelte.ts';
