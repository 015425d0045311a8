/**
 * The inspector's bytes pane for what is not a frame (TCP payloads, HTTP messages, raw bytes): an
 * xxd-style dump cut into runs, each run owned by one field, so a field and its bytes can light up
 * together. Frames use the decoder's FrameCard instead (the one field-map renderer for frames).
 * Pure: no DOM, no Svelte.
 */

/** The colour families of the field palette (global.css `.cat-*`). */
export type Tone = 'b0' | 'b1' | 'len' | 'key' | 'payload' | 'code' | 'reason' | 'none';

/** Tones for consecutive fields of equal standing (header lines, the parts of a payload). */
export const CYCLE: readonly Tone[] = ['b0', 'b1', 'len', 'key', 'payload', 'code', 'reason'];

export interface ByteField {
  readonly key: string;
  readonly label: string;
  readonly value?: string;
  readonly note?: string;
  /** Byte span in the pane's bytes, end exclusive; start = end: no bytes of its own (not drawn). */
  readonly start: number;
  readonly end: number;
  /** Nesting: a field follows its parent in the list with depth + 1. */
  readonly depth?: number;
  readonly tone?: Tone;
  /** Show label and value as one line of the wire text ("Host: ws101.example"). */
  readonly mono?: boolean;
  readonly testid?: string;
  /** Another timeline event this field stands for (a frame in a segment): a button selects it. */
  readonly link?: { readonly id: number; readonly label: string };
  /** A verdict badge after the value: a check that passed or failed. */
  readonly badge?: { readonly ok: boolean; readonly text: string };
}

/** The bytes pane draws at most this many bytes (one element per run, not per byte, but still). */
export const HEX_LIMIT = 4096;

export interface Run {
  /** Index of the field that owns these bytes, or -1. */
  readonly owner: number;
  readonly start: number;
  readonly end: number;
  readonly hex: string;
  readonly ascii: string;
  /** The space before it in the hex column (none for a line's first run). */
  readonly gap: string;
}

export interface HexLine {
  readonly offset: number;
  readonly label: string;
  readonly runs: readonly Run[];
  /** Spaces that pad a short last line, so the text column stays aligned. */
  readonly pad: string;
}

/** For each drawn byte, the innermost field that covers it (later and deeper fields win). */
export function owners(fields: readonly ByteField[], shown: number): Int32Array {
  const owner = new Int32Array(shown).fill(-1);
  const depth = (i: number): number => (i < 0 ? -1 : (fields[i]!.depth ?? 0));
  fields.forEach((f, i) => {
    const d = f.depth ?? 0;
    for (let b = Math.max(0, f.start); b < Math.min(shown, f.end); b++) {
      if (d >= depth(owner[b]!)) owner[b] = i;
    }
  });
  return owner;
}

/** Index of each field's parent (the nearest earlier field of smaller depth), or -1. */
export function parents(fields: readonly ByteField[]): Int32Array {
  const out = new Int32Array(fields.length).fill(-1);
  const stack: number[] = [];
  fields.forEach((f, i) => {
    const d = f.depth ?? 0;
    while (stack.length && (fields[stack[stack.length - 1]!]!.depth ?? 0) >= d) stack.pop();
    out[i] = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(i);
  });
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** The dump, `perLine` bytes a line, each line cut where the owning field changes. */
export function hexLines(bytes: Uint8Array, owner: Int32Array, perLine: number): HexLine[] {
  const shown = Math.min(bytes.length, owner.length);
  const lines: HexLine[] = [];
  for (let o = 0; o < shown; o += perLine) {
    const end = Math.min(shown, o + perLine);
    const runs: Run[] = [];
    let s = o;
    for (let b = o + 1; b <= end; b++) {
      if (b < end && owner[b] === owner[s]) continue;
      const hex: string[] = [];
      let ascii = '';
      for (let k = s; k < b; k++) {
        hex.push(HEX[bytes[k]!]!);
        ascii += printable(bytes[k]!);
      }
      runs.push({ owner: owner[s]!, start: s, end: b, hex: hex.join(' '), ascii, gap: s === o ? '' : ' ' });
      s = b;
    }
    lines.push({
      offset: o,
      label: o.toString(16).padStart(4, '0'),
      runs,
      pad: ' '.repeat((perLine - (end - o)) * 3),
    });
  }
  return lines;
}
