import { ZBudgetDocument } from '@budgetflow/domain';
import { totalsOf } from './budget-totals';

const line = (id: string, kind: 'basic-personnel' | 'basic-public' | 'project', amount: string) => ({
  id,
  unitCode: '019001',
  functionCode: '2010350',
  economicCode: '30101',
  kind,
  ...(kind === 'project' ? { projectId: 'P1' } : {}),
  fundSource: 'general-budget-appropriation' as const,
  amount,
});

describe('totalsOf', () => {
  it('adds amounts exactly (0.1 + 0.2 is 0.30), by kind', () => {
    const document = ZBudgetDocument.parse({
      schemaVersion: 1,
      fiscalYear: 2020,
      department: { code: '019001', name: '示例', units: [{ code: '019001', name: '示例', level: 'self' }], staffing: { authorized: 1, actual: 1, retired: 0 } },
      incomeLines: [{ id: 'I1', source: 'general-budget-appropriation', amount: '10000000000.30' }],
      expenditureLines: [line('a', 'basic-personnel', '0.10'), line('b', 'basic-personnel', '0.20'), line('c', 'project', '9999999999.99'), line('d', 'basic-public', '0.01')],
    });
    expect(totalsOf(document)).toEqual({
      expenditure: '10000000000.30',
      income: '10000000000.30',
      expenditureByKind: { 'basic-personnel': '0.30', 'basic-public': '0.01', project: '9999999999.99' },
      expenditureLineCount: 4,
      incomeLineCount: 1,
    });
  });
});
