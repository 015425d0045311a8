/**
 * UTF-8 validation through the platform's `TextDecoder` with `fatal: true` (RFC 6455 §8.1).
 * No hand-written decoder: the WHATWG decoder is exact and fast, and `stream: true` lets a
 * fragmented text message be validated frame by frame, failing at the frame where a bad byte appears.
 */
const whole = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return whole.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Validates a message frame by frame, and keeps only its text (never the bytes). One per fragmented
 * text message.
 *
 * A string per fragment would be an object per fragment: a million 1-byte fragments cost ~200 MB of
 * heap (security review M1). So short pieces are gathered and joined into one string every
 * `RUN_PIECES` pieces or `RUN_CHARS` characters; only pieces of `RUN_CHARS` or more are kept as they
 * are. A message then holds at most one string per 256 fragments or per 4 K characters.
 */
export class Utf8Stream {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Large pieces, and joined runs of small ones, in order. */
  readonly #parts: string[] = [];
  #run: string[] = [];
  #runChars = 0;

  /** False when `bytes` make the text invalid — or, with `last`, leave a sequence unfinished. */
  push(bytes: Uint8Array, last: boolean): boolean {
    let piece: string;
    try {
      piece = this.#decoder.decode(bytes, { stream: !last });
    } catch {
      return false;
    }
    if (piece.length >= RUN_CHARS) {
      this.#endRun();
      this.#parts.push(piece);
    } else if (piece.length > 0) {
      this.#run.push(piece);
      this.#runChars += piece.length;
      if (this.#run.length >= RUN_PIECES || this.#runChars >= RUN_CHARS) this.#endRun();
    }
    return true;
  }

  text(): string {
    this.#endRun();
    return this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
  }

  #endRun(): void {
    if (this.#run.length === 0) return;
    this.#parts.push(this.#run.length === 1 ? this.#run[0]! : this.#run.join(''));
    this.#run = [];
    this.#runChars = 0;
  }
}

const RUN_PIECES = 256;
const RUN_CHARS = 4096;

/** Index of the first byte at which `bytes` stop being valid UTF-8 (for pointing at it); -1 if valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (decodeUtf8(bytes) !== null) return -1;
  // Binary search on prefixes: a prefix is "ok" if it is valid apart from an unfinished last sequence.
  const prefixOk = (n: number): boolean => {
    try {
      // A fresh decoder each time: a pending, unfinished sequence at the cut is not an error here.
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, n), {
        stream: true,
      });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0,
    hi = bytes.length; // prefixOk(lo) is true, prefixOk(hi) may be true (unfinished tail)
  if (prefixOk(hi)) return Math.max(0, lastSequenceStart(bytes));
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (prefixOk(mid)) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

function lastSequenceStart(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  while (i > 0 && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}
