/**
 * The modules the learner's file may import, and what each provides in ws101's sandbox. One table read
 * by both sides: `prepare` (which imports and names it lets through, in the page and under Node) and the
 * worker (which builds a blob module per shim that re-exports exactly these names).
 */

export type ShimName = 'crypto' | 'buffer';

/** Import specifier → shim. Node accepts both spellings, so the learner's file may use either. */
export const IMPORTABLE: Readonly<Record<string, ShimName>> = {
  'node:crypto': 'crypto',
  crypto: 'crypto',
  'node:buffer': 'buffer',
  buffer: 'buffer',
};

export interface ShimExports {
  /** What works, as under Node (the contract: createHash('sha1') and Buffer). */
  readonly available: readonly string[];
  /**
   * Node functions a server might reach for that the sandbox does not have: exported as functions that
   * throw "not available in ws101's sandbox", so `crypto.createHmac(…)` on the default export fails with
   * that sentence instead of "is not a function". A named import of one is refused before the run.
   */
  readonly unavailable: readonly string[];
}

export const SHIM_EXPORTS: Readonly<Record<ShimName, ShimExports>> = {
  crypto: {
    available: ['createHash', 'randomBytes'],
    unavailable: [
      'createHmac',
      'createCipheriv',
      'createDecipheriv',
      'createSign',
      'createVerify',
      'createECDH',
      'createDiffieHellman',
      'generateKeyPair',
      'generateKeyPairSync',
      'getHashes',
      'hash',
      'hkdf',
      'hkdfSync',
      'pbkdf2',
      'pbkdf2Sync',
      'randomFill',
      'randomFillSync',
      'randomInt',
      'randomUUID',
      'scrypt',
      'scryptSync',
      'sign',
      'timingSafeEqual',
      'verify',
    ],
  },
  buffer: {
    available: ['Buffer', 'kMaxLength', 'INSPECT_MAX_BYTES', 'atob', 'btoa', 'Blob'],
    unavailable: ['transcode', 'isUtf8', 'isAscii', 'resolveObjectURL'],
  },
};

/** The one-line summary of a shim, for messages: "createHash ('sha1', 'sha256') and randomBytes". */
export function shimSummary(name: ShimName): string {
  return name === 'crypto'
    ? "createHash('sha1' | 'sha256') and randomBytes"
    : SHIM_EXPORTS.buffer.available.join(', ');
}

/**
 * The specifier `prepare` writes in place of an allowed one. The worker replaces it with the blob URL
 * of its shim module (a worker has no import maps). Only in the imports `prepare` appended after the
 * learner's code (see SHIM_IMPORTS_MARKER), so a string in the learner's own code is never touched.
 */
export function shimPlaceholder(name: ShimName): string {
  return `ws101-shim:${name}`;
}

/**
 * The line `prepare` puts before the imports it moved to the end of the module. Import declarations are
 * hoisted, so moving them changes nothing about what runs, and every line and column of the learner's
 * code stays where the editor shows it (stack traces point at the right place).
 */
export const SHIM_IMPORTS_MARKER =
  '/* ws101: the imports of the file above, moved here with the same meaning (imports are hoisted) */';

/** Where the worker keeps the shim objects while the learner's module is linked (removed after). */
export const SHIM_GLOBAL = '__ws101_shims';

/** The text of a shim's blob module: every name of SHIM_EXPORTS, read off the worker's shim object. */
export function shimModuleSource(name: ShimName): string {
  const { available, unavailable } = SHIM_EXPORTS[name];
  const lines = [`const m = globalThis[${JSON.stringify(SHIM_GLOBAL)}].${name};`, 'export default m;'];
  for (const n of [...available, ...unavailable]) lines.push(`export const ${n} = m.${n};`);
  return `${lines.join('\n')}\n`;
}
