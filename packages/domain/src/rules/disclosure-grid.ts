import type {
  TBlock,
  TColumn,
  TDisclosure,
  TDisclosureMeta,
  TDisclosureTable,
  TRow,
  TTableId,
} from '../disclosure/disclosure.schema';
import { formatYuan, parseFen, ZERO_FEN, type Fen } from '../money/fen';
import { MoneyError } from '../money/money-error';
import type { TFindingLocation } from './finding.schema';

/** A grid anywhere in a disclosure: a table's body, or a grid block of 表9/表10. */
export interface GridRef {
  table: TTableId;
  /** Prefix of row locations for grids inside blocks: 'P2020-001/details/'. */
  rowPrefix: string;
  /** How messages name it: '表5', '表10 互联网+信息化建设项目 项目支出明细测算'. */
  label: string;
  /** The unit the table displays (万元, 元): how precise a transcribed cell is. */
  unit: string;
  columns: readonly TColumn[];
  rows: readonly TRow[];
}

export function tableLabel(id: TTableId): string {
  return `表${id.slice(1)}`;
}

export function findTable(disclosure: TDisclosure, id: TTableId): TDisclosureTable | undefined {
  return disclosure.tables.find((t) => t.id === id);
}

const gridCache = new WeakMap<TDisclosure, readonly GridRef[]>();

/**
 * Every grid of the disclosure, blocks and project forms included, so generic sums reach them all.
 * Several rule families walk them: collected once per check (checkDisclosure starts afresh, since a
 * caller may change the disclosure between two checks).
 */
export function gridsOf(disclosure: TDisclosure): readonly GridRef[] {
  let grids = gridCache.get(disclosure);
  if (grids === undefined) {
    grids = collectGrids(disclosure);
    gridCache.set(disclosure, grids);
  }
  return grids;
}

export function forgetGrids(disclosure: TDisclosure): void {
  gridCache.delete(disclosure);
}

function collectGrids(disclosure: TDisclosure): GridRef[] {
  const grids: GridRef[] = [];
  const fromBlocks = (
    table: TTableId,
    unit: string,
    blocks: readonly TBlock[],
    prefix: string,
    label: string,
  ) => {
    for (const block of blocks) {
      if (block.type === 'grid') {
        const name = block.title === undefined ? label : `${label} ${block.title}`;
        grids.push({
          table,
          unit,
          rowPrefix: `${prefix}${block.key}/`,
          label: name,
          columns: block.columns,
          rows: block.rows,
        });
      } else if (block.type === 'project') {
        fromBlocks(table, unit, block.blocks, `${prefix}${block.key}/`, `${label} ${block.name}`);
      }
    }
  };
  for (const table of disclosure.tables) {
    const label = tableLabel(table.id);
    grids.push({
      table: table.id,
      unit: table.unit,
      rowPrefix: '',
      label,
      columns: table.columns,
      rows: table.rows,
    });
    fromBlocks(table.id, table.unit, table.preamble, '', label);
    fromBlocks(table.id, table.unit, table.blocks, '', label);
  }
  return grids;
}

/** A cell's amount in 分; a blank cell is zero, as the printed tables leave zeros blank. */
export function cellFen(row: TRow | undefined, column: string): Fen {
  const value = row?.cells[column];
  return value === undefined || value === null ? ZERO_FEN : parseFen(value);
}

export function amountColumns(grid: { columns: readonly TColumn[] }): TColumn[] {
  return grid.columns.filter((c) => c.type === 'amount');
}

export function cellLocation(
  grid: Pick<GridRef, 'table' | 'rowPrefix'>,
  row: TRow,
  column?: string,
): TFindingLocation {
  const location: TFindingLocation = { kind: 'table', table: grid.table, row: `${grid.rowPrefix}${row.key}` };
  return column === undefined ? location : { ...location, column };
}

/**
 * How far a transcribed cell may be from the exact sum: half a display step per figure involved.
 * Derived disclosures are exact (0); a table typed from print knows each cell to ±0.05 万元.
 */
export function halfStepFen(meta: TDisclosureMeta, unit: string = meta.unitLabel): number {
  if (meta.amountPrecision === 'exact') return 0;
  return unit === '万元' ? 50_000 : 0; // 0.05 万元 = 500 元; a 元 table prints 分
}

/** Does `actual` equal `expected`, allowing `terms` rounded figures on the expected side plus the actual one? */
export function agrees(actual: Fen, expected: Fen, terms: number, halfStep: number): boolean {
  return Math.abs(actual - expected) <= halfStep * (terms + 1);
}

export const yuan = (fen: Fen): string => formatYuan(fen);

export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** How messages name a row: '2010350 事业运行', or its name alone. */
export const rowName = (row: TRow) => (row.code === undefined ? row.name : `${row.code} ${row.name}`);

/** An amount typed in a disclosure (a figure's value), or undefined when it is not one. */
export function tryParseFen(value: string): Fen | undefined {
  try {
    return parseFen(value);
  } catch (error) {
    if (error instanceof MoneyError) return undefined;
    throw error;
  }
}
