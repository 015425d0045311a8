/**
 * The words for a stage and for a run that the learner's code stopped (HostFailure): Texts the page
 * renders in the reader's language (src/i18n/build.*.ts).
 */
import type { Text } from '../protocol/index.ts';
import type { HostFailure, SourceAt } from './host.ts';
import { STAGES, type StageSlug } from './stages.ts';
import { say } from './texts.ts';

const stageText = (slug: StageSlug, part: 'title' | 'goal' | 'hint'): Text => ({
  id: `build.stage.${slug}.${part}`,
});
export const stageTitle = (slug: StageSlug): Text => stageText(slug, 'title');
export const stageGoal = (slug: StageSlug): Text => stageText(slug, 'goal');
export const stageHint = (slug: StageSlug): Text => stageText(slug, 'hint');

/** " (line 3, column 7)", or nothing when the stack named no line of the learner's file. */
const where = (at: SourceAt | null): Text | string => (at ? say('build.crash.at', at) : '');

/** "1 MiB" for the output limit. */
const size = (bytes: number): string =>
  bytes >= 1 << 20
    ? `${bytes / (1 << 20)} MiB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KiB`
      : `${bytes} B`;

export function failureText(f: HostFailure): Text {
  switch (f.kind) {
    case 'syntax':
      return say('build.crash.syntax', { line: f.at.line, column: f.at.column, message: f.message });
    case 'import':
      return say('build.crash.import', { line: f.at.line, specifier: f.specifier });
    case 'no-handler':
      return say('build.crash.noHandler', { found: f.found });
    case 'load-threw':
      return say('build.crash.loadThrew', { where: where(f.at), message: f.message });
    case 'threw':
      return say('build.crash.threw', { where: where(f.at), message: f.message });
    case 'rejected':
      return say('build.crash.rejected', { where: where(f.at), message: f.message });
    case 'stack':
      return say('build.crash.stack', { where: where(f.at) });
    case 'memory':
      return say('build.crash.memory', { message: f.message });
    case 'timeout':
      return say('build.crash.timeout', { seconds: Math.round(f.ms / 100) / 10 });
    case 'output':
      return say('build.crash.output', { limit: size(f.limit) });
    case 'sandbox':
      return say('build.crash.sandbox', { message: f.message });
  }
}

/** "Stage 3, Unmask and echo: <what>": a failure named with the stage it happened in. */
export function inStage(slug: StageSlug, what: Text): Text {
  const n = STAGES.find((s) => s.slug === slug)?.n ?? 0;
  return say('build.crash.inStage', { n, title: stageTitle(slug), what });
}
