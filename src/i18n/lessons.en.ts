/** English strings of the lessons area; spread into the main catalog (en.ts). Keys start with "le.". */
export const lessonsEn = {} as const;
