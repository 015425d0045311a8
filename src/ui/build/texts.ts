/**
 * The build page's small helpers for words and links: a grader Text in the reader's language, an RFC
 * section as its rfc-editor.org anchor, a lesson id as its link and title.
 */
import type { Text } from '../../protocol/index.ts';
import { tx, type TextKey } from '../../i18n/text.ts';
import { lessonList } from '../../lessons/catalog.ts';
import type { Lang } from '../../i18n/index.ts';

/** A Text from src/build (its ids are keys of build.*.ts or the engine's), in the current language. */
export const say = (text: Text): string => tx(text as Text<TextKey>);

/**
 * `§4.2.2` → RFC 6455's section anchor; `RFC 9110 §15.5.1` → that RFC's. Null for anything else (a
 * reference the page cannot link is shown as text).
 */
export function rfcHref(ref: string): string | null {
  const m = /^(?:RFC\s?(\d{3,5})\s+)?§\s?(\d+(?:\.\d+)*)$/.exec(ref.trim());
  if (!m) return null;
  return `https://www.rfc-editor.org/rfc/rfc${m[1] ?? '6455'}#section-${m[2]}`;
}

/** How a reference reads: `§4.2.2` is RFC 6455's (the RFC this page is about), others name their RFC. */
export const rfcLabel = (ref: string): string =>
  ref.trim().startsWith('§') ? `RFC 6455 ${ref.trim()}` : ref;

export interface LessonRef {
  readonly id: string;
  readonly href: string;
  /** Its number in the course, or null if the course has no lesson with that id in this language. */
  readonly order: number | null;
  readonly title: string;
}

/** A lesson by id, with its title in `lang` (the id itself when the course does not have it). */
export function lessonRef(id: string, lang: Lang): LessonRef {
  const meta = lessonList(lang).find((l) => l.id === id);
  return { id, href: `#/lessons/${id}`, order: meta?.order ?? null, title: meta?.title ?? id };
}
