/**
 * Where everything in the sequence diagram goes: a pure function of the committed timeline and the
 * visible layers, recomputed when either changes — never per animation frame. The playhead only
 * decides what of this picture is drawn, so stepping back shows exactly the earlier picture.
 *
 * Time runs downward, but not on one linear scale, because a linear scale cannot be read here:
 * an ACK, an HTTP request and the segment carrying it leave in the same virtual instant, and would
 * be drawn on top of each other. So each distinct moment ("tick") gets one row per arrow leaving or
 * arriving then, and the time *between* ticks is drawn to scale (latency is what slants an arrow),
 * clamped: a gap in which nothing is in flight is compressed to a fixed height and marked with how
 * long it was (TIME_WAIT's second, a quiet ticker).
 */
import { arrowLabel } from '../../../sim/describe.ts';
import { FrameType } from '../../../sim/h2/frames.ts';
import {
  isArrow,
  type ArrowEvent,
  type EndpointId,
  type EngineNoteEvent,
  type StateEvent,
  type TimelineEvent,
} from '../../../sim/timeline.ts';
import type { LayerName } from '../session.svelte.ts';

export interface Metrics {
  /** Height of one row: the distance between two arrows that leave (or arrive) in the same instant. */
  readonly rowH: number;
  /** Pixels per virtual millisecond between ticks while something is in flight. */
  readonly pxPerMs: number;
  /** Smallest distance between two ticks. */
  readonly minGap: number;
  /** Largest distance between two ticks while something is in flight. */
  readonly maxGap: number;
  /** A quiet stretch (nothing in flight) is drawn at most this high, with a break mark. */
  readonly idleGap: number;
  /** Y of the first tick. */
  readonly top: number;
  /** Vertical distance between two stacked margin notes. */
  readonly noteH: number;
}

export const METRICS: Metrics = {
  rowH: 26,
  pxPerMs: 1.6,
  minGap: 26,
  maxGap: 420,
  idleGap: 64,
  top: 24,
  noteH: 17,
};

/** 'lost': a middlebox kept it from the peer (sim/middlebox.ts), drawn faded and crossed out. */
export type Tone = 'normal' | 'close' | 'error' | 'raw' | 'lost';

export interface ArrowGeom {
  readonly ev: ArrowEvent;
  readonly id: number;
  readonly layer: LayerName;
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly sendT: number;
  readonly arriveT: number;
  /** Where it leaves (on the sender's lifeline) and arrives (on the receiver's). */
  readonly y1: number;
  readonly y2: number;
  /** The bottom of its start tick and the top of its end tick: what the playhead crosses while it flies. */
  readonly flightFrom: number;
  readonly flightTo: number;
  readonly tone: Tone;
  /** For an HTTP message or a frame: the segments that carried it. */
  readonly segments: readonly number[];
}

export type MarkKind = 'tcp-state' | 'ws-state' | 'note' | 'error' | 'close';

/** A state change or an engine note, marked on its endpoint's lifeline and labelled in the margin. */
export interface Mark {
  readonly ev: StateEvent | EngineNoteEvent;
  readonly id: number;
  readonly t: number;
  readonly endpoint: EndpointId;
  readonly kind: MarkKind;
  /** The dot on the lifeline. */
  readonly y: number;
  /** The margin label, pushed down so that labels on one lifeline never overlap. */
  readonly labelY: number;
}

/** A quiet stretch drawn shorter than it lasted. */
export interface Break {
  readonly y: number;
  readonly ms: number;
}

export interface DiagramLayout {
  readonly ticks: Float64Array;
  readonly tickTop: Float64Array;
  readonly tickBottom: Float64Array;
  /** Top to bottom: timeline order, except that a message follows its segments. `sendT` and `y1`
   * never decrease along it. */
  readonly arrows: readonly ArrowGeom[];
  /** The tallest arrow (for finding the arrows that cross a window). */
  readonly maxSpan: number;
  /** In timeline order. */
  readonly marks: readonly Mark[];
  readonly breaks: readonly Break[];
  /** Arrow id → ids of the HTTP messages or frames a segment carries. */
  readonly carried: ReadonlyMap<number, readonly number[]>;
  /** Y of the last tick's bottom. */
  readonly bottom: number;
}

const labels = new WeakMap<ArrowEvent, string>();

/** `arrowLabel`, remembered: only drawn arrows need one, and each is asked for every frame. */
export function labelOf(e: ArrowEvent): string {
  let l = labels.get(e);
  if (l === undefined) {
    l = arrowLabel(e);
    labels.set(e, l);
  }
  return l;
}

export function toneOf(e: ArrowEvent): Tone {
  if (e.lost) return 'lost';
  switch (e.kind) {
    case 'segment':
      return e.flags.rst ? 'error' : e.flags.fin ? 'close' : 'normal';
    case 'http':
      return e.message.kind === 'response' && e.message.status >= 400 ? 'error' : 'normal';
    case 'h2':
      return e.frame.type === FrameType.RST_STREAM || e.frame.type === FrameType.GOAWAY ? 'close' : 'normal';
    case 'frame':
      return e.frame.header.opcode === 0x8 ? 'close' : 'normal';
    case 'raw':
      return 'raw';
  }
}

function markKind(e: StateEvent | EngineNoteEvent): MarkKind {
  if (e.kind === 'state') return e.layer === 'tcp' ? 'tcp-state' : 'ws-state';
  const t = e.event.type;
  return t === 'error' ? 'error' : t === 'close-frame' || t === 'closed' ? 'close' : 'note';
}

/** Index of `t` in the sorted, distinct `ticks` (it is always there). */
function tickIndex(ticks: Float64Array, t: number): number {
  let lo = 0;
  let hi = ticks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ticks[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lay out the first `count` events (the committed ones) with the layers that are switched on.
 * O(n log n); thousands of events take a few milliseconds. A layout handed to `rememberLayout` for
 * these very events, count and layers is returned as it is.
 */
export function computeLayout(
  events: readonly TimelineEvent[],
  count: number,
  layers: Readonly<Record<LayerName, boolean>>,
  m: Metrics = METRICS,
): DiagramLayout {
  const kept = remembered.get(events);
  if (kept && kept.count === count && kept.m === m && sameLayers(kept.layers, layers)) return kept.layout;
  const steps = layoutSteps(events, count, layers, m);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Work between two pauses of `layoutSteps`: a capture's 130 000 events took 90 ms to lay out on an
 * idle machine (bench:capture), over 200 ms on a loaded one, in one task.
 */
const LAYOUT_STEP = 4096;

/**
 * `computeLayout` in steps: it pauses (yields) every LAYOUT_STEP items of work and returns the layout.
 * A view with a timeline too long to lay out in one task (a large capture) runs it between paints and
 * gives the result to `rememberLayout`, so that the diagram finds it made.
 */
export function* layoutSteps(
  events: readonly TimelineEvent[],
  count: number,
  layers: Readonly<Record<LayerName, boolean>>,
  m: Metrics = METRICS,
): Generator<void, DiagramLayout, undefined> {
  let work = 0;
  const arrowEvents: ArrowEvent[] = [];
  const markEvents: (StateEvent | EngineNoteEvent)[] = [];
  const n = Math.min(count, events.length);
  /** Where each arrow goes among those of its instant: its id, or just after its last segment's. */
  const rank = new Map<ArrowEvent, number>();
  for (let i = 0; i < n; i++) {
    if (++work % LAYOUT_STEP === 0) yield;
    const e = events[i]!;
    if (isArrow(e)) {
      if (!layers[e.layer]) continue;
      arrowEvents.push(e);
      // A message and the segments carrying it leave together; drawn in the row below its last
      // segment, it runs parallel to it (same start and end instants) and crosses none of them.
      const last = e.kind === 'segment' ? undefined : e.segments.at(-1);
      const seg = last !== undefined && layers.tcp ? events[last] : undefined;
      rank.set(e, seg && seg.t === e.t ? last! + 0.5 : e.id);
    } else if (e.kind === 'state' || e.kind === 'engine') markEvents.push(e);
  }
  // The chat server has one connection per client: its lifeline marks the states of the learner's.
  const learnerConns = new Set<number>();
  for (const e of markEvents) if (e.kind === 'state' && e.endpoint === LEARNER) learnerConns.add(e.conn);
  const shownMarks = markEvents.filter(
    (e) => e.kind !== 'state' || e.endpoint !== SERVER || learnerConns.has(e.conn),
  );
  // Still in time order (a segment leaves in the instant of its message), rows now in rank order.
  // Without the TCP layer every rank is the id: already in order (a capture's 64 000 arrows skip it).
  if (layers.tcp) arrowEvents.sort((a, b) => rank.get(a)! - rank.get(b)!);

  // Distinct moments, sorted.
  const all = new Float64Array(arrowEvents.length * 2 + shownMarks.length);
  let k = 0;
  for (const a of arrowEvents) {
    all[k++] = a.sendT;
    all[k++] = a.arriveT;
  }
  for (const e of shownMarks) all[k++] = e.t;
  // The sort is the one step that cannot pause: a turn before and after it.
  yield;
  all.sort();
  yield;
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  const ticks = all.slice(0, distinct);
  const nt = ticks.length;

  // Rows per tick, and which stretches have something in flight.
  const sends = new Int32Array(nt);
  const arrivals = new Int32Array(nt);
  const flight = new Int32Array(nt + 1);
  const slots = new Int32Array(arrowEvents.length * 4);
  for (let i = 0; i < arrowEvents.length; i++) {
    if (++work % LAYOUT_STEP === 0) yield;
    const a = arrowEvents[i]!;
    const si = tickIndex(ticks, a.sendT);
    const ei = tickIndex(ticks, a.arriveT);
    slots[i * 4] = si;
    slots[i * 4 + 1] = sends[si]!;
    slots[i * 4 + 2] = ei;
    slots[i * 4 + 3] = arrivals[ei]!;
    sends[si] = sends[si]! + 1;
    arrivals[ei] = arrivals[ei]! + 1;
    flight[si] = flight[si]! + 1;
    flight[ei] = flight[ei]! - 1;
  }

  const tickTop = new Float64Array(nt);
  const tickBottom = new Float64Array(nt);
  const breaks: Break[] = [];
  let y = m.top;
  let inFlight = 0;
  for (let i = 0; i < nt; i++) {
    if (++work % LAYOUT_STEP === 0) yield;
    tickTop[i] = y;
    const rows = Math.max(1, sends[i]!, arrivals[i]!);
    tickBottom[i] = y + (rows - 1) * m.rowH;
    inFlight += flight[i]!;
    if (i + 1 < nt) {
      const dt = ticks[i + 1]! - ticks[i]!;
      const px = dt * m.pxPerMs;
      let gap: number;
      if (inFlight > 0) gap = Math.min(Math.max(px, m.minGap), m.maxGap);
      else if (px > m.idleGap) {
        gap = m.idleGap;
        breaks.push({ y: tickBottom[i]! + gap / 2, ms: dt });
      } else gap = Math.max(px, m.minGap);
      y = tickBottom[i]! + gap;
    }
  }

  const carried = new Map<number, number[]>();
  let maxSpan = 0;
  const arrows: ArrowGeom[] = [];
  for (let i = 0; i < arrowEvents.length; i++) {
    if (++work % LAYOUT_STEP === 0) yield;
    const a = arrowEvents[i]!;
    const si = slots[i * 4]!;
    const ei = slots[i * 4 + 2]!;
    const y1 = tickTop[si]! + slots[i * 4 + 1]! * m.rowH;
    const y2 = tickTop[ei]! + slots[i * 4 + 3]! * m.rowH;
    maxSpan = Math.max(maxSpan, y2 - y1);
    const segments = a.kind === 'segment' ? [] : a.segments;
    for (const s of segments) {
      const list = carried.get(s);
      if (list) list.push(a.id);
      else carried.set(s, [a.id]);
    }
    arrows.push({
      ev: a,
      id: a.id,
      layer: a.layer,
      from: a.from,
      to: a.to,
      sendT: a.sendT,
      arriveT: a.arriveT,
      y1,
      y2,
      flightFrom: tickBottom[si]!,
      flightTo: tickTop[ei]!,
      tone: toneOf(a),
      segments,
    });
  }

  // A note or state change sits where the last arrow reaching its endpoint in that instant lands:
  // the bytes that caused it. Without one, at the top of its instant.
  const landing = new Map<string, number>();
  for (const a of arrows) {
    if (++work % LAYOUT_STEP === 0) yield;
    const key = `${a.arriveT}|${a.to}`;
    if (a.y2 > (landing.get(key) ?? Number.NEGATIVE_INFINITY)) landing.set(key, a.y2);
  }
  // Margin labels: stacked per lifeline so that two never overlap.
  const lastLabel = new Map<EndpointId, number>();
  const marks: Mark[] = [];
  for (const e of shownMarks) {
    if (++work % LAYOUT_STEP === 0) yield;
    const y0 = landing.get(`${e.t}|${e.endpoint}`) ?? tickTop[tickIndex(ticks, e.t)]!;
    const prev = lastLabel.get(e.endpoint) ?? Number.NEGATIVE_INFINITY;
    const labelY = Math.max(y0, prev + m.noteH);
    lastLabel.set(e.endpoint, labelY);
    marks.push({ ev: e, id: e.id, t: e.t, endpoint: e.endpoint, kind: markKind(e), y: y0, labelY });
  }

  return {
    ticks,
    tickTop,
    tickBottom,
    arrows,
    maxSpan,
    marks,
    breaks,
    carried,
    bottom: nt > 0 ? tickBottom[nt - 1]! : m.top,
  };
}

interface Remembered {
  readonly count: number;
  readonly layers: Readonly<Record<LayerName, boolean>>;
  readonly m: Metrics;
  readonly layout: DiagramLayout;
}

/** One layout per timeline, made ahead by its view (`layoutSteps`); a timeline that grows misses it. */
const remembered = new WeakMap<readonly TimelineEvent[], Remembered>();

const sameLayers = (
  a: Readonly<Record<LayerName, boolean>>,
  b: Readonly<Record<LayerName, boolean>>,
): boolean => a.tcp === b.tcp && a.http === b.http && a.ws === b.ws;

/** Keep a layout made by `layoutSteps`: `computeLayout` returns it for the same arguments. */
export function rememberLayout(
  events: readonly TimelineEvent[],
  count: number,
  layers: Readonly<Record<LayerName, boolean>>,
  layout: DiagramLayout,
  m: Metrics = METRICS,
): void {
  remembered.set(events, { count, layers: { ...layers }, m, layout });
}

/** Index of the last tick at or before `t`, or -1. */
function tickAtOrBefore(ticks: Float64Array, t: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ticks[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The playhead's y. At a tick it is the tick's bottom: everything that happens in that instant has
 * happened. Between two ticks it moves linearly.
 */
export function yAt(layout: DiagramLayout, t: number): number {
  const { ticks, tickTop, tickBottom } = layout;
  if (ticks.length === 0) return METRICS.top;
  const i = tickAtOrBefore(ticks, t);
  if (i < 0) return tickTop[0]!;
  if (ticks[i] === t || i === ticks.length - 1) return tickBottom[i]!;
  const f = (t - ticks[i]!) / (ticks[i + 1]! - ticks[i]!);
  return tickBottom[i]! + f * (tickTop[i + 1]! - tickBottom[i]!);
}

/** How far along an arrow is at the playhead: 0 just sent … 1 arrived. */
export function progressOf(a: ArrowGeom, layout: DiagramLayout, playhead: number): number {
  if (playhead >= a.arriveT) return 1;
  if (playhead <= a.sendT) return 0;
  const span = a.flightTo - a.flightFrom;
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, (yAt(layout, playhead) - a.flightFrom) / span));
}

/** How many arrows have been sent by `t` (they are in time order). */
export function sentBy(arrows: readonly ArrowGeom[], t: number): number {
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrows[mid]!.sendT <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Arrows drawn at most. Each is about seven SVG nodes, and past a few hundred a band is solid ink: at
 * `mss 1` a heavy link had 8,015 arrows crossing one window (56,000 nodes, a 1.4 s layout).
 */
export const MAX_DRAWN_ARROWS = 400;

/**
 * The arrows sent by the playhead that cross the band [top, bottom]: the only ones worth drawing.
 * Binary search to the first arrow that could reach the band, then a walk to its end. More than `max`
 * keep those with an end nearest the band's middle (in timeline order).
 */
export function arrowsInView(
  layout: DiagramLayout,
  playhead: number,
  top: number,
  bottom: number,
  max = MAX_DRAWN_ARROWS,
): ArrowGeom[] {
  const { arrows } = layout;
  const n = sentBy(arrows, playhead);
  const from = top - layout.maxSpan;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrows[mid]!.y1 < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ArrowGeom[] = [];
  for (let i = lo; i < n; i++) {
    const a = arrows[i]!;
    if (a.y1 > bottom) break;
    if (a.y2 >= top) out.push(a);
  }
  if (out.length <= max) return out;
  const mid = (top + bottom) / 2;
  const near = out.map((a, i) => ({ i, d: Math.min(Math.abs(a.y1 - mid), Math.abs(a.y2 - mid)) }));
  const kept = near.sort((a, b) => a.d - b.d).slice(0, max);
  return kept.sort((a, b) => a.i - b.i).map((k) => out[k.i]!);
}

/** Marks reached by the playhead whose dot or label lies in [top, bottom]. */
export function marksInView(layout: DiagramLayout, playhead: number, top: number, bottom: number): Mark[] {
  const out: Mark[] = [];
  for (const mk of layout.marks) {
    if (mk.t > playhead) break;
    // Within one instant the dots are not in order (each sits where its bytes landed): look a little on.
    if (mk.y > bottom + 400) break;
    if (mk.labelY >= top - 20 && mk.y <= bottom + 20) out.push(mk);
  }
  return out;
}

export interface LifelineState {
  readonly tcp: string;
  readonly ws: string;
}

/** What the diagram shows before an endpoint has a connection: no TCP connection, no WebSocket. */
export const NO_TCP = 'CLOSED';
export const NO_WS = '—';

export const LEARNER: EndpointId = 'client';
export const SERVER: EndpointId = 'server';

/**
 * The TCP and WebSocket state of each endpoint at `t`, from the state events up to it. An endpoint
 * shows its newest connection; the server shows its end of the learner's newest connection (with
 * the chat server it has one per client).
 */
export function statesAt(
  states: readonly StateEvent[],
  t: number,
  endpoints: readonly EndpointId[],
): Map<EndpointId, LifelineState> {
  const last = new Map<string, string>();
  const newestConn = new Map<EndpointId, number>();
  let learnerConn = -1;
  for (const e of states) {
    if (e.t > t) break;
    last.set(`${e.endpoint}|${e.layer}|${e.conn}`, e.to);
    if (e.conn > (newestConn.get(e.endpoint) ?? -1)) newestConn.set(e.endpoint, e.conn);
    if (e.endpoint === LEARNER) learnerConn = Math.max(learnerConn, e.conn);
  }
  const out = new Map<EndpointId, LifelineState>();
  for (const ep of endpoints) {
    const conn = ep === SERVER && learnerConn >= 0 ? learnerConn : (newestConn.get(ep) ?? -1);
    out.set(ep, {
      tcp: last.get(`${ep}|tcp|${conn}`) ?? NO_TCP,
      ws: last.get(`${ep}|ws|${conn}`) ?? NO_WS,
    });
  }
  return out;
}

/** The state changes among the first `count` events, in timeline order. */
export function stateEventsOf(events: readonly TimelineEvent[], count: number): StateEvent[] {
  const out: StateEvent[] = [];
  const n = Math.min(count, events.length);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.kind === 'state') out.push(e);
  }
  return out;
}

/** When each endpoint first appears in the timeline (arrows and state changes). */
export function firstSeen(events: readonly TimelineEvent[], count: number): Map<EndpointId, number> {
  const seen = new Map<EndpointId, number>();
  const note = (ep: EndpointId, t: number) => {
    if (!seen.has(ep)) seen.set(ep, t);
  };
  const n = Math.min(count, events.length);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (isArrow(e)) {
      note(e.from, e.t);
      note(e.to, e.t);
    } else if (e.kind === 'state') note(e.endpoint, e.t);
  }
  return seen;
}

/** The lifelines at `t`: client and server always, then the others (chat peers) as they appear. */
export function lifelinesAt(seen: ReadonlyMap<EndpointId, number>, t: number): EndpointId[] {
  const out: EndpointId[] = [LEARNER, SERVER];
  const others = [...seen].filter(([ep, at]) => ep !== LEARNER && ep !== SERVER && at <= t);
  others.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  for (const [ep] of others) out.push(ep);
  return out;
}

/** The arrows related to `focus`: a frame's segments, or the messages a segment carries and their other segments. */
export function relatedArrows(layout: DiagramLayout, focus: number | null): readonly number[] {
  if (focus === null) return [];
  const a = layout.arrows.find((x) => x.id === focus);
  if (!a) return [];
  const ids = [...a.segments];
  for (const c of layout.carried.get(a.id) ?? []) {
    ids.push(c);
    for (const s of layout.arrows.find((x) => x.id === c)?.segments ?? []) if (s !== a.id) ids.push(s);
  }
  return ids;
}
