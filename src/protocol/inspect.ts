/**
 * Decode a byte string the way a real receiver would, for the decoder view and the lessons: the
 * receiving endpoint (server for client→server bytes, client for server→client) is a real
 * `Connection`, so the verdict, the close code and the answer it would send are the engine's own.
 */
import { Connection } from './connection.ts';
import type { DeflateSetup } from './deflate/extension.ts';
import type { DeflateParams } from './deflate/params.ts';
import type { EngineEvent } from './events.ts';
import type { DecodedFrame } from './decoder.ts';
import type { ProtocolError } from './errors.ts';
import { wireFields, type FieldSpan } from './fields.ts';

/** c2s: bytes a client sent (the server decodes them); s2c: bytes a server sent. */
export type Direction = 'c2s' | 's2c';

export interface PartialFrame {
  /** Offset of the frame's first byte in the input. */
  readonly offset: number;
  readonly fields: FieldSpan[];
}

export type InspectionEnd =
  | { readonly kind: 'complete' }
  | { readonly kind: 'need'; readonly need: number; readonly partial: PartialFrame }
  | { readonly kind: 'error'; readonly error: ProtocolError; readonly partial: PartialFrame | null };

export interface Inspection {
  readonly frames: readonly DecodedFrame[];
  /** What the receiver made of them: messages, pings, close frames, errors, state changes. */
  readonly events: readonly EngineEvent[];
  /** The frames the receiver sends back (pong, close echo, or a close with the error's code). */
  readonly replies: readonly DecodedFrame[];
  readonly end: InspectionEnd;
  /** Bytes decoded: less than the input when `maxFrames` was reached (the rest is left unread). */
  readonly decodedBytes: number;
}

/** A paste of a megabyte of 2-byte frames is half a million frames (and pongs): stop well before. */
export const MAX_INSPECTED_FRAMES = 10_000;
const FEED = 64 * 1024;

export interface InspectOptions {
  readonly maxMessageSize?: number;
  readonly maxFrames?: number;
  /**
   * Decode as if permessage-deflate had been negotiated with these parameters (RFC 7692): RSV1 then
   * marks a compressed message, and each frame's field map shows its DEFLATE bytes, what they inflate
   * to, the window and the tail. Stateless: the receiver's window starts empty with the input.
   */
  readonly deflate?: DeflateSetup & { readonly params: DeflateParams };
}

export function inspectBytes(
  input: Uint8Array,
  direction: Direction,
  options: InspectOptions = {},
): Inspection {
  const { maxMessageSize, maxFrames = MAX_INSPECTED_FRAMES, deflate } = options;
  const receiver = new Connection(direction === 'c2s' ? 'server' : 'client', {
    ...(maxMessageSize ? { maxMessageSize } : {}),
    // Replies are shown, not sent: a fixed key keeps the view stable while the learner types.
    random: (n) => new Uint8Array(n),
    ...(deflate ? { deflate } : {}),
  });
  // Fed in socket-sized chunks so a huge paste can stop at `maxFrames`, on a frame boundary.
  const events: EngineEvent[] = [];
  let frameCount = 0;
  let bytes = input;
  for (let o = 0; o < input.length; o += FEED) {
    receiver.receiveData(input.subarray(o, o + FEED));
    for (const e of receiver.events()) {
      events.push(e);
      if (e.type === 'frame-in') frameCount++;
    }
    if (frameCount >= maxFrames && o + FEED < input.length) {
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i]!;
        if (e.type === 'frame-in') {
          bytes = input.subarray(0, e.frame.offset + e.frame.size);
          break;
        }
      }
      break;
    }
  }
  const frames: DecodedFrame[] = [];
  const replies: DecodedFrame[] = [];
  let error: ProtocolError | null = null;
  for (const e of events) {
    if (e.type === 'frame-in') frames.push(e.frame);
    else if (e.type === 'frame-out') replies.push(e.frame);
    else if (e.type === 'error' && !error) error = e.error;
  }
  const last = frames[frames.length - 1];
  const next = last ? last.offset + last.size : 0;
  const partialAt = (offset: number): PartialFrame => ({
    offset,
    fields: wireFields(bytes.subarray(offset)),
  });
  let end: InspectionEnd;
  if (error) {
    // A violation inside a complete frame (bad UTF-8, close code…) belongs to that frame; else to the next.
    const inFrame = error.offset !== undefined && error.offset < next;
    end = { kind: 'error', error, partial: inFrame || next >= bytes.length ? null : partialAt(next) };
  } else if (next < bytes.length) {
    end = { kind: 'need', need: receiver.need, partial: partialAt(next) };
  } else {
    end = { kind: 'complete' };
  }
  return { frames, events, replies, end, decodedBytes: bytes.length };
}
