/**
 * The conclusion panel: a few sentences computed from the run, never written in advance —
 * "Short polling sent 16 requests for 12 events; 9 came back empty." The words are catalog keys
 * (`cmp.conclusion.*`); reading the current language here makes a caller's `$derived` follow it.
 */
import { fmt, t, tn } from '../../i18n/locale.svelte.ts';
import type { Lane, Race } from '../../sim/race/index.ts';
import { heartbeatFrameBytes } from '../../sim/race/heartbeat.ts';
import { summarize } from '../../sim/race/summary.ts';

const count = (n: number): string => fmt(Math.round(n));

export function conclusions(race: Race, time: number): string[] {
  const events = race.events.filter((e) => e.t <= time).length;
  const out: string[] = [];
  const lane = (name: string): Lane | undefined => race.lanes.find((l) => l.technique === name);
  const wire = (l: Lane): number => {
    const s = l.at(time);
    return s.headerBytes + s.payloadBytes + s.tcpBytes;
  };
  const mean = (l: Lane): number | null => summarize(l.latenciesAt(time))?.mean ?? null;

  const poll = lane('polling');
  if (poll) {
    const s = poll.at(time);
    out.push(
      t('cmp.conclusion.polling', {
        requests: count(s.requests),
        events: count(events),
        empty: count(s.emptyResponses),
      }),
    );
  }
  const long = lane('long-polling');
  if (long) {
    const s = long.at(time);
    out.push(
      t('cmp.conclusion.longPolling', { requests: count(s.requests), empty: count(s.emptyResponses) }),
    );
  }
  const sse = lane('sse');
  if (sse) {
    const s = sse.at(time);
    const reconnects = s.reconnects ? tn('cmp.conclusion.reconnects', s.reconnects) : '';
    out.push(t('cmp.conclusion.sse', { delivered: count(s.delivered), reconnects }));
  }
  const ws = lane('websocket');
  if (ws) {
    const s = ws.at(time);
    out.push(t('cmp.conclusion.websocket', { delivered: count(s.delivered) }));
    if (poll && wire(ws) > 0) {
      const ratio = wire(poll) / wire(ws);
      const pm = mean(poll);
      const wm = mean(ws);
      const delay =
        pm !== null && wm !== null ? t('cmp.conclusion.delay', { poll: count(pm), ws: count(wm) }) : '';
      out.push(t('cmp.conclusion.bytes', { ratio: ratio.toFixed(1), delay }));
    }
  }
  if (sse && ws && wire(ws) > 0) {
    const ratio = wire(sse) / wire(ws);
    const settings = race.settings;
    const why =
      ratio <= SSE_NEARLY_AS_CHEAP
        ? t('cmp.conclusion.sseCheap')
        : settings.upstreamEvery > 0
          ? t(settings.http2 ? 'cmp.conclusion.ssePostsH2' : 'cmp.conclusion.ssePosts')
          : t('cmp.conclusion.sseFraming');
    out.push(t('cmp.conclusion.sseVsWs', { ratio: ratio.toFixed(2), why }));
  }
  if (race.settings.http2 && poll) {
    const s = poll.at(time);
    if (s.requests > 0)
      out.push(t('cmp.conclusion.http2', { perRequest: count(s.headerBytes / s.requests) }));
  }
  const beat = race.settings.heartbeat;
  if (beat > 0 && (sse || ws)) {
    // Beats go out at k·beat for k ≥ 1, up to the playhead and before the end of the run.
    const n = Math.max(0, Math.min(Math.floor(time / beat), Math.ceil(race.settings.duration / beat) - 1));
    const cost = heartbeatFrameBytes(race.settings.http2);
    out.push(tn('cmp.conclusion.heartbeat', n, { s: count(beat / 1000), ws: cost.websocket, sse: cost.sse }));
  }
  return out;
}

/**
 * SSE counts as "nearly as cheap" as WebSocket up to this ratio of bytes on the wire (a judgement, said
 * in the sentence's own figures: 1.3 means under a third more).
 */
export const SSE_NEARLY_AS_CHEAP = 1.3;
