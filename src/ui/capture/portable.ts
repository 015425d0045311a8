/**
 * A capture's result across the worker's postMessage. Two things need care:
 * - Structured clone copies fields, not classes nor their private fields: a DecodedFrame arrives without
 *   its methods, and a DeflateNote without the inflated bytes it keeps privately. So the worker sends
 *   each note's inflated bytes as a plain field, and the page builds the engine's classes again.
 * - Deserializing one message is one task on the page's thread: a 100 MB capture's 64 000 frames and
 *   their events in one message took 2.8 s there (bench:capture, Chromium profile). So the result goes
 *   as a head (everything but the frames and events), then parts of at most PART_ITEMS each, each its
 *   own short task.
 */
import type { CaptureResult, CapturedEvent, CapturedFrame, WebSocketDecode } from '../../capture/index.ts';
import { DecodedFrame, DeflateNote } from '../../protocol/index.ts';

/**
 * Frames or events per part. Deserializing a part is one task on the page's thread: 2 000 took 50 to
 * 130 ms with the page's CPU slowed 4× (CDP throttling, as a loaded 2-core machine does), 1 000 half that.
 */
export const PART_ITEMS = 1000;

/** What a DeflateNote is in transit: its fields and its inflated bytes. */
interface PortableNote {
  readonly window: DeflateNote['window'];
  readonly windowBits: DeflateNote['windowBits'];
  readonly inflatedBytes: Uint8Array;
  readonly tail: boolean;
  readonly problem: DeflateNote['problem'];
}

export interface ResultPart {
  /** Which WebSocket decode of the result (in the order `decodesOf` lists them). */
  readonly index: number;
  readonly frames: readonly CapturedFrame[];
  readonly events: readonly CapturedEvent[];
  /** The one buffer every byte array of the part is a view into (transferred with the message). */
  readonly buffer: ArrayBuffer;
}

/** Every WebSocket decode of a result, replaced by `map` (in one fixed order: connections, HAR sockets). */
function mapDecodes(
  r: CaptureResult,
  map: (ws: WebSocketDecode, index: number) => WebSocketDecode,
): CaptureResult {
  if (!r.ok) return r;
  let i = 0;
  if (r.kind === 'har')
    return {
      ...r,
      report: { ...r.report, sockets: r.report.sockets.map((s) => ({ ...s, ws: map(s.ws, i++) })) },
    };
  return {
    ...r,
    report: {
      ...r.report,
      connections: r.report.connections.map((c) =>
        c.kind === 'websocket' ? { ...c, ws: map(c.ws, i++) } : c,
      ),
    },
  };
}

function portableFrame(f: DecodedFrame): DecodedFrame {
  const n = f.deflate;
  if (!n) return f;
  const note: PortableNote = {
    window: n.window,
    windowBits: n.windowBits,
    inflatedBytes: n.inflated,
    tail: n.tail,
    problem: n.problem,
  };
  // In transit only: reviveFrame turns it back into a DeflateNote before anything reads it.
  return new DecodedFrame(f.header, f.payload, f.offset, note as unknown as DeflateNote);
}

function reviveFrame(f: DecodedFrame): DecodedFrame {
  const n = f.deflate as unknown as PortableNote | null;
  const note = n ? new DeflateNote(n.window, n.windowBits, [n.inflatedBytes], n.tail, n.problem) : null;
  return new DecodedFrame(f.header, f.payload, f.offset, note);
}

/**
 * A part's bytes (payloads, inflated bytes, binary messages) copied into one buffer, each a view into
 * it: structured clone copies a view's whole underlying buffer, and the payloads are views into the
 * captured packets, so a part of 2000 frames cloned megabytes of packets (2.1 s of clone for the bench
 * capture); packed, its one buffer is transferred, not copied.
 */
function packPart(
  index: number,
  frames: readonly CapturedFrame[],
  events: readonly CapturedEvent[],
): ResultPart {
  let size = 0;
  for (const f of frames)
    size +=
      f.frame.payload.length + (f.frame.deflate?.inflated.length ?? 0) + (f.frame.header.maskKey ? 4 : 0);
  for (const e of events)
    if (e.event.type === 'message' && typeof e.event.data !== 'string') size += e.event.data.length;
  const buffer = new Uint8Array(size);
  let at = 0;
  const put = (b: Uint8Array): Uint8Array => {
    buffer.set(b, at);
    at += b.length;
    return buffer.subarray(at - b.length, at);
  };
  return {
    index,
    frames: frames.map((f) => {
      const payload = put(f.frame.payload);
      const h = f.frame.header;
      const header = h.maskKey ? { ...h, maskKey: put(h.maskKey) } : h;
      const n = f.frame.deflate;
      const packed = n ? new DeflateNote(n.window, n.windowBits, [put(n.inflated)], n.tail, n.problem) : null;
      return {
        ...f,
        frame: portableFrame(new DecodedFrame(header, payload, f.frame.offset, packed)),
      };
    }),
    events: events.map((e) =>
      e.event.type === 'message' && typeof e.event.data !== 'string'
        ? { ...e, event: { ...e.event, data: put(e.event.data) } }
        : e,
    ),
    buffer: buffer.buffer,
  };
}

/** In the worker: the result without its frames and events (every summary number is in it). */
export function headOf(r: CaptureResult): CaptureResult {
  return mapDecodes(r, (ws) => ({ ...ws, frames: [], events: [] }));
}

/**
 * In the worker: the parts that carry the frames and events, each packed when asked for, so that the
 * head goes first (the summary shows) while the rest is still being packed.
 */
export function* partsOf(r: CaptureResult): Generator<ResultPart, void, undefined> {
  const decodes: WebSocketDecode[] = [];
  mapDecodes(r, (ws) => {
    decodes.push(ws);
    return ws;
  });
  for (const [index, ws] of decodes.entries()) {
    const n = Math.max(ws.frames.length, ws.events.length);
    for (let at = 0; at < n; at += PART_ITEMS)
      yield packPart(index, ws.frames.slice(at, at + PART_ITEMS), ws.events.slice(at, at + PART_ITEMS));
  }
}

/** The head and every part at once (tests). */
export function splitResult(r: CaptureResult): { head: CaptureResult; parts: ResultPart[] } {
  return { head: headOf(r), parts: [...partsOf(r)] };
}

/** In the page: gathers the parts as they come, then the result with the engine's classes again. */
export class ResultAssembler {
  readonly #frames: CapturedFrame[][] = [];
  readonly #events: CapturedEvent[][] = [];

  add(part: ResultPart): void {
    const frames = (this.#frames[part.index] ??= []);
    for (const f of part.frames) frames.push({ ...f, frame: reviveFrame(f.frame) });
    const events = (this.#events[part.index] ??= []);
    for (const e of part.events) events.push(e);
  }

  result(head: CaptureResult): CaptureResult {
    return mapDecodes(head, (ws, i) => ({
      ...ws,
      frames: this.#frames[i] ?? [],
      events: this.#events[i] ?? [],
    }));
  }
}

/** The whole trip at once (tests): split, clone each message, assemble. */
export function throughWorker(r: CaptureResult): CaptureResult {
  const { head, parts } = splitResult(r);
  const a = new ResultAssembler();
  for (const p of parts) a.add(structuredClone(p, { transfer: [p.buffer] }));
  return a.result(structuredClone(head));
}
