import { ZBudgetDocument, type TBudgetDocumentInput, type TExpenditureLine } from '../budget/budget-document.schema';
import type { TFinding } from '../rules/finding.schema';
import { diffRevisions } from './revision-diff';

const line = (id: string, amount: string) => ({
  id,
  unitCode: '019001',
  functionCode: '2010350',
  economicCode: '30101',
  kind: 'basic-personnel' as const,
  fundSource: 'general-budget-appropriation' as const,
  amount,
});

function documentWith(lines: ReturnType<typeof line>[]) {
  const input: TBudgetDocumentInput = {
    schemaVersion: 1,
    fiscalYear: 2020,
    department: { code: '019', name: '示例单位', units: [{ code: '019001', name: '示例单位本级', level: 'self' }], staffing: { authorized: 1, actual: 1, retired: 0 } },
    incomeLines: [{ id: 'i1', source: 'general-budget-appropriation', amount: '100.00' }],
    expenditureLines: lines,
  };
  return ZBudgetDocument.parse(input);
}

const finding = (ruleId: string, lineId: string): TFinding => ({
  ruleId,
  severity: 'error',
  message: { zh: '错', en: 'wrong' },
  location: { kind: 'line', lineId },
});

describe('diffRevisions', () => {
  it('names the lines, cells and findings that differ between two revisions', () => {
    const before = { document: documentWith([line('a', '60'), line('b', '40')]), disclosure: { total: '100.00' }, findings: [finding('LINE.X', 'a')] };
    const after = { document: documentWith([line('b', '45'), line('c', '5')]), disclosure: { total: '50.00' }, findings: [finding('LINE.Y', 'c')] };
    const diff = diffRevisions(before, after);
    expect(diff.expenditureLines.added.map((l: TExpenditureLine) => l.id)).toEqual(['c']);
    expect(diff.expenditureLines.removed.map((l: TExpenditureLine) => l.id)).toEqual(['a']);
    expect(diff.expenditureLines.changed).toEqual([
      expect.objectContaining({ key: 'b', fields: ['amount'], before: expect.objectContaining({ amount: '40.00' }), after: expect.objectContaining({ amount: '45.00' }) }),
    ]);
    expect(diff.incomeLines).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.cells).toEqual([{ path: 'total', before: '100.00', after: '50.00' }]);
    expect(diff.findings.appeared.map((f) => f.ruleId)).toEqual(['LINE.Y']);
    expect(diff.findings.resolved.map((f) => f.ruleId)).toEqual(['LINE.X']);
  });

  it('does not call a finding new when only its message changed', () => {
    const doc = documentWith([line('a', '1')]);
    const reworded = { ...finding('LINE.X', 'a'), message: { zh: '仍错', en: 'still wrong' } };
    const diff = diffRevisions({ document: doc, disclosure: {}, findings: [finding('LINE.X', 'a')] }, { document: doc, disclosure: {}, findings: [reworded] });
    expect(diff.findings).toEqual({ appeared: [], resolved: [] });
  });
});
