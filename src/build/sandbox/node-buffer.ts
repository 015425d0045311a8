/**
 * `node:buffer` in ws101's sandbox: the `buffer` package from npm (Node's Buffer API over a Uint8Array),
 * so `Buffer.concat`, `chunk.toString()`, `buf.readUInt16BE(2)` work as the learner's Node file expects.
 * The worker also makes `Buffer` a global, as Node does.
 */
import * as buffer from 'buffer/';
import { SHIM_EXPORTS, shimSummary } from './shims.ts';

export const { Buffer } = buffer;

function unavailable(name: string): () => never {
  return () => {
    throw new Error(`buffer.${name} is not available in ws101's sandbox: it has ${shimSummary('buffer')}`);
  };
}

const pkg = buffer as unknown as { kMaxLength?: number; INSPECT_MAX_BYTES?: number };

/** The module object: the default export of the shim, and the source of its named exports. */
export const nodeBuffer: Readonly<Record<string, unknown>> = Object.freeze({
  Buffer,
  kMaxLength: pkg.kMaxLength ?? 0x7fffffff,
  INSPECT_MAX_BYTES: pkg.INSPECT_MAX_BYTES ?? 50,
  atob: globalThis.atob,
  btoa: globalThis.btoa,
  Blob: globalThis.Blob,
  ...Object.fromEntries(SHIM_EXPORTS.buffer.unavailable.map((n) => [n, unavailable(n)])),
});
