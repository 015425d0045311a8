/**
 * The label of the moment at the playhead, for a presenter (embed mode): "120.3 ms: TEXT "hi" (masked)".
 */
import { t } from '../../i18n/locale.svelte.ts';
import { tx } from '../../i18n/text.ts';
import { arrowLabel, eventSummary } from '../../sim/describe.ts';
import { isArrow, type TimelineEvent } from '../../sim/timeline.ts';
import { formatMs } from './log/format.ts';
import type { PlaygroundSession } from './session.svelte.ts';

/** What a moment is about first: WebSocket, then HTTP, then what the engines did, then TCP. */
const RANK: Record<TimelineEvent['kind'], number> = {
  frame: 0,
  raw: 0,
  http: 1,
  h2: 1,
  engine: 2,
  segment: 3,
  state: 4,
  note: 5,
};

export function momentLabel(session: PlaygroundSession): string {
  const p = session.playhead;
  const found: { rank: number; text: string }[] = [];
  const near = (v: number) => Math.abs(v - p) < 1e-9;
  for (const e of session.events) {
    const rank = RANK[e.kind];
    if (isArrow(e)) {
      if (near(e.t)) found.push({ rank, text: arrowLabel(e) });
      if (near(e.arriveT))
        found.push({ rank: rank + 0.5, text: t('embed.arrives', { what: arrowLabel(e) }) });
    } else if (near(e.t)) found.push({ rank, text: tx(eventSummary(e)) });
  }
  if (found.length === 0) return '';
  found.sort((a, b) => a.rank - b.rank);
  const first = found[0]!.text;
  const what = found.length > 1 ? t('embed.label.more', { what: first, n: found.length - 1 }) : first;
  return t('embed.label', { time: formatMs(p), what });
}
