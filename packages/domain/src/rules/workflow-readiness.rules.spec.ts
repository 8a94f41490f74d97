import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);
const project = { kind: 'project', projectId: 'P2020-001' } as const;

describe('workflow-readiness rules', () => {
  it('READY.NO_EXPENDITURE: an empty budget cannot be submitted', () => {
    const doc = seed();
    doc.expenditureLines = [];
    doc.incomeLines = [];
    doc.projects = [];
    const findings = validateBudget(doc);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'READY.NO_EXPENDITURE',
        severity: 'error',
        location: { kind: 'document', path: 'expenditureLines' },
      }),
    );
    // the derived tables of an empty budget say they are empty: no table rule fires
    expect(findings.filter((f) => f.location.kind === 'table')).toEqual([]);
  });

  it.each([
    [
      'READY.NO_SELF_UNIT',
      'error',
      (d: TBudgetDocument) => {
        d.department.units[0]!.level = 'subordinate';
      },
      { kind: 'document', path: 'department.units' },
    ],
    [
      'READY.FUNCTIONS_MISSING',
      'warning',
      (d: TBudgetDocument) => {
        d.department.functions = ['  '];
      },
      { kind: 'document', path: 'department.functions' },
    ],
    [
      'READY.PERFORMANCE_TARGET',
      'warning',
      (d: TBudgetDocument) => {
        d.performance.annualTarget = '';
      },
      { kind: 'document', path: 'performance.annualTarget' },
    ],
    [
      'READY.PROJECT_NO_DETAILS',
      'warning',
      (d: TBudgetDocument) => {
        d.projects[0]!.details = [];
      },
      { ...project, part: 'details' },
    ],
    [
      'READY.PROJECT_NO_TARGET',
      'warning',
      (d: TBudgetDocument) => {
        d.projects[0]!.overallTarget = '';
      },
      { ...project, field: 'overallTarget' },
    ],
    [
      'READY.PROJECT_NO_INDICATORS',
      'warning',
      (d: TBudgetDocument) => {
        d.projects[0]!.indicators = [];
      },
      { ...project, part: 'indicators' },
    ],
    [
      'READY.COMPARISON_REASON',
      'warning',
      (d: TBudgetDocument) => {
        d.priorYears = [];
        d.explanations.noPriorYearReason = '';
      },
      { kind: 'document', path: 'explanations.noPriorYearReason' },
    ],
  ] as const)('%s (%s)', (ruleId, severity, breakIt, location) => {
    const doc = seed();
    breakIt(doc);
    expect(validateBudget(doc)).toEqual([expect.objectContaining({ ruleId, severity, location })]);
  });
});
