/**
 * How the playground names things in the log, the inspector and the diagram: virtual times, endpoints,
 * directions, layers, arrows and margin notes. Wording only; the facts come from the timeline, and
 * where things go on screen from diagram/layout.ts.
 */
import { fmt, t } from '../../../i18n/locale.svelte.ts';
import { quote } from '../../../sim/describe.ts';
import type { EndpointId, EngineNoteEvent, StateEvent, TimelineEvent } from '../../../sim/timeline.ts';
import { labelOf, type ArrowGeom } from '../diagram/layout.ts';
import { fitWords } from '../diagram/draw.ts';

/**
 * 120.2792 → "120.3 ms", 12345.6 → "12,345.6 ms": one decimal, thousands grouped with commas, which is
 * how English and Korean both write it. Written out rather than with Intl.NumberFormat: the log formats
 * a time per drawn row on every scroll step.
 */
export function formatMs(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) * 10);
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${whole}.${tenths % 10} ms`;
}

/**
 * 160.4117 → "160.4", 12345.6 → "12,346": the diagram's and the scrubber's time, a number written next
 * to a unit; long runs lose the decimal, and the page's language groups the digits.
 */
export function compactMs(ms: number): string {
  return fmt(ms >= 10_000 ? Math.round(ms) : Math.round(ms * 10) / 10);
}

/** "client" / "server" in the current language; chat peers keep their names (alice, bob). */
export function endpointName(id: EndpointId): string {
  if (id === 'client') return t('role.client');
  if (id === 'server') return t('role.server');
  return id;
}

/** "client → server" for what travels, "at server" for what an endpoint does, "—" for a remark. */
export function directionText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'segment':
    case 'http':
    case 'h2':
    case 'frame':
    case 'raw':
      return `${endpointName(e.from)} → ${endpointName(e.to)}`;
    case 'state':
    case 'engine':
      return t('log.at', { endpoint: endpointName(e.endpoint) });
    case 'note':
      return e.endpoint === null ? '—' : t('log.at', { endpoint: endpointName(e.endpoint) });
  }
}

export type LogLayer = 'tcp' | 'http' | 'ws' | 'state' | 'note';

/** The log's layer column: the wire layer of what travels, "state" for state changes. */
export function logLayer(e: TimelineEvent): LogLayer {
  switch (e.kind) {
    case 'segment':
      return 'tcp';
    case 'http':
    case 'h2':
      return 'http';
    case 'frame':
    case 'raw':
    case 'engine':
      return 'ws';
    case 'state':
      return 'state';
    case 'note':
      return 'note';
  }
}

export function layerText(layer: LogLayer): string {
  switch (layer) {
    case 'tcp':
      return 'TCP';
    case 'http':
      return 'HTTP';
    case 'ws':
      return 'WS';
    case 'state':
      return t('log.layer.state');
    case 'note':
      return t('log.layer.note');
  }
}

/** An arrow's text: its label, with how many segments carried it when that fits in `maxChars`. */
export function arrowText(a: ArrowGeom, maxChars: number): { label: string; full: string; text: string } {
  const label = labelOf(a.ev);
  const segs = a.segments.length;
  const suffix = segs > 1 ? ` · ${t('pg.arrow.segments', { n: segs })}` : '';
  const full = label + suffix;
  const text = suffix && full.length <= maxChars ? full : fitWords(label, maxChars);
  return { label, full, text };
}

/** What assistive technology hears for an arrow: who to whom, what, and when (or still in flight). */
export function arrowAria(a: ArrowGeom, full: string, progress: number): string {
  const names = { from: endpointName(a.from), to: endpointName(a.to), label: full };
  return progress < 1
    ? t('pg.arrow.inFlight', { ...names, sent: compactMs(a.sendT) })
    : t('pg.arrow', { ...names, sent: compactMs(a.sendT), arrive: compactMs(a.arriveT) });
}

/** Characters of a message quoted in a margin note (the margin is narrow). */
const NOTE_QUOTE = 13;

/** A margin note: what an engine did, in a few words ("got "hello"", "error §5.5 → 1002"). */
export function noteText(e: EngineNoteEvent): string {
  const ev = e.event;
  switch (ev.type) {
    case 'message': {
      const what = ev.binary
        ? t('pg.note.binary', { n: (ev.data as Uint8Array).length })
        : quote(ev.data as string, NOTE_QUOTE);
      return ev.frames > 1
        ? t('pg.note.messageFrames', { what, n: ev.frames })
        : t('pg.note.message', { what });
    }
    case 'ping':
      return t('pg.note.ping');
    case 'pong':
      return t('pg.note.pong');
    case 'close-frame':
      return ev.code !== null ? t('pg.note.closeFrame', { code: ev.code }) : t('pg.note.closeFrameNoCode');
    case 'closed':
      return t('pg.note.closed', { code: ev.code });
    case 'error': {
      const { answer, section } = ev.error;
      if (answer.kind === 'close') return t('pg.note.error', { section, answer: answer.code });
      if (answer.kind === 'http') return t('pg.note.error', { section, answer: answer.status });
      return t('pg.note.errorFail', { section });
    }
  }
}

/** A lifeline mark's margin text: a state change ("WS OPEN") or an engine note. */
export function markText(e: StateEvent | EngineNoteEvent): string {
  if (e.kind === 'state') return `${e.layer === 'tcp' ? 'TCP' : 'WS'} ${e.to}`;
  return noteText(e);
}
