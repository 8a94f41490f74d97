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

const FAMILIES: readonly FundFamily[] = ['general-public', 'government-fund', 'carryover-fiscal', 'other'];
const KINDS: readonly TExpenditureKind[] = ['basic-personnel', 'basic-public', 'project'];
const SLOTS = FAMILIES.length * KINDS.length;

/** Cells of one (unit, code) pair, one slot per fund family × kind. */
type Slots<T> = (T | undefined)[];

function slotsOf<T>(outer: Map<string, Map<string, Slots<T>>>, first: string, second: string, size: number): Slots<T> {
  let inner = outer.get(first);
  if (inner === undefined) {
    inner = new Map();
    outer.set(first, inner);
  }
  let slots = inner.get(second);
  if (slots === undefined) {
    slots = new Array<T | undefined>(size);
    inner.set(second, slots);
  }
  return slots;
}

function flatten<T>(outer: Map<string, Map<string, Slots<T>>>): T[] {
  const cells: T[] = [];
  for (const inner of outer.values()) for (const slots of inner.values()) for (const cell of slots) if (cell !== undefined) cells.push(cell);
  return cells;
}

/**
 * The one pass over the lines that every table shares: each amount is parsed once and added, in
 * integer 分, to three small projections (by 项 and unit, by 款 and unit, by project). Tables
 * then sum those, never the lines again. Maps are nested on the lines' own code strings rather
 * than keyed by concatenations, so no key string is built per line. Totals are checked to stay
 * in the exact integer range.
 */
export function aggregateLines(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): LineAggregate {
  const byFunction = new Map<string, Map<string, Slots<FunctionCell>>>();
  const byEconomic = new Map<string, Map<string, Slots<EconomicCell>>>();
  const byProject = new Map<string, Map<string, Slots<ProjectCell>>>();
  for (const line of doc.expenditureLines) {
    const { kind, unitCode, functionCode, economicCode, projectId } = line;
    const family = familyOf(line.fundSource);
    const fen = parseFen(line.amount);
    const familyIndex = FAMILIES.indexOf(family);
    const slot = familyIndex * KINDS.length + KINDS.indexOf(kind);
    const functionSlots = slotsOf(byFunction, unitCode, functionCode, SLOTS);
    const f = functionSlots[slot];
    if (f === undefined) functionSlots[slot] = { family, kind, unitCode, functionCode, fen };
    else f.fen += fen;
    const economicSlots = slotsOf(byEconomic, unitCode, economicCode, SLOTS);
    const e = economicSlots[slot];
    if (e === undefined) economicSlots[slot] = { family, kind, unitCode, economicCode, fen };
    else e.fen += fen;
    if (projectId === undefined) continue;
    const projectSlots = slotsOf(byProject, projectId, functionCode, FAMILIES.length);
    const p = projectSlots[familyIndex];
    if (p === undefined) projectSlots[familyIndex] = { family, projectId, functionCode, fen };
    else p.fen += fen;
  }
  const incomeBySource = new Map<FundSource, Fen>();
  for (const line of doc.incomeLines) incomeBySource.set(line.source, ((incomeBySource.get(line.source) ?? 0) + parseFen(line.amount)) as Fen);
  const aggregate = { byFunction: flatten(byFunction), byEconomic: flatten(byEconomic), byProject: flatten(byProject), incomeBySource };
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
