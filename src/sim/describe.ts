/**
 * Short, language-neutral labels for what travels on the wire — the diagram's arrow labels and the
 * console's one-line summaries share them: `SYN`, `GET /chat (Upgrade: websocket)`,
 * `101 Switching Protocols`, `TEXT "hi" (masked)`, `PING`, `CLOSE 1000`, `FIN`.
 */
import {
  closeCodeLabel,
  decodeUtf8,
  errorRuleText,
  headerValue,
  messagesOf,
  opcodeName,
  type DecodedFrame,
  type Text,
  type TextId,
  type TextParam,
} from '../protocol/index.ts';
import type {
  ArrowEvent,
  EngineNoteEvent,
  H2FrameEvent,
  HttpEvent,
  NoteTextId,
  SegmentEvent,
  TimelineEvent,
} from './timeline.ts';
import { isArrow } from './timeline.ts';
import { visibleText } from '../protocol/visible.ts';
import { Flag, FrameType, frameTypeName } from './h2/frames.ts';
import { MAX_WINDOW } from './tcp.ts';

const MAX_QUOTE = 24;

/**
 * A payload or a reason as a short preview: one line, cut after `keep` characters, and its invisible
 * characters shown. The diagram's margin notes keep fewer.
 */
export function quote(s: string, keep = MAX_QUOTE): string {
  const one = s.replace(/[ \t\n\v\f\r]+/g, ' ');
  return `"${visibleText(one.length > keep ? `${one.slice(0, keep)}…` : one)}"`;
}

export function segmentLabel(s: SegmentEvent): string {
  const f = s.flags;
  const names = [f.syn && 'SYN', f.fin && 'FIN', f.rst && 'RST', f.psh && 'PSH', f.ack && 'ACK'].filter(
    Boolean,
  ) as string[];
  // "SYN-ACK" and "FIN-ACK" read as the textbooks write them; a data segment shows its size.
  const flags = f.syn && f.ack ? 'SYN-ACK' : f.fin && f.ack ? 'FIN-ACK' : names.join(',');
  const label = s.payload.length > 0 ? `${flags} len=${s.payload.length}` : flags;
  const shown = s.window < MAX_WINDOW ? `${label} win=${s.window}` : label;
  // Wire notation like the flags: ✕ for a segment a middlebox kept from its peer, and a forged RST says
  // who really sent it (the box, in the peer's name). A window below the 16-bit maximum is news (a
  // receive buffer filling up): "win=0" is the receiver telling the sender to stop (RFC 9293 §3.8.6).
  return s.lost ? `✕ ${shown}` : s.by === 'middlebox' ? `${shown} (middlebox)` : shown;
}

export function frameLabel(frame: DecodedFrame): string {
  const h = frame.header;
  const name = opcodeName(h.opcode).toUpperCase();
  const masked = h.masked ? ' (masked)' : '';
  const fin = h.fin ? '' : ' FIN=0';
  const note = frame.deflate;
  if (note && (h.opcode === 0x1 || h.opcode === 0x0 || h.opcode === 0x2)) {
    // A compressed frame's payload is DEFLATE data (RFC 7692 §6): the label quotes what it inflates
    // to, and gives both sizes — `TEXT "Hello" RSV1 deflate 7→5 B`.
    const text = h.opcode === 0x2 ? null : decodeUtf8(note.inflated);
    const body = text !== null ? ` ${quote(text)}` : ` ${note.inflatedLength} B`;
    const sizes = ` ${h.rsv1 ? 'RSV1 ' : ''}deflate ${note.inflatedLength}→${frame.payload.length} B`;
    return `${name}${body}${sizes}${fin}${masked}`;
  }
  let body = '';
  if (h.opcode === 0x1 || h.opcode === 0x0) {
    const text = decodeUtf8(frame.payload);
    body = text !== null ? ` ${quote(text)}` : ` ${frame.payload.length} B`;
  } else if (h.opcode === 0x2) {
    body = ` ${frame.payload.length} B`;
  } else if (h.opcode === 0x8) {
    if (frame.payload.length >= 2) {
      const code = (frame.payload[0]! << 8) | frame.payload[1]!;
      const reason = decodeUtf8(frame.payload.subarray(2));
      body = ` ${code}${reason ? ` ${quote(reason)}` : ''}`;
    }
  } else if (frame.payload.length > 0) {
    const text = decodeUtf8(frame.payload);
    body = text !== null && /^[\x20-\x7e]*$/.test(text) ? ` ${quote(text)}` : ` ${frame.payload.length} B`;
  }
  return `${name}${body}${fin}${masked}`;
}

export function arrowLabel(e: ArrowEvent): string {
  switch (e.kind) {
    case 'segment':
      return segmentLabel(e);
    case 'http': {
      const m = e.message;
      // The extension negotiation is named on both arrows (RFC 7692 §5), the subprotocol on the 101.
      const ext = headerValue(m.headers, 'Sec-WebSocket-Extensions');
      if (m.kind === 'request') {
        const up = headerValue(m.headers, 'Upgrade');
        const extras = [up ? `Upgrade: ${up}` : '', ext ? `Extensions: ${ext}` : ''].filter(Boolean);
        return visibleText(`${m.method} ${m.target}${extras.length ? ` (${extras.join('; ')})` : ''}`);
      }
      const protocol = m.status === 101 ? headerValue(m.headers, 'Sec-WebSocket-Protocol') : null;
      const extras = [protocol ? `Protocol: ${protocol}` : '', ext ? `Extensions: ${ext}` : ''].filter(
        Boolean,
      );
      return visibleText(`${m.status} ${m.reason}${extras.length ? ` (${extras.join('; ')})` : ''}`);
    }
    case 'h2':
      return e.lost ? `✕ ${h2FrameLabel(e)}` : h2FrameLabel(e);
    case 'frame':
      return e.lost ? `✕ ${frameLabel(e.frame)}` : frameLabel(e.frame);
    case 'raw':
      return `RAW ${e.bytes.length} B`;
  }
}

/**
 * An HTTP/2 frame's short label, the same in every language (frame type names are RFC 9113 §6's):
 * "preface + SETTINGS", "SETTINGS ACK", "HEADERS s3 GET /events", "HEADERS s3 200", "DATA s3 58 B".
 */
export function h2FrameLabel(e: Pick<H2FrameEvent, 'frame' | 'preface' | 'fields'>): string {
  const f = e.frame;
  const name = frameTypeName(f.type);
  const s = f.stream > 0 ? ` s${f.stream}` : '';
  let what = '';
  if (f.type === FrameType.SETTINGS && f.flags & Flag.ACK) what = ' ACK';
  else if (f.type === FrameType.HEADERS && e.fields) {
    const get = (n: string): string => e.fields!.find((h) => h.name === n)?.value ?? '';
    const status = get(':status');
    what = status ? ` ${status}` : ` ${get(':method')} ${get(':path')}`;
  } else if (f.type === FrameType.DATA) what = ` ${f.payload.length} B`;
  return visibleText(`${e.preface ? 'preface + ' : ''}${name}${s}${what}`);
}

/**
 * The catalog keys an event summary is written with (translated in src/i18n, checked against this).
 * The wire labels above are the same in every language; only the engine events need words.
 */
export interface SummaryTexts {
  readonly 'log.summary.wire': { readonly label: string };
  readonly 'log.summary.state': { readonly layer: string; readonly from: string; readonly to: string };
  readonly 'log.summary.text': { readonly text: string; readonly frames: TextParam };
  readonly 'log.summary.binary': { readonly n: number; readonly frames: TextParam };
  readonly 'log.summary.frames': { readonly n: number };
  /** A compressed message (RFC 7692 §6.2): DEFLATE bytes in, bytes out. */
  readonly 'log.summary.inflated': { readonly from: number; readonly to: number };
  readonly 'log.summary.framesInflated': { readonly n: number; readonly from: number; readonly to: number };
  /** What a 101 agreed to, next to what the request offered (the console prints it under the 101). */
  readonly 'con.negotiated.protocol': { readonly protocol: string };
  readonly 'con.negotiated.noProtocol': { readonly offered: string };
  readonly 'con.negotiated.deflate': { readonly answer: string };
  readonly 'con.negotiated.noDeflate': Record<never, never>;
  readonly 'log.summary.ping': Record<never, never>;
  readonly 'log.summary.pong': Record<never, never>;
  readonly 'log.summary.close': Record<never, never>;
  readonly 'log.summary.closeCode': { readonly code: TextParam };
  readonly 'log.summary.closeReason': { readonly code: TextParam; readonly reason: string };
  readonly 'log.summary.closedClean': { readonly code: number };
  readonly 'log.summary.closedUnclean': { readonly code: number };
  /** 1006: no close frame was received before TCP closed. */
  readonly 'log.summary.closedAbnormal': Record<never, never>;
  /** 1006 at an endpoint that failed the connection itself (it found a violation). */
  readonly 'log.summary.closedFailed': Record<never, never>;
}
export type SummaryTextId = keyof SummaryTexts;
const say = messagesOf<SummaryTexts>();

/** How far back `failedFirst` looks for the violation (a failure closes within a few events). */
const FAILURE_LOOKBACK = 2000;

/**
 * Whether the endpoint of a `closed` event had failed that connection itself (§7.1.7: it found a
 * violation, sent its close frame and closed TCP without waiting for the peer's). `events` is the
 * timeline, in which an event's id is its index.
 */
export function failedFirst(events: readonly TimelineEvent[], e: EngineNoteEvent): boolean {
  for (let i = Math.min(e.id, events.length) - 1; i >= 0 && i >= e.id - FAILURE_LOOKBACK; i--) {
    const x = events[i]!;
    if (x.kind === 'engine' && x.endpoint === e.endpoint && x.conn === e.conn && x.event.type === 'error')
      return true;
  }
  return false;
}

/**
 * One line for the log and the console, for any timeline event. A closure with 1006 says why it was
 * not clean: §7.1.5 gives 1006 when no close frame was received, and an endpoint that failed the
 * connection (§7.1.7) closes TCP without waiting for one, so the two sides of one connection can report
 * 1002 (clean) and 1006 (not clean). `failed` tells which endpoints failed (`failedFirst` over the
 * timeline); without it, a 1006 only says that no close frame came.
 */
export function eventSummary(
  e: TimelineEvent,
  failed?: (closed: EngineNoteEvent) => boolean,
): Text<SummaryTextId | NoteTextId | TextId> {
  if (isArrow(e)) return say('log.summary.wire', { label: arrowLabel(e) });
  if (e.kind === 'state')
    return say('log.summary.state', { layer: e.layer.toUpperCase(), from: e.from, to: e.to });
  if (e.kind === 'note') return e.text;
  const ev = e.event;
  switch (ev.type) {
    case 'message': {
      const inflated = e.inflated;
      const frames = inflated
        ? ev.frames > 1
          ? say('log.summary.framesInflated', { n: ev.frames, ...inflated })
          : say('log.summary.inflated', inflated)
        : ev.frames > 1
          ? say('log.summary.frames', { n: ev.frames })
          : '';
      return ev.binary
        ? say('log.summary.binary', { n: (ev.data as Uint8Array).length, frames })
        : say('log.summary.text', { text: quote(ev.data as string), frames });
    }
    case 'ping':
      return say('log.summary.ping');
    case 'pong':
      return say('log.summary.pong');
    case 'close-frame':
      if (ev.code === null) return say('log.summary.close');
      return ev.reason
        ? say('log.summary.closeReason', { code: closeCodeLabel(ev.code), reason: quote(ev.reason) })
        : say('log.summary.closeCode', { code: closeCodeLabel(ev.code) });
    case 'closed':
      if (ev.wasClean) return say('log.summary.closedClean', { code: ev.code });
      if (ev.code !== 1006) return say('log.summary.closedUnclean', { code: ev.code });
      return say(failed?.(e as EngineNoteEvent) ? 'log.summary.closedFailed' : 'log.summary.closedAbnormal');
    case 'error':
      return errorRuleText(ev.error);
  }
}

/**
 * What a 101 agreed to that its request offered: the subprotocol the server picked or that it picked
 * none (RFC 6455 §4.2.2), and permessage-deflate's answer or that it was declined (RFC 7692 §5).
 * Nothing is said of what was not offered.
 */
export function negotiationSummary(request: HttpEvent, response: HttpEvent): Text<SummaryTextId>[] {
  const req = request.message;
  const res = response.message;
  if (req.kind !== 'request' || res.kind !== 'response' || res.status !== 101) return [];
  const out: Text<SummaryTextId>[] = [];
  const offered = headerValue(req.headers, 'Sec-WebSocket-Protocol');
  if (offered) {
    const picked = headerValue(res.headers, 'Sec-WebSocket-Protocol');
    out.push(
      picked
        ? say('con.negotiated.protocol', { protocol: visibleText(picked) })
        : say('con.negotiated.noProtocol', { offered: visibleText(offered) }),
    );
  }
  if (/permessage-deflate/i.test(headerValue(req.headers, 'Sec-WebSocket-Extensions') ?? '')) {
    const answer = headerValue(res.headers, 'Sec-WebSocket-Extensions');
    out.push(
      answer && /permessage-deflate/i.test(answer)
        ? say('con.negotiated.deflate', { answer: visibleText(answer) })
        : say('con.negotiated.noDeflate'),
    );
  }
  return out;
}

/** xxd-style dump: offset, 16 bytes in hex (two groups of 8), and the printable ASCII. */
export function hexDump(bytes: Uint8Array, maxLines = 64): string[] {
  const lines: string[] = [];
  for (let o = 0; o < bytes.length && lines.length < maxLines; o += 16) {
    const row = bytes.subarray(o, Math.min(bytes.length, o + 16));
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      hex += i < row.length ? row[i]!.toString(16).padStart(2, '0') : '  ';
      hex += i === 7 ? '  ' : ' ';
      const b = row[i];
      if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    lines.push(`${o.toString(16).padStart(8, '0')}: ${hex} ${ascii}`);
  }
  if (bytes.length > maxLines * 16) lines.push(`… ${bytes.length - maxLines * 16} more bytes`);
  return lines;
}
