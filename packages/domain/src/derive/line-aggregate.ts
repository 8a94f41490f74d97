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

interface Summed {
  readonly family: FundFamily;
  fen: number;
}

/** Lines summed by functional 项 and unit (表1/表4 functional side, 表3, 表5, 表7, Part 4). */
export interface FunctionCell extends Summed {
  readonly kind: TExpenditureKind;
  readonly unitCode: string;
  readonly functionCode: string;
}

/** Lines summed by economic 款 (表1/表4 economic side, 表6, 表8, 表9, Part 3). */
export interface EconomicCell extends Summed {
  readonly kind: TExpenditureKind;
  readonly unitCode: string;
  readonly economicCode: string;
}

/** Project lines summed by project and functional 项 (表10, Part 3). */
export interface ProjectCell extends Summed {
  readonly projectId: string;
  readonly functionCode: string;
}

export interface LineAggregate {
  readonly byFunction: readonly FunctionCell[];
  readonly byEconomic: readonly EconomicCell[];
  readonly byProject: readonly ProjectCell[];
  readonly incomeBySource: ReadonlyMap<FundSource, Fen>;
}

/**
 * The one pass over the lines that every table shares: each amount is parsed once and added, in
 * integer 分, to three small projections (by 项 and unit, by 款 and unit, by project). Tables
 * then sum those, never the lines again. Totals are checked to stay in the exact integer range.
 */
export function aggregateLines(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): LineAggregate {
  const byFunction = new Map<string, FunctionCell>();
  const byEconomic = new Map<string, EconomicCell>();
  const byProject = new Map<string, ProjectCell>();
  // Written out rather than through a helper: this loop runs once per line, and closures per line
  // would cost more than the sums themselves.
  for (const line of doc.expenditureLines) {
    const { kind, unitCode, functionCode, economicCode, projectId } = line;
    const family = familyOf(line.fundSource);
    const fen = parseFen(line.amount);
    const prefix = `${family}|${kind}|${unitCode}|`;
    const byF = byFunction.get(prefix + functionCode);
    if (byF === undefined) byFunction.set(prefix + functionCode, { family, kind, unitCode, functionCode, fen });
    else byF.fen += fen;
    const byE = byEconomic.get(prefix + economicCode);
    if (byE === undefined) byEconomic.set(prefix + economicCode, { family, kind, unitCode, economicCode, fen });
    else byE.fen += fen;
    if (projectId === undefined) continue;
    const projectKey = `${family}|${projectId}|${functionCode}`;
    const byP = byProject.get(projectKey);
    if (byP === undefined) byProject.set(projectKey, { family, projectId, functionCode, fen });
    else byP.fen += fen;
  }
  const incomeBySource = new Map<FundSource, Fen>();
  for (const line of doc.incomeLines) incomeBySource.set(line.source, ((incomeBySource.get(line.source) ?? 0) + parseFen(line.amount)) as Fen);
  const aggregate = { byFunction: [...byFunction.values()], byEconomic: [...byEconomic.values()], byProject: [...byProject.values()], incomeBySource };
  for (const cells of [aggregate.byFunction, aggregate.byEconomic, aggregate.byProject, [...incomeBySource.values()].map((fen) => ({ fen }))]) {
    for (const cell of cells) assertExact(cell.fen);
  }
  return aggregate;
}

function assertExact(fen: number): Fen {
  if (!Number.isSafeInteger(fen)) throw new MoneyError('OUT_OF_RANGE', fen, 'a total exceeds the exact range');
  return fen as Fen;
}

/**
 * Sums the cells that pass `include` under the keys `keysOf` gives; a cell may count under several
 * keys (a 类 and its 款). Integer 分 throughout.
 */
export function sumCells<T extends Summed>(cells: readonly T[], include: (cell: T) => boolean, keysOf: (cell: T) => readonly string[]): Map<string, Fen> {
  const sums = new Map<string, number>();
  for (const cell of cells) {
    if (!include(cell)) continue;
    for (const key of keysOf(cell)) sums.set(key, (sums.get(key) ?? 0) + cell.fen);
  }
  for (const value of sums.values()) assertExact(value);
  return sums as Map<string, Fen>;
}

/** Sum of the cells that pass `include`. */
export function totalOf<T extends Summed>(cells: readonly T[], include: (cell: T) => boolean): Fen {
  let total = 0;
  for (const cell of cells) if (include(cell)) total += cell.fen;
  return assertExact(total);
}
