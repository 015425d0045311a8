declare module 'virtual:lessons' {
  import type { Lesson, LessonMeta } from './model.ts';
  /** Every lesson in every language: metadata now, the lesson itself on demand. */
  export const lessons: readonly { meta: LessonMeta; load: () => Promise<{ default: Lesson }> }[];
}
