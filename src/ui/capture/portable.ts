/**
 * A capture's result across the worker's postMessage. Structured clone copies fields, not classes nor
 * their private fields: a DecodedFrame arrives without its methods, and a DeflateNote without the
 * inflated bytes it keeps privately. So the worker sends each note's inflated bytes as a plain field
 * (`portableResult`), and the page builds the engine's classes again from them (`reviveResult`).
 */
import type { CaptureResult, CapturedFrame, WebSocketDecode } from '../../capture/index.ts';
import { DecodedFrame, DeflateNote } from '../../protocol/index.ts';

/** What a DeflateNote is in transit: its fields and its inflated bytes. */
interface PortableNote {
  readonly window: DeflateNote['window'];
  readonly windowBits: DeflateNote['windowBits'];
  readonly inflatedBytes: Uint8Array;
  readonly tail: boolean;
  readonly problem: DeflateNote['problem'];
}

type FrameMap = (f: DecodedFrame) => DecodedFrame;

function mapDecode(ws: WebSocketDecode, map: FrameMap): WebSocketDecode {
  return { ...ws, frames: ws.frames.map((f): CapturedFrame => ({ ...f, frame: map(f.frame) })) };
}

function mapResult(r: CaptureResult, map: FrameMap): CaptureResult {
  if (!r.ok) return r;
  if (r.kind === 'har')
    return {
      ...r,
      report: { ...r.report, sockets: r.report.sockets.map((s) => ({ ...s, ws: mapDecode(s.ws, map) })) },
    };
  return {
    ...r,
    report: {
      ...r.report,
      connections: r.report.connections.map((c) =>
        c.kind === 'websocket' ? { ...c, ws: mapDecode(c.ws, map) } : c,
      ),
    },
  };
}

/** In the worker: each compressed frame's note carries its inflated bytes as a field. */
export function portableResult(r: CaptureResult): CaptureResult {
  return mapResult(r, (f) => {
    const n = f.deflate;
    if (!n) return f;
    const note: PortableNote = {
      window: n.window,
      windowBits: n.windowBits,
      inflatedBytes: n.inflated,
      tail: n.tail,
      problem: n.problem,
    };
    // In transit only: reviveResult turns it back into a DeflateNote before anything reads it.
    return new DecodedFrame(f.header, f.payload, f.offset, note as unknown as DeflateNote);
  });
}

/** In the page: the engine's DecodedFrame and DeflateNote again, as the reader made them. */
export function reviveResult(r: CaptureResult): CaptureResult {
  return mapResult(r, (f) => {
    const n = f.deflate as unknown as PortableNote | null;
    const note = n ? new DeflateNote(n.window, n.windowBits, [n.inflatedBytes], n.tail, n.problem) : null;
    return new DecodedFrame(f.header, f.payload, f.offset, note);
  });
}
