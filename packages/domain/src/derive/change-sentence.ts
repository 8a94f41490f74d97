import type { TPriorAmount, TPriorYearFigures } from '../budget/budget-document.schema';
import { parseFen, type Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import type { Parts } from './paragraph';
import { amountFigure, rateFigure } from './printed-figures';

/** The totals last year's figures hold both as budgeted and as executed. */
export type PriorTotal =
  | 'total'
  | 'incomeFiscal'
  | 'fiscalExpenditure'
  | 'generalPublicBudget'
  | 'governmentFund'
  | 'soeCapital'
  | 'expenditureBasic'
  | 'expenditureProject'
  | 'threePublic'
  | 'operatingCosts';

function lastYear(ctx: DeriveContext): TPriorYearFigures | undefined {
  return ctx.doc.priorYears.find((p) => p.year === ctx.doc.fiscalYear - 1);
}

const compared = (ctx: DeriveContext, amount: TPriorAmount | undefined): string | undefined =>
  ctx.template.narrative.compareWith === 'prior-execution' ? amount?.executed : amount?.budget;

/** Last year's figure of a total the template compares with (上年预算数 or 上年预算执行数), in 元 text. */
export function priorTotal(ctx: DeriveContext, field: PriorTotal): string | undefined {
  const prior = lastYear(ctx);
  if (prior === undefined) return undefined;
  // The 财政拨款 budget balances: its 支出 was budgeted as its 收入.
  const budget = field === 'fiscalExpenditure' ? prior.incomeFiscal : prior[field];
  return compared(ctx, {
    ...(budget === undefined ? {} : { budget }),
    ...(prior.executed?.[field] === undefined ? {} : { executed: prior.executed[field] }),
  });
}

/** Last year's figure of a 功能 项 (7 digits) or 类 (3 digits) the template compares with. */
export function priorOfCode(ctx: DeriveContext, code: string): string | undefined {
  const prior = lastYear(ctx);
  return compared(ctx, code.length === 3 ? prior?.functionClasses?.[code] : prior?.functionItems?.[code]);
}

/**
 * The sentence comparing a figure with last year's (the comparison year is always fiscal year − 1):
 * 「比2024年预算执行数X万元增加Y万元，增长Z%」, 「…减少Y万元，下降Z%」, 「与2024年预算执行数X万元持平」;
 * no rate on a zero (or negative) base. Last year unknown: nothing; a unit with no last year (noPriorYearReason):
 * that reason. Amounts and the rate print with the template's decimals.
 */
export function changeClause(ctx: DeriveContext, key: string, current: Fen, base: string | undefined): Parts {
  const narrative = ctx.template.narrative;
  const year = ctx.doc.fiscalYear - 1;
  const kind = narrative.compareWith === 'prior-execution' ? '预算执行数' : '预算';
  const noPrior = ctx.doc.explanations.noPriorYearReason;
  if (noPrior !== '') return [`无${year}年${kind}同比数，主要原因：${noPrior}`];
  if (base === undefined) return [];
  const before = parseFen(base);
  const baseFigure = amountFigure(`${key}-last-year`, before, narrative);
  if (current === before) return [`与${year}年${kind}`, baseFigure, '持平'];
  const change = Math.abs(current - before);
  const rising = current > before;
  // No rate on a zero base, nor on one that prints as zero (a base of 1 元 in 万元: 「0.00万元」).
  const rate =
    before <= 0 || /^0(\.0+)?$/.test(baseFigure.text)
      ? []
      : [`，${rising ? '增长' : '下降'}`, rateFigure(`${key}-change-rate`, change, before, narrative)];
  return [
    `比${year}年${kind}`,
    baseFigure,
    rising ? '增加' : '减少',
    amountFigure(`${key}-change`, change, narrative),
    ...rate,
  ];
}

/** 「，」 and the change against last year, or nothing where last year is unknown. */
export function withChange(ctx: DeriveContext, key: string, current: Fen, base: string | undefined): Parts {
  const change = changeClause(ctx, key, current, base);
  return change.length === 0 ? [] : ['，', ...change];
}
