import type { TDisclosure } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import {
  amountColumns,
  cellFen,
  cellLocation,
  findByRole,
  gridsOf,
  halfStepOf,
  yuan,
} from './disclosure-grid';
import { columnKey } from './cross-tables.rules';
import { defineRules, report } from './rule-definition';

export const THREE_PUBLIC_RULES = defineRules('three-public', 'disclosure', {
  vsEconomic: {
    id: 'T8.VS_ECONOMIC',
    severity: 'error',
    description: {
      zh: '表8 各行等于其来源经济科目（款）的金额：基本支出见表6，项目支出见表10 明细',
      en: 'Each row of 表8 equals its economic 款: basic amounts in 表6, project amounts in 表10’s detail',
    },
    message: {
      zh: '表8「{row}」为 {actual} 元，经济科目 {code} 在表6 为 {low} 元，连同表10 项目明细为 {high} 元',
      en: '表8 “{row}”: {actual} yuan; economic code {code} is {low} yuan in 表6, {high} yuan with 表10’s project detail',
    },
  },
});

/** Which 款 feeds which row of 表8, by the row's printed name. */
const ROW_CODES: readonly [RegExp, string][] = [
  [/出国/, '30212'], // 因公出国（境）费
  [/接待/, '30217'], // 公务接待费
  [/运行维护费/, '30231'], // 公务用车运行维护费
  [/^(?!.*运行).*购置费$/, '31013'], // 公务用车购置费
];

/** Σ per economic 款 over the grids of one table (表6's rows, or 表10's detail lines). */
function byEconomic(disclosure: TDisclosure, table: string): Map<string, Fen> {
  const sums = new Map<string, Fen>();
  for (const grid of gridsOf(disclosure)) {
    if (grid.table !== table) continue;
    const column = amountColumns(grid)[0]?.key;
    if (column === undefined) continue;
    for (const row of grid.rows) {
      if (row.code === undefined || !/^\d{5}$/.test(row.code)) continue;
      sums.set(row.code, ((sums.get(row.code) ?? 0) + cellFen(row, column)) as Fen);
    }
  }
  return sums;
}

/**
 * Identity 5: 三公 rows against the 款 they come from. 表6 holds the basic part, so a row is at
 * least that; projects may add their own 款 (表10's detail), so it is at most both together.
 */
export function checkThreePublic(disclosure: TDisclosure): TFinding[] {
  const t8 = findByRole(disclosure, 'three-public');
  const t6 = findByRole(disclosure, 'general-public-basic-economic');
  const t10 = findByRole(disclosure, 'project-performance');
  const column = columnKey(t8);
  if (t8 === undefined || column === undefined || t6 === undefined) return [];
  const halfStep = Math.max(halfStepOf(disclosure.meta, t8), halfStepOf(disclosure.meta, t6));
  const basic = byEconomic(disclosure, t6.id);
  const projects = t10 === undefined ? undefined : byEconomic(disclosure, t10.id);
  const findings: TFinding[] = [];
  for (const row of t8.rows) {
    const code = ROW_CODES.find(([pattern]) => pattern.test(row.name.trim()))?.[1];
    if (code === undefined) continue;
    const actual = cellFen(row, column);
    const low = basic.get(code) ?? 0;
    const high = projects === undefined ? Number.POSITIVE_INFINITY : low + (projects.get(code) ?? 0);
    if (actual >= low - 2 * halfStep && actual <= high + 2 * halfStep) continue;
    const params = {
      row: row.name,
      code,
      actual: yuan(actual),
      low: yuan(low as Fen),
      high: projects === undefined ? '—' : yuan(high as Fen),
    };
    const expected = low === high ? params.low : `${params.low}–${params.high}`;
    findings.push(
      report(
        THREE_PUBLIC_RULES.vsEconomic,
        cellLocation({ table: t8.id, rowPrefix: '' }, row, column),
        params,
        { expected, actual: params.actual },
      ),
    );
  }
  return findings;
}
