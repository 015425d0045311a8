/** A lesson as the page uses it: metadata, then prose, widgets and exercises in order. */
import type { DeflatePolicy, Direction } from '../protocol/index.ts';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface LessonMeta {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly goals: readonly string[];
  readonly lang: Lang;
  /** e.g. "05-frame-anatomy.md" — the same in both languages. */
  readonly file: string;
  readonly exerciseIds: readonly string[];
}

export type WidgetName =
  | 'frame-editor'
  | 'playground'
  | 'transport-race'
  | 'http-editor'
  | 'websocket-over-h2'
  | 'herd';
export const WIDGETS: readonly WidgetName[] = [
  'frame-editor',
  'playground',
  'transport-race',
  'http-editor',
  'websocket-over-h2',
  'herd',
];

export interface Widget {
  readonly name: WidgetName;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface FrameExpect {
  readonly valid?: boolean;
  readonly error?: string;
  readonly closeCode?: number;
  readonly frames?: number;
  /**
   * Data frames only (text, binary, continuation): a ping between two fragments is its own frame, not a
   * piece of the message (RFC 6455 §5.4), so "three fragments" must not count it.
   */
  readonly dataFrames?: number;
  readonly opcode?: number;
  readonly fin?: boolean;
  readonly masked?: boolean;
  readonly length?: number;
  readonly lengthForm?: 7 | 16 | 64;
  readonly text?: string;
  readonly hex?: string;
  readonly messages?: number;
  /**
   * The masking key of the last frame, in hex. An all-zero key is legal on the wire (§5.3 asks only that
   * it be unpredictable) but XORs nothing, so "mask it with 37 fa 21 3d" must name the key.
   */
  readonly maskKey?: string;
  /** The last frame's payload after unmasking, in hex: what a ping or a close frame carries. */
  readonly payload?: string;
  /**
   * RFC 7692 §6: the last message arrived compressed (RSV1 on its first frame). Only with `deflate`:
   * a plain frame is also a valid message on a compressed connection, but not the one asked for.
   */
  readonly compressed?: boolean;
}

/**
 * The server an `http` exercise is judged by (a subset of the engine's ServerPolicy a lesson can write
 * in YAML): the subprotocols it speaks, whether it refuses a client that offers none of them, and the
 * permessage-deflate policy it accepts offers under (absent: it declines them, as checkRequest does).
 */
export interface ExerciseServer {
  readonly protocols?: readonly string[];
  readonly requireProtocol?: boolean;
  readonly perMessageDeflate?: DeflatePolicy;
  /** The Origins it lets in (RFC 6455 §10.2): any other Origin, or none, is answered 403. */
  readonly origins?: readonly string[];
}

/** What the 101 must have agreed to, beyond its status: a subprotocol, permessage-deflate parameters. */
export interface HttpExpect {
  readonly status: number;
  readonly rule?: string;
  /**
   * Header fields the request must still carry, with a value: "make the server answer 426 with version 8"
   * is not done by deleting Sec-WebSocket-Version (a missing field is a malformed request, §4.2.1).
   */
  readonly present?: readonly string[];
  /** The Sec-WebSocket-Protocol the server picks (null: none). */
  readonly protocol?: string | null;
  /** permessage-deflate was agreed, with at least these parameters (RFC 7692 §7.1). */
  readonly deflate?: {
    readonly serverNoContextTakeover?: boolean;
    readonly clientNoContextTakeover?: boolean;
    readonly serverMaxWindowBits?: number;
    readonly clientMaxWindowBits?: number;
  };
}

interface ExerciseBase {
  readonly id: string;
  /** Rendered HTML (inline Markdown). */
  readonly prompt: string;
  readonly hints: readonly string[];
  readonly explain: string;
}

/**
 * How a short text answer is compared with the expected one:
 * - `exact`: character for character;
 * - `trim`: surrounding whitespace and quotes ignored (the default);
 * - `ignore-case`: as `trim`, and upper or lower case alike;
 * - `hex`: bytes, read by the course's one hex parser, so `0xDB`, `0xdb`, `DB`, `db` and `d b` are the
 *   same byte, as in every editor of the course ("spaces, 0x and # comments are ignored").
 */
export type TextMatch = 'exact' | 'trim' | 'ignore-case' | 'hex';
export const TEXT_MATCHES: readonly TextMatch[] = ['exact', 'trim', 'ignore-case', 'hex'];

/**
 * A common wrong answer and the lesson's nudge for it (rendered inline HTML): "21 XOR 37" is key byte 0
 * used for every byte, so the learner is pointed at i mod 4 instead of told "not yet".
 */
export interface Mistake<A> {
  readonly answer: A;
  readonly hint: string;
}

export type Exercise =
  | (ExerciseBase & {
      readonly kind: 'choice';
      readonly options: readonly string[];
      readonly answer: readonly number[];
      readonly mistakes: readonly Mistake<readonly number[]>[];
    })
  | (ExerciseBase & {
      readonly kind: 'text';
      readonly answer: string;
      readonly match: TextMatch;
      /** The header field the answer is the value of: "Sec-WebSocket-Accept: …" is then the same answer. */
      readonly field: string | null;
      readonly mistakes: readonly Mistake<string>[];
    })
  | (ExerciseBase & {
      readonly kind: 'number';
      /** The solution shown; for a `keepalive` exercise the simulator judges, and other values may pass. */
      readonly answer: number;
      /** Judge the number as a heartbeat interval by running the simulator (lesson 15); null: compare. */
      readonly keepalive: KeepaliveSpec | null;
      /** Words that may follow the number ("2050 ms", "8 bytes", "8바이트"); compared without case. */
      readonly units: readonly string[];
      readonly mistakes: readonly Mistake<number>[];
    })
  | (ExerciseBase & {
      readonly kind: 'frame';
      readonly dir: Direction;
      readonly start: string;
      readonly expect: FrameExpect;
      readonly solution: string;
      /**
       * Judge the bytes as if the server's 101 had answered with this Sec-WebSocket-Extensions value
       * ("permessage-deflate; server_no_context_takeover"), or null for a connection without extensions.
       */
      readonly deflate: string | null;
    })
  | (ExerciseBase & {
      readonly kind: 'http';
      readonly start: string;
      readonly expect: HttpExpect;
      /** The server that judges the request; absent in the file: one with no subprotocols and no extensions. */
      readonly server: ExerciseServer;
      readonly solution: string;
    });

export type ExerciseKind = Exercise['kind'];

/**
 * A heartbeat interval judged by the simulator: the client pings every <answer> ms through a load
 * balancer that forgets a connection after `idleMs` of silence (`onIdle`: drop or RST), for `forMs` of
 * virtual time; the answer passes if the connection is still open at the end (sim/keepalive.ts).
 */
export interface KeepaliveSpec {
  readonly idleMs: number;
  readonly onIdle: 'drop' | 'reset';
  readonly forMs: number;
}

/** What the simulator made of an interval: open at the end, closed (1006) at `at`, or not a valid one. */
export type KeepaliveVerdict =
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly at: number }
  | { readonly kind: 'out-of-range'; readonly min: number; readonly max: number };

/** What the learner has entered: choice indices, or text (hex, an HTTP message, a number, a string). */
export type Answer = readonly number[] | string;

export type Block =
  | { readonly kind: 'markdown'; readonly html: string }
  | { readonly kind: 'widget'; readonly widget: Widget }
  | { readonly kind: 'exercise'; readonly exercise: Exercise };

export interface Lesson {
  readonly meta: LessonMeta;
  readonly blocks: readonly Block[];
}

/** The solution of an exercise in the form the answer takes. */
export function solutionOf(e: Exercise): Answer {
  switch (e.kind) {
    case 'choice':
      return e.answer;
    case 'text':
      return e.answer;
    case 'number':
      return String(e.answer);
    default:
      return e.solution;
  }
}
