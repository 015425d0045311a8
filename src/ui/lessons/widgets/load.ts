/**
 * Lazy loaders for the lesson widgets: each is its own chunk, fetched the first time a lesson needs it.
 * A failed fetch is forgotten, so "Try again" really tries again.
 */
import type { Component } from 'svelte';
import type { DeflateCodec, Direction, ServerPolicy } from '../../../protocol/index.ts';
import type { RaceSettings, Technique } from '../../../sim/race/index.ts';

/** The props of the frame editor (src/ui/editor/FrameEditor.svelte); FrameWidget keeps the same ones. */
export interface FrameWidgetProps {
  hex: string;
  dir: Direction;
  onchange?: (hex: string) => void;
  label?: string;
  /** The direction is the exercise's: shown, not switchable. */
  fixedDir?: boolean;
  /** Inside an exercise: the receiver's verdict must not read as "solved". */
  exercise?: boolean;
  /** The Sec-WebSocket-Extensions answer the bytes are read under (a lesson on permessage-deflate). */
  deflate?: string;
}

export interface HttpEditorProps {
  text: string;
  onchange?: (text: string) => void;
  label?: string;
  /** Say which rule a refusal breaks; false in an exercise until Check or a hint. */
  explain?: boolean;
  /** The server that answers (an exercise's subprotocols and permessage-deflate policy). */
  policy?: ServerPolicy;
}

/** The props PlaygroundView takes when embedded in a lesson. */
export interface PlaygroundProps {
  server?: string;
  commands?: string[];
  compact?: boolean;
  /** Wait at the start until in view; link to the full playground. */
  lesson?: boolean;
}

function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    }));
}

export const loadFrameWidget = cached(() => import('./FrameWidget.svelte').then((m) => m.default));
export const loadHttpEditor = cached(() => import('./HttpEditor.svelte').then((m) => m.default));
/**
 * pako (~12 KB gzipped), only for an exercise checked as if permessage-deflate was negotiated: a dynamic
 * import, so the bundler splits it off and no other page loads it (src/protocol/deflate/pako.ts, codec.ts).
 * The same module the frame editor imports (src/ui/decoder/codec.svelte.ts), so it is one chunk, fetched once.
 */
export const loadCodec = cached(
  (): Promise<DeflateCodec> => import('../../../protocol/deflate/pako.ts').then((m) => m.pakoCodec),
);
// The playground is built alongside the lessons; its props are declared here until its own land.
export const loadPlayground = cached(() =>
  import('../../playground/PlaygroundView.svelte').then((m) => m.default as unknown as Component<PlaygroundProps>),
);

/** The comparison view's props when a lesson embeds it as `transport-race`. */
export interface RaceProps {
  lanes?: readonly Technique[];
  settings?: Partial<RaceSettings>;
  compact?: boolean;
}
export const loadRace = cached(() => import('../../compare/CompareView.svelte').then((m) => m.default));
/** Lesson 18's HTTP/1.1 vs HTTP/2 handshake (RFC 8441), with the HTTP/2 frame encoder and HPACK. */
export const loadH2Handshake = cached(() => import('./H2Handshake.svelte').then((m) => m.default));
/** Lesson 15's thundering-herd chart: first reconnect attempts per 100 ms, from herd() (src/sim/backoff.ts). */
// A type, not an interface: Lazy's props must be a Record, and only a type alias is one implicitly.
export type HerdProps = {
  clients?: number | undefined;
  baseMs?: number | undefined;
  seed?: number | undefined;
};
export const loadHerd = cached(() => import('./HerdChart.svelte').then((m) => m.default));
