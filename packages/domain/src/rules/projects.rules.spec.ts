import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument, type TProject } from '../budget/budget-document.schema';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);
const projectOf = (doc: TBudgetDocument): TProject => doc.projects[0]!;
const ruleIds = (doc: TBudgetDocument) => validateBudget(doc).map((f) => f.ruleId);
const at = (part?: string, index?: number, field?: string) => ({
  kind: 'project',
  projectId: 'P2020-001',
  ...(part === undefined ? {} : { part }),
  ...(index === undefined ? {} : { index }),
  ...(field === undefined ? {} : { field }),
});

describe('project rules', () => {
  it('PROJECT.DUPLICATE_ID: two projects with one id', () => {
    const doc = seed();
    doc.projects.push(structuredClone(projectOf(doc)));
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.DUPLICATE_ID',
        severity: 'error',
        location: at(undefined, undefined, 'id'),
      }),
    ]);
  });

  it('PROJECT.UNKNOWN_UNIT: a project of a unit the department does not have', () => {
    const doc = seed();
    projectOf(doc).unitCode = '019099';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.UNKNOWN_UNIT',
        severity: 'error',
        location: at(undefined, undefined, 'unitCode'),
      }),
    ]);
  });

  it('PROJECT.NO_LINES: a project no line pays for', () => {
    const doc = seed();
    const empty = { ...structuredClone(projectOf(doc)), id: 'P2', fundSources: [], procurement: [] };
    empty.details = [{ economicCode: '30201', amount: '0.00', basis: '', note: '', subItems: [] }];
    doc.projects.push(empty);
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.NO_LINES',
        severity: 'warning',
        location: { kind: 'project', projectId: 'P2' },
      }),
    ]);
  });

  it('PROJECT.DETAIL_SUM: the detail lines add up to more than the project’s lines (3,970,000)', () => {
    const doc = seed();
    projectOf(doc).details.push({
      economicCode: '30299',
      amount: '100.00',
      basis: '',
      note: '',
      subItems: [],
    });
    const findings = validateBudget(doc);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'PROJECT.DETAIL_SUM',
        severity: 'error',
        location: at('details'),
        expected: '3970000.00',
        actual: '3970100.00',
      }),
    );
    // the extra 款 is named too; 表10's own sum is not reported a second time
    expect(findings.map((f) => f.ruleId)).toEqual(['PROJECT.DETAIL_SUM', 'PROJECT.DETAIL_ECONOMIC']);
  });

  it('PROJECT.DETAIL_ECONOMIC: the detail puts 邮电费 on another 款 than the lines, the total still right', () => {
    const doc = seed();
    projectOf(doc).details[0]!.economicCode = '30201';
    const findings = validateBudget(doc);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      ['PROJECT.DETAIL_ECONOMIC', 'error', at('details', 0, 'amount'), '0.00', '50000.00'],
      ['PROJECT.DETAIL_ECONOMIC', 'error', at('details', undefined, 'amount'), '50000.00', '0.00'],
    ]);
  });

  it('PROJECT.SUBITEM_SUM: the ten 委托业务费 items no longer add up to 2,754,800', () => {
    const doc = seed();
    projectOf(doc).details[2]!.subItems[0]!.amount = '241001.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.SUBITEM_SUM',
        severity: 'error',
        location: at('details', 2, 'subItems'),
        expected: '2754800.00',
        actual: '2754801.00',
      }),
    ]);
  });

  it('PROJECT.PROCUREMENT_EXCEEDS: procurement above the project amount', () => {
    const doc = seed();
    projectOf(doc).procurement[0]!.amount = '1900.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.PROCUREMENT_EXCEEDS',
        severity: 'error',
        location: at('procurement'),
        expected: '3970000.00',
        actual: '3971000.00',
      }),
    ]);
  });

  it('PROJECT.PROCUREMENT_SUM: procurement short of the project amount is a warning', () => {
    const doc = seed();
    projectOf(doc).procurement[0]!.amount = '800.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.PROCUREMENT_SUM',
        severity: 'warning',
        location: at('procurement'),
        actual: '3969900.00',
      }),
    ]);
  });

  it('PROJECT.FUND_SOURCE_SUM: no fund sources for a project of 3,970,000', () => {
    const doc = seed();
    projectOf(doc).fundSources = [];
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.FUND_SOURCE_SUM',
        severity: 'error',
        location: at('fundSources'),
        expected: '3970000.00',
        actual: '0.00',
      }),
    ]);
  });

  it('PROJECT.FUND_SOURCE_LINES: the right total, split over sources the lines do not use', () => {
    const doc = seed();
    projectOf(doc).fundSources = [
      { source: 'general-budget-appropriation', amount: '3960000.00' },
      { source: 'other-income', amount: '10000.00' },
    ];
    const findings = validateBudget(doc);
    expect(findings.map((f) => [f.ruleId, f.severity, f.expected, f.actual])).toEqual([
      ['PROJECT.FUND_SOURCE_LINES', 'warning', '3970000.00', '3960000.00'],
      ['PROJECT.FUND_SOURCE_LINES', 'warning', '0.00', '10000.00'],
    ]);
    expect(findings[0]?.location).toEqual(at('fundSources'));
  });

  it('PROJECT.TOTAL_BUDGET: a total budget below this year’s amount', () => {
    const doc = seed();
    projectOf(doc).totalBudget = '100.00';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.TOTAL_BUDGET',
        severity: 'warning',
        location: at(undefined, undefined, 'totalBudget'),
      }),
    ]);
  });

  it('PROJECT.PRIOR_YEAR: a "prior" year that is the fiscal year itself', () => {
    const doc = seed();
    projectOf(doc).priorYears[1]!.year = 2020;
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'PROJECT.PRIOR_YEAR',
        severity: 'error',
        location: at('priorYears', 1, 'year'),
      }),
    ]);
  });

  it('a project that adds up finds nothing, whatever order its parts come in', () => {
    const doc = seed();
    projectOf(doc).details.reverse();
    projectOf(doc).procurement.reverse();
    expect(ruleIds(doc)).toEqual([]);
  });
});
