import { z } from 'zod';
import { ZAmount } from '../budget/amount.schema';
import { ZEconomicCode, ZExpenditureKind, ZFunctionCode, ZFundSource, ZUnitCode, type TBudgetDocument, type TExpenditureLine } from '../budget/budget-document.schema';
import { lookupName, type Catalogue } from '../catalogue/catalogue';
import { FUND_SOURCE_KEYS, FUND_SOURCE_NAMES, FUND_SOURCES, fundSourceOfKey } from '../budget/fund-source';
import { formatYuan, parseFen, type Fen } from '../money/fen';

/**
 * The published budget's expenditure as the portal drills into it: the lines summed by unit, 功能 项,
 * 经济 款, kind and fund source (projects and notes left out: the drill-down never splits by them).
 */
export const ZBreakdownFact = z.object({
  unitCode: ZUnitCode,
  functionCode: ZFunctionCode,
  economicCode: ZEconomicCode,
  kind: ZExpenditureKind,
  fundSource: ZFundSource,
  amount: ZAmount, // exact 元
});

/** The facts with the names their codes print with (功能 类/款/项, 经济 类/款, units). */
export const ZBreakdownData = z.object({
  facts: z.array(ZBreakdownFact),
  names: z.object({
    functional: z.record(z.string(), z.string()),
    economic: z.record(z.string(), z.string()),
    units: z.record(z.string(), z.string()),
  }),
});

export type TBreakdownFact = z.output<typeof ZBreakdownFact>;
export type TBreakdownData = z.output<typeof ZBreakdownData>;

/** "Show by": 按功能分类 / 按经济分类 / 按单位 / 按资金来源. */
export const BREAKDOWN_DIMENSIONS = ['function', 'economic', 'unit', 'fund-source'] as const;
export const ZBreakdownDimension = z.enum(BREAKDOWN_DIMENSIONS);
export type TBreakdownDimension = z.output<typeof ZBreakdownDimension>;

interface TLevel {
  /** What the level is called in a path: 类, 款, 项, 单位, 资金来源. */
  label: string;
  code(fact: TBreakdownFact): string;
  name(data: TBreakdownData, code: string): string;
  /** false where the code is the portal's key, not an official code a reader looks up (资金来源) */
  official: boolean;
  /** The code an address may name differently (a fund source's id in links from before its key). */
  canonical?(code: string): string;
  /** The order of the rows; code order unless the level says otherwise. */
  compare?(a: string, b: string): number;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const functional = (label: string, digits: number): TLevel => ({
  label,
  code: (f) => f.functionCode.slice(0, digits),
  name: (d, code) => d.names.functional[code] ?? code,
  official: true,
});
const economic = (label: string, digits: number): TLevel => ({
  label,
  code: (f) => f.economicCode.slice(0, digits),
  name: (d, code) => d.names.economic[code] ?? code,
  official: true,
});
const unit: TLevel = { label: '单位', code: (f) => f.unitCode, name: (d, code) => d.names.units[code] ?? code, official: true };
/** In the order 表一 prints its income rows. */
const fundSourceRank = (key: string): number => FUND_SOURCES.findIndex((s) => FUND_SOURCE_KEYS[s] === key);
const fundSource: TLevel = {
  label: '资金来源',
  code: (f) => FUND_SOURCE_KEYS[f.fundSource],
  name: (_d, key) => {
    const source = fundSourceOfKey(key);
    return source === undefined ? key : FUND_SOURCE_NAMES[source];
  },
  official: false,
  canonical: (code) => {
    const source = fundSourceOfKey(code);
    return source === undefined ? code : FUND_SOURCE_KEYS[source];
  },
  compare: (a, b) => fundSourceRank(a) - fundSourceRank(b),
};
const FUNCTION_LEVELS = [functional('类', 3), functional('款', 5), functional('项', 7)];

/** Each dimension's levels, top down: a 类 opens on its 款, a 款 on its 项, a 项 on the units that spend it. */
const LEVELS: Record<TBreakdownDimension, readonly TLevel[]> = {
  function: [...FUNCTION_LEVELS, unit],
  economic: [economic('类', 3), economic('款', 5), unit],
  unit: [unit, ...FUNCTION_LEVELS],
  'fund-source': [fundSource, ...FUNCTION_LEVELS],
};

/** Money of a row: all of it, 基本支出 (personnel and public) and 项目支出, exact 元. */
export interface TSplit {
  total: string;
  basic: string;
  project: string;
}

export interface TBreakdownRow extends TSplit {
  code: string;
  name: string;
}

export interface TBreakdownStep {
  code: string;
  name: string;
  /** 类, 款, 项, 单位 or 资金来源 */
  level: string;
}

export interface TBreakdownView {
  by: TBreakdownDimension;
  /** Where the view stands, from the top; only the codes that exist (a stale link stops where it breaks). */
  path: TBreakdownStep[];
  /** What the rows are (类, 款 …), or undefined at the bottom, where the rows are 基本支出 and 项目支出. */
  rowLevel: string | undefined;
  /** Whether the rows' codes are official ones to show (功能, 经济, 单位), not a key of the portal's (资金来源) or none (the split). */
  rowCodes: boolean;
  rows: TBreakdownRow[];
  total: TSplit;
}

/** The lines summed by what the drill-down tells apart. */
export function breakdownFacts(lines: readonly TExpenditureLine[]): TBreakdownFact[] {
  const sums = new Map<string, { fact: Omit<TBreakdownFact, 'amount'>; fen: number }>();
  for (const l of lines) {
    const key = [l.unitCode, l.functionCode, l.economicCode, l.kind, l.fundSource].join('|');
    const entry = sums.get(key);
    if (entry === undefined) {
      sums.set(key, { fact: { unitCode: l.unitCode, functionCode: l.functionCode, economicCode: l.economicCode, kind: l.kind, fundSource: l.fundSource }, fen: parseFen(l.amount) });
    } else entry.fen += parseFen(l.amount);
  }
  return [...sums.entries()].sort(([a], [b]) => byCode(a, b)).map(([, { fact, fen }]) => ({ ...fact, amount: formatYuan(fen as Fen) }));
}

interface TFenSplit {
  total: number;
  basic: number;
  project: number;
}

const add = (s: TFenSplit, f: TBreakdownFact): void => {
  const fen = parseFen(f.amount);
  s.total += fen;
  if (f.kind === 'project') s.project += fen;
  else s.basic += fen;
};
const toSplit = (s: TFenSplit): TSplit => ({ total: formatYuan(s.total as Fen), basic: formatYuan(s.basic as Fen), project: formatYuan(s.project as Fen) });
const empty = (): TFenSplit => ({ total: 0, basic: 0, project: 0 });

/**
 * One view of the drill-down: the facts under `path` (codes from the top level of `by`), grouped
 * by the next level, in code order; at the bottom, split into 基本支出 and 项目支出.
 */
export function drillDown(data: TBreakdownData, by: TBreakdownDimension, path: readonly string[]): TBreakdownView {
  const levels = LEVELS[by];
  let facts = data.facts;
  const steps: TBreakdownStep[] = [];
  for (const [i, asked] of path.slice(0, levels.length).entries()) {
    const level = levels[i] as TLevel;
    const code = level.canonical?.(asked) ?? asked;
    const under = facts.filter((f) => level.code(f) === code);
    if (under.length === 0) break;
    facts = under;
    steps.push({ code, name: level.name(data, code), level: level.label });
  }
  const total = empty();
  facts.forEach((f) => add(total, f));
  const next = levels[steps.length];
  if (next === undefined) {
    const rows: TBreakdownRow[] = [
      { code: 'basic', name: '基本支出', total: formatYuan(total.basic as Fen), basic: formatYuan(total.basic as Fen), project: formatYuan(0 as Fen) },
      { code: 'project', name: '项目支出', total: formatYuan(total.project as Fen), basic: formatYuan(0 as Fen), project: formatYuan(total.project as Fen) },
    ].filter((r) => r.total !== '0.00');
    return { by, path: steps, rowLevel: undefined, rowCodes: false, rows, total: toSplit(total) };
  }
  const groups = new Map<string, TFenSplit>();
  for (const f of facts) {
    const code = next.code(f);
    const sum = groups.get(code) ?? empty();
    add(sum, f);
    groups.set(code, sum);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (next.compare ?? byCode)(a, b))
    .map(([code, sum]) => ({ code, name: next.name(data, code), ...toSplit(sum) }));
  return { by, path: steps, rowLevel: next.label, rowCodes: next.official, rows, total: toSplit(total) };
}

/** How deep a dimension goes: a view with this many codes in its path shows the basic/project split. */
export function breakdownDepth(by: TBreakdownDimension): number {
  return LEVELS[by].length;
}

/** The drill-down path a 功能 or 经济 code stands at: 2010350 with [3, 5, 7] → 201, 20103, 2010350. */
export function codePath(code: string, digits: readonly number[]): string[] {
  return digits.filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** The facts of a budget with the names of the year's catalogue (a code it does not know keeps its code as its name). */
export function breakdownDataOf(document: Pick<TBudgetDocument, 'expenditureLines' | 'department'>, catalogue: Catalogue): TBreakdownData {
  const facts = breakdownFacts(document.expenditureLines);
  const named = (kind: 'functional' | 'economic', codes: Iterable<string>): Record<string, string> =>
    Object.fromEntries([...new Set(codes)].sort().map((code) => [code, lookupName(catalogue, kind, code) ?? code]));
  return {
    facts,
    names: {
      functional: named('functional', facts.flatMap((f) => codePath(f.functionCode, [3, 5, 7]))),
      economic: named('economic', facts.flatMap((f) => codePath(f.economicCode, [3, 5]))),
      units: Object.fromEntries(document.department.units.map((u) => [u.code, u.name])),
    },
  };
}

/** What a search by 功能科目 matches: every 类, 款 and 项 code the lines use, and each as "code name". */
export function functionSearchKeys(data: TBreakdownData): { codes: string[]; lines: string[] } {
  const codes = Object.keys(data.names.functional).sort();
  return { codes, lines: codes.map((code) => `${code} ${data.names.functional[code] ?? code}`) };
}
