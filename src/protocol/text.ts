/**
 * A sentence a learner reads, as data: a message id and its parameters, never a rendered string.
 * The engine keeps the English SOURCE of each of its ids next to the rule, field or close code the
 * sentence explains (`RULES` in errors.ts, `CLOSE_CODES` in close.ts, …; all gathered in texts.ts),
 * so Node logs and tests read English without any catalog. Every other language is a catalog in
 * src/i18n keyed by the same ids: a third language needs new catalog files, nothing in here.
 *
 * The simulator and the lessons use the same shape with ids of the app's catalogs, so the UI renders
 * every sentence with one helper.
 */
export interface Text<Id extends string = string> {
  readonly id: Id;
  readonly params?: TextParams;
}

/** A parameter is printed as is, or, when it is itself a Text, rendered in the reader's language. */
export type TextParam = string | number | bigint | Text;
export type TextParams = Readonly<Record<string, TextParam>>;

/** The `{name}` placeholders of a template string literal type: 'RSV{bit} is set' → 'bit'. */
export type ParamsIn<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamsIn<Rest>
  : never;

/** What a template needs: nothing for a template without placeholders, else every one of them. */
export type TemplateArgs<S extends string> = [ParamsIn<S>] extends [never]
  ? []
  : [params: Readonly<Record<ParamsIn<S>, TextParam>>];

/** What a key of a producer's parameter map needs (see `messagesOf`). */
export type MapArgs<P> = [keyof P] extends [never] ? [] : [params: P];

/** The one way `{placeholders}` are filled, in every language; a nested Text goes through `render`. */
export function fillTemplate(
  template: string,
  params: TextParams | undefined,
  render: (nested: Text) => string,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? render(v) : String(v);
  });
}

/** A Text constructor for the ids of a table of English templates (`T`), with their placeholders as params. */
export function textsOf<T extends Readonly<Record<string, string>>>(): <K extends keyof T & string>(
  id: K,
  ...args: TemplateArgs<T[K]>
) => Text<K> {
  return (id, ...args) => (args[0] ? { id, params: args[0] } : { id });
}

/**
 * A Text constructor for ids whose templates live in the app's catalogs (the simulator's and the
 * lessons' sentences): `P` maps each id to its parameters, and the catalogs are type-checked against it.
 */
export function messagesOf<P>(): <K extends keyof P & string>(id: K, ...args: MapArgs<P[K]>) => Text<K> {
  return (id, ...args) => (args[0] ? { id, params: args[0] as TextParams } : { id });
}
