/**
 * The DEFLATE codec (pako, through src/protocol/deflate/pako.ts), loaded with import() the first time
 * a view chooses permessage-deflate, so the decoder's and the editor's first load carry none of it (the
 * figures are in the decoder12 report: `npx vite build`, gzip sizes of the decoder's chunks). One
 * instance for the page: the codec is a stateless factory, every inspection makes its own streams.
 */
import type { DeflateCodec } from '../../protocol/index.ts';

export type CodecPhase = 'idle' | 'loading' | 'ready' | 'failed';

class LazyDeflateCodec {
  /** Null until loaded; views decode with the extension only once it is there. */
  current = $state.raw<DeflateCodec | null>(null);
  phase = $state<CodecPhase>('idle');
  /** Why the last load failed (a network error on a flaky connection), for the retry notice. */
  failure = $state('');
  #loading: Promise<void> | null = null;

  /** Start loading, once (again after a failure). Safe to call from an effect on every change. */
  need(): void {
    if (this.current || this.#loading) return;
    this.phase = 'loading';
    this.#loading = import('../../protocol/deflate/pako.ts').then(
      (m) => {
        this.current = m.pakoCodec;
        this.phase = 'ready';
      },
      (e: unknown) => {
        this.failure = e instanceof Error ? e.message : String(e);
        this.phase = 'failed';
        this.#loading = null;
      },
    );
  }
}

export const deflateCodec = new LazyDeflateCodec();
