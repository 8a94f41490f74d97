/** A leaf of a JSON value that differs between two versions; `path` is like "tables.T1.rows.3.amount". */
export interface TCellChange {
  path: string;
  before: string | number | boolean | null | undefined;
  after: string | number | boolean | null | undefined;
}

type Leaf = string | number | boolean | null;

/**
 * Every leaf of two JSON values compared by path: the table cells that moved between two derived
 * disclosures. Generic on purpose, so it follows the disclosure model whatever shape its tables take.
 * Rows that carry a unique `key`, `id` or `code` are addressed by it ("rows[208].total"), so a row inserted
 * in the middle of a table is one change, not a shift of every row below it.
 */
export function diffCells(before: unknown, after: unknown): TCellChange[] {
  const a = flattenLeaves(before);
  const b = flattenLeaves(after);
  const changes: TCellChange[] = [];
  for (const [path, value] of a) {
    const next = b.get(path);
    if (next !== value) changes.push({ path, before: value, after: next });
  }
  for (const [path, value] of b) {
    if (!a.has(path)) changes.push({ path, before: undefined, after: value });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

export function flattenLeaves(value: unknown, prefix = '', into = new Map<string, Leaf>()): Map<string, Leaf> {
  if (value === null || typeof value !== 'object') {
    if (value !== undefined && typeof value !== 'function') into.set(prefix, value as Leaf);
    return into;
  }
  const entries = Array.isArray(value) ? arrayEntries(value) : Object.entries(value);
  for (const [key, item] of entries) flattenLeaves(item, prefix === '' ? key : `${prefix}.${key}`, into);
  return into;
}

function arrayEntries(items: readonly unknown[]): (readonly [string, unknown])[] {
  for (const field of ['key', 'id', 'code']) {
    const keys = items.map((item) => rowKey(item, field));
    if (keys.every((key) => key !== undefined) && new Set(keys).size === keys.length) {
      return items.map((item, index) => [`[${keys[index]}]`, item] as const);
    }
  }
  return items.map((item, index) => [String(index), item] as const);
}

function rowKey(item: unknown, field: string): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const key = (item as Record<string, unknown>)[field];
  return typeof key === 'string' && key !== '' ? key : undefined;
}
