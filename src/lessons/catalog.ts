/** The course as the page sees it: lists per language, and lessons loaded on demand. */
import { lessons } from 'virtual:lessons';
import type { Lang, Lesson, LessonMeta } from './model.ts';

/** Lessons of one language, in course order. */
export function lessonList(lang: Lang): LessonMeta[] {
  return lessons
    .filter((l) => l.meta.lang === lang)
    .map((l) => l.meta)
    .sort((a, b) => a.order - b.order);
}

/** The lesson with this slug in this language, or null if there is none (a bad link is not a crash). */
export async function loadLesson(slug: string, lang: Lang): Promise<Lesson | null> {
  const entry = lessons.find((l) => l.meta.lang === lang && l.meta.id === slug);
  return entry ? (await entry.load()).default : null;
}
