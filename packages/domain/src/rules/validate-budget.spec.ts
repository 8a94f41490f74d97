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
