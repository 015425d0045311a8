/**
 * Build-time lessons: `virtual:lessons` is the course index (metadata only, small), and each lesson
 * file is its own lazily loaded module (`/lessons/<lang>/<file>.md?lesson` → the parsed `Lesson`).
 * A lesson with a mistake stops the build with the file and the problem named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { LANGS, type Lang } from './model.ts';
import { parseLesson } from './parse.ts';

const VIRTUAL = 'virtual:lessons';
const RESOLVED = `\0${VIRTUAL}`;

export function lessonsPlugin(root = resolve('lessons')): Plugin {
  const fileOf = (lang: Lang, file: string): string => join(root, lang, file);
  return {
    name: 'ws101-lessons',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id === RESOLVED) {
        const entries: string[] = [];
        for (const lang of LANGS) {
          this.addWatchFile(join(root, lang));
          for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.md')).sort()) {
            const path = fileOf(lang, file);
            this.addWatchFile(path);
            const r = parseLesson(readFileSync(path, 'utf8'), lang, file);
            if (!r.ok) this.error(r.errors.join('\n'));
            else
              entries.push(
                `{ meta: ${JSON.stringify(r.lesson.meta)}, load: () => import(${JSON.stringify(`/lessons/${lang}/${file}?lesson`)}) }`,
              );
          }
        }
        return `export const lessons = [\n${entries.join(',\n')}\n];\n`;
      }
      const m = /\/lessons\/(en|ko)\/([\w-]+\.md)\?lesson$/.exec(id);
      if (m) {
        const [, lang, file] = m as unknown as [string, Lang, string];
        const path = fileOf(lang, file);
        this.addWatchFile(path);
        const r = parseLesson(readFileSync(path, 'utf8'), lang, file);
        if (!r.ok) this.error(r.errors.join('\n'));
        else return `export default ${JSON.stringify(r.lesson)};\n`;
      }
      return null;
    },
  };
}
