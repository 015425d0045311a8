/**
 * A frame's field map as the engine made it (DecodedFrame.fields), as rows for the inspector's
 * ByteView. Used for the frames of a compressed message (RFC 7692): only the engine that sent or
 * received them knows the LZ77 window they were compressed against (context takeover), so a stateless
 * re-decoding of the bytes alone could not inflate them; the frame's own DeflateNote can.
 */
import type { DecodedFrame, FieldSpan } from '../../../protocol/index.ts';
import { tx } from '../../../i18n/text.ts';
import { CATEGORY } from '../../decoder/model.ts';
import type { ByteField } from './bytes.ts';

/** The fields in list order, children after their parent; spans are the frame's wire bytes. */
export function engineFrameFields(frame: DecodedFrame): ByteField[] {
  const out: ByteField[] = [];
  const add = (f: FieldSpan, depth: number): void => {
    out.push({
      key: `${f.id}-${depth}-${out.length}`,
      label: tx(f.name),
      value: f.raw,
      note: tx(f.meaning),
      // What the extension made of the bytes (the inflated text, the window, the tail) is not on the
      // wire: listed under the payload, without bytes of its own to light up.
      start: f.byteStart,
      end: f.virtual ? f.byteStart : f.byteEnd,
      depth,
      tone: CATEGORY[f.id],
      testid: `engine-field-${f.id}`,
    });
    for (const c of f.children ?? []) add(c, depth + 1);
  };
  for (const f of frame.fields) add(f, 0);
  return out;
}
