import { parseFen, sumFenExact } from '../money/fen';
import { generateBudget } from '../testing/generate-budget';
import { ZBudgetDocument, type TBudgetDocument } from './budget-document.schema';
import { changedUnitParts, consolidateUnit, consolidatedId, unitPart } from './unit-consolidation';

const department = generateBudget({ lines: 300, units: 3, projects: 6, seed: 7 });
const [self, unitA, unitB] = department.department.units.map((u) => u.code) as [string, string, string];
const sum = (doc: TBudgetDocument, unit?: string) => sumFenExact(doc.expenditureLines.filter((l) => unit === undefined || l.unitCode === unit).map((l) => parseFen(l.amount)));

describe('单位预算 ↔ 部门预算', () => {
  it("a unit's budget starts from the department's lines, income and projects of that unit, alone", () => {
    const part = unitPart(department, unitA);
    expect(part.department.units.map((u) => [u.code, u.level])).toEqual([[unitA, 'self']]);
    expect(part.expenditureLines.length).toBe(department.expenditureLines.filter((l) => l.unitCode === unitA).length);
    expect(part.expenditureLines.every((l) => l.unitCode === unitA)).toBe(true);
    expect(part.projects.every((p) => p.unitCode === unitA)).toBe(true);
    expect(sum(part)).toBe(sum(department, unitA));
    expect(() => ZBudgetDocument.parse(part)).not.toThrow();
    expect(() => unitPart(department, '999999')).toThrow('not a unit');
  });

  it("the approved unit budget replaces that unit's part and nothing else; the other units and the department's own stay as they were", () => {
    const part = unitPart(department, unitA);
    const edited: TBudgetDocument = { ...part, expenditureLines: part.expenditureLines.map((l, i) => (i === 0 ? { ...l, amount: '12345.67' } : l)) };
    const consolidated = consolidateUnit(department, edited, unitA);
    expect(sum(consolidated, unitA)).toBe(sum(edited));
    for (const other of [self, unitB]) expect(consolidated.expenditureLines.filter((l) => l.unitCode === other)).toEqual(department.expenditureLines.filter((l) => l.unitCode === other));
    expect(consolidated.expenditureLines.filter((l) => l.unitCode === unitA).every((l) => l.id.startsWith(`${unitA}.`))).toBe(true);
    expect(new Set(consolidated.expenditureLines.map((l) => l.id)).size).toBe(consolidated.expenditureLines.length);
    expect(() => ZBudgetDocument.parse(consolidated)).not.toThrow();
  });

  it("a project's lines follow their project's new id, and the unit's income is marked with its unit", () => {
    const part = unitPart(department, unitA);
    const withIncome: TBudgetDocument = { ...part, incomeLines: [{ id: 'i1', source: 'general-budget-appropriation', amount: '100.00' }] };
    const consolidated = consolidateUnit(department, withIncome, unitA);
    const projects = new Set(consolidated.projects.map((p) => p.id));
    for (const line of consolidated.expenditureLines.filter((l) => l.projectId !== undefined)) expect(projects).toContain(line.projectId);
    expect(consolidated.incomeLines.filter((l) => l.unitCode === unitA)).toEqual([{ id: `${unitA}.i1`, source: 'general-budget-appropriation', amount: '100.00', unitCode: unitA }]);
  });

  it('consolidating again and starting again do not pile up prefixes: the round trip is stable', () => {
    const once = consolidateUnit(department, unitPart(department, unitA), unitA);
    const again = consolidateUnit(once, unitPart(once, unitA), unitA);
    expect(again).toEqual(once);
    expect(unitPart(again, unitA).expenditureLines.map((l) => l.id)).toEqual(unitPart(department, unitA).expenditureLines.map((l) => l.id));
  });

  it('ids stay within 64 characters and distinct, however long the unit gave them', () => {
    const long = 'x'.repeat(60);
    expect(consolidatedId('019001002', 'l7')).toBe('019001002.l7');
    expect(consolidatedId('019001002', long)).toHaveLength(27);
    expect(consolidatedId('019001002', long)).not.toBe(consolidatedId('019001002', `${long}y`));
  });

  it('an import into the department budget may carry the consolidated parts back unchanged, and names the units it would change', () => {
    const consolidated = consolidateUnit(department, unitPart(department, unitA), unitA);
    const reordered: TBudgetDocument = { ...consolidated, expenditureLines: [...consolidated.expenditureLines].reverse() };
    expect(changedUnitParts(consolidated, reordered, [unitA])).toEqual([]);
    const changed: TBudgetDocument = {
      ...consolidated,
      expenditureLines: consolidated.expenditureLines.map((l) => (l.unitCode === unitA ? { ...l, amount: '1.00' } : l)),
    };
    expect(changedUnitParts(consolidated, changed, [unitA, unitB])).toEqual([unitA]);
  });
});
