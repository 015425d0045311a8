/** A lesson as the page uses it: metadata, then prose, widgets and exercises in order. */
import type { Direction } from '../protocol/index.ts';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface LessonMeta {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly goals: readonly string[];
  readonly lang: Lang;
  /** e.g. "05-frame-anatomy.md" — the same in both languages. */
  readonly file: string;
  readonly exerciseIds: readonly string[];
}

export type WidgetName = 'frame-editor' | 'playground' | 'transport-race' | 'http-editor';
export const WIDGETS: readonly WidgetName[] = ['frame-editor', 'playground', 'transport-race', 'http-editor'];

export interface Widget {
  readonly name: WidgetName;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface FrameExpect {
  readonly valid?: boolean;
  readonly error?: string;
  readonly closeCode?: number;
  readonly frames?: number;
  readonly opcode?: number;
  readonly fin?: boolean;
  readonly masked?: boolean;
  readonly length?: number;
  readonly lengthForm?: 7 | 16 | 64;
  readonly text?: string;
  readonly hex?: string;
  readonly messages?: number;
}

interface ExerciseBase {
  readonly id: string;
  /** Rendered HTML (inline Markdown). */
  readonly prompt: string;
  readonly hints: readonly string[];
  readonly explain: string;
}

export type Exercise =
  | (ExerciseBase & { readonly kind: 'choice'; readonly options: readonly string[]; readonly answer: readonly number[] })
  | (ExerciseBase & { readonly kind: 'text'; readonly answer: string; readonly match: 'exact' | 'ignore-case' | 'trim' })
  | (ExerciseBase & { readonly kind: 'number'; readonly answer: number })
  | (ExerciseBase & {
      readonly kind: 'frame';
      readonly dir: Direction;
      readonly start: string;
      readonly expect: FrameExpect;
      readonly solution: string;
    })
  | (ExerciseBase & {
      readonly kind: 'http';
      readonly start: string;
      readonly expect: { readonly status: number; readonly rule?: string };
      readonly solution: string;
    });

export type ExerciseKind = Exercise['kind'];

/** What the learner has entered: choice indices, or text (hex, an HTTP message, a number, a string). */
export type Answer = readonly number[] | string;

export type Block =
  | { readonly kind: 'markdown'; readonly html: string }
  | { readonly kind: 'widget'; readonly widget: Widget }
  | { readonly kind: 'exercise'; readonly exercise: Exercise };

export interface Lesson {
  readonly meta: LessonMeta;
  readonly blocks: readonly Block[];
}

/** The solution of an exercise in the form the answer takes. */
export function solutionOf(e: Exercise): Answer {
  switch (e.kind) {
    case 'choice':
      return e.answer;
    case 'text':
      return e.answer;
    case 'number':
      return String(e.answer);
    default:
      return e.solution;
  }
}
