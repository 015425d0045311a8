/** A sentence a learner reads, in both languages the product speaks. */
export interface Text {
  readonly en: string;
  readonly ko: string;
}

export type Lang = keyof Text;

export function text(en: string, ko: string): Text {
  return { en, ko };
}
