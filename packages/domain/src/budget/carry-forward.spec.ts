import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { catalogueForYear } from '../catalogue';
import { formatYuan, parseFen, sumFen } from '../money/fen';
import { validateBudget } from '../rules';
import { ZBudgetDocument, type TBudgetDocument, type TProject } from './budget-document.schema';
import { carryForward, priorYearFiguresOf } from './carry-forward';

const seed = ZBudgetDocument.parse(fixture);

describe('starting a year from last year’s budget', () => {
  const { document, carried } = carryForward(seed, { fiscalYear: 2021 });

  it('is a valid document of the new year with the department, units, 职能 and staffing of last year', () => {
    expect(ZBudgetDocument.parse(document)).toEqual(document);
    expect(document.fiscalYear).toBe(2021);
    expect(document.department).toEqual(seed.department);
    expect(carried).toMatchObject({ fromYear: 2020, units: 1, functions: seed.department.functions.length, staffing: true, priorYear: 2020 });
  });

  it('fills 上年预算数 from last year’s own lines: the totals its tables printed', () => {
    const prior = document.priorYears.find((p) => p.year === 2020);
    const lines = seed.expenditureLines;
    const yuan = (ls: typeof lines) => formatYuan(sumFen(ls.map((l) => parseFen(l.amount))));
    expect(prior?.total).toBe(yuan(lines));
    expect(prior?.total).toBe(seed.incomeLines[0]?.amount); // the seed balances
    expect(prior?.expenditureProject).toBe(yuan(lines.filter((l) => l.kind === 'project')));
    expect(prior?.expenditureBasic).toBe(yuan(lines.filter((l) => l.kind !== 'project')));
    expect(prior?.incomeFiscal).toBe(seed.incomeLines[0]?.amount);
    expect(prior?.incomeOther).toBe('0.00');
    const item = lines[0]!.functionCode;
    expect(prior?.functionItems?.[item]?.budget).toBe(yuan(lines.filter((l) => l.functionCode === item)));
    expect(prior?.functionClasses?.[item.slice(0, 3)]).toBeDefined();
  });

  it('keeps 前年 (2019) and drops what is older, so 表9 compares two years', () => {
    expect(document.priorYears.map((p) => p.year)).toEqual([2020, 2019]);
    const older = carryForward({ ...seed, priorYears: [{ year: 2017 }, { year: 2019 }] }, { fiscalYear: 2021 });
    expect(older.document.priorYears.map((p) => p.year)).toEqual([2020, 2019]);
  });

  it('carries a continuing project with last year’s budget among its prior years and last year’s targets as 上年 values', () => {
    const before = seed.projects[0]!;
    const after = document.projects.find((p) => p.id === before.id);
    expect(carried.projects.carried).toEqual([before.id]);
    expect(after?.priorYears).toEqual([
      { year: 2019 },
      { year: 2020, budget: priorYearFiguresOf(seed).expenditureProject },
    ]);
    expect(after?.indicators[0]?.valueLastYear).toBe(before.indicators[0]?.target);
    expect(after?.indicators[0]?.valueTwoYearsAgo).toBe(before.indicators[0]?.valueLastYear);
    expect(after?.changeNote).toBe('');
  });

  it('leaves behind a project whose 项目总预算 last year used up, with its lines', () => {
    const project = seed.projects[0]!;
    const lastYear = priorYearFiguresOf(seed).expenditureProject!;
    const done: TProject = { ...project, totalBudget: lastYear, priorYears: [] };
    const { document: next, carried: said } = carryForward({ ...seed, projects: [done] }, { fiscalYear: 2021 });
    expect(said.projects).toEqual({ carried: [], finished: [project.id] });
    expect(next.projects).toEqual([]);
    expect(next.expenditureLines.some((l) => l.projectId === project.id)).toBe(false);
    expect(next.expenditureLines).toHaveLength(seed.expenditureLines.filter((l) => l.kind !== 'project').length);
    expect(said.expenditureLines).toBe(next.expenditureLines.length);
  });

  it('leaves the new year’s own words empty: reasons, annual target and tasks', () => {
    const withReasons: TBudgetDocument = {
      ...seed,
      explanations: { ...seed.explanations, totalChangeReason: '人员增加', assets: '车辆1辆' },
    };
    const next = carryForward(withReasons, { fiscalYear: 2021 }).document;
    expect(next.explanations.totalChangeReason).toBe('');
    expect(next.explanations.assets).toBe('车辆1辆');
    expect(next.performance.annualTarget).toBe('');
    expect(next.performance.annualTasks).toBe('');
    expect(next.performance.longTermTarget).toBe(seed.performance.longTermTarget);
  });

  it('names the new year’s template when given, and the result has no error the old year did not have', () => {
    const next = carryForward(seed, { fiscalYear: 2021, template: 'hubei-2020' }).document;
    expect(next.template).toBe('hubei-2020');
    const errorsOf = (doc: TBudgetDocument, year: number) =>
      new Set(validateBudget(doc, catalogueForYear(year)).filter((f) => f.severity === 'error').map((f) => f.ruleId));
    const before = errorsOf(seed, 2020);
    expect([...errorsOf(next, 2021)].filter((id) => !before.has(id))).toEqual([]);
  });
});
