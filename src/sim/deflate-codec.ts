/**
 * The DEFLATE codec, loaded when it is first needed: `import()` lets the bundler put pako (~12 KB
 * gzipped) in a chunk of its own, so a page that never negotiates permessage-deflate never fetches it
 * (deflate/codec.ts). The engine is synchronous, so the codec is loaded before the command that needs
 * it runs: the playground awaits `loadDeflateCodec()` when it parses `connect --deflate`.
 */
import type { DeflateCodec } from '../protocol/index.ts';
import type { Command } from './commands.ts';

let loading: Promise<DeflateCodec> | null = null;

export function loadDeflateCodec(): Promise<DeflateCodec> {
  loading ??= import('../protocol/deflate/pako.ts').then((m) => m.pakoCodec);
  // A failed load (offline) is tried again next time rather than remembered.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Whether running this command compresses anything: only a connect that offers permessage-deflate. */
export function needsDeflateCodec(command: Command): boolean {
  return command.name === 'connect' && command.options.deflate !== undefined;
}
