/**
 * The words only the #/build page needs (the grader's and the page's), fetched with that page as a
 * catalog part (index.ts, `loadPart('build', …)`): the first visit to any other page does not carry them.
 */
import { buildEn } from './build.en.ts';
import { buildUiEn } from './buildui.en.ts';

export const buildPageEn = {
  ...buildEn,
  // The page's own words (src/ui/build, helper buildui15).
  ...buildUiEn,
} as const;
