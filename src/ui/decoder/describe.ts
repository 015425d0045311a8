/**
 * Sentences about what the engine found, in the current language: frame summaries, what the receiver
 * does, the verdict. The facts come from the engine (frames, events, errors); this file only words them.
 */
import {
  closeCodeLabel,
  decodeUtf8,
  errorText,
  type DecodedFrame,
  type Direction,
  type EngineEvent,
  type FieldSpan,
} from '../../protocol/index.ts';
import { fmt, t, tn } from '../../i18n/locale.svelte.ts';
import { tx } from '../../i18n/text.ts';
import { visibleText } from '../../protocol/visible.ts';
import type { Decoding } from './model.ts';
import { spanOf } from './model.ts';

const PREVIEW_CHARS = 60;

export function bytesText(n: number): string {
  return tn('unit.bytes', n);
}

export function framesText(n: number): string {
  return tn('unit.frames', n);
}

export function quote(s: string): string {
  const cut = [...s.slice(0, PREVIEW_CHARS * 2)];
  const shown = cut.length > PREVIEW_CHARS ? `${cut.slice(0, PREVIEW_CHARS).join('')}…` : cut.join('');
  return `“${visibleText(shown.replace(/\r?\n/g, '⏎'))}”`;
}

/** Text a learner can read, if the payload is UTF-8 without control characters (or required to be text). */
function printable(payload: Uint8Array, isText: boolean): string | null {
  if (payload.length === 0) return null;
  const s = decodeUtf8(payload);
  if (s === null) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
  if (!isText && /[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)) return null;
  return s;
}

function closeBody(frame: DecodedFrame): { code: string | null; reason: string | null } {
  const payload = frame.fields.find((f) => f.id === 'payload');
  const code = payload?.children?.find((f) => f.id === 'close-code');
  const reason = payload?.children?.find((f) => f.id === 'close-reason');
  const codeNum = code?.complete ? Number(code.raw) : NaN;
  return {
    code: Number.isFinite(codeNum) ? visibleText(tx(closeCodeLabel(codeNum))) : null,
    reason: reason ? visibleText(tx(reason.meaning)) : null,
  };
}

/** "Text frame, 5 bytes: “Hello”". */
export function frameSummary(frame: DecodedFrame): string {
  const { opcode, fin } = frame.header;
  const bytes = bytesText(frame.payload.length);
  // A compressed frame (RFC 7692): its payload is DEFLATE data; the text is what the engine inflated.
  const note = frame.deflate;
  const withText = (line: string, isText: boolean): string => {
    const clear = note ? note.inflated : frame.payload;
    const shown = note ? t('sum.deflated', { line, inflated: bytesText(clear.length) }) : line;
    const s = printable(clear, isText);
    return s === null ? shown : `${shown}: ${quote(s)}`;
  };
  switch (opcode) {
    case 0x1:
      return withText(t(fin ? 'sum.text' : 'sum.textFirst', { bytes }), true);
    case 0x2: {
      const line = t(fin ? 'sum.binary' : 'sum.binaryFirst', { bytes });
      return note ? t('sum.deflated', { line, inflated: bytesText(note.inflatedLength) }) : line;
    }
    case 0x0:
      return withText(t(fin ? 'sum.contLast' : 'sum.cont', { bytes }), false);
    case 0x9:
      return withText(t('sum.ping', { bytes }), false);
    case 0xa:
      return withText(t('sum.pong', { bytes }), false);
    case 0x8: {
      const { code, reason } = closeBody(frame);
      if (code === null) return frame.payload.length === 0 ? t('sum.closeEmpty') : t('sum.closeBad');
      return reason ? t('sum.closeReason', { code, reason }) : t('sum.close', { code });
    }
    default:
      return t('sum.reserved', { opcode: `0x${opcode.toString(16)}` });
  }
}

export function receiverName(dir: Direction): string {
  return dir === 'c2s' ? t('role.server') : t('role.client');
}

const NARRATED: ReadonlySet<EngineEvent['type']> = new Set([
  'message',
  'ping',
  'pong',
  'close-frame',
  'error',
  'closed',
  'close-transport',
]);

/** Whether `eventText` has a line for this event (cheap: no text is built). */
export function isNarrated(e: EngineEvent): boolean {
  return NARRATED.has(e.type);
}

/** One line per thing the receiving endpoint did, or null for bookkeeping events. */
export function eventText(e: EngineEvent): string | null {
  switch (e.type) {
    case 'message': {
      if (typeof e.data === 'string') {
        const preview = quote(e.data);
        return e.frames > 1 ? t('ev.textFrames', { n: fmt(e.frames), preview }) : t('ev.text', { preview });
      }
      const bytes = bytesText(e.data.length);
      return e.frames > 1 ? t('ev.binaryFrames', { n: fmt(e.frames), bytes }) : t('ev.binary', { bytes });
    }
    case 'ping':
      return t('ev.ping', { bytes: bytesText(e.payload.length) });
    case 'pong':
      return t('ev.pong', { bytes: bytesText(e.payload.length) });
    case 'close-frame':
      return e.code === null ? t('ev.closeNoCode') : t('ev.close', { code: tx(closeCodeLabel(e.code)) });
    case 'error':
      return t('ev.error', { section: e.error.section });
    case 'closed':
      return t(e.wasClean ? 'ev.closedClean' : 'ev.closedUnclean', { code: String(e.code) });
    case 'close-transport':
      return t('ev.closeTransport');
    default:
      return null;
  }
}

/** "byte 0, bits 4–7" / "bytes 2–3". */
export function spanText(f: FieldSpan): string {
  const s = spanOf(f);
  switch (s.kind) {
    case 'bit':
      return t('span.bit', { byte: fmt(s.byte), bit: s.bit });
    case 'bits':
      return t('span.bits', { byte: fmt(s.byte), from: s.from, to: s.to });
    case 'byte':
      return t('span.byte', { byte: fmt(s.byte) });
    case 'bytes':
      return t('span.bytes', { from: fmt(s.from), to: fmt(s.to) });
    case 'none':
      return t('span.none');
  }
}

export type VerdictKind = 'empty' | 'input' | 'valid' | 'open' | 'incomplete' | 'invalid';

export interface Verdict {
  readonly kind: VerdictKind;
  readonly label: string;
  readonly text: string;
}

export function verdictOf(d: Decoding, dir: Direction): Verdict {
  const input = d.input;
  if (input.kind === 'not-hex' || input.kind === 'odd-digits') {
    const { shown, code } = charLabelText(input.char);
    const params = {
      char: code ? `${shown} (${code})` : shown,
      pos: fmt(input.index + 1),
      line: fmt(input.line),
      col: fmt(input.column),
    };
    return {
      kind: 'input',
      label: t('v.label.input'),
      text: input.kind === 'not-hex' ? t('in.notHex', params) : t('in.oddDigits', params),
    };
  }
  if (input.kind === 'empty') return { kind: 'empty', label: t('v.label.empty'), text: t('in.empty') };
  const end = d.inspection.end;
  if (end.kind === 'error') {
    return { kind: 'invalid', label: t('v.label.invalid'), text: tx(errorText(end.error)) };
  }
  const frames = framesText(d.inspection.frames.length);
  if (end.kind === 'need') {
    const fields = end.partial.fields;
    const get = (id: FieldSpan['id']): FieldSpan | undefined => fields.find((f) => f.id === id);
    const len7 = get('payload-len');
    const ext = get('ext-len');
    const headerDone =
      !!len7 &&
      (Number(len7.raw) < 126 || !!ext?.complete) &&
      (get('mask')?.raw !== '1' || !!get('masking-key')?.complete);
    if (headerDone) {
      const total = Number(ext ? ext.raw : len7.raw);
      return {
        kind: 'incomplete',
        label: t('v.label.incomplete'),
        text: tn('v.needPayload', end.need, { have: fmt(total - end.need), total: fmt(total) }),
      };
    }
    return { kind: 'incomplete', label: t('v.label.incomplete'), text: tn('v.needHeader', end.need) };
  }
  if (d.messageOpen) {
    return {
      kind: 'open',
      label: t('v.label.open'),
      text: t('v.open', { frames, receiver: receiverName(dir) }),
    };
  }
  return { kind: 'valid', label: t('v.label.valid'), text: validText(d, frames) };
}

function validText(d: Decoding, frames: string): string {
  // Count first: 500,000 tiny frames must not cost 500,000 sentences.
  let messages = 0,
    pings = 0,
    pongs = 0,
    closes = 0;
  for (const e of d.inspection.events) {
    if (e.type === 'message') messages++;
    else if (e.type === 'ping') pings++;
    else if (e.type === 'pong') pongs++;
    else if (e.type === 'close-frame') closes++;
  }
  const ignored = d.cards.filter((c) => c.ignored).length;
  const parts: string[] = [];
  if (messages + pings + pongs + closes + (ignored ? 1 : 0) <= 3) {
    for (const e of d.inspection.events) {
      if (e.type === 'message') {
        parts.push(
          typeof e.data === 'string'
            ? t('out.text', { preview: quote(e.data) })
            : t('out.binary', { bytes: bytesText(e.data.length) }),
        );
      } else if (e.type === 'ping') parts.push(t('out.ping'));
      else if (e.type === 'pong') parts.push(t('out.pong'));
      else if (e.type === 'close-frame') {
        parts.push(e.code === null ? t('out.closeNoCode') : t('out.close', { code: String(e.code) }));
      }
    }
  } else {
    if (messages) parts.push(tn('count.messages', messages));
    if (pings) parts.push(tn('count.pings', pings));
    if (pongs) parts.push(tn('count.pongs', pongs));
    if (closes) parts.push(tn('count.closes', closes));
  }
  if (ignored) parts.push(tn('out.ignored', ignored));
  const list = parts.join(t('list.sep'));
  return list ? t('v.valid', { frames, outcomes: list }) : t('v.validBare', { frames });
}

function charLabelText(ch: string): { shown: string; code: string | null } {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const plainAscii = cp > 0x20 && cp < 0x7f;
  return { shown: `“${ch}”`, code: plainAscii ? null : code };
}
