import { isDeepStrictEqual } from 'node:util';
import { ZBudgetDocument, type TBudgetDocument, type TExpenditureLine } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue';
import { parseFen } from '../money/fen';
import { deriveAndValidate } from '../rules/validate-budget';
import { generateBudget } from '../testing/generate-budget';
import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { deriveDisclosure } from './derive-disclosure';
import { aggregateLines, LineTally, type LineAggregate } from './line-aggregate';

const seed: TBudgetDocument = ZBudgetDocument.parse(fixture);

/** A deterministic shuffle (the same order every run), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], salt: number): T[] {
  const out = [...items];
  let state = salt >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The aggregate with its cells in a canonical order: the tally keeps cells in the order their first line came. */
function canonical(aggregate: LineAggregate): unknown {
  const key = (cell: object): string => JSON.stringify(cell);
  const sorted = <T extends object>(cells: readonly T[]): T[] => [...cells].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    ...aggregate,
    byFunction: sorted(aggregate.byFunction),
    byEconomic: sorted(aggregate.byEconomic),
    byProject: sorted(aggregate.byProject),
    projectLines: new Map([...aggregate.projectLines].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, p]) => [id, { ...p, byEconomic: new Map([...p.byEconomic].sort()) }])),
    unitCodes: [...aggregate.unitCodes].sort(),
  };
}

describe('the disclosure does not depend on the order of the lines', () => {
  it.each([
    ['the seed', seed],
    ['a generated 2,000-line budget', generateBudget({ lines: 2000, seed: 7 })],
  ])('%s: derived and validated with its lines shuffled, every table, text and finding is the same', (_, doc) => {
    const catalogue = catalogueForYear(doc.fiscalYear);
    const inOrder = deriveAndValidate(doc, catalogue);
    for (const salt of [1, 2, 3]) {
      const other = deriveAndValidate({ ...doc, expenditureLines: shuffled(doc.expenditureLines, salt) }, catalogue);
      expect(isDeepStrictEqual(other, inOrder)).toBe(true);
    }
  });
});

describe('LineTally', () => {
  const doc = generateBudget({ lines: 3000, seed: 11 });
  const lines = doc.expenditureLines;

  it('lines added, some taken out, some changed: the aggregate equals one of the remaining lines read afresh', () => {
    const tally = new LineTally();
    for (const line of lines) tally.add(line);
    const current = new Map(lines.map((l) => [l.id, l]));
    // a third of the lines removed, a third changed (amount, code, fund source, project link), the rest kept
    for (const [i, line] of lines.entries()) {
      if (i % 3 === 0) {
        tally.remove(line);
        current.delete(line.id);
      } else if (i % 3 === 1) {
        const changed: TExpenditureLine = { ...line, amount: '1.23', economicCode: lines[(i * 7) % lines.length]!.economicCode, fundSource: lines[(i * 5) % lines.length]!.fundSource };
        tally.remove(line);
        tally.add(changed);
        current.set(line.id, changed);
      }
    }
    const remaining = [...current.values()];
    expect(canonical(tally.aggregate(doc.incomeLines))).toEqual(canonical(aggregateLines({ expenditureLines: remaining, incomeLines: doc.incomeLines })));
    const catalogue = catalogueForYear(doc.fiscalYear);
    const afresh = { ...doc, expenditureLines: remaining };
    expect(deriveDisclosure(afresh, catalogue, { aggregate: tally.aggregate(doc.incomeLines) })).toEqual(deriveDisclosure(afresh, catalogue));
  });

  it('every line taken out again leaves nothing: no cell, unit, project or total', () => {
    const tally = new LineTally();
    for (const line of lines) tally.add(line);
    for (const line of shuffled(lines, 5)) tally.remove(line);
    expect(canonical(tally.aggregate([]))).toEqual(canonical(aggregateLines({ expenditureLines: [], incomeLines: [] })));
  });

  it('an aggregate read before a change keeps its figures; one read after has the change', () => {
    const tally = new LineTally();
    for (const line of lines) tally.add(line);
    const before = tally.aggregate(doc.incomeLines);
    const copy = structuredClone(before);
    const [first] = lines;
    tally.remove(first!);
    tally.add({ ...first!, amount: '1.00' });
    expect(before).toEqual(copy);
    const after = tally.aggregate(doc.incomeLines);
    expect(after.expenditureTotal).toBe(before.expenditureTotal - parseFen(first!.amount) + 100);
    expect(canonical(after)).toEqual(canonical(aggregateLines({ expenditureLines: [{ ...first!, amount: '1.00' }, ...lines.slice(1)], incomeLines: doc.incomeLines })));
  });

  it('refuses to take out a line it never had', () => {
    const tally = new LineTally();
    expect(() => tally.remove(lines[0]!)).toThrow('never added');
  });
});
