import { canonicalJson } from './canonical-json';

export interface TChanged<T> {
  key: string;
  before: T;
  after: T;
  /** Top-level fields whose value differs, e.g. ["amount"]. */
  fields: string[];
}

export interface TKeyedDiff<T> {
  added: T[];
  removed: T[];
  changed: TChanged<T>[];
}

/**
 * Matches two lists of records by a key (a line id) and says what was added, removed and changed.
 * Order within a list does not count as a change: lines are a set keyed by id.
 */
export function diffByKey<T extends object>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): TKeyedDiff<T> {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const added: T[] = [];
  const changed: TChanged<T>[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    const key = keyOf(item);
    seen.add(key);
    const previous = old.get(key);
    if (previous === undefined) {
      added.push(item);
      continue;
    }
    const fields = changedFields(previous, item);
    if (fields.length > 0) changed.push({ key, before: previous, after: item, fields });
  }
  const removed = before.filter((item) => !seen.has(keyOf(item)));
  return { added, removed, changed };
}

function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key])).sort();
}
