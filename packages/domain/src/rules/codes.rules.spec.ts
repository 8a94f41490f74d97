import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { buildCatalogue } from '../catalogue/catalogue';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { aggregateLines } from '../derive/line-aggregate';
import { checkCodes } from './codes.rules';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);

describe('code rules', () => {
  it('CODE.UNKNOWN_FUNCTION: a 项 neither whose 款 nor itself the shipped 2020 edition has, which the message calls partial', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '2019901';
    expect(catalogueForYear(2020).functional.has('20199')).toBe(false);
    const [finding, ...rest] = validateBudget(doc);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'CODE.UNKNOWN_FUNCTION',
      severity: 'error',
      location: { kind: 'line', lineId: 'L001', field: 'functionCode' },
    });
    expect(finding?.message).toEqual({
      zh: '支出功能分类科目 2019901 不在 2020 年内置目录（不完整，仅收录公开文件中见到的科目）中',
      en: 'functional code 2019901 is not in the 2020 shipped edition (partial: only codes seen in print)',
    });
  });

  it('CODE.FUNCTION_NOT_IN_PARTIAL: a 项 the partial 2020 edition lacks under a 款 it has is a warning asking for its name', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '2010398';
    expect(catalogueForYear(2020).functional.has('2010398')).toBe(false);
    const findings = validateBudget(doc);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ['CODE.FUNCTION_NOT_IN_PARTIAL', 'warning', { kind: 'line', lineId: 'L001', field: 'functionCode' }],
    ]);
    expect(findings[0]?.message.zh).toBe(
      '支出功能分类科目 2010398 不在 2020 年内置目录（不完整，仅收录公开文件中见到的科目）中，其上级 20103（政府办公厅（室）及相关机构事务）在：请核对该科目并提供其名称，或请管理员上传 2020 年《政府收支分类科目》',
    );
  });

  it('the same 项 against a complete (uploaded) edition that lacks it is an error, and one it has is clean', () => {
    const doc = seed();
    const shipped = catalogueForYear(2020);
    const uploaded = buildCatalogue(2020, [...shipped.functional.values()], [...shipped.economic.values()]);
    expect(validateBudget(doc, uploaded)).toEqual([]);
    doc.expenditureLines[0]!.functionCode = '2010398';
    expect(validateBudget(doc, uploaded).map((f) => [f.ruleId, f.severity, f.message.en])).toEqual([
      ['CODE.UNKNOWN_FUNCTION', 'error', 'functional code 2010398 is not in the 2020 catalogue'],
    ]);
    const withIt = buildCatalogue(2020, [...shipped.functional.values(), { code: '2010398', name: '新项', level: 'item' }], [...shipped.economic.values()]);
    expect(validateBudget(doc, withIt)).toEqual([]);
  });

  it('CODE.OTHER_CLASSIFICATION: an economic code in the functional column, a functional one in the economic column', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '3010101';
    doc.expenditureLines[1]!.economicCode = '20103';
    const findings = checkCodes(doc.expenditureLines, catalogueForYear(2020), 2020);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location, f.message.zh])).toEqual([
      ['CODE.OTHER_CLASSIFICATION', 'error', { kind: 'line', lineId: 'L001', field: 'functionCode' }, '支出功能分类栏填的 3010101 是部门预算支出经济分类科目'],
      ['CODE.OTHER_CLASSIFICATION', 'error', { kind: 'line', lineId: 'L002', field: 'economicCode' }, '部门预算支出经济分类栏填的 20103 是支出功能分类科目'],
    ]);
  });

  it('CODE.MALFORMED: a code that is no code (a document built without the schema)', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '2O10350';
    doc.expenditureLines[1]!.functionCode = '1010101'; // no expenditure classification starts with 1
    const findings = checkCodes(doc.expenditureLines, catalogueForYear(2020), 2020);
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      ['CODE.MALFORMED', { kind: 'line', lineId: 'L001', field: 'functionCode' }],
      ['CODE.MALFORMED', { kind: 'line', lineId: 'L002', field: 'functionCode' }],
    ]);
  });

  it('an empty code is said to be blank, not left as a gap between two spaces', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '';
    const [finding] = checkCodes(doc.expenditureLines.slice(0, 1), catalogueForYear(2020), 2020);
    expect(finding?.message.zh).toContain('（未填写）');
    expect(finding?.message.en).toContain('(blank)');
    expect(finding?.message.zh).not.toMatch(/\s{2}/);
    expect(finding?.message.en).not.toMatch(/\s{2}/);
  });

  it('CODE.FUNCTION_LEVEL: a 款 where a line needs a 项 (a document built without the schema)', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '20103';
    expect(validateBudget(doc)).toContainEqual(
      expect.objectContaining({
        ruleId: 'CODE.FUNCTION_LEVEL',
        severity: 'error',
        location: { kind: 'line', lineId: 'L001', field: 'functionCode' },
      }),
    );
  });

  it('CODE.UNKNOWN_ECONOMIC: a 款 whose 类 the edition does not have either', () => {
    const doc = seed();
    doc.expenditureLines[11]!.economicCode = '38801';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'CODE.UNKNOWN_ECONOMIC',
        severity: 'error',
        location: { kind: 'line', lineId: 'L012', field: 'economicCode' },
      }),
    ]);
  });

  it('CODE.ECONOMIC_NOT_IN_PARTIAL: a 款 the partial edition lacks under a 类 it has is a warning', () => {
    const doc = seed();
    doc.expenditureLines[11]!.economicCode = '30298';
    expect(catalogueForYear(2020).economic.has('30298')).toBe(false);
    expect(validateBudget(doc).map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ['CODE.ECONOMIC_NOT_IN_PARTIAL', 'warning', { kind: 'line', lineId: 'L012', field: 'economicCode' }],
    ]);
  });

  it('CODE.ECONOMIC_LEVEL: a 类 where a line needs a 款', () => {
    const doc = seed();
    doc.expenditureLines[11]!.economicCode = '302';
    expect(validateBudget(doc)).toContainEqual(
      expect.objectContaining({
        ruleId: 'CODE.ECONOMIC_LEVEL',
        severity: 'error',
        location: { kind: 'line', lineId: 'L012', field: 'economicCode' },
      }),
    );
  });

  it('CODE.KIND_ECONOMIC: 办公费 (302) booked as a personnel cost is a warning', () => {
    const doc = seed();
    doc.expenditureLines[11]!.kind = 'basic-personnel';
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'CODE.KIND_ECONOMIC',
        severity: 'warning',
        location: { kind: 'line', lineId: 'L012', field: 'economicCode' },
        expected: '301/303',
        actual: '302',
      }),
    ]);
  });

  it('CODE.NO_CATALOGUE: a fiscal year before any edition', () => {
    const doc = seed();
    doc.fiscalYear = 2001;
    expect(validateBudget(doc)).toContainEqual(
      expect.objectContaining({
        ruleId: 'CODE.NO_CATALOGUE',
        severity: 'error',
        location: { kind: 'document', path: 'fiscalYear' },
      }),
    );
  });

  it('checks against the catalogue it is given: a year whose edition lacks a code', () => {
    const doc = seed();
    const catalogue = { ...catalogueForYear(2020), completeness: 'complete' as const };
    const functional = new Map(catalogue.functional);
    functional.delete('2150502');
    const findings = validateBudget(doc, { ...catalogue, functional });
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual(
      ['L027', 'L028', 'L029', 'L030'].map((lineId) => [
        'CODE.UNKNOWN_FUNCTION',
        { kind: 'line', lineId, field: 'functionCode' },
      ]),
    );
  });

  it('checks each distinct code once from the aggregate, and still points at every line that uses a failing one', () => {
    const doc = seed();
    const catalogue = catalogueForYear(2020);
    expect(checkCodes(doc.expenditureLines, catalogue, 2020, aggregateLines(doc))).toEqual([]);
    const personnel = doc.expenditureLines.filter((l) => l.kind === 'basic-personnel');
    doc.expenditureLines[0]!.functionCode = '2019901';
    doc.expenditureLines[1]!.functionCode = '2019901';
    personnel[0]!.economicCode = '30201'; // a personnel cost on 302
    const everyLine = checkCodes(doc.expenditureLines, catalogue, 2020);
    expect(everyLine.map((f) => f.ruleId).sort()).toEqual(['CODE.KIND_ECONOMIC', 'CODE.UNKNOWN_FUNCTION', 'CODE.UNKNOWN_FUNCTION']);
    expect(checkCodes(doc.expenditureLines, catalogue, 2020, aggregateLines(doc))).toEqual(everyLine);
  });
});
