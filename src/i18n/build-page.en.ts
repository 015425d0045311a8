/**
 * The words only the #/build page needs (the grader's and the page's), fetched with that page as a
 * catalog part (index.ts, `loadPart('build', …)`): the first visit to any other page does not carry them.
 */
import { buildEn } from './build.en.ts';

export const buildPageEn = {
  ...buildEn,
} as const;
