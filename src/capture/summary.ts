/**
 * The few numbers at the top of a captured WebSocket connection: messages, bytes, compression,
 * pings and pongs each way, who closed and how, how long it lasted, and what the capture lacks.
 * Everything is counted from the engine's own events and frames (websocket.ts).
 */
import type { Direction } from '../protocol/index.ts';
import type { WebSocketDecode } from './websocket.ts';

export interface PerDirection {
  readonly c2s: number;
  readonly s2c: number;
}

export type CloseSummary =
  /** A close frame: who sent it first, its code and reason, and whether the other end answered. */
  | {
      readonly kind: 'close-frame';
      readonly by: 'client' | 'server';
      readonly code: number | null;
      readonly reason: string;
      readonly answered: boolean;
    }
  /** No close frame: the TCP connection ended (FIN or RST) — 1006 to both applications (§7.1.5). */
  | { readonly kind: 'tcp'; readonly how: 'fin' | 'rst'; readonly by: 'client' | 'server' }
  /** A receiver found a violation and failed the connection (§7.1.7), with the close code it sends. */
  | { readonly kind: 'failed'; readonly by: 'client' | 'server'; readonly code: number | null }
  | { readonly kind: 'open' };

export interface WebSocketSummary {
  readonly messages: PerDirection;
  readonly frames: PerDirection;
  /** Frame bytes on the wire, headers included. */
  readonly wireBytes: PerDirection;
  /** Message bytes as the applications saw them (inflated). */
  readonly messageBytes: PerDirection;
  /** Compressed messages: their payload bytes on the wire and inflated; null without compression. */
  readonly compression: { readonly wire: number; readonly inflated: number } | null;
  readonly pings: PerDirection;
  readonly pongs: PerDirection;
  readonly violations: number;
  readonly close: CloseSummary;
  readonly durationUs: number;
  readonly gaps: { readonly count: number; readonly bytes: number };
  /** Frames read from a guessed boundary (after a gap, or without the handshake). */
  readonly guessed: number;
}

export interface TcpEnd {
  readonly fin: { readonly client: boolean; readonly server: boolean };
  readonly rst: 'client' | 'server' | null;
  readonly firstUs: number;
  readonly lastUs: number;
}

const sender = (d: Direction): 'client' | 'server' => (d === 'c2s' ? 'client' : 'server');

export function summarize(ws: WebSocketDecode, tcp: TcpEnd): WebSocketSummary {
  const count = (): { c2s: number; s2c: number } => ({ c2s: 0, s2c: 0 });
  const messages = count();
  const frames = count();
  const wireBytes = count();
  const messageBytes = count();
  const pings = count();
  const pongs = count();
  let cWire = 0;
  let cInflated = 0;
  let guessed = 0;
  // Whether each direction's message in progress is compressed (RSV1 on its first frame, RFC 7692 §6).
  const inCompressed = { c2s: false, s2c: false };
  for (const f of ws.frames) {
    frames[f.direction]++;
    wireBytes[f.direction] += f.frame.size;
    if (f.guess === 'after-gap' || f.guess === 'no-handshake') guessed++;
    const note = f.frame.deflate;
    if (f.frame.header.rsv1) inCompressed[f.direction] = true;
    else if (f.frame.opcode !== 0 && f.frame.opcode < 8) inCompressed[f.direction] = false;
    if (note && inCompressed[f.direction]) {
      cWire += f.frame.payload.length;
      cInflated += note.inflatedLength;
    }
  }
  let violations = 0;
  let close: CloseSummary = { kind: 'open' };
  let firstClose: { by: 'client' | 'server'; code: number | null; reason: string } | null = null;
  let answered = false;
  for (const { event: e, direction, guess } of ws.events) {
    switch (e.type) {
      case 'message':
        messages[direction]++;
        messageBytes[direction] += typeof e.data === 'string' ? utf8Length(e.data) : e.data.length;
        break;
      case 'ping':
        pings[direction]++;
        break;
      case 'pong':
        pongs[direction]++;
        break;
      case 'error':
        violations++;
        // A violation read from a guessed start (a missing LZ77 window, most often) did not end the connection.
        if (close.kind === 'open' && !firstClose && (guess === null || guess === 'reconstructed'))
          close = {
            kind: 'failed',
            by: direction === 'c2s' ? 'server' : 'client',
            code: e.error.answer.kind === 'close' ? e.error.answer.code : null,
          };
        break;
      case 'close-frame':
        if (!firstClose) firstClose = { by: sender(direction), code: e.code, reason: e.reason };
        else if (firstClose.by !== sender(direction)) answered = true;
        break;
    }
  }
  if (firstClose && close.kind === 'open') close = { kind: 'close-frame', ...firstClose, answered };
  else if (close.kind === 'open' && tcp.rst) close = { kind: 'tcp', how: 'rst', by: tcp.rst };
  else if (close.kind === 'open' && (tcp.fin.client || tcp.fin.server))
    close = { kind: 'tcp', how: 'fin', by: tcp.fin.client ? 'client' : 'server' };
  const gapList = ws.skipped.filter((s) => s.why === 'gap');
  return {
    messages,
    frames,
    wireBytes,
    messageBytes,
    compression: cWire > 0 ? { wire: cWire, inflated: cInflated } : null,
    pings,
    pongs,
    violations,
    close,
    durationUs: Math.max(0, tcp.lastUs - tcp.firstUs),
    gaps: { count: gapList.length, bytes: gapList.reduce((n, g) => n + g.length, 0) },
    guessed,
  };
}

/** Anything beyond ASCII. None: one byte per character, found by a native scan far faster than the loop. */
const NON_ASCII = /[\u0080-\uffff]/;

function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
