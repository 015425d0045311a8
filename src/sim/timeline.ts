/**
 * The one append-only record of a simulation: every TCP segment, HTTP message, WebSocket frame, state
 * change and engine event, with its virtual time. Views are pure functions of (timeline, playhead):
 * stepping back only moves the playhead, nothing is re-run, so the past is always exact.
 */
import type { DecodedFrame, EngineEvent, HttpRequest, HttpResponse, Text } from '../protocol/index.ts';
import type { H2Frame } from './h2/frames.ts';
import type { HeaderPair } from './h2/hpack.ts';

/** A host on the simulated network: 'client', 'server', or a chat peer ('alice', 'bob'). */
export type EndpointId = string;

export interface TcpFlags {
  readonly syn: boolean;
  readonly ack: boolean;
  readonly fin: boolean;
  readonly psh: boolean;
  readonly rst: boolean;
}

interface Base {
  readonly id: number;
  /** Virtual time in milliseconds at which it happened (for arrows: when it was sent). */
  readonly t: number;
  /** Which TCP connection (one per client). */
  readonly conn: number;
}

interface Arrow extends Base {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly sendT: number;
  /** When its last byte reaches the peer. */
  arriveT: number;
  /** A middlebox kept it (or, for a frame or HTTP message, a segment of it) from the peer. */
  lost?: 'middlebox';
}

export interface SegmentEvent extends Arrow {
  readonly kind: 'segment';
  readonly layer: 'tcp';
  readonly flags: TcpFlags;
  /** Sequence and acknowledgement numbers as they are on the wire (32-bit, wrapping). */
  readonly seq: number;
  readonly ack: number;
  readonly window: number;
  readonly payload: Uint8Array;
  /** Sent by a middlebox in the `from` endpoint's name (a forged RST), not by `from` itself. */
  readonly by?: 'middlebox';
}

export interface HttpEvent extends Arrow {
  readonly kind: 'http';
  readonly layer: 'http';
  readonly message: HttpRequest | HttpResponse;
  readonly bytes: Uint8Array;
  /** Ids of the segments that carried it. */
  segments: number[];
}

/**
 * One HTTP/2 frame (RFC 9113 §4.1) as sent (the race's HTTP lanes with the HTTP/2 switch on). The
 * client's first one also carries the connection preface (§3.4) in `bytes`.
 */
export interface H2FrameEvent extends Arrow {
  readonly kind: 'h2';
  readonly layer: 'http';
  readonly frame: H2Frame;
  readonly bytes: Uint8Array;
  readonly preface: boolean;
  /** HEADERS: the fields of its header block, as the receiver's HPACK decoder reads them back. */
  readonly fields?: readonly HeaderPair[];
  segments: number[];
}

export interface FrameEvent extends Arrow {
  readonly kind: 'frame';
  readonly layer: 'ws';
  readonly frame: DecodedFrame;
  readonly bytes: Uint8Array;
  segments: number[];
}

/** Bytes put on the wire unchecked (the console's `raw`): the sender does not know them as a frame. */
export interface RawEvent extends Arrow {
  readonly kind: 'raw';
  readonly layer: 'ws';
  readonly bytes: Uint8Array;
  segments: number[];
}

export interface StateEvent extends Base {
  readonly kind: 'state';
  readonly layer: 'tcp' | 'ws';
  readonly endpoint: EndpointId;
  readonly from: string;
  readonly to: string;
}

/** What an engine made of what it received: a message, a ping, a close frame, a violation, the end. */
export interface EngineNoteEvent extends Base {
  readonly kind: 'engine';
  readonly layer: 'ws';
  readonly endpoint: EndpointId;
  readonly event: Extract<
    EngineEvent,
    { type: 'message' | 'ping' | 'pong' | 'close-frame' | 'error' | 'closed' }
  >;
  /**
   * A compressed message (RFC 7692 §6.2): the DEFLATE bytes its frames carried and the bytes they
   * inflated to (UTF-8 bytes, for text). Absent for a message that was sent uncompressed.
   */
  readonly inflated?: { readonly from: number; readonly to: number };
}

/** The catalog keys a note is written with (translated in src/i18n, checked against this). */
export interface NoteTexts {
  readonly 'pg.note.notSent': { readonly state: string; readonly bytes: number };
  /** A load balancer's idle timer fired (sim/middlebox.ts): it drops, or resets, what comes later. */
  readonly 'pg.note.boxDrop': { readonly ms: number };
  readonly 'pg.note.boxReset': { readonly ms: number };
  /** A NAT's mapping expired: the server's segments are dropped, the client's get a RST. */
  readonly 'pg.note.natForgot': { readonly ms: number };
  /** The client's heartbeat: no pong within the deadline, so it gives up on the connection. */
  readonly 'pg.note.pongMissed': { readonly ms: number };
  /** A receive buffer filled up: the application has not read these bytes, the window is 0. */
  readonly 'pg.note.bufferFull': { readonly bytes: number };
  /** The peer's window is 0: these bytes wait in the sender's queue (bufferedAmount). */
  readonly 'pg.note.windowZero': { readonly bytes: number };
}
export type NoteTextId = keyof NoteTexts;

/** A remark in the log: a scenario setting changed, a command was refused. */
export interface NoteEvent extends Base {
  readonly kind: 'note';
  readonly endpoint: EndpointId | null;
  readonly text: Text<NoteTextId>;
}

export type TimelineEvent =
  SegmentEvent | HttpEvent | H2FrameEvent | FrameEvent | RawEvent | StateEvent | EngineNoteEvent | NoteEvent;
export type ArrowEvent = SegmentEvent | HttpEvent | H2FrameEvent | FrameEvent | RawEvent;

export const isArrow = (e: TimelineEvent): e is ArrowEvent =>
  e.kind === 'segment' || e.kind === 'http' || e.kind === 'h2' || e.kind === 'frame' || e.kind === 'raw';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<TimelineEvent, 'id'>;

export class Timeline {
  readonly events: TimelineEvent[] = [];
  #committed = 0;
  #listeners = new Set<(events: readonly TimelineEvent[], from: number) => void>();

  append<E extends NewEvent>(e: E): E & { id: number } {
    const full = { ...e, id: this.events.length } as E & { id: number };
    this.events.push(full as unknown as TimelineEvent);
    this.extend(e.t);
    return full;
  }

  /** Make appended events visible to subscribers (after arrival times of the batch are known). */
  commit(): void {
    if (this.#committed === this.events.length) return;
    const from = this.#committed;
    this.#committed = this.events.length;
    for (const l of this.#listeners) l(this.events, from);
  }

  get committed(): number {
    return this.#committed;
  }

  /** Called with the whole list and the index of the first new event, after every commit. */
  subscribe(listener: (events: readonly TimelineEvent[], from: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #end = 0;

  /** Time of the last thing that happens: the latest event or arrival, or 0. */
  get end(): number {
    return this.#end;
  }

  /** Record that something happens at `t` (an arrival computed after the arrow was appended). */
  extend(t: number): void {
    if (t > this.#end) this.#end = t;
  }
}
