/** The list with item `i` replaced. */
export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));

/** The list without item `i`. */
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/** A record's entries with entry `i` renamed or recounted, in the same order. */
export function replaceEntry<V>(record: Readonly<Record<string, V>>, i: number, entry: [string, V] | null): Record<string, V> {
  const entries = Object.entries(record);
  return Object.fromEntries(entry === null ? removeAt(entries, i) : replaceAt(entries, i, entry));
}
