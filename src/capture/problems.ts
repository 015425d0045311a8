/**
 * What a capture reader can say about a file it cannot read (in full): plain values, never thrown.
 * Each names the fact a learner needs — which bytes, which offset, which limit — and the page turns it
 * into a sentence from the catalog (capture.en.ts / capture.ko.ts).
 */

/** 200 MiB: the issue asks for at least 200 MB; beyond it a file is refused before a byte is read. */
export const MAX_CAPTURE_BYTES = 200 * 1024 * 1024;

/** A pcapng block or pcap record larger than this is corrupt (snaplens stop at 256 KiB in practice). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type CaptureProblem =
  /** Neither pcap, pcapng nor HAR: the first bytes, in hex, so the learner can see what it is. */
  | { readonly kind: 'not-a-capture'; readonly firstBytes: string }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  /** The file ends inside a record: everything before `at` was read (`packets` packets). */
  | { readonly kind: 'truncated'; readonly at: number; readonly packets: number }
  /** A record or block whose length field cannot be right: reading stopped at `at`. */
  | { readonly kind: 'bad-record'; readonly at: number; readonly length: number; readonly packets: number }
  /** A HAR file whose JSON does not parse, or has no `log.entries`. */
  | { readonly kind: 'bad-har'; readonly detail: string };

/** The first bytes of a file as hex pairs, for "not a capture file". */
export function firstBytesHex(bytes: Uint8Array, n = 16): string {
  return Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
