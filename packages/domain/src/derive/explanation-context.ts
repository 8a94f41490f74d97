import type { TPriorYearFigures } from '../budget/budget-document.schema';
import type { Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { isFiscal, overUnits } from './line-aggregate';

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
  // One pass over the 款 projection for every total the prose states.
  const t = { total: 0, basic: 0, fiscal: 0, fiscalBasic: 0, generalPublic: 0, generalPublicBasic: 0, governmentFund: 0 };
  for (const c of overUnits(ctx.aggregate).byEconomic) {
    const basic = c.kind !== 'project' ? c.fen : 0;
    t.total += c.fen;
    t.basic += basic;
    if (isFiscal(c.family)) {
      t.fiscal += c.fen;
      t.fiscalBasic += basic;
    }
    if (c.family === 'general-public') {
      t.generalPublic += c.fen;
      t.generalPublicBasic += basic;
    }
    if (c.family === 'government-fund') t.governmentFund += c.fen;
  }
  const fen = (n: number) => n as Fen;
  return {
    year: ctx.doc.fiscalYear,
    name: ctx.doc.department.shortName ?? ctx.doc.department.name,
    total: fen(t.total),
    basic: fen(t.basic),
    project: fen(t.total - t.basic),
    fiscal: fen(t.fiscal),
    fiscalBasic: fen(t.fiscalBasic),
    fiscalProject: fen(t.fiscal - t.fiscalBasic),
    generalPublic: fen(t.generalPublic),
    generalPublicBasic: fen(t.generalPublicBasic),
    generalPublicProject: fen(t.generalPublic - t.generalPublicBasic),
    governmentFund: fen(t.governmentFund),
    lastYear: ctx.doc.priorYears.find((p) => p.year === ctx.doc.fiscalYear - 1),
    noPriorReason: ctx.doc.explanations.noPriorYearReason,
  };
}
