import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import { partTitles } from '../render/disclosure-text';
import { generateBudget } from '../testing/generate-budget';
import type { TBudgetDocument } from './budget-document.schema';
import { unitPart } from './unit-consolidation';
import { hasUnitScope, unitDisclosed } from './unit-disclosure';

const department = generateBudget({ lines: 120, units: 2, projects: 2, seed: 11 });
const unit = { code: department.department.units[1]?.code ?? '', name: '示例第一中学' };
const unitBudget = (template: string): TBudgetDocument => unitPart({ ...department, template }, unit.code);
const disclose = (doc: TBudgetDocument) => deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));

describe("a unit's own disclosure (单位预算)", () => {
  it('Shanghai prints a 单位 scope, Hubei and Jiangsu do not', () => {
    expect([hasUnitScope({ template: 'shanghai-district' }), hasUnitScope({ template: 'hubei-2020' }), hasUnitScope({ template: 'jiangsu-province' }), hasUnitScope({})]).toEqual([true, false, false, false]);
  });

  it("under a 单位 scope it is the unit's: its name in every title, the 单位 tables' titles, its own lines only", () => {
    const doc = unitBudget('shanghai-district');
    const disclosure = disclose(unitDisclosed(doc, unit));
    const year = doc.fiscalYear;
    expect(disclosure.meta).toEqual(expect.objectContaining({ scope: 'unit', departmentName: '示例第一中学', departmentCode: department.department.code }));
    expect(disclosure.meta.shortName).toBeUndefined();
    expect(partTitles(disclosure).document).toBe(`示例第一中学${year}年单位预算`);
    expect(disclosure.tables[0]?.title).toBe(`${year}年预算单位财务收支预算总表`);
    // Same derivation as the department's, of the unit's lines: its tables are the department's of the same lines, retitled.
    const asDepartment = disclose(doc);
    expect(disclosure.tables.map((t) => t.rows.length)).toEqual(asDepartment.tables.map((t) => t.rows.length));
    expect(asDepartment.meta.scope).toBe('department');
  });

  it('without a 单位 scope the document is left as it is', () => {
    const doc = unitBudget('hubei-2020');
    expect(unitDisclosed(doc, unit)).toBe(doc);
  });
});
