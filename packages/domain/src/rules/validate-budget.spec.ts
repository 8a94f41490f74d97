import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import { ZFinding } from './finding.schema';
import { ruleById } from './rule-catalogue';
import { generateBudget } from '../testing/generate-budget';
import { countErrors, deriveAndValidate, validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);

describe('validateBudget', () => {
  it('deriveAndValidate reads the lines once and gives what deriving and validating apart give, mistakes included', () => {
    const catalogue = catalogueForYear(2020);
    const doc = generateBudget({ lines: 400, projects: 3 });
    doc.expenditureLines[1]!.id = doc.expenditureLines[0]!.id;
    doc.expenditureLines[2]!.unitCode = '999999';
    doc.expenditureLines[3]!.functionCode = '2019901';
    const { disclosure, findings } = deriveAndValidate(doc, catalogue);
    expect(disclosure).toEqual(deriveDisclosure(doc, catalogue));
    expect(findings).toEqual(validateBudget(doc, catalogue, { disclosure: deriveDisclosure(doc, catalogue) }));
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['LINE.DUPLICATE_ID', 'LINE.UNKNOWN_UNIT', 'CODE.UNKNOWN_FUNCTION']));
  });

  it('finds nothing on the seed, with the catalogue of its year looked up or given', () => {
    expect(validateBudget(seed())).toEqual([]);
    expect(validateBudget(seed(), catalogueForYear(2020))).toEqual([]);
  });

  describe('a new, empty budget (as the API creates it: no lines, no texts)', () => {
    const empty = (template: string): TBudgetDocument =>
      ZBudgetDocument.parse({
        schemaVersion: 1,
        fiscalYear: 2021,
        template,
        department: { code: '019001', name: '示例单位', units: [{ code: '019001', name: '示例单位', level: 'self' }], staffing: { authorized: 0, actual: 0, retired: 0 } },
        incomeLines: [],
        expenditureLines: [],
      });

    it.each(['hubei-2020', 'shanghai-district', 'jiangsu-province'])('%s: says each problem once, never the same finding twice', (template) => {
      const findings = validateBudget(empty(template));
      const said = findings.map((f) => `${f.ruleId} ${f.message.zh}`);
      expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
      // Nor twice about one 说明 in other words (江苏's 五 cites 表05's missing 合计 with 0.00万元 and 0.00%).
      const explained = findings.flatMap((f) => (f.location.kind === 'text' ? [`${f.ruleId} ${f.location.section.split('/')[0]}`] : []));
      expect(explained.filter((s, i) => explained.indexOf(s) !== i)).toEqual([]);
    });

    it('hubei-2020: the 说明 whose figures all cite 表5’s missing 合计 says so once, and reaches each of its figures', () => {
      const findings = validateBudget(empty('hubei-2020')).filter((f) => f.ruleId === 'TEXT.SOURCE_MISSING');
      const general = findings.filter((f) => f.message.zh.startsWith('说明「五、一般公共预算支出情况说明」'));
      expect(general).toEqual([
        expect.objectContaining({
          message: expect.objectContaining({ zh: '说明「五、一般公共预算支出情况说明」中的 0.0万元 所引表5的行不存在' }),
          location: { kind: 'text', section: 'general-public/general-public-total' },
          alsoAt: [
            { kind: 'text', section: 'general-public/general-public-basic' },
            { kind: 'text', section: 'general-public/general-public-project' },
          ],
        }),
      ]);
      // 六 and 九 cite 表6's missing 合计 too, each 说明 once
      expect(findings.map((f) => f.location)).toEqual([
        { kind: 'text', section: 'general-public/general-public-total' },
        { kind: 'text', section: 'basic/basic-total' },
        { kind: 'text', section: 'other/operating-costs' },
      ]);
      for (const finding of findings) expect(ZFinding.parse(finding)).toEqual(finding);
    });
  });

  it('uses a disclosure the caller derived already, and checks that one', () => {
    const doc = seed();
    const disclosure = deriveDisclosure(doc, catalogueForYear(2020));
    expect(validateBudget(doc, undefined, { disclosure })).toEqual([]);
    disclosure.tables.find((t) => t.id === 'T8')!.rows[0]!.cells.amount = '1.00';
    expect(validateBudget(doc, undefined, { disclosure }).map((f) => f.ruleId)).toContain('TABLE.TOTAL_SUM');
  });

  it('says a project’s mistake once, on the project, not again on its 表10 form', () => {
    const doc = seed();
    doc.projects[0]!.details[0]!.amount = '50100.00'; // 邮电费, no sub-items
    const findings = validateBudget(doc);
    expect(findings.map((f) => f.ruleId)).toEqual(['PROJECT.DETAIL_SUM', 'PROJECT.DETAIL_ECONOMIC']);
    expect(findings.every((f) => f.location.kind === 'project')).toBe(true);
  });

  it('reports every finding in the shape the API stores, messages in both languages, severity as catalogued', () => {
    const doc = seed();
    doc.incomeLines[0]!.amount = '6000000.00';
    doc.expenditureLines[0]!.functionCode = '2010398';
    doc.projects[0]!.fundSources = [];
    doc.priorYears[0]!.total = '1.00';
    const findings = validateBudget(doc);
    expect(findings.length).toBeGreaterThan(4);
    for (const finding of findings) {
      expect(ZFinding.parse(finding)).toEqual(finding);
      expect(finding.message.zh).not.toBe(finding.message.en);
      expect(finding.severity).toBe(ruleById(finding.ruleId)?.severity);
    }
  });

  it('countErrors counts what blocks submission: errors, not warnings', () => {
    const doc = seed();
    doc.expenditureLines[11]!.kind = 'basic-personnel'; // a warning
    expect(countErrors(validateBudget(doc))).toBe(0);
    doc.expenditureLines[1]!.id = 'L001'; // an error
    const findings = validateBudget(doc);
    expect(findings.map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    expect(countErrors(findings)).toBe(1);
  });
});
