import { parseFen } from '../money/fen';
import { generateBudget } from '../testing/generate-budget';
import { aggregateLines, familyOf, overUnits } from './line-aggregate';

/** Sums of the lines themselves by (code, fund family, kind), the straightforward way: what the cells over units must hold. */
function linesBy(doc: ReturnType<typeof generateBudget>, codeOf: (line: (typeof doc.expenditureLines)[number]) => string): Map<string, { fen: number; lines: number }> {
  const sums = new Map<string, { fen: number; lines: number }>();
  for (const line of doc.expenditureLines) {
    const key = `${codeOf(line)}|${familyOf(line.fundSource)}|${line.kind}`;
    const sum = sums.get(key) ?? { fen: 0, lines: 0 };
    sum.fen += parseFen(line.amount);
    sum.lines += 1;
    sums.set(key, sum);
  }
  return sums;
}

describe('the cells summed over budget units', () => {
  it.each([
    ['10,000 lines over 10 units', { lines: 10_000 }],
    ['a wide budget: 20,000 lines over 1,000 项 and 400 projects', { lines: 20_000, projects: 400, functionItems: 1_000 }],
  ])('hold the sums of the lines by 项 or 款, fund family and kind: %s', (_label, shape) => {
    const doc = generateBudget(shape);
    const cells = overUnits(aggregateLines(doc));
    const byFunction = new Map(cells.byFunction.map((c) => [`${c.functionCode}|${c.family}|${c.kind}`, { fen: c.fen, lines: c.lines }]));
    const byEconomic = new Map(cells.byEconomic.map((c) => [`${c.economicCode}|${c.family}|${c.kind}`, { fen: c.fen, lines: c.lines }]));
    // one cell per key: a key twice would have left the Map smaller than the list
    expect(byFunction.size).toBe(cells.byFunction.length);
    expect(byEconomic.size).toBe(cells.byEconomic.length);
    expect(byFunction).toEqual(linesBy(doc, (l) => l.functionCode));
    expect(byEconomic).toEqual(linesBy(doc, (l) => l.economicCode));
  });

  it('are made once per aggregate', () => {
    const aggregate = aggregateLines(generateBudget({ lines: 500 }));
    expect(overUnits(aggregate)).toBe(overUnits(aggregate));
  });
});
