import { parseFen, type TExpenditureLine } from '@budgetflow/domain';
import { cellText, type TCellContext } from './line-cells';
import { LINE_FIELDS, type TLineField } from './line-fields';

export interface TGridQuery {
  /** text searched in every cell as the grid shows it (codes, names, amounts, notes) */
  text: string;
  kind: TExpenditureLine['kind'] | '';
  sort: { field: TLineField; descending: boolean } | null;
}

export const NO_QUERY: TGridQuery = { text: '', kind: '', sort: null };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ids of the lines the query keeps, in its order. Taken when the query changes, not on every
 * edit: a line that stops matching, or moves in the sort, as it is typed stays where it is.
 */
export function viewOrder(
  lines: readonly TExpenditureLine[],
  query: TGridQuery,
  ctx: TCellContext,
): string[] {
  const needle = query.text.trim();
  let kept = lines.filter(
    (l) =>
      (query.kind === '' || l.kind === query.kind) &&
      (needle === '' || LINE_FIELDS.some((f) => cellText(l, f, ctx).includes(needle))),
  );
  const { sort } = query;
  if (sort !== null) {
    const key =
      sort.field === 'amount'
        ? (l: TExpenditureLine) => parseFen(l.amount)
        : (l: TExpenditureLine) => cellText(l, sort.field, ctx);
    kept = [...kept].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      return sort.descending ? -order : order;
    });
  }
  return kept.map((l) => l.id);
}

/**
 * The rows to show: the lines of `order` that still exist, with their current values, then the
 * lines added since the order was taken (they are not in `known`).
 */
export function viewRows(
  lines: readonly TExpenditureLine[],
  order: readonly string[],
  known: ReadonlySet<string>,
): TExpenditureLine[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const rows: TExpenditureLine[] = [];
  for (const id of order) {
    const line = byId.get(id);
    if (line !== undefined) rows.push(line);
  }
  for (const line of lines) if (!known.has(line.id)) rows.push(line);
  return rows;
}

/** The 合计 of some rows in 分, with the rows it was taken of: the next 合计 starts from it. */
export interface TRowsTotal {
  rows: readonly TExpenditureLine[];
  fen: bigint;
}

const fenOf = (line: TExpenditureLine) => BigInt(parseFen(line.amount));

/**
 * The 合计 of the rows' amounts, exact (integer 分). Given the 合计 of as many rows taken before
 * (the rows before a keystroke), only the rows that are not the same objects as then are read:
 * a typed amount costs one line, not 10,000. Exact whatever changed, reordered rows included,
 * since the sum moves by each row's difference.
 */
export function rowsTotal(rows: readonly TExpenditureLine[], previous?: TRowsTotal): TRowsTotal {
  let fen = 0n;
  if (previous === undefined || previous.rows.length !== rows.length) {
    for (const line of rows) fen += fenOf(line);
    return { rows, fen };
  }
  fen = previous.fen;
  rows.forEach((line, i) => {
    const was = previous.rows[i];
    if (was !== undefined && was !== line) fen += fenOf(line) - fenOf(was);
  });
  return { rows, fen };
}
