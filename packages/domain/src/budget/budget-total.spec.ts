import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { exceedsBudgetTotal, formatYuan, parseFen, sumFenExact, type Fen } from '../money/fen';
import { ZBudgetDocument, type TBudgetDocumentInput } from './budget-document.schema';

const MAX_LINE = '9999999999999.99';

function withAmounts(amounts: string[], change: (doc: TBudgetDocumentInput) => void = () => undefined): TBudgetDocumentInput {
  const doc = structuredClone(fixture) as TBudgetDocumentInput;
  doc.expenditureLines = doc.expenditureLines.map((line, i) => (i < amounts.length ? { ...line, amount: amounts[i]! } : line));
  change(doc);
  return doc;
}

function issuesOf(doc: TBudgetDocumentInput): { path: string; message: string }[] {
  const parsed = ZBudgetDocument.safeParse(doc);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe("a budget's totals are bounded by the schema", () => {
  const message = 'the amounts add up to more than 10000000000000 元, the most one budget may hold';

  it('refuses ten lines of 9,999,999,999,999.99, naming the lines', () => {
    expect(issuesOf(withAmounts(Array(10).fill(MAX_LINE)))).toEqual([{ path: 'expenditureLines', message }]);
  });

  it('refuses one line of 10,000,000,000,000.00 beside the others, and the same past bound on income and a project', () => {
    expect(issuesOf(withAmounts(['10000000000000.00']))).toEqual([{ path: 'expenditureLines', message }]);
    const income = withAmounts([], (d) => (d.incomeLines = [...d.incomeLines, { id: 'BIG', source: 'other-income', amount: MAX_LINE }]));
    expect(issuesOf(income)).toEqual([{ path: 'incomeLines', message }]);
    const project = withAmounts([], (d) => {
      const p = d.projects![0]!;
      p.details = [...(p.details ?? []), ...[1, 2].map(() => ({ economicCode: '30201', amount: MAX_LINE }))];
    });
    expect(issuesOf(project)).toEqual([{ path: 'projects.0.details', message }]);
  });

  it('takes a budget of exactly the bound', () => {
    const doc = structuredClone(fixture) as TBudgetDocumentInput;
    const others = doc.expenditureLines.slice(1).map((l) => parseFen(l.amount));
    const rest = formatYuan((10_000_000_000_000_00 - others.reduce((a, b) => a + b, 0)) as Fen);
    expect(issuesOf(withAmounts([rest]))).toEqual([]);
  });
});

describe('sums that cannot overflow', () => {
  it('exceedsBudgetTotal stops past the bound, whatever the number of amounts', () => {
    const max = parseFen(MAX_LINE);
    expect(exceedsBudgetTotal(Array(1_000).fill(max))).toBe(true);
    expect(exceedsBudgetTotal([max, 1 as Fen])).toBe(false);
    expect(exceedsBudgetTotal([max, 2 as Fen])).toBe(true);
  });

  it('sumFenExact and formatYuan hold a total far past the safe integer range', () => {
    expect(formatYuan(sumFenExact(Array(10).fill(parseFen(MAX_LINE))))).toBe('99999999999999.90');
  });

});
