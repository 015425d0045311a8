/**
 * The messages between the capture page and its worker (capture.worker.ts). The file goes to the
 * worker as a File (a handle, not a copy) and is read there in slices: nothing is uploaded and the
 * page's thread never holds or parses the bytes.
 */
import type { CaptureResult, Endpoint } from '../../capture/index.ts';
import type { ResultPart } from './portable.ts';

/** Bytes read per slice: a progress step, and a bounded amount of work between two messages. */
export const READ_SLICE = 4 * 1024 * 1024;

export type ToWorker =
  | { readonly type: 'open'; readonly file: Blob; readonly size: number }
  /** A trimmed pcap of one TCP connection: the file read again, keeping that 4-tuple's packets. */
  | { readonly type: 'export'; readonly file: Blob; readonly client: Endpoint; readonly server: Endpoint };

export type FromWorker =
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  /** The result without its frames and events, which follow in parts (portable.ts says why). */
  | { readonly type: 'head'; readonly result: CaptureResult }
  | { readonly type: 'part'; readonly part: ResultPart }
  | { readonly type: 'done' }
  | {
      readonly type: 'exported';
      readonly bytes: Uint8Array;
      readonly packets: number;
      /** Packets of the connection on another link type than the first one's (left out of a pcap). */
      readonly skipped: number;
    }
  /** A bug, not a bad file (bad files are CaptureResult problems): the page says so. */
  | { readonly type: 'failed'; readonly message: string };
