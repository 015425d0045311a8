/** English strings of the inspector area; spread into the main catalog (en.ts). Keys start with "in.". */
export const inspectorEn = {} as const;
