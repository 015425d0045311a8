/**
 * What the inspector looks up in the timeline around one event: the TCP segments that carried it, the
 * messages a segment carries and where they sit in its payload, sequence numbers relative to the
 * initial ones, the request a 101 answers, and what the receiver did when bytes arrived.
 * Pure: no DOM, no Svelte. Lookups walk the timeline once per selection, never per frame.
 */
import { headerValue, type DeflateWindow } from '../../../protocol/index.ts';
import { NO_EXTENSION, readExtParam, type ExtChoice } from '../../decoder/extension.ts';
import type {
  ArrowEvent,
  EndpointId,
  FrameEvent,
  HttpEvent,
  RawEvent,
  SegmentEvent,
  TimelineEvent,
} from '../../../sim/timeline.ts';

/** Arrows that are carried by TCP segments (everything on the wire above TCP). */
export type CarriedEvent = HttpEvent | FrameEvent | RawEvent;

export function isCarried(e: TimelineEvent): e is CarriedEvent {
  return e.kind === 'http' || e.kind === 'frame' || e.kind === 'raw';
}

/** The segments with these ids, in order (ids are timeline positions). */
export function segmentsByIds(events: readonly TimelineEvent[], ids: readonly number[]): SegmentEvent[] {
  const out: SegmentEvent[] = [];
  for (const id of ids) {
    const e = events[id];
    if (e?.kind === 'segment') out.push(e);
  }
  return out;
}

/**
 * The extension a connection's handshake agreed, as the decoder's choice: the Sec-WebSocket-Extensions
 * of the last 101 on that connection before event `before`, read through the engine's own negotiation
 * checks (extension.ts readExtParam). None when there was no 101, no extension, or one the decoder
 * does not know; the frames are then read as RFC 6455 alone reads them.
 */
export function negotiatedExtension(
  events: readonly TimelineEvent[],
  conn: number,
  before: number,
): ExtChoice {
  for (let i = Math.min(before, events.length) - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind !== 'http' || e.conn !== conn || e.message.kind !== 'response') continue;
    if (e.message.status !== 101) continue;
    const answer = headerValue(e.message.headers, 'Sec-WebSocket-Extensions');
    return answer === null ? NO_EXTENSION : readExtParam(answer).choice;
  }
  return NO_EXTENSION;
}

/**
 * The LZ77 window a compressed frame's message began with (RFC 7692 §7.2.3.2): its own note on the
 * message's first frame, else that of the last first frame its sender sent before it on the connection.
 * Null for a frame that is not compressed.
 */
export function messageWindow(events: readonly TimelineEvent[], e: FrameEvent): DeflateWindow | null {
  if (!e.frame.deflate) return null;
  if (e.frame.deflate.window !== null) return e.frame.deflate.window;
  for (let i = Math.min(e.id, events.length) - 1; i >= 0; i--) {
    const x = events[i]!;
    if (x.kind !== 'frame' || x.conn !== e.conn || x.from !== e.from) continue;
    const w = x.frame.deflate?.window;
    if (w !== undefined && w !== null) return w;
  }
  return null;
}

/** The initial sequence number an endpoint chose for a connection: the seq of its SYN, or null. */
export function initialSeq(
  events: readonly TimelineEvent[],
  conn: number,
  endpoint: EndpointId,
): number | null {
  for (const e of events) {
    if (e.kind === 'segment' && e.conn === conn && e.from === endpoint && e.flags.syn) return e.seq;
  }
  return null;
}

/** A 32-bit sequence number relative to an initial one, as Wireshark shows it (wraps like TCP). */
export function relativeSeq(seq: number, isn: number): number {
  return (seq - isn) >>> 0;
}

/** A part of a segment's payload that belongs to one HTTP message or frame. */
export interface CarriedPart {
  readonly event: CarriedEvent;
  /** Byte span in the segment's payload, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Byte span of the part within the message or frame itself. */
  readonly from: number;
  readonly to: number;
}

/**
 * What a segment carries. TCP sends the bytes written to it in order, so an arrow's place in the byte
 * stream is the sum of the earlier arrows' sizes from the same endpoint on the same connection; the
 * segment's place is its sequence number minus (ISN + 1).
 */
export function carriedParts(events: readonly TimelineEvent[], seg: SegmentEvent): CarriedPart[] {
  if (seg.payload.length === 0) return [];
  const isn = initialSeq(events, seg.conn, seg.from);
  if (isn === null) return [];
  const segStart = relativeSeq(seg.seq, isn) - 1;
  const segEnd = segStart + seg.payload.length;
  const parts: CarriedPart[] = [];
  let offset = 0;
  // An arrow is appended before its bytes are written, so everything a segment carries comes before it.
  for (let i = 0; i < seg.id && i < events.length; i++) {
    const e = events[i]!;
    if (!isCarried(e) || e.conn !== seg.conn || e.from !== seg.from || e.segments.length === 0) continue;
    const start = offset;
    const end = offset + e.bytes.length;
    offset = end;
    if (end <= segStart) continue;
    if (start >= segEnd) break;
    const a = Math.max(start, segStart);
    const b = Math.min(end, segEnd);
    parts.push({ event: e, start: a - segStart, end: b - segStart, from: a - start, to: b - start });
  }
  return parts;
}

/** The HTTP request a response answers: the last request on the same connection before it. */
export function requestFor(events: readonly TimelineEvent[], response: HttpEvent): HttpEvent | null {
  for (let i = response.id - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'http' && e.conn === response.conn && e.message.kind === 'request') return e;
  }
  return null;
}

/** The arrival of an arrow's first byte: when its first segment arrives. */
export function firstArrival(events: readonly TimelineEvent[], e: CarriedEvent): number {
  const first = e.segments.length ? events[e.segments[0]!] : undefined;
  return first && first.kind === 'segment' ? first.arriveT : e.arriveT;
}

export interface Outcome {
  /** The receiver's engine events, state changes and replies while the bytes arrived, up to the playhead. */
  readonly events: readonly TimelineEvent[];
  /** More happened in that moment than is listed. */
  readonly more: number;
  /** The last byte had not arrived at the playhead. */
  readonly inFlight: boolean;
}

/**
 * What the receiving endpoint did while these bytes arrived: its engine's events and state changes, and
 * what it sent back, from the first segment's arrival to the last one's. Several frames that share a
 * segment arrive together, so the same moment can list the receiver's answer to each.
 */
export function receiverOutcome(
  events: readonly TimelineEvent[],
  e: ArrowEvent,
  playhead: number,
  limit = 8,
): Outcome {
  const receiver = e.to;
  const fromT = isCarried(e) ? firstArrival(events, e) : e.arriveT;
  const untilT = Math.min(e.arriveT, playhead) + 1e-9;
  const out: TimelineEvent[] = [];
  let more = 0;
  for (let i = e.id + 1; i < events.length; i++) {
    const x = events[i]!;
    if (x.t > untilT) break;
    if (x.t < fromT - 1e-9 || x.conn !== e.conn) continue;
    const atReceiver =
      ((x.kind === 'engine' || x.kind === 'state') && x.endpoint === receiver) ||
      ((x.kind === 'frame' || x.kind === 'http' || x.kind === 'raw') && x.from === receiver);
    if (!atReceiver) continue;
    if (out.length < limit) out.push(x);
    else more++;
  }
  return { events: out, more, inFlight: e.arriveT > playhead + 1e-9 };
}

/** CR LF-terminated lines of an HTTP head: byte spans (with their CR LF), then the body, if any. */
export interface HeadLayout {
  readonly lines: readonly { readonly start: number; readonly end: number }[];
  /** Span of the empty line that ends the head, or null when the bytes stop before it. */
  readonly blank: { readonly start: number; readonly end: number } | null;
  readonly body: { readonly start: number; readonly end: number } | null;
}

/** Where each line of an HTTP message's bytes is, so a header row can light up its own bytes. */
export function headLayout(bytes: Uint8Array): HeadLayout {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 13 || bytes[i + 1] !== 10) continue;
    if (i === start) {
      const blank = { start, end: i + 2 };
      const body = i + 2 < bytes.length ? { start: i + 2, end: bytes.length } : null;
      return { lines, blank, body };
    }
    lines.push({ start, end: i + 2 });
    start = i + 2;
    i++;
  }
  if (start < bytes.length) lines.push({ start, end: bytes.length });
  return { lines, blank: null, body: null };
}
