import { aggregateLines } from '../derive/line-aggregate';
import { checkBudgetTotals } from './lines.rules';
import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import {
  ZBudgetDocument,
  type TBudgetDocument,
  type TExpenditureLine,
} from '../budget/budget-document.schema';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);
const zeroLine = (patch: Partial<TExpenditureLine>): TExpenditureLine => ({
  id: 'L900',
  unitCode: '019001',
  functionCode: '2150502',
  economicCode: '30227',
  kind: 'project',
  fundSource: 'general-budget-appropriation',
  amount: '0.00',
  ...patch,
});

describe('line rules', () => {
  it('finds nothing on the seed', () => {
    expect(validateBudget(seed())).toEqual([]);
  });

  it('LINE.DUPLICATE_ID: two expenditure lines with one id', () => {
    const doc = seed();
    doc.expenditureLines[1]!.id = 'L001';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'LINE.DUPLICATE_ID',
        severity: 'error',
        location: { kind: 'line', lineId: 'L001', field: 'id' },
      }),
    ]);
  });

  it('INCOME.DUPLICATE_ID: two income lines with one id', () => {
    const doc = seed();
    doc.incomeLines = [
      { id: 'I001', source: 'general-budget-appropriation', amount: '6000000.00' },
      { id: 'I001', source: 'general-budget-appropriation', amount: '44000.00' },
    ];
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'INCOME.DUPLICATE_ID',
        severity: 'error',
        location: { kind: 'line', lineId: 'I001', field: 'id' },
      }),
    ]);
  });

  it('UNIT.DUPLICATE_CODE: a budget unit listed twice', () => {
    const doc = seed();
    doc.department.units.push({ ...doc.department.units[0]!, level: 'subordinate' });
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'UNIT.DUPLICATE_CODE',
        severity: 'error',
        location: { kind: 'document', path: 'department.units.1.code' },
      }),
    ]);
  });

  it('LINE.UNKNOWN_UNIT: a line of a unit the department does not have', () => {
    const doc = seed();
    doc.expenditureLines[0]!.unitCode = '019099';
    const [finding, ...rest] = validateBudget(doc);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'LINE.UNKNOWN_UNIT',
      severity: 'error',
      location: { kind: 'line', lineId: 'L001', field: 'unitCode' },
    });
    expect(finding?.message.en).toContain('019099');
  });

  it('LINE.PROJECT_MISSING: a project line without a project', () => {
    const doc = seed();
    doc.expenditureLines.push(zeroLine({}));
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'LINE.PROJECT_MISSING',
        severity: 'error',
        location: { kind: 'line', lineId: 'L900', field: 'projectId' },
      }),
    ]);
  });

  it('LINE.PROJECT_UNKNOWN: a project line naming a project that does not exist', () => {
    const doc = seed();
    doc.expenditureLines.push(zeroLine({ projectId: 'P-NONE' }));
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'LINE.PROJECT_UNKNOWN',
        severity: 'error',
        location: { kind: 'line', lineId: 'L900', field: 'projectId' },
      }),
    ]);
  });

  it('LINE.PROJECT_ON_BASIC: a basic line that names a project', () => {
    const doc = seed();
    doc.expenditureLines.push(
      zeroLine({
        kind: 'basic-public',
        functionCode: '2010350',
        economicCode: '30201',
        projectId: 'P2020-001',
      }),
    );
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'LINE.PROJECT_ON_BASIC',
        severity: 'error',
        location: { kind: 'line', lineId: 'L900', field: 'projectId' },
      }),
    ]);
  });
});

describe('BUDGET.TOTAL_RANGE', () => {
  const MAX_LINE = '9999999999999.99';
  it('checkBudgetTotals reports a stored budget past the bound with its exact total', () => {
    const doc = { incomeLines: [], expenditureLines: Array.from({ length: 10 }, () => ({ amount: MAX_LINE })) } as never;
    expect(checkBudgetTotals(doc)).toEqual([
      expect.objectContaining({ ruleId: 'BUDGET.TOTAL_RANGE', severity: 'error', location: { kind: 'document', path: 'expenditureLines' }, message: expect.objectContaining({ en: 'the expenditure lines add up to 99999999999999.90 元, more than the 10000000000000 元 one budget may hold' }) }),
    ]);
  });

  it('checkBudgetTotals given the lines\' aggregate sums from it, to the same finding', () => {
    const line = { id: 'a', unitCode: '019001', functionCode: '2010101', economicCode: '30101', kind: 'basic-personnel', fundSource: 'general-budget', amount: MAX_LINE } as const;
    const doc = { incomeLines: [{ id: 'i', source: 'general-budget', amount: MAX_LINE }], expenditureLines: [line, { ...line, id: 'b' }] } as never;
    const aggregate = aggregateLines(doc);
    expect(checkBudgetTotals(doc, aggregate)).toEqual(checkBudgetTotals(doc));
    expect(checkBudgetTotals(doc, aggregate).map((f) => f.message.en)).toEqual(['the expenditure lines add up to 19999999999999.98 元, more than the 10000000000000 元 one budget may hold']);
    // The lines themselves are not read again: the aggregate's totals decide.
    expect(checkBudgetTotals({ incomeLines: [], expenditureLines: [] }, aggregate)).toHaveLength(1);
  });
});
