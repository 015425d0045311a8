/**
 * The thin mapping from a captured WebSocket connection (src/capture) to the playground's Timeline, so
 * the capture is drawn by the playground's own sequence diagram, inspector, event log and playback:
 * the handshake's two heads become HTTP arrows, each captured frame a frame arrow, each event of the
 * receiving engine an engine note. Nothing is decoded here: frames, verdicts and messages are the
 * engine's, as the capture reader produced them.
 *
 * Pure: no DOM, no Svelte. Times are the timeline's milliseconds from the connection's first packet.
 *
 * A 100 MB capture is 64 000 frames and as many receiver events: mapped in one pass (wrapping each
 * item, sorting them all, re-encoding every frame) that was one 230 ms task on an idle machine and
 * 0.4 to 1.5 s on a loaded one (bench:capture). So the order is worked out first, over typed arrays
 * (the frames and events each come in packet order, so it is a merge, not a sort), and the events are
 * then made one at a time, as the session appends them in slices; a frame's wire bytes are re-encoded
 * only when something reads them.
 */
import { serializeHead, type DecodedFrame, type Direction } from '../../protocol/index.ts';
import type { CapturedEvent, CapturedFrame, WebSocketDecode } from '../../capture/index.ts';
import type { EndpointId, FrameEvent, NewEvent, TimelineEvent } from '../../sim/timeline.ts';

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

/** (t1, o1) comes before (t2, o2): by time, then by the order made. */
const before = (t1: number, o1: number, t2: number, o2: number): boolean => t1 < t2 || (t1 === t2 && o1 < o2);

/** Items of work between two pauses of `mapCaptureSteps`. */
const STEP = 4096;

/**
 * The list by time, stably (ties keep their packet order): the list itself when it is in time order
 * already, as the reader lists each in packet order.
 */
function* byTime<T extends { readonly timeUs: number }>(list: readonly T[]): Generator<void, readonly T[]> {
  for (let i = 1; i < list.length; i++) {
    if (i % STEP === 0) yield;
    if (list[i]!.timeUs < list[i - 1]!.timeUs) return list.slice().sort((a, b) => a.timeUs - b.timeUs);
  }
  return list;
}

/**
 * A captured frame's arrow. Its wire bytes are the engine's re-encoding of the frame (re-masked with
 * the captured key), made when first read — by the inspector or an export — and kept: making them for
 * every frame as the timeline was filled copied ~100 MB for a 100 MB capture.
 */
class CapturedFrameArrow implements FrameEvent {
  readonly kind = 'frame';
  readonly layer = 'ws';
  readonly conn = 1;
  readonly sendT: number;
  arriveT: number;
  segments: number[] = [];
  #bytes: Uint8Array | null = null;

  constructor(
    readonly id: number,
    readonly t: number,
    readonly from: EndpointId,
    readonly to: EndpointId,
    readonly frame: DecodedFrame,
  ) {
    this.sendT = t;
    this.arriveT = t + DRAWN_FLIGHT_MS;
  }

  get bytes(): Uint8Array {
    return (this.#bytes ??= this.frame.wireBytes());
  }
}

/**
 * One captured connection's timeline, in time order: its length known at once, its events made one
 * at a time (`events`), so that a session fills its timeline in slices and the page paints between.
 */
export interface CaptureTimeline {
  readonly length: number;
  /** The events with ids `firstId`, `firstId + 1`…, in the order the timeline appends them. */
  events(firstId?: number): Generator<TimelineEvent, void, undefined>;
}

/**
 * The timeline of one captured connection. `startUs` is the connection's first packet: the
 * handshake's request is drawn there and its response one step later (the report keeps the heads, not
 * the packets that carried them).
 *
 * The order is the one a sort of every event by (time, order made) gives, where events are made
 * heads first, then frames and the receivers' events interleaved by capture time (a frame before
 * what it caused). Frames are drawn at their packet's time and events one DRAWN_FLIGHT_MS later, so
 * each of the two is a run sorted by time on its own: the timeline is their merge with the heads.
 */
export function mapCapture(ws: WebSocketDecode, startUs: number, spacing: Spacing): CaptureTimeline {
  const steps = mapCaptureSteps(ws, startUs, spacing);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `mapCapture` in steps: it pauses (yields) every few thousand items, so a page can paint between. */
export function* mapCaptureSteps(
  ws: WebSocketDecode,
  startUs: number,
  spacing: Spacing,
): Generator<void, CaptureTimeline, undefined> {
  const frames = yield* byTime(ws.frames);
  const events = yield* byTime(ws.events);
  const nf = frames.length;
  const ne = events.length;
  // The items (frames and events) by capture time, a frame first at equal times: what a stable sort
  // of all the frames, then all the events, by (time, frame first) gave.
  const frameOrder = new Float64Array(nf);
  const eventOrder = new Float64Array(ne);
  const heads = yield* headsOf(ws, spacing, startUs, frames, events);
  let order = heads.list.length;
  for (let i = 0, j = 0; i < nf || j < ne;) {
    if ((i + j) % STEP === 0) yield;
    if (j >= ne || (i < nf && frames[i]!.timeUs <= events[j]!.timeUs)) frameOrder[i++] = order++;
    else {
      const e = events[j]!;
      eventOrder[j++] = order;
      // A receiver's `closed` also closes its lifeline: a state change right after the note.
      order += e.event.type === 'closed' ? 2 : 1;
    }
  }
  const at = heads.at;
  return {
    length: order,
    *events(firstId = 0) {
      let id = firstId;
      let h = 0;
      let f = 0;
      let e = 0;
      let tf = f < nf ? at(frames[f]!.timeUs) : Infinity;
      let te = e < ne ? at(events[e]!.timeUs) + DRAWN_FLIGHT_MS : Infinity;
      // Bounded: each turn makes one head, one frame or one event (and its state change).
      while (h < heads.list.length || f < nf || e < ne) {
        const head = heads.list[h];
        const th = head ? head.event.t : Infinity;
        const oh = head ? head.order : Infinity;
        const of = f < nf ? frameOrder[f]! : Infinity;
        const oe = e < ne ? eventOrder[e]! : Infinity;
        if (head && before(th, oh, tf, of) && before(th, oh, te, oe)) {
          yield { ...head.event, id: id++ } as TimelineEvent;
          h++;
        } else if (f < nf && before(tf, of, te, oe)) {
          const c = frames[f]!;
          yield new CapturedFrameArrow(id++, tf, senderOf(c.direction), receiverOf(c.direction), c.frame);
          tf = ++f < nf ? at(frames[f]!.timeUs) : Infinity;
        } else {
          const c = events[e]!;
          const endpoint = receiverOf(c.direction);
          yield { kind: 'engine', layer: 'ws', conn: 1, t: te, endpoint, event: c.event, id: id++ };
          if (c.event.type === 'closed')
            yield {
              kind: 'state',
              layer: 'ws',
              conn: 1,
              t: te,
              endpoint,
              from: 'OPEN',
              to: 'CLOSED',
              id: id++,
            };
          te = ++e < ne ? at(events[e]!.timeUs) + DRAWN_FLIGHT_MS : Infinity;
        }
      }
    },
  };
}

/** The timeline events of one captured connection, in time order, all at once (tests). */
export function captureTimeline(ws: WebSocketDecode, startUs: number, spacing: Spacing): NewEvent[] {
  return [...mapCapture(ws, startUs, spacing).events()];
}

/**
 * The capture's clock (timeline milliseconds of a capture time, real or evenly spaced) and what comes
 * before the frames: the lifelines' first states and the handshake's two heads, each with the order
 * it was made in, sorted by (time, order).
 */
function* headsOf(
  ws: WebSocketDecode,
  spacing: Spacing,
  startUs: number,
  frames: readonly CapturedFrame[],
  events: readonly CapturedEvent[],
): Generator<void, { at: (timeUs: number) => number; list: { order: number; event: NewEvent }[] }> {
  const at = yield* clock(spacing, startUs, frames, events);
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
    const http = (
      t: number,
      from: EndpointId,
      to: EndpointId,
      message: typeof request | typeof response,
    ): void => {
      out.push({
        order: order++,
        event: {
          kind: 'http',
          layer: 'http',
          conn: 1,
          t,
          sendT: t,
          arriveT: t + DRAWN_FLIGHT_MS,
          from,
          to,
          message,
          bytes: serializeHead(message),
          segments: [],
        },
      });
    };
    http(reqT, 'client', 'server', request);
    http(resT, 'server', 'client', response);
    state(reqT, 'client', 'ws', 'CLOSED', 'CONNECTING');
    if (!ws.handshake.requestError) state(resT, 'server', 'ws', 'CONNECTING', 'OPEN');
    if (!ws.handshake.responseError) state(resT + DRAWN_FLIGHT_MS, 'client', 'ws', 'CONNECTING', 'OPEN');
  }
  out.sort((a, b) => a.event.t - b.event.t || a.order - b.order);
  return { at, list: out };
}

/**
 * The capture's moments as timeline milliseconds (real or evenly spaced). `frames` and `events` are in
 * time order.
 */
function* clock(
  spacing: Spacing,
  startUs: number,
  frames: readonly CapturedFrame[],
  events: readonly CapturedEvent[],
): Generator<void, (timeUs: number) => number> {
  if (spacing === 'real') return (us) => Math.max(0, us - startUs) / 1000;
  // Even: each distinct packet time is one step; the frames and events of one packet share it.
  const distinct = new Float64Array(frames.length + events.length);
  let n = 0;
  for (let i = 0, j = 0; i < frames.length || j < events.length;) {
    if ((i + j) % STEP === 0) yield;
    const us =
      j >= events.length || (i < frames.length && frames[i]!.timeUs <= events[j]!.timeUs)
        ? frames[i++]!.timeUs
        : events[j++]!.timeUs;
    if (n === 0 || distinct[n - 1] !== us) distinct[n++] = us;
  }
  return (us) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < us) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && distinct[lo] === us ? (lo + 1) * EVEN_STEP_MS : 0;
  };
}
