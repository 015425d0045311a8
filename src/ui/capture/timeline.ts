/**
 * The thin mapping from a captured WebSocket connection (src/capture) to the playground's Timeline, so
 * the capture is drawn by the playground's own sequence diagram, inspector, event log and playback:
 * the handshake's two heads become HTTP arrows, each captured frame a frame arrow, each event of the
 * receiving engine an engine note. Nothing is decoded here: frames, verdicts and messages are the
 * engine's, as the capture reader produced them.
 *
 * Pure: no DOM, no Svelte. Times are the timeline's milliseconds from the connection's first packet.
 */
import { serializeHead, type Direction } from '../../protocol/index.ts';
import type { CapturedEvent, CapturedFrame, WebSocketDecode } from '../../capture/index.ts';
import type { EndpointId, NewEvent } from '../../sim/timeline.ts';

/** Real: the capture's timestamps. Even: one step per frame, for bursts too close to read apart. */
export type Spacing = 'real' | 'even';

/** Milliseconds between two frames with even spacing (a row of the diagram at its scale). */
export const EVEN_STEP_MS = 20;

/**
 * A capture sees each packet once, at the tap, so it has no flight time: arrows are drawn with this
 * slant so that their direction reads. Drawn, not measured (the summary's times are the capture's).
 */
export const DRAWN_FLIGHT_MS = 1;

const senderOf = (d: Direction): EndpointId => (d === 'c2s' ? 'client' : 'server');
const receiverOf = (d: Direction): EndpointId => (d === 'c2s' ? 'server' : 'client');

/** The capture's moments, in order, as timeline milliseconds (real or evenly spaced). */
function clock(ws: WebSocketDecode, startUs: number, spacing: Spacing): (timeUs: number) => number {
  if (spacing === 'real') return (us) => Math.max(0, us - startUs) / 1000;
  // Even: each distinct packet time is one step; the frames and events of one packet share it.
  const times = [...new Set([...ws.frames.map((f) => f.timeUs), ...ws.events.map((e) => e.timeUs)])].sort(
    (a, b) => a - b,
  );
  const index = new Map(times.map((us, i) => [us, i + 1]));
  return (us) => (index.get(us) ?? 0) * EVEN_STEP_MS;
}

/**
 * The timeline events of one captured connection, in time order. `startUs` is the connection's
 * first packet: the handshake's request is drawn there and its response one step later (the
 * report keeps the heads, not the packets that carried them).
 */
export function captureTimeline(ws: WebSocketDecode, startUs: number, spacing: Spacing): NewEvent[] {
  const at = clock(ws, startUs, spacing);
  const out: { order: number; event: NewEvent }[] = [];
  let order = 0;
  const firstFrameT = ws.frames.length ? at(ws.frames[0]!.timeUs) : DRAWN_FLIGHT_MS * 4;
  // The lifelines' states: TCP is established when the capture shows data; WebSocket is open once each
  // end has its side of the handshake (at once, when the handshake is not in the capture), closed at
  // its engine's `closed`.
  const state = (t: number, endpoint: EndpointId, layer: 'tcp' | 'ws', from: string, to: string): void => {
    out.push({ order: order++, event: { kind: 'state', layer, conn: 1, t, endpoint, from, to } });
  };
  for (const end of ['client', 'server']) state(0, end, 'tcp', 'CLOSED', 'ESTABLISHED');
  if (!ws.handshake) for (const end of ['client', 'server']) state(0, end, 'ws', 'CLOSED', 'OPEN');
  if (ws.handshake) {
    const { request, response } = ws.handshake;
    const reqT = 0;
    const resT = Math.min(Math.max(reqT + DRAWN_FLIGHT_MS * 2, 0), Math.max(firstFrameT, reqT));
    out.push({
      order: order++,
      event: {
        kind: 'http',
        layer: 'http',
        conn: 1,
        t: reqT,
        sendT: reqT,
        arriveT: reqT + DRAWN_FLIGHT_MS,
        from: 'client',
        to: 'server',
        message: request,
        bytes: serializeHead(request),
        segments: [],
      },
    });
    out.push({
      order: order++,
      event: {
        kind: 'http',
        layer: 'http',
        conn: 1,
        t: resT,
        sendT: resT,
        arriveT: resT + DRAWN_FLIGHT_MS,
        from: 'server',
        to: 'client',
        message: response,
        bytes: serializeHead(response),
        segments: [],
      },
    });
    state(reqT, 'client', 'ws', 'CLOSED', 'CONNECTING');
    if (!ws.handshake.requestError) state(resT, 'server', 'ws', 'CONNECTING', 'OPEN');
    if (!ws.handshake.responseError) state(resT + DRAWN_FLIGHT_MS, 'client', 'ws', 'CONNECTING', 'OPEN');
  }
  // Frames and the receivers' events interleave by time; a frame comes before what it caused.
  const items: ({ kind: 'frame'; f: CapturedFrame } | { kind: 'event'; e: CapturedEvent })[] = [];
  for (const f of ws.frames) items.push({ kind: 'frame', f });
  for (const e of ws.events) items.push({ kind: 'event', e });
  const timeOf = (i: (typeof items)[number]): number => (i.kind === 'frame' ? i.f.timeUs : i.e.timeUs);
  items.sort((a, b) => timeOf(a) - timeOf(b) || (a.kind === b.kind ? 0 : a.kind === 'frame' ? -1 : 1));
  for (const item of items) {
    if (item.kind === 'frame') {
      const { f } = item;
      const frame = f.frame;
      const t = at(f.timeUs);
      out.push({
        order: order++,
        event: {
          kind: 'frame',
          layer: 'ws',
          conn: 1,
          t,
          sendT: t,
          arriveT: t + DRAWN_FLIGHT_MS,
          from: senderOf(f.direction),
          to: receiverOf(f.direction),
          frame,
          // Re-encoded when the timeline appends the event (it copies each event once), so a 64 000-frame
          // capture pays for it in the session's slices rather than in this one synchronous pass.
          get bytes() {
            return frame.wireBytes();
          },
          segments: [],
        },
      });
    } else {
      const { e } = item;
      // The receiver reads the frame when its last byte has arrived.
      const t = at(e.timeUs) + DRAWN_FLIGHT_MS;
      out.push({
        order: order++,
        event: { kind: 'engine', layer: 'ws', conn: 1, t, endpoint: receiverOf(e.direction), event: e.event },
      });
      if (e.event.type === 'closed') state(t, receiverOf(e.direction), 'ws', 'OPEN', 'CLOSED');
    }
  }
  // The timeline is appended in time order (the session's searches rely on it).
  out.sort((a, b) => a.event.t - b.event.t || a.order - b.order);
  return out.map((o) => o.event);
}
