import type { TPriorYearFigures } from '../budget/budget-document.schema';
import type { Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { isFiscal, totalOf } from './line-aggregate';

/** Totals the explanations state more than once, computed once from the aggregate. */
export interface ExplanationFigures {
  year: number;
  name: string; // the department's short name, as the prose uses it
  total: Fen;
  basic: Fen;
  project: Fen;
  fiscal: Fen;
  fiscalBasic: Fen;
  fiscalProject: Fen;
  generalPublic: Fen;
  generalPublicBasic: Fen;
  generalPublicProject: Fen;
  governmentFund: Fen;
  lastYear: TPriorYearFigures | undefined;
  /** Why there is no comparison with last year's budget (a unit founded last year); '' when there is one. */
  noPriorReason: string;
}

export function explanationFigures(ctx: DeriveContext): ExplanationFigures {
  const cells = ctx.aggregate.cells;
  const gp = (c: { family: string }) => c.family === 'general-public';
  return {
    year: ctx.doc.fiscalYear,
    name: ctx.doc.department.shortName ?? ctx.doc.department.name,
    total: totalOf(cells, () => true),
    basic: totalOf(cells, (c) => c.kind !== 'project'),
    project: totalOf(cells, (c) => c.kind === 'project'),
    fiscal: totalOf(cells, (c) => isFiscal(c.family)),
    fiscalBasic: totalOf(cells, (c) => isFiscal(c.family) && c.kind !== 'project'),
    fiscalProject: totalOf(cells, (c) => isFiscal(c.family) && c.kind === 'project'),
    generalPublic: totalOf(cells, gp),
    generalPublicBasic: totalOf(cells, (c) => gp(c) && c.kind !== 'project'),
    generalPublicProject: totalOf(cells, (c) => gp(c) && c.kind === 'project'),
    governmentFund: totalOf(cells, (c) => c.family === 'government-fund'),
    lastYear: ctx.doc.priorYears.find((p) => p.year === ctx.doc.fiscalYear - 1),
    noPriorReason: ctx.doc.explanations.noPriorYearReason,
  };
}
