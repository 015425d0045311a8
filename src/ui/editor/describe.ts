/**
 * Sentences about what the engine found, for the editor: the status line, the marker texts and the
 * hover card of a byte. The facts (field names, meanings, rule texts) come from the engine as Texts,
 * rendered in the current language; this file only arranges them.
 */
import { errorText, type FieldSpan } from '../../protocol/index.ts';
import { fmt, t, tn } from '../../i18n/locale.svelte.ts';
import { tx } from '../../i18n/text.ts';
import { visibleText } from '../../protocol/visible.ts';
import { frameSummary, spanText } from '../decoder/describe.ts';
import { declaredSize, frameAtByte, type Analysis, type InputTexts } from './analysis.ts';

export type StatusKind = 'empty' | 'input' | 'valid' | 'incomplete' | 'invalid';

export interface Status {
  readonly kind: StatusKind;
  readonly label: string;
  readonly text: string;
  /** The error is about masking, which depends on the direction. */
  readonly wrongWay: boolean;
}

function receiver(a: Analysis, capital: boolean): string {
  const s = t(a.dir === 'c2s' ? 'ed.receiver.c2s' : 'ed.receiver.s2c');
  return capital ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function lineColumn(text: string, index: number): { line: number; col: number } {
  let line = 1,
    lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: index - lineStart + 1 };
}

export const inputTexts: InputTexts = {
  notHex: (char) => t('ed.marker.notHex', { char: shownChar(char) }),
  oddDigits: () => t('ed.marker.odd'),
};

function shownChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0x20 && cp !== 0x7f ? ch : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The status line. Inside an exercise (`exercise`), accepted bytes are labelled with who accepts them
 * ("Accepted by the server"), not "Valid": a beginner read the green "Valid" as "solved" (walkthrough
 * 1.8). Whether the bytes answer the exercise is for its Check, and its ✓ is the only "solved".
 */
export function statusOf(a: Analysis, { exercise = false }: { exercise?: boolean } = {}): Status {
  const plain = (kind: StatusKind, label: string, text: string): Status => ({
    kind,
    label,
    text,
    wrongWay: false,
  });
  if (a.input) {
    const { line, col } = lineColumn(a.text, a.input.index);
    const where = { line: fmt(line), col: fmt(col) };
    return plain(
      'input',
      t('ed.status.input'),
      a.input.kind === 'not-hex'
        ? t('ed.st.notHex', { char: shownChar(a.input.char), ...where })
        : t('ed.st.odd', where),
    );
  }
  if (a.bytes.length === 0) return plain('empty', t('ed.status.empty'), t('ed.st.empty'));
  const end = a.inspection.end;
  if (end.kind === 'error') {
    const rule = end.error.rule;
    return {
      kind: 'invalid',
      label: t('ed.status.invalid'),
      text: tx(errorText(end.error)),
      wrongWay: rule === 'unmasked-client-frame' || rule === 'masked-server-frame',
    };
  }
  if (end.kind === 'need' && !a.frames.some((f) => f.status === 'unread')) {
    const size = declaredSize(end.partial.fields);
    const rx = receiver(a, false);
    const text =
      size === null
        ? tn('ed.st.needHeader', end.need, { receiver: rx })
        : tn('ed.st.needPayload', end.need, {
            receiver: rx,
            have: fmt(size - headerEnd(end.partial.fields) - end.need),
            total: fmt(size - headerEnd(end.partial.fields)),
          });
    return plain('incomplete', t('ed.status.incomplete'), text);
  }
  const frames = a.inspection.frames;
  const summary = frames.length === 1 ? frameSummary(frames[0]!) : '';
  if (exercise)
    return plain(
      'valid',
      t('ed.status.acceptedBy', { receiver: receiver(a, false) }),
      tn('ed.st.decoded', frames.length, { summary }),
    );
  const text = tn('ed.st.valid', frames.length, { summary, Receiver: receiver(a, true) });
  return plain('valid', t('ed.status.valid'), text);
}

/** Where the header ends: the end of the last header field in the field map. */
function headerEnd(fields: readonly FieldSpan[]): number {
  let end = 0;
  for (const f of fields) if (f.id !== 'payload') end = Math.max(end, f.byteEnd);
  return end;
}

/** Markdown-escape text from the engine (it may contain *, _, <, backticks). */
export function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? ` '${String.fromCharCode(b)}'` : '';
}

function leavesAt(fields: readonly FieldSpan[], rel: number): FieldSpan[] {
  const out: FieldSpan[] = [];
  for (const f of fields) {
    if (rel < f.byteStart || rel >= f.byteEnd) continue;
    const inChild = f.children?.filter((c) => rel >= c.byteStart && rel < c.byteEnd) ?? [];
    out.push(f, ...inChild);
  }
  return out;
}

/**
 * The hover card for one byte: where it is, its value and bits, and every field it carries (byte 0
 * carries five) with the engine's meaning; for a masked payload byte, the XOR that produced it.
 */
export function hoverMarkdown(a: Analysis, byte: number): string {
  const b = a.bytes[byte];
  const v = frameAtByte(a, byte);
  if (b === undefined || !v) return '';
  const lines: string[] = [];
  const frameNo = t('ed.hover.frame', { n: fmt(v.index + 1) });
  lines.push(
    `**${md(t('ed.hover.byte', { n: fmt(byte) }))}** · \`0x${hex2(b)}\` · \`${b.toString(2).padStart(8, '0')}\` · ${md(frameNo)}`,
  );
  if (v.status === 'unread') {
    lines.push(md(t('ed.hover.unread')));
    return lines.join('\n\n');
  }
  const rel = byte - v.offset;
  const fields = leavesAt(v.fields, rel);
  const key = v.fields.find((f) => f.id === 'masking-key');
  const wire = a.bytes;
  for (const f of fields) {
    const showRaw = f.id !== 'payload' && f.id !== 'close-reason';
    const raw = showRaw ? ` = \`${f.raw}\`` : '';
    lines.push(
      `**${md(visibleText(tx(f.name)))}** (${md(spanText(f))})${raw}: ${md(visibleText(tx(f.meaning)))}`,
    );
    if (f.id === 'payload') {
      const i = rel - f.byteStart;
      let line = md(t('ed.hover.payloadByte', { i: fmt(i) }));
      if (key?.complete) {
        const k = wire[v.offset + key.byteStart + (i % 4)]!;
        const clear = b ^ k;
        line += `: ${md(
          t('ed.hover.masked', {
            wire: `0x${hex2(b)}`,
            k: i % 4,
            key: `0x${hex2(k)}`,
            clear: `0x${hex2(clear)}`,
          }),
        )}${md(printable(clear))}`;
      } else line += md(printable(b));
      lines.push(line);
    }
  }
  return lines.join('\n\n');
}
