import {
  BUSINESS_INCOME_SOURCES,
  FUND_SOURCES,
  GENERAL_PUBLIC_BUDGET_SOURCES,
  GOVERNMENT_FUND_SOURCES,
  SOE_CAPITAL_SOURCES,
  type FundSource,
} from '../budget/fund-source';
import type { TBudgetDocument, TExpenditureKind, TExpenditureLine } from '../budget/budget-document.schema';
import { parseFen, type Fen } from '../money/fen';
import { MoneyError } from '../money/money-error';
import { idTable } from './id-table';
import { NestedSlotSums, SlotSums } from './slot-sums';

/**
 * Which budget a line's money belongs to, as the tables split it: 一般公共预算 (表5, 表6), 政府性基金
 * (表7), 国有资本经营预算, 上年财政拨款结转 (fiscal, so 表4 and 表8, but in neither 表5 nor 表7), 事业收入,
 * 事业单位经营收入 (Shanghai's 收入预算总表 prints both as columns), and everything else.
 */
export type FundFamily = 'general-public' | 'government-fund' | 'soe-capital' | 'carryover-fiscal' | 'business' | 'operating' | 'other';

const FAMILY_OF = new Map<FundSource, FundFamily>([
  ...GENERAL_PUBLIC_BUDGET_SOURCES.map((s) => [s, 'general-public'] as const),
  ...GOVERNMENT_FUND_SOURCES.map((s) => [s, 'government-fund'] as const),
  ...SOE_CAPITAL_SOURCES.map((s) => [s, 'soe-capital'] as const),
  ...BUSINESS_INCOME_SOURCES.map((s) => [s, 'business'] as const),
  ['operating-income', 'operating'],
  ['carryover-fiscal', 'carryover-fiscal'],
]);

export function familyOf(source: FundSource): FundFamily {
  return FAMILY_OF.get(source) ?? 'other';
}

/** 财政拨款: what 表4 and 表8 count. A comparison, not a Set lookup: the tables ask it of every cell. */
export function isFiscal(family: FundFamily): boolean {
  return family === 'general-public' || family === 'government-fund' || family === 'soe-capital' || family === 'carryover-fiscal';
}

interface Summed {
  readonly family: FundFamily;
  readonly fen: number;
  /** How many lines the cell sums. */
  readonly lines: number;
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

/** Per project: what its lines add up to, in total, by economic 款 and by fund source (the rules' project checks). */
export interface ProjectLineTotals {
  total: Fen;
  byEconomic: Map<string, Fen>;
  bySource: Map<FundSource, Fen>;
  lineCount: number;
}

/**
 * The lines read once, for the tables and for the rules alike. Besides the three projections the
 * tables sum, it carries what the line rules look up (totals by fund source and by project, the
 * units the lines use, lines whose kind and project disagree), so validation needs no pass of its own.
 */
export interface LineAggregate {
  readonly byFunction: readonly FunctionCell[];
  readonly byEconomic: readonly EconomicCell[];
  readonly byProject: readonly ProjectCell[];
  readonly incomeBySource: ReadonlyMap<FundSource, Fen>;
  readonly expenditureBySource: ReadonlyMap<FundSource, Fen>;
  readonly expenditureTotal: Fen;
  readonly projectLines: ReadonlyMap<string, ProjectLineTotals>;
  /** Budget units the expenditure lines name, each once. */
  readonly unitCodes: ReadonlySet<string>;
  /** Lines whose kind and project disagree: a project line without a project, or a basic line with one. */
  readonly projectLinkMismatches: number;
  /** Positions of the expenditure lines whose id an earlier line already had. */
  readonly repeatedLineIds: readonly number[];
}

const FAMILIES: readonly FundFamily[] = ['general-public', 'government-fund', 'soe-capital', 'carryover-fiscal', 'business', 'operating', 'other'];
const KINDS: readonly TExpenditureKind[] = ['basic-personnel', 'basic-public', 'project'];
const SLOTS = FAMILIES.length * KINDS.length;
const KIND_INDEX = new Map(KINDS.map((kind, i) => [kind, i]));
/** Per fund source, its position and its family's: one Map lookup per line for both. */
const SOURCE_SLOTS = new Map<string, { source: number; family: number }>(FUND_SOURCES.map((source, i) => [source, { source: i, family: FAMILIES.indexOf(familyOf(source)) }]));
/** Sums of sources outside the list land past the end of the list, where no report reads them. */
const OTHER_SOURCE = { source: FUND_SOURCES.length, family: FAMILIES.indexOf('other') };

function familyAt(slot: number): FundFamily {
  return FAMILIES[Math.floor(slot / KINDS.length)] ?? 'other';
}

function kindAt(slot: number): TExpenditureKind {
  return KINDS[slot % KINDS.length] ?? 'project';
}

/** A project's totals while the lines are read: its fund sources by position in FUND_SOURCES (no Map per line). */
interface ProjectAccumulator {
  total: number;
  lineCount: number;
  /** By economic 款, in one slot: a 款 whose last line goes leaves the project's byEconomic. */
  byEconomic: SlotSums;
  bySource: number[];
  /** By functional 项, one slot per fund family: 表10's and Part 3's projection. */
  byFunction: SlotSums;
}

/** The accumulator of a line's project, made on its first line. */
function projectOf(projects: Map<string, ProjectAccumulator>, projectId: string): ProjectAccumulator {
  let totals = projects.get(projectId);
  if (totals === undefined) {
    totals = { total: 0, lineCount: 0, byEconomic: new SlotSums(1), bySource: new Array<number>(FUND_SOURCES.length + 1).fill(0), byFunction: new SlotSums(FAMILIES.length) };
    projects.set(projectId, totals);
  }
  return totals;
}

/** Fund sources with a non-zero sum, from sums by position in FUND_SOURCES. */
function sourceMap(sums: readonly number[]): Map<FundSource, Fen> {
  const map = new Map<FundSource, Fen>();
  FUND_SOURCES.forEach((source, i) => {
    const fen = sums[i] ?? 0;
    if (fen !== 0) map.set(source, fen as Fen);
  });
  return map;
}

function add<K>(map: Map<K, Fen>, key: K, fen: number): void {
  map.set(key, ((map.get(key) ?? 0) + fen) as Fen);
}

/**
 * The pass over the lines that every table and every line rule shares, kept open: each amount is
 * parsed once and added, in integer 分, to three small projections (by 项 and unit, by 款 and unit,
 * by project) and to the totals the rules compare. Tables then sum those, never the lines again.
 * Lines can also be taken out again, so that whoever holds a budget's tally (a worker between two
 * recomputes) brings it up to date with the lines an edit changed instead of reading them all. Maps
 * are nested on the lines' own code strings rather than keyed by concatenations, so no key string
 * is built per line, and hold numbers (SlotSums): the cells are built by aggregate().
 */
export class LineTally {
  private readonly byFunction = new NestedSlotSums(SLOTS);
  private readonly byEconomic = new NestedSlotSums(SLOTS);
  private readonly projects = new Map<string, ProjectAccumulator>();
  private readonly bySourceIndex = new Array<number>(FUND_SOURCES.length + 1).fill(0);
  private expenditureTotal = 0;
  private projectLinkMismatches = 0;

  add(line: TExpenditureLine): void {
    this.apply(line, 1);
  }

  /** Takes out a line added before (with the values it was added with). */
  remove(line: TExpenditureLine): void {
    this.apply(line, -1);
  }

  /**
   * The aggregate of the lines in the tally, with the income lines and the positions of repeated
   * ids given: cells of its own, which later changes to the tally leave as they are.
   */
  aggregate(incomeLines: TBudgetDocument['incomeLines'], repeatedLineIds: readonly number[] = []): LineAggregate {
    const byFunction: FunctionCell[] = [];
    this.byFunction.forEachSlot((unitCode, functionCode, slot, fen, lines) => byFunction.push({ family: familyAt(slot), kind: kindAt(slot), unitCode, functionCode, fen, lines }));
    const byEconomic: EconomicCell[] = [];
    this.byEconomic.forEachSlot((unitCode, economicCode, slot, fen, lines) => byEconomic.push({ family: familyAt(slot), kind: kindAt(slot), unitCode, economicCode, fen, lines }));
    const projectLines = new Map<string, ProjectLineTotals>();
    const byProject: ProjectCell[] = [];
    for (const [projectId, p] of this.projects) {
      p.byFunction.forEachSlot((functionCode, slot, fen, lines) => byProject.push({ family: FAMILIES[slot] ?? 'other', projectId, functionCode, fen, lines }));
      const economic = new Map<string, Fen>();
      p.byEconomic.forEachSlot((economicCode, _slot, fen) => economic.set(economicCode, fen as Fen));
      projectLines.set(projectId, { total: p.total as Fen, lineCount: p.lineCount, byEconomic: economic, bySource: sourceMap(p.bySource) });
    }
    const incomeBySource = new Map<FundSource, Fen>();
    for (const line of incomeLines) add(incomeBySource, line.source, parseFen(line.amount));
    const aggregate = {
      byFunction,
      byEconomic,
      byProject,
      incomeBySource,
      expenditureBySource: sourceMap(this.bySourceIndex),
      // amounts are non-negative by schema, so when the grand total is exact every partial sum is too
      expenditureTotal: assertExact(this.expenditureTotal),
      projectLines,
      // byFunction is keyed by unit first, and a unit whose last line went has left it
      unitCodes: new Set(this.byFunction.keys()),
      projectLinkMismatches: this.projectLinkMismatches,
      repeatedLineIds,
    };
    for (const cells of [aggregate.byFunction, aggregate.byEconomic, aggregate.byProject, [...incomeBySource.values()].map((fen) => ({ fen }))]) {
      for (const cell of cells) assertExact(cell.fen);
    }
    return aggregate;
  }

  private apply(line: TExpenditureLine, sign: 1 | -1): void {
    const { kind, unitCode, functionCode, economicCode, projectId, fundSource } = line;
    const fen = sign * parseFen(line.amount);
    this.expenditureTotal += fen;
    // a source outside the schema's list (a document not parsed) counts as 'other', as familyOf says
    const sourceSlots = SOURCE_SLOTS.get(fundSource) ?? OTHER_SOURCE;
    this.bySourceIndex[sourceSlots.source] = (this.bySourceIndex[sourceSlots.source] ?? 0) + fen;
    const familyIndex = sourceSlots.family;
    const slot = familyIndex * KINDS.length + (KIND_INDEX.get(kind) ?? 0);
    this.byFunction.add(unitCode, functionCode, slot, fen, sign);
    this.byEconomic.add(unitCode, economicCode, slot, fen, sign);
    if ((kind === 'project') !== (projectId !== undefined)) this.projectLinkMismatches += sign;
    if (projectId === undefined) return;
    const project = projectOf(this.projects, projectId);
    project.total += fen;
    project.lineCount += sign;
    project.byEconomic.add(economicCode, 0, fen, sign);
    project.bySource[sourceSlots.source] = (project.bySource[sourceSlots.source] ?? 0) + fen;
    project.byFunction.add(functionCode, familyIndex, fen, sign);
    if (project.lineCount === 0) this.projects.delete(projectId);
  }
}

/**
 * The lines of a document tallied in one pass, with the ids checked while each line is at hand
 * rather than in a pass of the rules' own. Totals are checked to stay in the exact integer range.
 */
export function aggregateLines(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): LineAggregate {
  const tally = new LineTally();
  const lines = doc.expenditureLines;
  const ids = idTable(lines.length, (position) => lines[position]!.id);
  const repeatedLineIds: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ids.seen(line.id, i)) repeatedLineIds.push(i);
    tally.add(line);
  }
  return tally.aggregate(doc.incomeLines, repeatedLineIds);
}

function assertExact(fen: number): Fen {
  if (!Number.isSafeInteger(fen)) throw new MoneyError('OUT_OF_RANGE', fen, 'a total exceeds the exact range');
  return fen as Fen;
}

/** A 项 cell summed over the budget units. */
export type FunctionCodeCell = Omit<FunctionCell, 'unitCode'>;
/** A 款 cell summed over the budget units. */
export type EconomicCodeCell = Omit<EconomicCell, 'unitCode'>;

interface CellsOverUnits {
  readonly byFunction: readonly FunctionCodeCell[];
  readonly byEconomic: readonly EconomicCodeCell[];
}

const OVER_UNITS = new WeakMap<LineAggregate, CellsOverUnits>();

/** A cell being summed over units. */
interface Merging {
  readonly family: FundFamily;
  readonly kind: TExpenditureKind;
  fen: number;
  lines: number;
}

/** Cells of one code summed over units, one per slot (fund family × kind), in slot order. */
function mergeOverUnits<C extends Summed & { readonly kind: TExpenditureKind }, M extends Merging>(
  cells: readonly C[],
  codeOf: (cell: C) => string,
  cellOf: (code: string, family: FundFamily, kind: TExpenditureKind) => M,
): M[] {
  const byCode = new Map<string, (M | undefined)[]>();
  for (const cell of cells) {
    const code = codeOf(cell);
    let slots = byCode.get(code);
    if (slots === undefined) byCode.set(code, (slots = new Array<M | undefined>(SLOTS).fill(undefined)));
    const slot = FAMILIES.indexOf(cell.family) * KINDS.length + (KIND_INDEX.get(cell.kind) ?? 0);
    const merged = (slots[slot] ??= cellOf(code, cell.family, cell.kind));
    merged.fen += cell.fen;
    merged.lines += cell.lines;
  }
  const out: M[] = [];
  for (const slots of byCode.values()) for (const merged of slots) if (merged !== undefined) out.push(merged);
  return out;
}

/**
 * The aggregate's 项 and 款 cells summed over the budget units, made once per aggregate: most tables
 * and the prose print no unit, and summing these (a department's 项 or 款 × fund family × kind)
 * instead of the cells per unit (several times as many) spares every one of them the units. Codes
 * in the order they first come, each code's cells in slot order; sums in integer 分, exact as
 * the cells they add up.
 */
export function overUnits(aggregate: LineAggregate): CellsOverUnits {
  let cells = OVER_UNITS.get(aggregate);
  if (cells === undefined) {
    cells = {
      byFunction: mergeOverUnits(aggregate.byFunction, (c) => c.functionCode, (functionCode, family, kind) => ({ family, kind, functionCode, fen: 0, lines: 0 })),
      byEconomic: mergeOverUnits(aggregate.byEconomic, (c) => c.economicCode, (economicCode, family, kind) => ({ family, kind, economicCode, fen: 0, lines: 0 })),
    };
    OVER_UNITS.set(aggregate, cells);
  }
  return cells;
}

/**
 * Sums the cells that pass `include` under the key `keyOf` gives, in the order the keys first come.
 * One key per cell, so that no array is made per cell (the tables sum thousands of cells each),
 * and the running sums kept in an array, not in the Map: a Map holds a sum past 2^30 as a boxed
 * number, a new one per addition. Integer 分 throughout.
 */
export function sumCells<T extends Summed>(cells: readonly T[], include: (cell: T) => boolean, keyOf: (cell: T) => string): Map<string, Fen> {
  const positions = new Map<string, number>();
  const totals: number[] = [];
  for (const cell of cells) {
    if (!include(cell)) continue;
    const key = keyOf(cell);
    const at = positions.get(key);
    if (at === undefined) {
      positions.set(key, totals.length);
      totals.push(cell.fen);
    } else totals[at] = totals[at]! + cell.fen;
  }
  const sums = new Map<string, Fen>();
  for (const [key, at] of positions) sums.set(key, assertExact(totals[at]!));
  return sums;
}

/** Sum of the cells that pass `include`. */
export function totalOf<T extends Summed>(cells: readonly T[], include: (cell: T) => boolean): Fen {
  let total = 0;
  for (const cell of cells) if (include(cell)) total += cell.fen;
  return assertExact(total);
}
