import { Decimal } from 'decimal.js';
import type { TDisclosure, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { shareOfTotal } from '../money/display';
import type { Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import { agrees, cellFen, cellLocation, findByRole, groupBy, halfStepOf, yuan } from './disclosure-grid';
import { columnKey, totalRow } from './cross-tables.rules';
import { defineRules, report } from './rule-definition';
import { summarySides } from './summary-tables.rules';

export const PERFORMANCE_RULES = defineRules('performance', 'disclosure', {
  share: {
    id: 'T9.SHARE',
    severity: 'error',
    description: {
      zh: '表9 占比等于该项金额除以所在部分的合计（保留一位小数）',
      en: '表9’s shares are each figure divided by its side’s total (one decimal)',
    },
    message: {
      zh: '表9「{section}{row}」占比为 {actual}%，应为 {amount} ÷ {total} = {expected}%',
      en: '表9 “{section} {row}” states a share of {actual}%, {amount} ÷ {total} is {expected}%',
    },
  },
  vsTables: {
    id: 'T9.VS_TABLES',
    severity: 'error',
    description: {
      zh: '表9 当年预算收支与表1、表3 一致（收入合计、支出合计、基本支出、项目支出）',
      en: '表9’s current-year figures agree with 表1 and 表3 (income, expenditure, basic, project)',
    },
    message: {
      zh: '表9「{row}」为 {actual} 元，{source} 为 {expected} 元',
      en: '表9 “{row}”: {actual} yuan, {source}: {expected} yuan',
    },
  },
});

/** Shares compare as numbers: "100" is "100.0"; a transcribed table may be a step off. */
function sameShare(stated: string, computed: string, slack: number): boolean {
  try {
    return new Decimal(stated).minus(computed).abs().lte(slack);
  } catch {
    return false;
  }
}

function checkShares(t9: TDisclosureTable, amount: string, share: string, slack: number): TFinding[] {
  const findings: TFinding[] = [];
  for (const [section, rows] of groupBy(t9.rows, (r) => r.section ?? '')) {
    const total = rows.find((r) => r.emphasis === 'total');
    if (total === undefined) continue;
    const totalFen = cellFen(total, amount);
    for (const row of rows) {
      const stated = row.cells[share];
      if (stated === undefined || stated === null) continue;
      const fen = cellFen(row, amount);
      if (totalFen === 0 && fen !== 0) continue; // a part of nothing: TABLE.TOTAL_SUM reports it
      const expected = shareOfTotal(fen, totalFen);
      if (sameShare(stated, expected, slack)) continue;
      const label = t9.sections.find((s) => s.key === section)?.label ?? '';
      const params = {
        section: label,
        row: row.name,
        actual: stated,
        expected,
        amount: yuan(fen),
        total: yuan(totalFen),
      };
      findings.push(
        report(PERFORMANCE_RULES.share, cellLocation({ table: t9.id, rowPrefix: '' }, row, share), params, {
          expected,
          actual: stated,
        }),
      );
    }
  }
  return findings;
}

interface Counterpart {
  row: TRow | undefined;
  source: string;
  fen: Fen;
}

/** What each row of 表9's money block stands for elsewhere. */
function counterparts(disclosure: TDisclosure, t9: TDisclosureTable): Counterpart[] {
  const t1 = findByRole(disclosure, 'income-expenditure-summary');
  const t3 = findByRole(disclosure, 'expenditure-summary');
  const out: Counterpart[] = [];
  const sections = groupBy(t9.rows, (r) => r.section ?? '');
  const totalOf = (pattern: RegExp) =>
    [...sections.values()]
      .find((rows) => rows.some((r) => pattern.test(r.name)))
      ?.find((r) => r.emphasis === 'total');
  if (t1 !== undefined) {
    const c1 = columnKey(t1) ?? '';
    const { income, expenditure } = summarySides(t1);
    const incomeTotal = income?.grandTotal ?? income?.yearTotal;
    if (incomeTotal)
      out.push({
        row: totalOf(/财政拨款|其他资金/),
        source: `表1 ${incomeTotal.name}`,
        fen: cellFen(incomeTotal, c1),
      });
    const spent = expenditure[0]?.yearTotal;
    if (spent)
      out.push({ row: totalOf(/基本支出|项目支出/), source: `表1 ${spent.name}`, fen: cellFen(spent, c1) });
  }
  const t3Total = totalRow(t3);
  for (const [pattern, label] of [
    [/基本/, '基本支出'],
    [/项目/, '项目支出'],
  ] as const) {
    const column = columnKey(t3, pattern);
    if (t3Total === undefined || column === undefined) continue;
    const row = t9.rows.find((r) => r.emphasis !== 'total' && r.name.includes(label));
    out.push({ row, source: `表3 合计 ${label}`, fen: cellFen(t3Total, column) });
  }
  return out;
}

/** Identity 8 on 表9 (the seed's 100 and 100) and its money block against 表1 and 表3. */
export function checkPerformance(disclosure: TDisclosure): TFinding[] {
  const t9 = findByRole(disclosure, 'department-performance');
  const amount = columnKey(t9);
  const share = t9?.columns.find((c) => c.type === 'percent')?.key;
  if (t9 === undefined || amount === undefined) return [];
  const halfStep = halfStepOf(disclosure.meta, t9);
  const findings = share === undefined ? [] : checkShares(t9, amount, share, halfStep === 0 ? 0 : 0.1);
  for (const { row, source, fen } of counterparts(disclosure, t9)) {
    if (row === undefined) continue;
    const actual = cellFen(row, amount);
    if (agrees(actual, fen, 1, halfStep)) continue;
    const params = { row: row.name, source, actual: yuan(actual), expected: yuan(fen) };
    findings.push(
      report(PERFORMANCE_RULES.vsTables, cellLocation({ table: t9.id, rowPrefix: '' }, row, amount), params, {
        expected: params.expected,
        actual: params.actual,
      }),
    );
  }
  return findings;
}
