/**
 * The catalogs' types, apart from the catalogs so that every catalog file can import them without a
 * cycle. `ParamsIn` is the engine's own (src/protocol/text.ts types its templates with it).
 */
import type { ParamsIn } from '../protocol/text.ts';

export type { ParamsIn };

/** The languages the product speaks. A new one: add it here and give it every catalog file. */
export type Lang = 'en' | 'ko';

/**
 * Keys of `B` whose `{placeholders}` differ from those of the same key in `A`: `never` when every
 * translation asks for exactly the parameters its English source gets.
 */
export type MismatchedKeys<A, B> = {
  [K in keyof A & keyof B]: A[K] extends string
    ? B[K] extends string
      ? [ParamsIn<B[K]>] extends [ParamsIn<A[K]>]
        ? [ParamsIn<A[K]>] extends [ParamsIn<B[K]>]
          ? never
          : K
        : K
      : K
    : K;
}[keyof A & keyof B];

/**
 * Keys a producer (the simulator, the lessons) declares with their parameters (`{ key: { param: … } }`)
 * that the catalog `C` lacks, or whose template there asks for other parameters: `never` when covered.
 */
export type UncoveredKeys<P, C> = {
  [K in keyof P]: K extends keyof C
    ? C[K] extends string
      ? [ParamsIn<C[K]>] extends [keyof P[K]]
        ? [keyof P[K]] extends [ParamsIn<C[K]>]
          ? never
          : K
        : K
      : K
    : K;
}[keyof P];
