import type { TDisclosure, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TTableRole } from '../templates/table-role';
import { agrees, cellFen, cellLocation, findByRole, halfStepOf, rowName, tableLabel, yuan } from './disclosure-grid';
import type { TFinding } from './finding.schema';
import { defineRules, report, type RuleDefinition } from './rule-definition';

/**
 * Identities the other provinces' tables imply, between tables found by role (silent where a
 * template prints neither side): the summary's 人员/公用/项目 split, income by function, 机关运行经费,
 * and 财政拨款 by function as the sum of the budgets it is made of.
 */
export const TEMPLATE_IDENTITY_RULES = defineRules('identities', 'disclosure', {
  summarySplit: {
    id: 'SUMMARY.SPLIT_VS_EXPENDITURE',
    severity: 'error',
    description: {
      zh: '收支总表支出方的人员经费加公用经费等于支出预算总表的基本支出，项目支出等于其项目支出',
      en: 'The summary’s 人员经费 plus 公用经费 equal the expenditure summary’s 基本支出, its 项目支出 the same',
    },
    message: {
      zh: '{table}「{row}」{column}为 {actual} 元，{other}为 {expected} 元',
      en: '{table} “{row}” {column}: {actual} yuan, {other}: {expected} yuan',
    },
  },
  incomeByFunction: {
    id: 'INCOME.BY_FUNCTION_VS_EXPENDITURE',
    severity: 'error',
    description: {
      zh: '按功能科目列示的收入预算总表，各科目合计等于支出预算总表同一科目的合计',
      en: 'An income summary by function equals, code by code, the expenditure summary’s total of the same code',
    },
    message: {
      zh: '{table}「{row}」合计为 {actual} 元，{other}同一科目为 {expected} 元',
      en: '{table} “{row}” totals {actual} yuan, the same code in {other}: {expected} yuan',
    },
  },
  operatingCosts: {
    id: 'OPERATING.WITHIN_PUBLIC',
    severity: 'error',
    description: {
      zh: '机关运行经费不超过一般公共预算基本支出的公用经费（机关运行经费只是行政和参公单位的公用经费；表中不分列公用经费时，不超过基本支出合计）',
      en: '机关运行经费 is at most the general public budget’s 公用经费 (that of 行政 and 参公 units only), or its basic total where 公用经费 is not printed apart',
    },
    message: {
      zh: '{table}机关运行经费为 {actual} 元，超过{other}的 {expected} 元',
      en: '{table}: 机关运行经费 of {actual} yuan exceeds {expected} yuan in {other}',
    },
  },
  fiscalByFunction: {
    id: 'FISCAL.BY_FUNCTION_VS_BUDGETS',
    severity: 'error',
    description: {
      zh: '财政拨款按功能科目的支出等于一般公共预算、政府性基金预算和国有资本经营预算同一科目之和',
      en: '财政拨款 by function equals, code by code, the general public, government fund and state capital budgets together',
    },
    message: {
      zh: '{table}「{row}」为 {actual} 元，{other}同一科目之和为 {expected} 元',
      en: '{table} “{row}”: {actual} yuan, the same code in {other} sums to {expected} yuan',
    },
  },
});

/** The budgets 财政拨款 is made of, with the column a fiscal summary prints each in (Shanghai 表4). */
const FISCAL_PARTS: readonly { role: TTableRole; column: string }[] = [
  { role: 'general-public-function', column: 'general-public' },
  { role: 'government-fund-function', column: 'government-fund' },
  { role: 'soe-capital-function', column: 'soe-capital' },
];

interface Side {
  table: TDisclosureTable;
  row: TRow;
  column: string;
}

class Checker {
  readonly findings: TFinding[] = [];
  constructor(private readonly disclosure: TDisclosure) {}

  /** `actual` (a printed cell) against the sum of `parts` (printed cells), within the rounding of each. */
  expect(rule: RuleDefinition, actual: Side, parts: readonly Side[], other: string): void {
    const expected = parts.reduce((sum, p) => sum + cellFen(p.row, p.column), 0) as Fen;
    const got = cellFen(actual.row, actual.column);
    const partStep = Math.max(0, ...parts.map((p) => halfStepOf(this.disclosure.meta, p.table)));
    if (agrees(got, expected, Math.max(parts.length, 1), partStep, halfStepOf(this.disclosure.meta, actual.table))) return;
    this.push(rule, actual, got, expected, other);
  }

  push(rule: RuleDefinition, at: Side, actual: Fen, expected: Fen, other: string): void {
    const column = at.table.columns.find((c) => c.key === at.column)?.label ?? at.column;
    const params = { table: tableLabel(at.table), row: rowName(at.row), column, other, actual: yuan(actual), expected: yuan(expected) };
    this.findings.push(report(rule, cellLocation({ table: at.table.id, rowPrefix: '' }, at.row, at.column), params, { expected: params.expected, actual: params.actual }));
  }
}

const totalRowOf = (table: TDisclosureTable | undefined) => table?.rows.find((r) => r.key === 'total');
const hasColumn = (table: TDisclosureTable, key: string) => table.columns.some((c) => c.key === key);
const codeRows = (table: TDisclosureTable) => new Map(table.rows.filter((r) => r.code !== undefined).map((r) => [r.code ?? '', r]));

/** 收支总表 支出总计 split into 人员经费 / 公用经费 / 项目支出 (Shanghai's 单位 version) against 支出预算总表. */
function summarySplit(c: Checker, summary: TDisclosureTable, expenditure: TDisclosureTable): void {
  const total = summary.rows.find((r) => r.key === 'func-total');
  const spent = totalRowOf(expenditure);
  if (total === undefined || spent === undefined || !hasColumn(summary, 'personnel') || !hasColumn(expenditure, 'basic')) return;
  const parts = [
    { table: summary, row: total, column: 'personnel' },
    { table: summary, row: total, column: 'public' },
  ];
  c.expect(TEMPLATE_IDENTITY_RULES.summarySplit, { table: expenditure, row: spent, column: 'basic' }, parts, `${tableLabel(summary)}人员经费与公用经费之和`);
  if (hasColumn(summary, 'project') && hasColumn(expenditure, 'project')) {
    c.expect(TEMPLATE_IDENTITY_RULES.summarySplit, { table: summary, row: total, column: 'project' }, [{ table: expenditure, row: spent, column: 'project' }], `${tableLabel(expenditure)}项目支出`);
  }
}

/** 收入预算总表 by 功能科目 (Shanghai): each code's 合计 against the same code of 支出预算总表. */
function incomeByFunction(c: Checker, income: TDisclosureTable, expenditure: TDisclosureTable): void {
  if (!hasColumn(income, 'fiscal') || !hasColumn(expenditure, 'total')) return;
  const spent = codeRows(expenditure);
  for (const row of income.rows) {
    const same = row.code === undefined ? undefined : spent.get(row.code);
    if (same === undefined) continue;
    c.expect(TEMPLATE_IDENTITY_RULES.incomeByFunction, { table: income, row, column: 'total' }, [{ table: expenditure, row: same, column: 'total' }], tableLabel(expenditure));
  }
}

/** 机关运行经费, wherever the template prints it, is part of the general public budget's 公用经费. */
function operatingCosts(c: Checker, disclosure: TDisclosure): void {
  const basic = findByRole(disclosure, 'general-public-basic-economic');
  const basicTotal = totalRowOf(basic);
  // Where the table splits 公用经费 out, that is the ceiling; where it prints one 金额 (Jiangsu), the basic total.
  const publicColumn = basic?.columns.find((col) => col.key === 'public')?.key ?? basic?.columns[0]?.key;
  if (basic === undefined || basicTotal === undefined || publicColumn === undefined) return;
  const ceiling = cellFen(basicTotal, publicColumn);
  const places: Side[] = [];
  const threePublic = findByRole(disclosure, 'three-public');
  const row = threePublic?.rows[0];
  if (threePublic !== undefined && row !== undefined && hasColumn(threePublic, 'operating-costs')) places.push({ table: threePublic, row, column: 'operating-costs' });
  const table = findByRole(disclosure, 'operating-costs');
  const total = totalRowOf(table);
  if (table !== undefined && total !== undefined) places.push({ table, row: total, column: table.columns[0]?.key ?? 'amount' });
  for (const at of places) {
    const actual = cellFen(at.row, at.column);
    const slack = halfStepOf(disclosure.meta, at.table) + halfStepOf(disclosure.meta, basic);
    if (actual > ceiling + slack) c.push(TEMPLATE_IDENTITY_RULES.operatingCosts, at, actual, ceiling, tableLabel(basic));
  }
}

/** 财政拨款 by function: Jiangsu's own table, or the budget columns of Shanghai's 财政拨款收支预算总表. */
function fiscalByFunction(c: Checker, disclosure: TDisclosure): void {
  const parts = FISCAL_PARTS.flatMap((p) => {
    const table = findByRole(disclosure, p.role);
    return table === undefined ? [] : [{ ...p, table, rows: codeRows(table) }];
  });
  if (parts.length === 0) return;
  const fiscal = findByRole(disclosure, 'fiscal-function');
  if (fiscal !== undefined) {
    const column = fiscal.columns[0]?.key ?? 'amount';
    const other = parts.map((p) => tableLabel(p.table)).join('、');
    for (const row of fiscal.rows) {
      if (row.code === undefined) continue;
      const same = parts.flatMap((p) => {
        const found = p.rows.get(row.code ?? '');
        return found === undefined ? [] : [{ table: p.table, row: found, column: p.table.columns[0]?.key ?? 'amount' }];
      });
      c.expect(TEMPLATE_IDENTITY_RULES.fiscalByFunction, { table: fiscal, row, column }, same, other);
    }
  }
  const summary = findByRole(disclosure, 'fiscal-summary');
  if (summary === undefined) return;
  for (const part of parts) {
    if (!hasColumn(summary, part.column)) continue;
    for (const row of summary.rows) {
      if (row.code === undefined || !row.key.startsWith('func:')) continue;
      const found = part.rows.get(row.code);
      const same = found === undefined ? [] : [{ table: part.table, row: found, column: part.table.columns[0]?.key ?? 'total' }];
      c.expect(TEMPLATE_IDENTITY_RULES.fiscalByFunction, { table: summary, row, column: part.column }, same, tableLabel(part.table));
    }
  }
}

export function checkTemplateIdentities(disclosure: TDisclosure): TFinding[] {
  const c = new Checker(disclosure);
  const summary = findByRole(disclosure, 'income-expenditure-summary');
  const income = findByRole(disclosure, 'income-summary');
  const expenditure = findByRole(disclosure, 'expenditure-summary');
  if (summary !== undefined && expenditure !== undefined) summarySplit(c, summary, expenditure);
  if (income !== undefined && expenditure !== undefined) incomeByFunction(c, income, expenditure);
  operatingCosts(c, disclosure);
  fiscalByFunction(c, disclosure);
  return c.findings;
}
