/**
 * The messages between the page (host.ts), the sandbox frame (frame.ts, in build-sandbox.html) and the
 * worker inside it (worker.ts). Everything is plain data that survives postMessage's structured clone.
 *
 *   page ──window.postMessage──▶ frame ──MessagePort──▶ worker (the learner's module)
 *
 * The page trusts nothing that comes back: `readFrameMessage` checks every field's type (and every
 * HostFailure's shape) before the page acts on it; anything else is dropped. The frame is the worker's
 * supervisor: it alone sees the worker hang (its own thread stays free), so deadlines are enforced there.
 */
import type { ConnAction, ConnId, HostEvent, HostFailure, HostReply, SourceAt } from '../host.ts';

/** Marks ws101's messages among whatever else a window may receive. */
export const CHANNEL = 'ws101-sandbox';

export type HostId = number;

/** What a load answers: the module is ready (its default export is a function), or why not. */
export type LoadResult = { readonly ok: true } | { readonly ok: false; readonly failure: HostFailure };

export type PageMessage =
  /** Read by the document's inline bootstrap: the runtime (frame.ts + worker.ts) as one script. */
  | { readonly channel: typeof CHANNEL; readonly type: 'runtime'; readonly code: string }
  | { readonly channel: typeof CHANNEL; readonly type: 'ping'; readonly n: number }
  | {
      readonly channel: typeof CHANNEL;
      readonly type: 'load';
      readonly host: HostId;
      readonly module: string;
      readonly deadlineMs: number;
    }
  | {
      readonly channel: typeof CHANNEL;
      readonly type: 'deliver';
      readonly host: HostId;
      readonly seq: number;
      readonly conn: ConnId;
      readonly event: HostEvent;
    }
  | { readonly channel: typeof CHANNEL; readonly type: 'dispose'; readonly host: HostId };

export type FrameMessage =
  /** The document's bootstrap ran (its CSP let it): the page may send the runtime. */
  | { readonly channel: typeof CHANNEL; readonly type: 'document-ready' }
  | { readonly channel: typeof CHANNEL; readonly type: 'runtime-ready' }
  | { readonly channel: typeof CHANNEL; readonly type: 'pong'; readonly n: number }
  | {
      readonly channel: typeof CHANNEL;
      readonly type: 'loaded';
      readonly host: HostId;
      readonly result: LoadResult;
    }
  | {
      readonly channel: typeof CHANNEL;
      readonly type: 'reply';
      readonly host: HostId;
      readonly seq: number;
      readonly reply: HostReply;
    };

/** Frame → worker, over the worker's private MessagePort. */
export type WorkerRequest =
  | { readonly type: 'load'; readonly module: string }
  | { readonly type: 'deliver'; readonly seq: number; readonly conn: ConnId; readonly event: HostEvent };

/** Worker → frame. */
export type WorkerAnswer =
  | { readonly type: 'loaded'; readonly result: LoadResult }
  | { readonly type: 'reply'; readonly seq: number; readonly reply: HostReply };

// ── checking what arrives ─────────────────────────────────────────────────

type Shape = Record<string, unknown>;
const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';
const isAt = (v: unknown): v is SourceAt => isObject(v) && isCount(v.line) && isCount(v.column);
const isAtOrNull = (v: unknown): v is SourceAt | null => v === null || isAt(v);

export function isHostFailure(v: unknown): v is HostFailure {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'syntax':
      return isText(v.message) && isAt(v.at);
    case 'import':
      return isText(v.specifier) && isAt(v.at);
    case 'no-handler':
      return isText(v.found);
    case 'load-threw':
    case 'threw':
    case 'rejected':
      return isText(v.message) && isAtOrNull(v.at);
    case 'stack':
      return isAtOrNull(v.at);
    case 'memory':
    case 'sandbox':
      return isText(v.message);
    case 'timeout':
      return isCount(v.ms);
    case 'output':
      return isCount(v.limit);
    default:
      return false;
  }
}

function isConnAction(v: unknown): v is ConnAction {
  if (!isObject(v) || !isCount(v.conn) || !isObject(v.action)) return false;
  const a = v.action;
  return a.kind === 'write' ? a.bytes instanceof Uint8Array : a.kind === 'end' || a.kind === 'destroy';
}

export function isHostReply(v: unknown): v is HostReply {
  if (!isObject(v)) return false;
  if (v.ok === false) return isHostFailure(v.failure);
  return (
    v.ok === true &&
    Array.isArray(v.actions) &&
    v.actions.every(isConnAction) &&
    Array.isArray(v.logs) &&
    v.logs.every(isText)
  );
}

function isLoadResult(v: unknown): v is LoadResult {
  return isObject(v) && (v.ok === true || (v.ok === false && isHostFailure(v.failure)));
}

export function isHostEvent(v: unknown): v is HostEvent {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'open':
      return isText(v.remoteAddress) && isCount(v.remotePort);
    case 'data':
      return v.bytes instanceof Uint8Array;
    case 'end':
      return true;
    case 'close':
      return typeof v.hadError === 'boolean';
    default:
      return false;
  }
}

/** What the page accepts from the frame: a FrameMessage with every field checked, or null. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (!isObject(data) || data.channel !== CHANNEL) return null;
  switch (data.type) {
    case 'document-ready':
    case 'runtime-ready':
      return data as FrameMessage;
    case 'pong':
      return isCount(data.n) ? (data as FrameMessage) : null;
    case 'loaded':
      return isCount(data.host) && isLoadResult(data.result) ? (data as FrameMessage) : null;
    case 'reply':
      return isCount(data.host) && isCount(data.seq) && isHostReply(data.reply)
        ? (data as FrameMessage)
        : null;
    default:
      return null;
  }
}

/** What the frame accepts from the page (it runs whatever the page sends, but only in known shapes). */
export function readPageMessage(data: unknown): PageMessage | null {
  if (!isObject(data) || data.channel !== CHANNEL) return null;
  switch (data.type) {
    case 'runtime':
      return isText(data.code) ? (data as PageMessage) : null;
    case 'ping':
      return isCount(data.n) ? (data as PageMessage) : null;
    case 'load':
      return isCount(data.host) && isText(data.module) && isCount(data.deadlineMs)
        ? (data as PageMessage)
        : null;
    case 'deliver':
      return isCount(data.host) && isCount(data.seq) && isCount(data.conn) && isHostEvent(data.event)
        ? (data as PageMessage)
        : null;
    case 'dispose':
      return isCount(data.host) ? (data as PageMessage) : null;
    default:
      return null;
  }
}

/** What the frame accepts from a worker's port. */
export function readWorkerAnswer(data: unknown): WorkerAnswer | null {
  if (!isObject(data)) return null;
  if (data.type === 'loaded') return isLoadResult(data.result) ? (data as WorkerAnswer) : null;
  if (data.type === 'reply')
    return isCount(data.seq) && isHostReply(data.reply) ? (data as WorkerAnswer) : null;
  return null;
}

/** What the worker accepts from its port. */
export function readWorkerRequest(data: unknown): WorkerRequest | null {
  if (!isObject(data)) return null;
  if (data.type === 'load') return isText(data.module) ? (data as WorkerRequest) : null;
  if (data.type === 'deliver')
    return isCount(data.seq) && isCount(data.conn) && isHostEvent(data.event)
      ? (data as WorkerRequest)
      : null;
  return null;
}
