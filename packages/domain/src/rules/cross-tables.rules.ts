import type { TDisclosure, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { ZERO_FEN, type Fen } from '../money/fen';
import type { TFinding, TFindingLocation } from './finding.schema';
import {
  agrees,
  amountColumns,
  cellFen,
  cellLocation,
  findByRole,
  halfStepOf,
  rowName,
  yuan,
} from './disclosure-grid';
import { defineRules, report } from './rule-definition';
import { summarySides } from './summary-tables.rules';

export const CROSS_TABLE_RULES = defineRules('identities', 'disclosure', {
  t3VsT1: {
    id: 'T3.TOTAL_VS_T1',
    severity: 'error',
    description: { zh: '表3 合计等于表1 本年支出合计', en: '表3’s total equals 表1’s expenditure total' },
    message: {
      zh: '表3 合计 {actual} 元，表1 本年支出合计 {expected} 元',
      en: '表3 totals {actual} yuan, 表1’s expenditure {expected} yuan',
    },
  },
  t1FunctionVsT3: {
    id: 'T1.FUNCTION_VS_T3',
    severity: 'error',
    description: {
      zh: '表1 各功能分类（类）等于表3 该类各项之和',
      en: 'Each functional 类 of 表1 equals the sum of its 项 in 表3',
    },
    message: {
      zh: '表1 功能分类 {code} 为 {actual} 元，表3 该类各项之和为 {expected} 元',
      en: '表1 functional 类 {code}: {actual} yuan, its 项 in 表3 sum to {expected} yuan',
    },
  },
  t4VsT5T7: {
    id: 'T4.VS_T5_T7',
    severity: 'error',
    description: {
      zh: '表4 财政拨款本年支出合计等于表5 合计加表7 合计',
      en: '表4’s expenditure total equals the totals of 表5 and 表7 together',
    },
    message: {
      zh: '表4 本年支出合计 {actual} 元，表5 与表7 合计之和 {expected} 元',
      en: '表4’s expenditure total is {actual} yuan, 表5 and 表7 total {expected} yuan',
    },
  },
  t6VsT5Basic: {
    id: 'T6.TOTAL_VS_T5_BASIC',
    severity: 'error',
    description: {
      zh: '表6 合计等于表5 基本支出合计（均为一般公共预算基本支出）',
      en: '表6’s total equals 表5’s basic expenditure (both: basic lines of the general public budget)',
    },
    message: {
      zh: '表6 合计 {actual} 元，表5 基本支出合计 {expected} 元',
      en: '表6 totals {actual} yuan, 表5’s basic expenditure {expected} yuan',
    },
  },
  t2VsT1: {
    id: 'T2.VS_T1',
    severity: 'error',
    description: {
      zh: '表2 各收入行等于表1 相同收入行',
      en: 'Each income row of 表2 equals the same row of 表1',
    },
    message: {
      zh: '表2「{row}」为 {actual} 元，表1 同一行为 {expected} 元',
      en: '表2 “{row}”: {actual} yuan, the same row of 表1: {expected} yuan',
    },
  },
});

type Rule = (typeof CROSS_TABLE_RULES)[keyof typeof CROSS_TABLE_RULES];

/** The 合计 row of a table whose body is one hierarchy (表3, 表5, 表6, 表7). */
export function totalRow(table: TDisclosureTable | undefined): TRow | undefined {
  return table?.rows.find((r) => r.emphasis === 'total' && r.footer !== true);
}

/** The column a side-by-side table's row is read in: its section's first (合计), else the table's first. */
function sideColumn(table: TDisclosureTable, row: TRow): string {
  return table.sections.find((s) => s.key === row.section)?.columns?.[0] ?? columnKey(table) ?? '';
}

/** A column by its printed label (基本支出 …), or the first amount column. */
export function columnKey(table: TDisclosureTable | undefined, label?: RegExp): string | undefined {
  const columns = table === undefined ? [] : amountColumns(table);
  return (label === undefined ? columns[0] : columns.find((c) => label.test(c.label)))?.key;
}

function compare(
  rule: Rule,
  location: TFindingLocation,
  actual: Fen,
  expected: Fen,
  terms: number,
  halfStep: number,
  params = {},
  actualHalfStep = halfStep,
): TFinding[] {
  if (agrees(actual, expected, terms, halfStep, actualHalfStep)) return [];
  return [
    report(
      rule,
      location,
      { ...params, actual: yuan(actual), expected: yuan(expected) },
      { expected: yuan(expected), actual: yuan(actual) },
    ),
  ];
}

const normalize = (name: string) => name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

function t2VsT1(t1: TDisclosureTable, t2: TDisclosureTable, halfStep: number, t2HalfStep: number): TFinding[] {
  const c1 = columnKey(t1);
  const c2 = columnKey(t2);
  if (c1 === undefined || c2 === undefined) return [];
  const incomeSection = summarySides(t1).income?.section;
  const t1Rows = t1.rows.filter((r) => (r.section ?? '') === incomeSection);
  const byKey = new Map(t1Rows.map((r) => [r.key, r]));
  const byName = new Map(t1Rows.map((r) => [normalize(r.name), r]));
  return t2.rows.flatMap((row) => {
    const same = byKey.get(row.key) ?? byName.get(normalize(row.name));
    if (same === undefined) return [];
    const at = cellLocation({ table: t2.id, rowPrefix: '' }, row, c2);
    return compare(CROSS_TABLE_RULES.t2VsT1, at, cellFen(row, c2), cellFen(same, c1), 1, halfStep, { row: rowName(row) }, t2HalfStep);
  });
}

/** Σ of 表3's 项 rows per functional 类 (the unit rows between them carry unit codes, not 项). */
function t3ByClass(
  t3: TDisclosureTable,
  column: string,
  unitCodes: ReadonlySet<string>,
): Map<string, { fen: Fen; terms: number }> {
  const byClass = new Map<string, { fen: Fen; terms: number }>();
  for (const row of t3.rows) {
    if (
      row.code === undefined ||
      !/^\d{7}$/.test(row.code) ||
      unitCodes.has(row.code) ||
      row.emphasis === 'total'
    )
      continue;
    const cls = row.code.slice(0, 3);
    const sum = byClass.get(cls) ?? { fen: ZERO_FEN, terms: 0 };
    byClass.set(cls, { fen: (sum.fen + cellFen(row, column)) as Fen, terms: sum.terms + 1 });
  }
  return byClass;
}

function t1FunctionVsT3(
  t1: TDisclosureTable,
  t3: TDisclosureTable,
  unitCodes: ReadonlySet<string>,
  halfStep: number,
  t1HalfStep: number,
): TFinding[] {
  const c3 = columnKey(t3);
  if (c3 === undefined) return [];
  const expected = t3ByClass(t3, c3, unitCodes);
  // A 支出预算总表 of one total row (Jiangsu) has no 项 to compare.
  if (expected.size === 0) return [];
  const { income } = summarySides(t1);
  const t1Classes = t1.rows.filter(
    (r) =>
      r.footer !== true && r.section !== income?.section && r.code !== undefined && /^\d{3}$/.test(r.code),
  );
  // The functional side is the one whose 类 codes match 表3's 项; economic 类 (301 …) never do.
  const functional = t1Classes.filter((r) => r.code !== undefined && /^2\d\d$/.test(r.code));
  const findings: TFinding[] = [];
  const seen = new Set<string>();
  for (const row of functional) {
    const code = row.code ?? '';
    seen.add(code);
    const sum = expected.get(code) ?? { fen: ZERO_FEN, terms: 0 };
    const c1 = sideColumn(t1, row);
    const at = cellLocation({ table: t1.id, rowPrefix: '' }, row, c1);
    findings.push(...compare(CROSS_TABLE_RULES.t1FunctionVsT3, at, cellFen(row, c1), sum.fen, sum.terms, halfStep, { code }, t1HalfStep));
  }
  for (const [code, sum] of expected) {
    if (seen.has(code) || sum.fen === 0) continue;
    const at: TFindingLocation = { kind: 'table', table: t1.id, row: code, column: columnKey(t1) ?? '' };
    findings.push(...compare(CROSS_TABLE_RULES.t1FunctionVsT3, at, ZERO_FEN, sum.fen, sum.terms, halfStep, { code }, t1HalfStep));
  }
  return findings;
}

/** Identities 2 and 5 across tables: the same totals wherever they are printed. */
export function checkCrossTables(disclosure: TDisclosure): TFinding[] {
  const roles = ['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-summary', 'general-public-function', 'general-public-basic-economic', 'government-fund-function'] as const;
  const [t1, t2, t3, t4, t5, t6, t7] = roles.map((role) => findByRole(disclosure, role));
  const step = (table: TDisclosureTable | undefined) => halfStepOf(disclosure.meta, table);
  const findings: TFinding[] = [];
  const expenditureTotal = (t: TDisclosureTable) => summarySides(t).expenditure[0]?.yearTotal;

  const t1Total = t1 && expenditureTotal(t1);
  const t3Total = totalRow(t3);
  const c3 = columnKey(t3);
  if (t1Total && t3 && t3Total && c3 && t1) {
    const at = cellLocation({ table: t3.id, rowPrefix: '' }, t3Total, c3);
    findings.push(...compare(CROSS_TABLE_RULES.t3VsT1, at, cellFen(t3Total, c3), cellFen(t1Total, sideColumn(t1, t1Total)), 1, step(t1), {}, step(t3)));
  }
  if (t1 && t3) {
    const units = new Set(disclosure.overview.units.map((u) => u.code));
    findings.push(...t1FunctionVsT3(t1, t3, units, step(t3), step(t1)));
  }
  if (t1 && t2) findings.push(...t2VsT1(t1, t2, step(t1), step(t2)));

  const t4Total = t4 && expenditureTotal(t4);
  if (t4 && t4Total && (t5 || t7)) {
    const t6Soe = findByRole(disclosure, 'soe-capital-function');
    const parts = [t5, t7, t6Soe].filter((t) => t !== undefined);
    const fiscal = parts.reduce((sum, t) => sum + cellFen(totalRow(t), columnKey(t) ?? ''), 0) as Fen;
    const c4 = sideColumn(t4, t4Total);
    const at = cellLocation({ table: t4.id, rowPrefix: '' }, t4Total, c4);
    findings.push(...compare(CROSS_TABLE_RULES.t4VsT5T7, at, cellFen(t4Total, c4), fiscal, parts.length, Math.max(0, ...parts.map(step)), {}, step(t4)));
  }
  const t6Total = totalRow(t6);
  const c6 = columnKey(t6);
  const t5Basic = columnKey(t5, /基本/);
  if (t6Total && c6 && t5Basic) {
    const at = cellLocation({ table: t6?.id ?? '', rowPrefix: '' }, t6Total, c6);
    findings.push(...compare(CROSS_TABLE_RULES.t6VsT5Basic, at, cellFen(t6Total, c6), cellFen(totalRow(t5), t5Basic), 1, step(t5), {}, step(t6)));
  }
  return findings;
}
