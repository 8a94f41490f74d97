import type { TBudgetDocument } from '@budgetflow/domain';
import { INDICATOR_COLUMNS, INDICATOR_TEXT_DEFAULTS } from './indicator-columns';
import type { TRowPlaces } from './project-sheets';
import type { TReadLine, TTemplateColumn } from './template-cells';

/**
 * The department's parts a preparer keeps in rows too: 主要职能, one paragraph a row, and 表九's
 * 部门整体绩效指标, each row naming its 目标 — 长期目标, or the title of the 年度指标 it belongs to.
 */
export const FUNCTIONS_SHEET = '部门职能';
export const FUNCTION_COLUMNS: TTemplateColumn[] = [{ key: 'text', label: '主要职能' }];

export const PERFORMANCE_SHEET = '部门绩效指标';
/** The 目标 of the long-term indicators; any other is an annual goal's title. */
const LONG_TERM = '长期目标';
export const PERFORMANCE_COLUMNS: TTemplateColumn[] = [{ key: 'goal', label: '绩效目标' }, ...INDICATOR_COLUMNS];

export function functionRows(doc: TBudgetDocument): Record<string, string>[] {
  return doc.department.functions.map((text) => ({ text }));
}

export function performanceRows(doc: TBudgetDocument): Record<string, unknown>[] {
  const { longTermIndicators, annualGoals } = doc.performance;
  return [...longTermIndicators.map((i) => ({ ...i, goal: LONG_TERM })), ...annualGoals.flatMap((g) => g.indicators.map((i) => ({ ...i, goal: g.title })))];
}

export function readFunctions(lines: readonly TReadLine[]): string[] {
  return lines.map((line) => line.values['text']!);
}

type TIndicatorRow = Record<string, unknown>;

/**
 * The indicators as the sheet gives them, by goal. A goal of the budget the sheet names keeps its
 * place; one without indicators (which no row can show) stays; a goal the sheet drops is removed;
 * a new title is a new 年度指标, after the others.
 */
export function assemblePerformance(base: TBudgetDocument, lines: readonly TReadLine[], places: TRowPlaces): { longTermIndicators: TIndicatorRow[]; annualGoals: { title: string; indicators: TIndicatorRow[] }[] } {
  const byGoal = new Map<string, { row: number; values: TIndicatorRow }[]>();
  for (const line of lines) {
    const { goal, id: _id, ...values } = line.values;
    const rows = byGoal.get(goal!) ?? [];
    rows.push({ row: line.row, values: { ...INDICATOR_TEXT_DEFAULTS, ...values } });
    byGoal.set(goal!, rows);
  }
  const indicators = (rows: readonly { row: number; values: TIndicatorRow }[], path: string): TIndicatorRow[] =>
    rows.map((r, i) => {
      places.set(`${path}.${i}`, { sheet: PERFORMANCE_SHEET, row: r.row, columns: PERFORMANCE_COLUMNS });
      return r.values;
    });
  const titles = new Set(base.performance.annualGoals.map((g) => g.title));
  const goals = [
    ...base.performance.annualGoals.filter((g) => byGoal.has(g.title) || g.indicators.length === 0).map((g) => ({ ...g, rows: byGoal.get(g.title) ?? [] })),
    ...[...byGoal].filter(([title]) => title !== LONG_TERM && !titles.has(title)).map(([title, rows]) => ({ title, rows })),
  ];
  return {
    longTermIndicators: indicators(byGoal.get(LONG_TERM) ?? [], 'performance.longTermIndicators'),
    annualGoals: goals.map((g, i) => ({ title: g.title, indicators: indicators(g.rows, `performance.annualGoals.${i}.indicators`) })),
  };
}
