import { familyOf, isFiscal } from '../derive/line-aggregate';
import { THREE_PUBLIC_CODES } from '../derive/t8-three-public';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import {
  ZPerformanceIndicator,
  type TBudgetDocument,
  type TExpenditureLine,
  type TPerformanceIndicator,
  type TPriorAmount,
  type TPriorYearFigures,
  type TProject,
} from './budget-document.schema';
import { isFiscalAppropriation } from './fund-source';

/** What a new year took over from last year's budget, for the preparer to read (and the audit). */
export interface TCarriedForward {
  fromYear: number;
  units: number;
  functions: number;
  staffing: boolean;
  /** Projects that continue into the new year (same id), and those left behind as finished. */
  projects: { carried: string[]; finished: string[] };
  expenditureLines: number;
  incomeLines: number;
  /** 上年预算数 filled from last year's lines: the year the new priorYears entry is of. */
  priorYear: number;
}

const THREE_PUBLIC: readonly string[] = Object.values(THREE_PUBLIC_CODES);

const sum = (amounts: Iterable<string>): Fen => {
  let total = 0;
  for (const a of amounts) total += parseFen(a);
  return total as Fen;
};
const yuan = <L extends { amount: string }>(lines: readonly L[], keep: (l: L) => boolean = () => true): string =>
  formatYuan(sum(lines.filter(keep).map((l) => l.amount)));

/** Totals per key (功能 项 or 类) as 上年预算数 entries. */
function byCode(lines: readonly TExpenditureLine[], key: (l: TExpenditureLine) => string): Record<string, TPriorAmount> {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(key(l), (totals.get(key(l)) ?? 0) + parseFen(l.amount));
  return Object.fromEntries([...totals].map(([code, fen]) => [code, { budget: formatYuan(fen as Fen) }]));
}

/**
 * 上年预算数 of a budget, from its own lines: the same sums its tables print (表1 收入 by 财政拨款,
 * 表3's 基本/项目, 表5 一般公共预算, 表7 政府性基金, 表8 “三公” on 财政拨款, 机关运行经费 as the
 * 一般公共预算 公用经费 of units that are not 事业单位), and per 功能 项 and 类.
 */
export function priorYearFiguresOf(doc: TBudgetDocument): TPriorYearFigures {
  const lines = doc.expenditureLines;
  const fiscalIncome = yuan(doc.incomeLines, (l) => isFiscalAppropriation(l.source));
  const family = (l: TExpenditureLine) => familyOf(l.fundSource);
  const operatingUnits = new Set(doc.department.units.filter((u) => u.category !== 'institution').map((u) => u.code));
  return {
    year: doc.fiscalYear,
    incomeFiscal: fiscalIncome,
    incomeOther: formatYuan((sum(doc.incomeLines.map((l) => l.amount)) - parseFen(fiscalIncome)) as Fen),
    expenditureBasic: yuan(lines, (l) => l.kind !== 'project'),
    expenditureProject: yuan(lines, (l) => l.kind === 'project'),
    total: yuan(lines),
    generalPublicBudget: yuan(lines, (l) => family(l) === 'general-public'),
    governmentFund: yuan(lines, (l) => family(l) === 'government-fund'),
    soeCapital: yuan(lines, (l) => family(l) === 'soe-capital'),
    threePublic: yuan(lines, (l) => isFiscal(family(l)) && THREE_PUBLIC.includes(l.economicCode)),
    operatingCosts: yuan(
      lines,
      (l) => family(l) === 'general-public' && l.kind === 'basic-public' && operatingUnits.has(l.unitCode),
    ),
    functionItems: byCode(lines, (l) => l.functionCode),
    functionClasses: byCode(lines, (l) => l.functionCode.slice(0, 3)),
  };
}

/**
 * Last year's target becomes this year's 上年 value, last year's 上年 the 前年. A target too long for
 * a value (表9 prints whole task lists as targets) is not a value: the 上年 value is left empty.
 */
function shiftIndicator(i: TPerformanceIndicator): TPerformanceIndicator {
  const fits = ZPerformanceIndicator.shape.valueLastYear.safeParse(i.target).success;
  return { ...i, valueTwoYearsAgo: i.valueLastYear, valueLastYear: fits ? i.target : '' };
}

/**
 * A project continues unless its 项目总预算 is stated and last year's budget used up what was left
 * of it (the budgets of its prior years plus last year's lines reach the total).
 */
function continues(project: TProject, lastYearFen: Fen): boolean {
  if (project.totalBudget === undefined) return true;
  const before = project.priorYears.reduce((fen, y) => fen + (y.budget === undefined ? 0 : parseFen(y.budget)), 0);
  return before + lastYearFen < parseFen(project.totalBudget);
}

function carryProject(project: TProject, fromYear: number, lastYearFen: Fen): TProject {
  const priorYears = [
    ...project.priorYears.filter((y) => y.year === fromYear - 1),
    { year: fromYear, budget: formatYuan(lastYearFen) },
  ];
  return { ...project, priorYears, changeNote: '', indicators: project.indicators.map(shiftIndicator) };
}

/**
 * The new year's budget started from last year's approved or published one: the units, 职能 and
 * staffing; the projects that continue with their facts, estimate and indicators (last year's
 * targets as 上年 values); the lines of the basic expenditure and of the continuing projects with
 * last year's amounts as a starting point; the income lines; 上年预算数 filled from last year's lines
 * (and the 前年 figures it held); the notes that describe the department rather than the year.
 * The reasons for changes, the annual target and tasks are the new year's own: left empty.
 */
export function carryForward(
  previous: TBudgetDocument,
  next: { fiscalYear: number; template?: string | undefined },
): { document: TBudgetDocument; carried: TCarriedForward } {
  const fromYear = previous.fiscalYear;
  const projectFen = new Map<string, number>();
  for (const l of previous.expenditureLines) {
    if (l.kind === 'project' && l.projectId !== undefined)
      projectFen.set(l.projectId, (projectFen.get(l.projectId) ?? 0) + parseFen(l.amount));
  }
  const lastYearOf = (p: TProject) => (projectFen.get(p.id) ?? 0) as Fen;
  const carriedProjects = previous.projects.filter((p) => continues(p, lastYearOf(p)));
  const finished = previous.projects.filter((p) => !carriedProjects.includes(p)).map((p) => p.id);
  const finishedIds = new Set(finished);
  const expenditureLines = previous.expenditureLines.filter(
    (l) => l.kind !== 'project' || l.projectId === undefined || !finishedIds.has(l.projectId),
  );
  const { performance, explanations } = previous;
  const document: TBudgetDocument = {
    schemaVersion: 1,
    fiscalYear: next.fiscalYear,
    ...(next.template === undefined ? {} : { template: next.template }),
    ...(previous.scope === undefined ? {} : { scope: previous.scope }),
    department: previous.department,
    incomeLines: previous.incomeLines,
    expenditureLines,
    projects: carriedProjects.map((p) => carryProject(p, fromYear, lastYearOf(p))),
    performance: {
      ...performance,
      annualTasks: '',
      annualTarget: '',
      longTermIndicators: performance.longTermIndicators.map(shiftIndicator),
      annualGoals: performance.annualGoals.map((g) => ({ ...g, indicators: g.indicators.map(shiftIndicator) })),
    },
    priorYears: [
      priorYearFiguresOf(previous),
      ...previous.priorYears.filter((p) => p.year === fromYear - 1 && p.year < next.fiscalYear - 1),
    ],
    explanations: {
      noPriorYearReason: '',
      totalChangeReason: '',
      fiscalChangeReason: '',
      generalPublicChangeReason: '',
      threePublicChangeReason: '',
      operatingCostsChangeReason: '',
      operatingCostsNote: '',
      threePublicUnitsNote: explanations.threePublicUnitsNote,
      assets: explanations.assets,
      performanceManagement: explanations.performanceManagement,
      nonTaxRevenue: '',
      functionItemNotes: explanations.functionItemNotes,
    },
  };
  return {
    document,
    carried: {
      fromYear,
      units: previous.department.units.length,
      functions: previous.department.functions.length,
      staffing: true,
      projects: { carried: carriedProjects.map((p) => p.id), finished },
      expenditureLines: expenditureLines.length,
      incomeLines: previous.incomeLines.length,
      priorYear: fromYear,
    },
  };
}
