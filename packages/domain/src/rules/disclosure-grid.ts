import type {
  TBlock,
  TColumn,
  TDisclosure,
  TDisclosureMeta,
  TDisclosureTable,
  TFigure,
  TRow,
  TTableId,
} from '../disclosure/disclosure.schema';
import { defaultDecimals, halfStepOfPrint, type TTableRole } from '../templates/table-role';
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
  /** The unit and decimals the table prints: how precise a transcribed cell is. */
  unit: string;
  decimals: number;
  columns: readonly TColumn[];
  rows: readonly TRow[];
}

/** How messages name a table: as its heading numbers it (表五, 公开表七). */
export function tableLabel(table: Pick<TDisclosureTable, 'number'>): string {
  return table.number;
}

export function findTable(disclosure: TDisclosure, id: TTableId): TDisclosureTable | undefined {
  return disclosure.tables.find((t) => t.id === id);
}

/**
 * The table that plays a role in the disclosure's template, whatever its number: rules bind to
 * roles, and are silent where a template prints no such table.
 */
export function findByRole(disclosure: TDisclosure, role: TTableRole): TDisclosureTable | undefined {
  return disclosure.tables.find((t) => t.role === role);
}

/** The decimals a table prints its amounts with. */
export function printDecimals(table: Pick<TDisclosureTable, 'unit' | 'decimals'>): number {
  return table.decimals ?? defaultDecimals(table.unit);
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
    decimals: number,
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
          decimals,
          rowPrefix: `${prefix}${block.key}/`,
          label: name,
          columns: block.columns,
          rows: block.rows,
        });
      } else if (block.type === 'project') {
        fromBlocks(table, unit, decimals, block.blocks, `${prefix}${block.key}/`, `${label} ${block.name}`);
      }
    }
  };
  for (const table of disclosure.tables) {
    const label = tableLabel(table);
    const decimals = printDecimals(table);
    grids.push({
      table: table.id,
      unit: table.unit,
      decimals,
      rowPrefix: '',
      label,
      columns: table.columns,
      rows: table.rows,
    });
    fromBlocks(table.id, table.unit, decimals, table.preamble, '', label);
    fromBlocks(table.id, table.unit, decimals, table.blocks, '', label);
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
 * How far a transcribed cell of `table` may be from the exact amount: half a unit of its last
 * printed digit (万元 to 1 decimal: ±500 元; 万元 to 2: ±50 元; whole 元: ±0.5 元; 元 with 分: 0).
 * Derived disclosures are exact (0).
 */
export function halfStepOf(meta: TDisclosureMeta, table: Pick<TDisclosureTable, 'unit' | 'decimals'> | undefined): number {
  if (meta.amountPrecision === 'exact' || table === undefined) return 0;
  return halfStepOfPrint(table.unit, printDecimals(table));
}

/** The decimals a Part 3 figure prints with: as it says, else as many as its text shows. */
export function figureDecimals(figure: Pick<TFigure, 'text' | 'decimals'>): number {
  return figure.decimals ?? (/\.(\d+)/.exec(figure.text)?.[1]?.length ?? 0);
}

/** As halfStepOf, for an amount stated in Part 3 (a narrative in 万元 to 2 decimals: ±50 元). */
export function figureHalfStep(meta: TDisclosureMeta, figure: Pick<TFigure, 'text' | 'decimals' | 'unit'>): number {
  if (meta.amountPrecision === 'exact') return 0;
  return halfStepOfPrint(figure.unit === '万元' ? '万元' : '元', figureDecimals(figure));
}

/**
 * Does `actual` equal the sum `expected` of `terms` printed figures, within the rounding of each:
 * `halfStep` for each term, `actualHalfStep` (by default the same) for the actual figure?
 */
export function agrees(actual: Fen, expected: Fen, terms: number, halfStep: number, actualHalfStep: number = halfStep): boolean {
  return Math.abs(actual - expected) <= actualHalfStep + halfStep * terms;
}

/**
 * A break that only rounding to whole 元 explains: the tables print whole 元 and the figures are
 * off by at most 1 元 a figure. Rules report such a break as a warning, not an error.
 */
export function isWholeYuanBreak(actual: Fen, expected: Fen, terms: number, tables: readonly (Pick<TDisclosureTable, 'unit' | 'decimals'> | undefined)[]): boolean {
  const whole = tables.every((t) => t !== undefined && t.unit === '元' && printDecimals(t) === 0);
  return whole && Math.abs(actual - expected) <= 100 * (terms + 1);
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
