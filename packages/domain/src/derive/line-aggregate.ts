import { FUND_SOURCES, GENERAL_PUBLIC_BUDGET_SOURCES, GOVERNMENT_FUND_SOURCES, type FundSource } from '../budget/fund-source';
import type { TBudgetDocument, TExpenditureKind } from '../budget/budget-document.schema';
import { parseFen, type Fen } from '../money/fen';
import { MoneyError } from '../money/money-error';
import { idTable } from './id-table';

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

const FAMILIES: readonly FundFamily[] = ['general-public', 'government-fund', 'carryover-fiscal', 'other'];
const KINDS: readonly TExpenditureKind[] = ['basic-personnel', 'basic-public', 'project'];
const SLOTS = FAMILIES.length * KINDS.length;
const KIND_INDEX = new Map(KINDS.map((kind, i) => [kind, i]));
/** Per fund source, its position and its family's: one Map lookup per line for both. */
const SOURCE_SLOTS = new Map<string, { source: number; family: number }>(FUND_SOURCES.map((source, i) => [source, { source: i, family: FAMILIES.indexOf(familyOf(source)) }]));
/** Sums of sources outside the list land past the end of the list, where no report reads them. */
const OTHER_SOURCE = { source: FUND_SOURCES.length, family: FAMILIES.indexOf('other') };

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

function add<K>(map: Map<K, Fen>, key: K, fen: number): void {
  map.set(key, ((map.get(key) ?? 0) + fen) as Fen);
}

/** A project's totals while the lines are read: its fund sources by position in FUND_SOURCES (no Map per line). */
interface ProjectAccumulator {
  total: number;
  lineCount: number;
  byEconomic: Map<string, Fen>;
  bySource: number[];
  /** The project's cells by functional 项, one slot per fund family: 表10's and Part 3's projection. */
  byFunction: Map<string, Slots<ProjectCell>>;
}

/** The accumulator of a line's project, made on its first line. */
function projectOf(projects: Map<string, ProjectAccumulator>, projectId: string): ProjectAccumulator {
  let totals = projects.get(projectId);
  if (totals === undefined) {
    totals = { total: 0, lineCount: 0, byEconomic: new Map(), bySource: new Array<number>(FUND_SOURCES.length + 1).fill(0), byFunction: new Map() };
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

/**
 * The one pass over the lines that every table and every line rule shares: each amount is parsed
 * once and added, in integer 分, to three small projections (by 项 and unit, by 款 and unit, by
 * project) and to the totals the rules compare. Tables then sum those, never the lines again.
 * Maps are nested on the lines' own code strings rather than keyed by concatenations, so no key
 * string is built per line. Totals are checked to stay in the exact integer range.
 */
export function aggregateLines(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>): LineAggregate {
  const byFunction = new Map<string, Map<string, Slots<FunctionCell>>>();
  const byEconomic = new Map<string, Map<string, Slots<EconomicCell>>>();
  const projects = new Map<string, ProjectAccumulator>();
  const bySourceIndex = new Array<number>(FUND_SOURCES.length + 1).fill(0);
  let expenditureTotal = 0;
  let projectLinkMismatches = 0;
  // ids are checked here, while each line is at hand, rather than in a pass of the rules' own
  const lines = doc.expenditureLines;
  const ids = idTable(lines.length, (position) => lines[position]!.id);
  const repeatedLineIds: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const { kind, unitCode, functionCode, economicCode, projectId, fundSource } = line;
    if (ids.seen(line.id, i)) repeatedLineIds.push(i);
    const fen = parseFen(line.amount);
    expenditureTotal += fen;
    // a source outside the schema's list (a document not parsed) counts as 'other', as familyOf says
    const sourceSlots = SOURCE_SLOTS.get(fundSource) ?? OTHER_SOURCE;
    bySourceIndex[sourceSlots.source] = (bySourceIndex[sourceSlots.source] ?? 0) + fen;
    const familyIndex = sourceSlots.family;
    const family = FAMILIES[familyIndex] ?? 'other';
    const slot = familyIndex * KINDS.length + (KIND_INDEX.get(kind) ?? 0);
    const functionSlots = slotsOf(byFunction, unitCode, functionCode, SLOTS);
    const f = functionSlots[slot];
    if (f === undefined) functionSlots[slot] = { family, kind, unitCode, functionCode, fen };
    else f.fen += fen;
    const economicSlots = slotsOf(byEconomic, unitCode, economicCode, SLOTS);
    const e = economicSlots[slot];
    if (e === undefined) economicSlots[slot] = { family, kind, unitCode, economicCode, fen };
    else e.fen += fen;
    if ((kind === 'project') !== (projectId !== undefined)) projectLinkMismatches++;
    if (projectId === undefined) continue;
    const project = projectOf(projects, projectId);
    project.total += fen;
    project.lineCount += 1;
    add(project.byEconomic, economicCode, fen);
    project.bySource[sourceSlots.source] = (project.bySource[sourceSlots.source] ?? 0) + fen;
    let projectSlots = project.byFunction.get(functionCode);
    if (projectSlots === undefined) {
      projectSlots = new Array<ProjectCell | undefined>(FAMILIES.length);
      project.byFunction.set(functionCode, projectSlots);
    }
    const p = projectSlots[familyIndex];
    if (p === undefined) projectSlots[familyIndex] = { family, projectId, functionCode, fen };
    else p.fen += fen;
  }
  const expenditureBySource = sourceMap(bySourceIndex);
  const projectLines = new Map<string, ProjectLineTotals>();
  const byProject = new Map<string, Map<string, Slots<ProjectCell>>>();
  for (const [id, p] of projects) {
    byProject.set(id, p.byFunction);
    projectLines.set(id, { total: p.total as Fen, lineCount: p.lineCount, byEconomic: p.byEconomic, bySource: sourceMap(p.bySource) });
  }
  const incomeBySource = new Map<FundSource, Fen>();
  for (const line of doc.incomeLines) add(incomeBySource, line.source, parseFen(line.amount));
  const aggregate = {
    byFunction: flatten(byFunction),
    byEconomic: flatten(byEconomic),
    byProject: flatten(byProject),
    incomeBySource,
    expenditureBySource,
    // amounts are non-negative by schema, so when the grand total is exact every partial sum is too
    expenditureTotal: assertExact(expenditureTotal),
    projectLines,
    unitCodes: new Set(byFunction.keys()),
    projectLinkMismatches,
    repeatedLineIds,
  };
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
