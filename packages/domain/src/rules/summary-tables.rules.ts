import type { TDisclosure, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import {
  agrees,
  amountColumns,
  cellFen,
  cellLocation,
  findByRole,
  groupBy,
  halfStepOf,
  yuan,
} from './disclosure-grid';
import { defineRules, report, type RuleDefinition } from './rule-definition';

/** The rules of a 收支预算总表 (表1, and 表4 for fiscal appropriations): the same checks on both. */
function summaryRules(table: 'T1' | 'T4') {
  // Rule ids and texts keep the names they had under hubei-2020, where 表1/表4 are these roles.
  const label = `表${table.slice(1)}`;
  // 表1 holds every line: its year-end balance is exactly the document's income minus expenditure.
  const superseded = table === 'T1' ? { supersededBy: ['BUDGET.BALANCED'] } : {};
  return defineRules('identities', 'disclosure', {
    balanced: {
      id: `${table}.BALANCED`,
      severity: 'error',
      description: {
        zh: `${label} 收入总计（含上年结转）等于支出总计（含年终结余）`,
        en: `${label}: total income (with carry-over) equals total expenditure (with year-end balance)`,
      },
      message: {
        zh: `${label} 收入总计 {income} 元，「{section}」支出总计 {expenditure} 元`,
        en: `${label}: total income {income} yuan, total expenditure “{section}” {expenditure} yuan`,
      },
    },
    viewsAgree: {
      id: `${table}.VIEWS_AGREE`,
      severity: 'error',
      description: {
        zh: `${label} 按经济分类与按功能分类的本年支出合计相同`,
        en: `${label}: expenditure by economic and by functional classification have the same total`,
      },
      message: {
        zh: `${label}「{first}」本年支出合计 {expected} 元，「{second}」{actual} 元`,
        en: `${label}: “{first}” totals {expected} yuan, “{second}” {actual} yuan`,
      },
    },
    deficit: {
      id: `${table}.DEFICIT`,
      severity: 'error',
      description: {
        zh: `${label} 支出不得超过收入（年终结余不为负）`,
        en: `${label}: expenditure does not exceed income (no negative year-end balance)`,
      },
      message: {
        zh: `${label} 年终结余为 {balance} 元：支出超过收入`,
        en: `${label}: the year-end balance is {balance} yuan, expenditure exceeds income`,
      },
      ...superseded,
    },
    yearEndBalance: {
      id: `${table}.YEAR_END_BALANCE`,
      severity: 'warning',
      description: {
        zh: `${label} 预算通常安排全部收入，年终结余为零`,
        en: `${label}: a budget usually spends all its income, leaving no year-end balance`,
      },
      message: {
        zh: `${label} 年终结余为 {balance} 元：有收入未安排支出`,
        en: `${label}: a year-end balance of {balance} yuan, income left unspent`,
      },
      ...superseded,
    },
  });
}

export const T1_RULES = summaryRules('T1');
export const T4_RULES = summaryRules('T4');

interface SummarySide {
  section: string;
  yearTotal?: TRow; // 本年收入合计 / 本年支出合计: the first total of the footer
  grandTotal?: TRow; // 收入总计 / 支出总计: the last one
  balance?: TRow; // 年终结余
}

/** The footers of each side: found by their place and names, so that a typed disclosure works too. */
export function summarySides(table: TDisclosureTable): { income?: SummarySide; expenditure: SummarySide[] } {
  const sides: SummarySide[] = [];
  for (const [section, rows] of groupBy(table.rows, (r) => r.section ?? '')) {
    const totals = rows.filter((r) => r.footer === true && r.emphasis === 'total');
    const side: SummarySide = { section };
    if (totals[0] !== undefined) side.yearTotal = totals[0];
    if (totals.length > 1) side.grandTotal = totals.at(-1);
    const balance = rows.find((r) => r.footer === true && /年终结余/.test(r.name));
    if (balance !== undefined) side.balance = balance;
    sides.push(side);
  }
  const isIncome = (s: SummarySide) => s.yearTotal !== undefined && /收入/.test(s.yearTotal.name);
  return {
    income: sides.find(isIncome),
    expenditure: sides.filter((s) => s.yearTotal !== undefined && !isIncome(s)),
  };
}

export const sectionLabel = (table: TDisclosureTable, key: string) =>
  table.sections.find((s) => s.key === key)?.label ?? key;

function checkSummary(
  table: TDisclosureTable,
  rules: ReturnType<typeof summaryRules>,
  halfStep: number,
): TFinding[] {
  const findings: TFinding[] = [];
  const column = amountColumns(table)[0]?.key;
  if (column === undefined) return findings;
  // A side that prints columns of its own is read in its first (合计).
  const columnOf = (row: TRow) => table.sections.find((s) => s.key === row.section)?.columns?.[0] ?? column;
  const fen = (row: TRow) => cellFen(row, columnOf(row));
  const at = (row: TRow) => cellLocation({ table: table.id, rowPrefix: '' }, row, columnOf(row));
  const { income, expenditure } = summarySides(table);
  const incomeTotal = income?.grandTotal ?? income?.yearTotal;
  for (const side of expenditure) {
    const total = side.grandTotal ?? side.yearTotal;
    if (incomeTotal !== undefined && total !== undefined) {
      const [i, e] = [fen(incomeTotal), fen(total)];
      if (!agrees(e, i, 1, halfStep)) {
        const params = { income: yuan(i), expenditure: yuan(e), section: sectionLabel(table, side.section) };
        findings.push(report(rules.balanced, at(total), params, { expected: yuan(i), actual: yuan(e) }));
      }
    }
  }
  // Both expenditure sides print the same 年终结余 (VIEWS_AGREE checks they agree): report it once.
  const [first, ...others] = expenditure;
  const balance = first?.balance === undefined ? 0 : fen(first.balance);
  if (first?.balance !== undefined && balance !== 0) {
    const rule: RuleDefinition = balance < 0 ? rules.deficit : rules.yearEndBalance;
    findings.push(
      report(
        rule,
        at(first.balance),
        { balance: yuan(balance as Fen) },
        { expected: '0.00', actual: yuan(balance as Fen) },
      ),
    );
  }
  for (const other of others) {
    if (first?.yearTotal === undefined || other.yearTotal === undefined) continue;
    const [a, b] = [fen(first.yearTotal), fen(other.yearTotal)];
    if (agrees(b, a, 1, halfStep)) continue;
    const params = {
      first: sectionLabel(table, first.section),
      second: sectionLabel(table, other.section),
      expected: yuan(a),
      actual: yuan(b),
    };
    findings.push(
      report(rules.viewsAgree, at(other.yearTotal), params, { expected: yuan(a), actual: yuan(b) }),
    );
  }
  return findings;
}

/** Identity 1 (balanced totals) on 表1 and 表4, and their two expenditure views against each other. */
export function checkSummaryTables(disclosure: TDisclosure): TFinding[] {
  const t1 = findByRole(disclosure, 'income-expenditure-summary');
  const t4 = findByRole(disclosure, 'fiscal-summary');
  return [
    ...(t1 ? checkSummary(t1, T1_RULES, halfStepOf(disclosure.meta, t1)) : []),
    ...(t4 ? checkSummary(t4, T4_RULES, halfStepOf(disclosure.meta, t4)) : []),
  ];
}
