/** English strings of the console area; spread into the main catalog (en.ts). Keys start with "co.". */
export const consoleEn = {} as const;
