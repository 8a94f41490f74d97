import type { TColumn, TDisclosure, TRow } from '../disclosure/disclosure.schema';
import { type Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import {
  agrees,
  amountColumns,
  cellFen,
  cellLocation,
  gridsOf,
  groupBy,
  halfStepOf,
  isWholeYuanBreak,
  rowName,
  yuan,
  type GridRef,
} from './disclosure-grid';
import { defineRules, report, type FindingParams, type RuleDefinition } from './rule-definition';

export const HIERARCHY_RULES = defineRules('hierarchy', 'disclosure', {
  parentSum: {
    id: 'TABLE.PARENT_SUM',
    severity: 'error',
    description: {
      zh: '上级科目等于下级之和：类 = Σ款 = Σ项 = Σ单位',
      en: 'Each parent row equals the sum of its children: 类 = Σ 款 = Σ 项 = Σ units',
    },
    message: {
      zh: '{table}「{row}」{column}为 {actual} 元，其下级之和为 {expected} 元',
      en: '{table} “{row}”, {column}: {actual} yuan, its children sum to {expected} yuan',
    },
  },
  totalSum: {
    id: 'TABLE.TOTAL_SUM',
    severity: 'error',
    description: {
      zh: '合计（总计）行等于其所合计各行之和',
      en: 'A total row equals the sum of the rows it totals',
    },
    message: {
      zh: '{table}「{row}」{column}为 {actual} 元，所合计各行之和为 {expected} 元',
      en: '{table} “{row}”, {column}: {actual} yuan, the rows it totals sum to {expected} yuan',
    },
  },
  columnSum: {
    id: 'TABLE.COLUMN_SUM',
    severity: 'error',
    description: {
      zh: '合计列等于“其中”各列之和：合计 = 基本 + 项目，基本 = 人员 + 公用',
      en: 'The total column equals its parts: total = basic + project, basic = personnel + public',
    },
    message: {
      zh: '{table}「{row}」{column}为 {actual} 元，{parts}之和为 {expected} 元',
      en: '{table} “{row}”, {column}: {actual} yuan, {parts} sum to {expected} yuan',
    },
  },
});

interface Checker {
  grid: GridRef;
  columns: readonly TColumn[];
  halfStep: number;
  findings: TFinding[];
}

/** Reports a cell that is not the sum it should be, unless it agrees within the rounding allowed. */
function expectSum(
  c: Checker,
  rule: RuleDefinition,
  row: TRow,
  column: TColumn,
  sum: { fen: number; terms: number },
  extra: FindingParams = {},
): void {
  const actual = cellFen(row, column.key);
  if (agrees(actual, sum.fen as Fen, sum.terms, c.halfStep)) return;
  const [a, e] = [yuan(actual), yuan(sum.fen as Fen)];
  const params = {
    ...extra,
    table: c.grid.label,
    row: rowName(row),
    column: column.label,
    actual: a,
    expected: e,
  };
  const finding = report(rule, cellLocation(c.grid, row, column.key), params, { expected: e, actual: a });
  // A table printed in whole 元 breaks by a 元 where rounding carries: worth a look, not an error.
  c.findings.push(isWholeYuanBreak(actual, sum.fen as Fen, sum.terms, [c.grid]) ? { ...finding, severity: 'warning' } : finding);
}

/** Σ of one column over some rows (no pair of row and column made per cell: every cell of every grid is summed). */
function columnSum(rows: readonly TRow[], key: string): { fen: number; terms: number } {
  let fen = 0;
  for (const row of rows) fen += cellFen(row, key);
  return { fen, terms: rows.length };
}

/** Σ of some columns of one row. */
function rowSum(row: TRow, columns: readonly TColumn[]): { fen: number; terms: number } {
  let fen = 0;
  for (const column of columns) fen += cellFen(row, column.key);
  return { fen, terms: columns.length };
}

/** Compares a row's cells with the sum of other rows, column by column. */
function compareSum(c: Checker, rule: RuleDefinition, row: TRow, parts: readonly TRow[]): void {
  for (const column of c.columns) expectSum(c, rule, row, column, columnSum(parts, column.key));
}

const OF_WHICH = /^\s*其中/;

function checkPart(c: Checker, parent: TRow, part: TRow): void {
  for (const column of c.columns) {
    const [whole, share] = [cellFen(parent, column.key), cellFen(part, column.key)];
    if (share <= whole + c.halfStep * 2) continue;
    const params = {
      table: c.grid.label,
      row: rowName(parent),
      column: column.label,
      actual: yuan(whole),
      expected: `>= ${yuan(share)}`,
    };
    c.findings.push(
      report(HIERARCHY_RULES.parentSum, cellLocation(c.grid, parent, column.key), params, {
        expected: params.expected,
        actual: params.actual,
      }),
    );
  }
}

/** Links rows by level (a row's children are the deeper rows that follow it); returns the roots. */
function checkParents(c: Checker, rows: readonly TRow[]): TRow[] {
  const roots: TRow[] = [];
  const children = new Map<TRow, TRow[]>();
  const stack: TRow[] = [];
  for (const row of rows) {
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= row.level) stack.pop();
    const parent = stack.at(-1);
    if (parent === undefined) roots.push(row);
    else {
      const kids = children.get(parent);
      if (kids === undefined) children.set(parent, [row]);
      else kids.push(row);
    }
    stack.push(row);
  }
  for (const [parent, kids] of children) {
    // A lone 其中 row is a part of its parent (项目资金来源 其中：申请当年预算拨款), not its breakdown.
    if (kids.length === 1 && kids[0] !== undefined && OF_WHICH.test(kids[0].name))
      checkPart(c, parent, kids[0]);
    else compareSum(c, HIERARCHY_RULES.parentSum, parent, kids);
  }
  return roots;
}

/**
 * One section of a grid: body rows by level, body totals against the body's roots; then the footer
 * (本年收入合计, 上年结转 …, 收入总计), where each total adds what lies between it and the previous one.
 */
function checkSection(c: Checker, rows: readonly TRow[]): void {
  const body = rows.filter((r) => r.footer !== true);
  const roots = checkParents(
    c,
    body.filter((r) => r.emphasis !== 'total'),
  );
  for (const total of body.filter((r) => r.emphasis === 'total'))
    compareSum(c, HIERARCHY_RULES.totalSum, total, roots);
  let running: readonly TRow[] = roots;
  let pending: TRow[] = [];
  for (const row of rows.filter((r) => r.footer === true)) {
    if (row.emphasis !== 'total') {
      pending.push(row);
      continue;
    }
    const between = checkParents(c, pending);
    compareSum(c, HIERARCHY_RULES.totalSum, row, [...running, ...between]);
    running = [row];
    pending = [];
  }
  checkParents(c, pending);
}

function checkColumns(c: Checker): void {
  const [first, ...rest] = c.columns;
  // Only 其中 groups are parts of the total; other merged headers (表9 近两年收支情况) are not.
  const parts = rest.filter((col) => col.group !== undefined && OF_WHICH.test(col.group));
  if (first === undefined || first.group !== undefined || parts.length === 0) return;
  const partNames = parts.map((p) => p.label).join(' + ');
  for (const row of c.grid.rows) {
    expectSum(c, HIERARCHY_RULES.columnSum, row, first, rowSum(row, parts), { parts: partNames });
  }
}

/** Identities 3 and 4 of every grid: parents against children, totals against what they total, columns against their parts. */
export function checkHierarchy(disclosure: TDisclosure): TFinding[] {
  const findings: TFinding[] = [];
  for (const grid of gridsOf(disclosure)) {
    const columns = amountColumns(grid);
    if (columns.length === 0) continue;
    const c: Checker = { grid, columns, halfStep: halfStepOf(disclosure.meta, grid), findings };
    for (const rows of groupBy(grid.rows, (r) => r.section ?? '').values()) checkSection(c, rows);
    checkColumns(c);
  }
  return findings;
}
