/**
 * The page's side of the capture worker: start reading a file, hear its progress, cancel it. One
 * worker per file, terminated when done or cancelled, so a cancelled read stops at once and frees
 * everything it held.
 */
import type { CaptureResult, Endpoint } from '../../capture/index.ts';
import { ResultAssembler } from './portable.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export type ReadOutcome =
  | { readonly kind: 'done'; readonly result: CaptureResult }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface Reading {
  readonly done: Promise<ReadOutcome>;
  cancel(): void;
}

function startWorker(): Worker {
  return new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Read `file` in a worker. `onhead` hears the result without its frames and events as soon as the
 * worker has it (the summary's numbers are final by then); `done` has the whole result.
 */
export function readCapture(
  file: Blob,
  onprogress: (read: number, total: number) => void,
  onhead: (head: CaptureResult) => void = () => {},
): Reading {
  const worker = startWorker();
  let settle: (o: ReadOutcome) => void = () => {};
  const done = new Promise<ReadOutcome>((resolve) => {
    settle = (o) => {
      worker.terminate();
      resolve(o);
    };
  });
  const parts = new ResultAssembler();
  let head: CaptureResult | null = null;
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') onprogress(m.read, m.total);
    else if (m.type === 'head') {
      head = m.result;
      onhead(head);
    } else if (m.type === 'part') parts.add(m.part);
    else if (m.type === 'done' && head) settle({ kind: 'done', result: parts.result(head) });
    else if (m.type === 'failed') settle({ kind: 'failed', message: m.message });
  };
  worker.onerror = (e) => settle({ kind: 'failed', message: e.message || 'worker error' });
  const open: ToWorker = { type: 'open', file, size: file.size };
  worker.postMessage(open);
  return { done, cancel: () => settle({ kind: 'cancelled' }) };
}

export type ExportOutcome =
  | {
      readonly kind: 'exported';
      readonly bytes: Uint8Array;
      readonly packets: number;
      readonly skipped: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

export function exportConnection(file: Blob, client: Endpoint, server: Endpoint): Promise<ExportOutcome> {
  const worker = startWorker();
  return new Promise<ExportOutcome>((resolve) => {
    const settle = (o: ExportOutcome): void => {
      worker.terminate();
      resolve(o);
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'exported')
        settle({ kind: 'exported', bytes: m.bytes, packets: m.packets, skipped: m.skipped });
      else if (m.type === 'failed') settle({ kind: 'failed', message: m.message });
    };
    worker.onerror = (e) => settle({ kind: 'failed', message: e.message || 'worker error' });
    const msg: ToWorker = { type: 'export', file, client, server };
    worker.postMessage(msg);
  });
}
