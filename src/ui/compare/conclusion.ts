/**
 * The conclusion panel: a few sentences computed from the run, never written in advance —
 * "Short polling sent 16 requests for 12 events; 9 came back empty."
 */
import type { Lang } from '../../i18n/index.ts';
import { summarize, type Lane, type Race } from '../../sim/race/index.ts';

const fmt = (n: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(Math.round(n));

export function conclusions(race: Race, t: number, lang: Lang): string[] {
  const ko = lang === 'ko';
  const events = race.events.filter((e) => e.t <= t).length;
  const out: string[] = [];
  const lane = (name: string): Lane | undefined => race.lanes.find((l) => l.technique === name);
  const wire = (l: Lane): number => {
    const s = l.at(t);
    return s.headerBytes + s.payloadBytes + s.tcpBytes;
  };
  const mean = (l: Lane): number | null => summarize(l.latenciesAt(t))?.mean ?? null;

  const poll = lane('polling');
  if (poll) {
    const s = poll.at(t);
    out.push(
      ko
        ? `짧은 폴링은 이벤트 ${fmt(events, lang)}개를 받으려고 요청을 ${fmt(s.requests, lang)}번 보냈고, 그중 ${fmt(s.emptyResponses, lang)}번은 빈 응답이었습니다.`
        : `Short polling sent ${fmt(s.requests, lang)} requests for ${fmt(events, lang)} events; ${fmt(s.emptyResponses, lang)} came back empty.`,
    );
  }
  const long = lane('long-polling');
  if (long) {
    const s = long.at(t);
    out.push(
      ko
        ? `롱 폴링은 요청 ${fmt(s.requests, lang)}번(빈 응답 ${fmt(s.emptyResponses, lang)}번)으로 지연을 줄였지만, 서버는 그동안 요청을 붙잡고 있어야 했습니다.`
        : `Long polling needed ${fmt(s.requests, lang)} requests (${fmt(s.emptyResponses, lang)} timed out empty) and cut the delay, but the server had to hold a request open all along.`,
    );
  }
  const sse = lane('sse');
  if (sse) {
    const s = sse.at(t);
    out.push(
      ko
        ? `SSE는 응답 하나로 이벤트 ${fmt(s.delivered, lang)}개를 흘려보냈습니다${s.reconnects ? `(끊긴 뒤 ${fmt(s.reconnects, lang)}번 다시 연결)` : ''}. 클라이언트가 보낼 것은 따로 HTTP 요청을 써야 합니다.`
        : `SSE streamed ${fmt(s.delivered, lang)} events in one response${s.reconnects ? ` (reconnecting ${fmt(s.reconnects, lang)} time(s) after a drop)` : ''}; anything the client sends needs separate HTTP requests.`,
    );
  }
  const ws = lane('websocket');
  if (ws) {
    const s = ws.at(t);
    out.push(
      ko
        ? `WebSocket은 핸드셰이크 한 번 뒤로 이벤트 ${fmt(s.delivered, lang)}개를 프레임으로 받았고, 프레임마다 헤더는 2바이트였습니다.`
        : `WebSocket made one handshake, then carried ${fmt(s.delivered, lang)} events as frames with a 2-byte header each.`,
    );
    if (poll && wire(ws) > 0) {
      const ratio = wire(poll) / wire(ws);
      const pm = mean(poll);
      const wm = mean(ws);
      out.push(
        ko
          ? `전송된 바이트는 짧은 폴링이 WebSocket의 ${ratio.toFixed(1)}배${pm !== null && wm !== null ? `, 평균 지연은 ${fmt(pm, lang)} ms 대 ${fmt(wm, lang)} ms` : ''}였습니다.`
          : `Short polling put ${ratio.toFixed(1)}× the bytes of WebSocket on the wire${pm !== null && wm !== null ? `, with a mean delay of ${fmt(pm, lang)} ms against ${fmt(wm, lang)} ms` : ''}.`,
      );
    }
  }
  return out;
}
