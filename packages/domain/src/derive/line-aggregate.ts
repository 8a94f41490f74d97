import { GENERAL_PUBLIC_BUDGET_SOURCES, GOVERNMENT_FUND_SOURCES, type FundSource } from '../budget/fund-source';
import type { TBudgetDocument, TExpenditureKind } from '../budget/budget-document.schema';
import { parseFen, type Fen } from '../money/fen';
import { MoneyError } from '../money/money-error';

/**
 * Which budget a line's money belongs to, as the tables split it: 一般公共预算 (表5, 表6), 政府性基金
 * (表7), 上年财政拨款结转 (fiscal, so 表4 and 表8, but in neither 表5 nor 表7), and everything else.
 */
export type FundFamily = 'general-public' | 'government-fund' | 'carryover-fiscal' | 'other';

const FAMILY_OF = new Map<FundSource, FundFamily>([
  ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => [s, 'general-public'] as const),
  ...GOVERNMENT_FUND_SOURCES.map((s) => [s, 'government-fund'] as const),
  ['carryover-fiscal', 'carryover-fiscal'],
]);

export function familyOf(source: FundSource): FundFamily {
  return FAMILY_OF.get(source) ?? 'other';
}

/** 财政拨款: what 表4 and 表8 count. */
export function isFiscal(family: FundFamily): boolean {
  return family !== 'other';
}

/** All lines that share every attribute a table groups by, summed. */
export interface AggregateCell {
  readonly family: FundFamily;
  readonly kind: TExpenditureKind;
  readonly unitCode: string;
  readonly functionCode: string;
  readonly economicCode: string;
  readonly projectId: string | undefined;
  fen: number;
}

export interface LineAggregate {
  /** Distinct attribute combinations: far fewer than lines, so tables iterate these, not lines. */
  readonly cells: readonly AggregateCell[];
  readonly incomeBySource: ReadonlyMap<FundSource, Fen>;
}

/**
 * The one pass over the lines that every table shares: each amount is parsed once and added, in
 * integer 分, to the cell of its (fund family, kind, unit, 项, 款, project). Totals are checked to
 * stay in the exact integer range.
 */
export function aggregateLines(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): LineAggregate {
  const byKey = new Map<string, AggregateCell>();
  for (const line of doc.expenditureLines) {
    const family = familyOf(line.fundSource);
    const key = `${family}|${line.kind}|${line.unitCode}|${line.functionCode}|${line.economicCode}|${line.projectId ?? ''}`;
    const fen = parseFen(line.amount);
    const cell = byKey.get(key);
    if (cell === undefined) {
      byKey.set(key, {
        family,
        kind: line.kind,
        unitCode: line.unitCode,
        functionCode: line.functionCode,
        economicCode: line.economicCode,
        projectId: line.projectId,
        fen,
      });
    } else {
      cell.fen += fen;
    }
  }
  const cells = [...byKey.values()];
  for (const cell of cells) assertExact(cell.fen);
  const incomeBySource = new Map<FundSource, Fen>();
  for (const line of doc.incomeLines) {
    const total = (incomeBySource.get(line.source) ?? 0) + parseFen(line.amount);
    incomeBySource.set(line.source, assertExact(total));
  }
  return { cells, incomeBySource };
}

function assertExact(fen: number): Fen {
  if (!Number.isSafeInteger(fen)) throw new MoneyError('OUT_OF_RANGE', fen, 'a total exceeds the exact range');
  return fen as Fen;
}

/**
 * Sums the cells that pass `include` under the key `keyOf` gives; a cell may count under several
 * keys (a 类 and its 款). Integer 分 throughout.
 */
export function sumCells(
  cells: readonly AggregateCell[],
  include: (cell: AggregateCell) => boolean,
  keysOf: (cell: AggregateCell) => readonly string[],
): Map<string, Fen> {
  const sums = new Map<string, number>();
  for (const cell of cells) {
    if (!include(cell)) continue;
    for (const key of keysOf(cell)) sums.set(key, (sums.get(key) ?? 0) + cell.fen);
  }
  for (const value of sums.values()) assertExact(value);
  return sums as Map<string, Fen>;
}

/** Sum of the cells that pass `include`. */
export function totalOf(cells: readonly AggregateCell[], include: (cell: AggregateCell) => boolean): Fen {
  return sumCells(cells, include, () => ['']).get('') ?? (0 as Fen);
}
