import { catalogueForYear } from '../catalogue/catalogue-editions';
import { parseFen } from '../money/fen';
import { generateBudget } from './generate-budget';

describe('generateBudget', () => {
  const doc = generateBudget({ lines: 2_000, seed: 7 });

  it('makes the number of lines asked for, the same for the same seed', () => {
    expect(doc.expenditureLines).toHaveLength(2_000);
    expect(generateBudget({ lines: 2_000, seed: 7 })).toEqual(doc);
    expect(generateBudget({ lines: 2_000, seed: 8 })).not.toEqual(doc);
  });

  it('balances income and expenditure per fund source', () => {
    const sums = new Map<string, number>();
    for (const line of doc.expenditureLines) sums.set(line.fundSource, (sums.get(line.fundSource) ?? 0) + parseFen(line.amount));
    for (const line of doc.incomeLines) sums.set(line.source, (sums.get(line.source) ?? 0) - parseFen(line.amount));
    expect([...sums.values()].every((v) => v === 0)).toBe(true);
    expect(doc.incomeLines.length).toBeGreaterThan(1);
  });

  it('uses 项 and 款 codes of the year, personnel lines on 301/303 and public ones on 302', () => {
    const catalogue = catalogueForYear(doc.fiscalYear);
    for (const line of doc.expenditureLines) {
      expect(catalogue.functional.get(line.functionCode)?.level).toBe('item');
      expect(catalogue.economic.get(line.economicCode)?.level).toBe('section');
    }
    const classes = (kind: string) => new Set(doc.expenditureLines.filter((l) => l.kind === kind).map((l) => l.economicCode.slice(0, 3)));
    expect([...classes('basic-personnel')].sort()).toEqual(['301', '303']);
    expect([...classes('basic-public')]).toEqual(['302']);
  });

  it('spreads project lines over a few dozen projects however many lines there are, as a real department has', () => {
    expect(doc.projects).toHaveLength(30);
    expect(generateBudget({ lines: 20_000 }).projects).toHaveLength(30);
    expect(generateBudget({ lines: 2_000, projects: 4 }).projects).toHaveLength(4);
  });

  it('budgets under a couple of dozen functional 项, not the whole catalogue', () => {
    const items = (d: typeof doc) => new Set(d.expenditureLines.map((l) => l.functionCode)).size;
    expect(items(doc)).toBe(24);
    expect(items(generateBudget({ lines: 2_000, functionItems: 5 }))).toBe(5);
  });

  it('gives each project the sum of its lines in its detail, fund sources and procurement', () => {
    expect(doc.projects.length).toBeGreaterThan(10);
    for (const project of doc.projects) {
      const lines = doc.expenditureLines.filter((l) => l.projectId === project.id);
      const total = lines.reduce((s, l) => s + parseFen(l.amount), 0);
      const sum = (amounts: { amount: string }[]) => amounts.reduce((s, a) => s + parseFen(a.amount), 0);
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines.map((l) => `${l.unitCode}|${l.functionCode}`)).size).toBe(1);
      expect([sum(project.details), sum(project.fundSources), sum(project.procurement)]).toEqual([total, total, total]);
      expect(project.unitCode).toBe(lines[0]?.unitCode);
      expect(project.details.length).toBeLessThanOrEqual(6); // a handful of 款 per project, as estimates detail them
    }
  });
});
