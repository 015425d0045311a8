/**
 * What the playground tells the reader about a scenario it was given (a link, a lesson): steps refused,
 * a link cut to its limits, an unknown server, the work budget reached. Words from the catalogs.
 */
import { fmt, t, tn } from '../../i18n/locale.svelte.ts';
import { tx } from '../../i18n/text.ts';
import { visibleText } from '../../protocol/visible.ts';
import type { WorkLimit } from '../../sim/budget.ts';
import type { CommandOutcome } from './session.svelte.ts';
import type { ScenarioCut } from './share.ts';

export type Notice =
  | {
      readonly kind: 'refused';
      readonly n: number;
      readonly line: string;
      readonly reason: Extract<CommandOutcome, { kind: 'refused' }>['message'];
    }
  | { readonly kind: 'cut'; readonly cut: ScenarioCut }
  | { readonly kind: 'bad-server'; readonly value: string }
  /** The world stopped at its work budget at step `n`; `skipped` steps after it were not run. */
  | { readonly kind: 'stopped'; readonly limit: WorkLimit; readonly n: number; readonly skipped: number };

function cutText(c: ScenarioCut): string {
  switch (c.kind) {
    case 'step-too-long':
      return t('pg.run.stepTooLong', { n: c.n, max: fmt(c.max) });
    case 'too-many':
      return t('pg.run.tooMany', { total: fmt(c.total), max: c.max });
    case 'run-too-long':
      return t('pg.run.tooLong', { chars: fmt(c.chars), max: fmt(c.max) });
  }
}

/** A notice as the reader reads it, in the current language. */
export function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'refused':
      return t('pg.run.refused', { n: n.n, line: visibleText(n.line), reason: tx(n.reason) });
    case 'cut':
      return cutText(n.cut);
    case 'bad-server':
      return t('pg.run.badServer', { value: visibleText(n.value.slice(0, 40)) });
    case 'stopped': {
      const limit = t(n.limit.key, { max: fmt(n.limit.params.max) });
      return n.skipped > 0 ? `${limit} ${tn('pg.budget.atStep', n.skipped, { step: n.n })}` : limit;
    }
  }
}
