/**
 * What the simulated application says, as JSON text on every lane: the server's events and the
 * client's upstream messages. Each is a typed value written with JSON.stringify and read back here.
 * The simulator produces every one of them, so a text that does not read back is a bug in the race:
 * reading it throws (and fails the run) instead of skipping it.
 */

/** A server event: what every lane delivers. */
export interface EventMessage {
  readonly id: number;
  readonly price: number;
}

/** A message the client application sends upstream. */
export interface UpstreamMessage {
  readonly msg: number;
}

/** Upstream over WebSocket carries its send time inside (HTTP lanes put it in an X-Sent-At header). */
export interface StampedUpstream extends UpstreamMessage {
  readonly sentAt: number;
}

const enc = new TextEncoder();

function bug(what: string, text: string): never {
  throw new Error(`transport race: ${what}: ${JSON.stringify(text)} (the simulator wrote it: a bug)`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idOf(v: unknown, text: string): number {
  if (!isRecord(v) || typeof v.id !== 'number' || !Number.isInteger(v.id)) bug('not an event', text);
  return v.id;
}

export function eventBytes(m: EventMessage): Uint8Array {
  return enc.encode(JSON.stringify(m));
}

/** The id of one event's JSON text (a streamed line, an SSE `data:`, a WebSocket message). */
export function readEventId(text: string): number {
  return idOf(JSON.parse(text), text);
}

/** The ids in a poll's answer: a JSON array of events. */
export function readEventIds(text: string): number[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) bug('not a list of events', text);
  return list.map((v) => idOf(v, text));
}

/** An upstream message as an HTTP POST body (its send time goes in a header). */
export function upstreamBytes(m: UpstreamMessage): Uint8Array {
  return enc.encode(JSON.stringify(m));
}

/** An upstream message as WebSocket text, its send time inside. */
export function upstreamText(m: UpstreamMessage, sentAt: number): string {
  const stamped: StampedUpstream = { ...m, sentAt };
  return JSON.stringify(stamped);
}

/** The send time of an upstream message that came over WebSocket. */
export function readSentAt(text: string): number {
  const v: unknown = JSON.parse(text);
  if (!isRecord(v) || typeof v.sentAt !== 'number' || !Number.isFinite(v.sentAt))
    bug('not an upstream message', text);
  return v.sentAt;
}
