/**
 * The part of a year's classification catalogue (catalogue/) that tables need: names by code.
 * Typed structurally so that a test can pass a small hand-made catalogue.
 */
export interface NameCatalogue {
  readonly functional: ReadonlyMap<string, { readonly name: string }>;
  readonly economic: ReadonlyMap<string, { readonly name: string }>;
}

/** The name a code has in the budget's year; a code the year does not know prints as such (a rule reports it). */
export function nameOf(catalogue: NameCatalogue, kind: 'functional' | 'economic', code: string): string {
  return catalogue[kind].get(code)?.name ?? `（未知科目 ${code}）`;
}
