import type { TBudgetDocument, TPriorYearFigures } from '@budgetflow/domain';
import type { TTemplateProblem } from './budget-template';
import type { TRowPlaces } from './project-sheets';
import { cleanRows, LIST_OF, refuseRepeats, rowProblem, type TReadLine, type TTemplateColumn } from './template-cells';

/**
 * 上年数: the figures of earlier years the explanations compare with (表9's 近两年收支情况 too), one
 * row per year and 数据项 with its 预算数 and 执行数, a 功能 类 or 项 on rows of 功能科目. A year with
 * no figure is a row with its 年度 alone. Words as the editor's 上年数 form writes them.
 */
export const PRIOR_YEARS_SHEET = '上年数';

type TExecution = NonNullable<TPriorYearFigures['executed']>;
type TFlatFigure = Exclude<keyof TPriorYearFigures, 'year' | 'executed' | 'functionItems' | 'functionClasses'>;
/** A 数据项: the field of its 预算数 and of its 执行数, where the document keeps one. */
type TFigure = { value: string; name: string; budget?: TFlatFigure; executed?: keyof TExecution };

const BY_CODE = 'function';
const FIGURES: readonly TFigure[] = [
  { value: 'total', name: '收支总计', budget: 'total', executed: 'total' },
  { value: 'incomeFiscal', name: '财政拨款收入', budget: 'incomeFiscal', executed: 'incomeFiscal' },
  { value: 'incomeOther', name: '其他资金收入', budget: 'incomeOther' },
  { value: 'fiscalExpenditure', name: '财政拨款支出', executed: 'fiscalExpenditure' },
  { value: 'expenditureBasic', name: '基本支出', budget: 'expenditureBasic', executed: 'expenditureBasic' },
  { value: 'expenditureProject', name: '项目支出', budget: 'expenditureProject', executed: 'expenditureProject' },
  { value: 'generalPublicBudget', name: '一般公共预算支出', budget: 'generalPublicBudget', executed: 'generalPublicBudget' },
  { value: 'governmentFund', name: '政府性基金预算支出', budget: 'governmentFund', executed: 'governmentFund' },
  { value: 'soeCapital', name: '国有资本经营预算支出', budget: 'soeCapital', executed: 'soeCapital' },
  { value: 'threePublic', name: '“三公”经费', budget: 'threePublic', executed: 'threePublic' },
  { value: 'operatingCosts', name: '机关运行经费', budget: 'operatingCosts', executed: 'operatingCosts' },
  { value: BY_CODE, name: '功能科目' },
];

const YEAR: TTemplateColumn = { key: 'year', label: '年度', read: 'count' };
const FIGURE: TTemplateColumn = { key: 'figure', label: '数据项', read: 'choice', choices: FIGURES, list: LIST_OF.priorFigure, optional: true };
const CODE: TTemplateColumn = { key: 'code', label: '功能科目', read: 'functionKey', optional: true };
const BUDGET: TTemplateColumn = { key: 'budget', label: '预算数（元）', read: 'amount', optional: true };
const EXECUTED: TTemplateColumn = { key: 'executed', label: '执行数（元）', read: 'amount', optional: true };
export const PRIOR_YEAR_COLUMNS: TTemplateColumn[] = [YEAR, FIGURE, CODE, BUDGET, EXECUTED];

/** The parts of a year that are objects: a part without rows keeps an empty one the year had (absent stays absent). */
const KEYED = ['executed', 'functionItems', 'functionClasses'] as const;

export function priorYearRows(doc: TBudgetDocument): Record<string, string | undefined>[] {
  return doc.priorYears.flatMap((entry) => {
    const year = String(entry.year);
    const figures = FIGURES.flatMap((f) => {
      const budget = f.budget === undefined ? undefined : entry[f.budget];
      const executed = f.executed === undefined ? undefined : entry.executed?.[f.executed];
      return budget === undefined && executed === undefined ? [] : [{ year, figure: f.value, budget, executed }];
    });
    const byCode = [...Object.entries(entry.functionItems ?? {}), ...Object.entries(entry.functionClasses ?? {})].map(([code, a]) => ({ year, figure: BY_CODE, code, budget: a.budget, executed: a.executed }));
    const rows = [...figures, ...byCode];
    return rows.length > 0 ? rows : [{ year }];
  });
}

/** The years as the sheet gives them, in the order it first names each. */
export function readPriorYears(base: TBudgetDocument, lines: readonly TReadLine[], problems: TTemplateProblem[], places: TRowPlaces): Record<string, unknown>[] {
  const sheet = PRIOR_YEARS_SHEET;
  const figured = lines.filter((line) => line.values['figure'] !== undefined);
  refuseRepeats(sheet, figured, FIGURE, (line) => `${line.values['year']}|${line.values['figure']}|${line.values['code'] ?? ''}`, problems);
  const years = new Map<string, { at: number; entry: Record<string, unknown> }>();
  for (const line of cleanRows(sheet, lines, problems)) {
    const { year = '', figure, code, budget, executed } = line.values;
    if (!years.has(year)) {
      places.set(`priorYears.${years.size}`, { sheet, row: line.row, columns: PRIOR_YEAR_COLUMNS });
      years.set(year, { at: years.size, entry: { year: Number(year) } });
    }
    const { at, entry } = years.get(year)!;
    const f = FIGURES.find((candidate) => candidate.value === figure);
    const refuse = (column: TTemplateColumn, message: string) => void problems.push(rowProblem(sheet, line, column, message));
    if (f === undefined) {
      // Only the year: what else the row gives belongs to no 数据项.
      if (code !== undefined || budget !== undefined || executed !== undefined) refuse(FIGURE, '不能为空');
    } else if (f.value === BY_CODE) {
      if (code === undefined) refuse(CODE, '请填写功能科目（类或项）');
      else {
        const key = code.length === 3 ? 'functionClasses' : 'functionItems';
        const codes = (entry[key] ??= {}) as Record<string, unknown>;
        codes[code] = defined({ budget, executed });
        places.set(`priorYears.${at}.${key}.${code}`, { sheet, row: line.row, columns: PRIOR_YEAR_COLUMNS });
      }
    } else {
      if (code !== undefined) refuse(CODE, `「${f.name}」不分功能科目，请留空`);
      if (budget !== undefined && f.budget === undefined) refuse(BUDGET, `「${f.name}」只有执行数`);
      if (executed !== undefined && f.executed === undefined) refuse(EXECUTED, `「${f.name}」没有执行数`);
      if (budget !== undefined && f.budget !== undefined) entry[f.budget] = budget;
      if (executed !== undefined && f.executed !== undefined) ((entry['executed'] ??= {}) as Record<string, string>)[f.executed] = executed;
    }
  }
  for (const { entry } of years.values()) {
    const before = base.priorYears.find((p) => p.year === entry['year']);
    for (const key of KEYED) {
      const kept = before?.[key];
      if (entry[key] === undefined && kept !== undefined && Object.keys(kept).length === 0) entry[key] = {};
    }
  }
  return [...years.values()].map((y) => y.entry);
}

function defined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
