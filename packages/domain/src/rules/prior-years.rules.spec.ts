import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import {
  ZBudgetDocument,
  type TBudgetDocument,
  type TPriorYearFigures,
} from '../budget/budget-document.schema';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);
const lastYear = (doc: TBudgetDocument): TPriorYearFigures => doc.priorYears[0]!;

describe('prior-year rules', () => {
  it('PRIOR.YEAR: figures for the fiscal year itself', () => {
    const doc = seed();
    lastYear(doc).year = 2020;
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.YEAR',
        severity: 'error',
        location: { kind: 'document', path: 'priorYears.0.year' },
      }),
    ]);
  });

  it('PRIOR.YEAR: the same year twice', () => {
    const doc = seed();
    doc.priorYears.push({ ...lastYear(doc) });
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.YEAR',
        location: { kind: 'document', path: 'priorYears.1.year' },
      }),
    ]);
  });

  it('PRIOR.NEGATIVE: a negative 三公 figure', () => {
    const doc = seed();
    lastYear(doc).threePublic = '-1.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.NEGATIVE',
        severity: 'error',
        location: { kind: 'document', path: 'priorYears.0.threePublic' },
      }),
    ]);
  });

  it('PRIOR.EXPENDITURE_SUM: 2019 basic + project ≠ total (29.1 + 254.6 ≠ 283.6), not repeated by 表9', () => {
    const doc = seed();
    lastYear(doc).expenditureBasic = '291000.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.EXPENDITURE_SUM',
        severity: 'error',
        location: { kind: 'document', path: 'priorYears.0.total' },
        expected: '2836000.00',
        actual: '2837000.00',
      }),
    ]);
  });

  it('PRIOR.INCOME_SUM: 2019 fiscal + other ≠ total', () => {
    const doc = seed();
    lastYear(doc).incomeFiscal = '2835000.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.INCOME_SUM',
        severity: 'error',
        location: { kind: 'document', path: 'priorYears.0.total' },
        actual: '2835000.00',
      }),
    ]);
  });

  it('PRIOR.PART_EXCEEDS_TOTAL: 机关运行经费 above the year’s total', () => {
    const doc = seed();
    lastYear(doc).operatingCosts = '2837000.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PRIOR.PART_EXCEEDS_TOTAL',
        severity: 'error',
        location: { kind: 'document', path: 'priorYears.0.operatingCosts' },
        expected: '<= 2836000.00',
        actual: '2837000.00',
      }),
    ]);
  });
});
