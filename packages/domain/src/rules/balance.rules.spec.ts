import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);

describe('balance rules', () => {
  it('BUDGET.BALANCED: income exceeds expenditure, reported once on the document, not again on 表1', () => {
    const doc = seed();
    doc.incomeLines[0]!.amount = '6045000.00';
    const findings = validateBudget(doc);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'BUDGET.BALANCED',
        severity: 'error',
        location: { kind: 'document', path: 'incomeLines' },
        expected: '6044000.00',
        actual: '6045000.00',
      }),
    );
    expect(findings.map((f) => f.ruleId)).not.toContain('T1.YEAR_END_BALANCE');
  });

  it('BUDGET.FUND_SOURCE_BALANCED: totals agree but a source funds less than is spent from it; 表4 shows the deficit', () => {
    const doc = seed();
    doc.incomeLines = [
      { id: 'I001', source: 'general-budget-appropriation', amount: '6000000.00' },
      { id: 'I002', source: 'other-income', amount: '44000.00' },
    ];
    const findings = validateBudget(doc);
    const bySource = findings.filter((f) => f.ruleId === 'BUDGET.FUND_SOURCE_BALANCED');
    expect(bySource.map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ['warning', '6044000.00', '6000000.00'], // 一般公共预算 funds less than it pays for
      ['warning', '0.00', '44000.00'], // 其他收入 pays for nothing
    ]);
    expect(bySource[0]?.location).toEqual({ kind: 'document', path: 'incomeLines' });
    expect(findings.filter((f) => f.ruleId === 'T4.DEFICIT')).toEqual([
      expect.objectContaining({
        severity: 'error',
        location: { kind: 'table', table: 'T4', row: 'econ-balance', column: 'amount' },
        actual: '-44000.00',
      }),
    ]);
  });
});
