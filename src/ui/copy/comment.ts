/**
 * The one-line description that heads a copied JS or C array ("text frame, FIN, masked, 5-byte
 * payload"), worded from what the engine decoded, never from the bytes by hand. Pure: the language
 * is a parameter, so it is testable without the reactive locale.
 */
import type { DecodedFrame } from '../../protocol/index.ts';
import { formatNumber, translate, translatePlural, type Lang, type PlainKey } from '../../i18n/index.ts';

const OPCODE_KEYS: Readonly<Record<number, PlainKey>> = {
  0x0: 'copy.note.op.0',
  0x1: 'copy.note.op.1',
  0x2: 'copy.note.op.2',
  0x8: 'copy.note.op.8',
  0x9: 'copy.note.op.9',
  0xa: 'copy.note.op.a',
};

export function frameComment(frame: DecodedFrame, lang: Lang): string {
  const h = frame.header;
  const key = OPCODE_KEYS[h.opcode];
  const kind =
    key === undefined
      ? translate(lang, 'copy.note.op.reserved', { opcode: `0x${h.opcode.toString(16)}` })
      : translate(lang, key);
  const parts = [kind, translate(lang, h.fin ? 'copy.note.fin' : 'copy.note.noFin')];
  const rsv = (['rsv1', 'rsv2', 'rsv3'] as const).filter((b) => h[b]).map((b) => b.toUpperCase());
  if (rsv.length) parts.push(translate(lang, 'copy.note.rsv', { bits: rsv.join('+') }));
  parts.push(translate(lang, h.masked ? 'copy.note.masked' : 'copy.note.unmasked'));
  parts.push(translate(lang, 'copy.note.payload', { n: formatNumber(frame.payload.length, lang) }));
  return parts.join(translate(lang, 'list.sep'));
}

/**
 * Bytes that are not one whole frame: the start of a cut-short frame, a frame the receiver stops at
 * (its header breaks a rule), or what follows a failure.
 */
export function bytesComment(kind: 'partial' | 'rejected' | 'unread', n: number, lang: Lang): string {
  return translatePlural(lang, `copy.note.${kind}`, n);
}
