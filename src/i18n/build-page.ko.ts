/** #/build 페이지에만 필요한 한국어 문자열(채점기와 페이지), 그 페이지와 함께 받는 카탈로그 조각입니다. */
import type { buildPageEn } from './build-page.en.ts';
import { buildKo } from './build.ko.ts';
import { buildUiKo } from './buildui.ko.ts';
import type { MismatchedKeys } from './types.ts';

export const buildPageKo = {
  ...buildKo,
  // The page's own words (src/ui/build, helper buildui15).
  ...buildUiKo,
} as const satisfies Record<keyof typeof buildPageEn, string>;

type Mismatched = MismatchedKeys<typeof buildPageEn, typeof buildPageKo>;
export const placeholdersMatch: [Mismatched] extends [never] ? true : Mismatched = true;
