/** English strings of the playground area; spread into the main catalog (en.ts). Keys start with "pl.". */
export const playgroundEn = {} as const;
