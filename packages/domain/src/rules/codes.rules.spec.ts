import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { aggregateLines } from '../derive/line-aggregate';
import { checkCodes } from './codes.rules';
import { validateBudget } from './validate-budget';

const seed = (): TBudgetDocument => ZBudgetDocument.parse(fixture);

describe('code rules', () => {
  it('CODE.UNKNOWN_FUNCTION: a 项 the 2020 catalogue does not have', () => {
    const doc = seed();
    doc.expenditureLines[0]!.functionCode = '2010398';
    expect(catalogueForYear(2020).functional.has('2010398')).toBe(false);
    const [finding, ...rest] = validateBudget(doc);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'CODE.UNKNOWN_FUNCTION',
      severity: 'error',
      location: { kind: 'line', lineId: 'L001', field: 'functionCode' },
    });
    expect(finding?.message).toEqual({
      zh: '支出功能分类科目 2010398 不在 2020 年目录中',
      en: 'functional code 2010398 is not in the 2020 catalogue',
    });
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

  it('CODE.UNKNOWN_ECONOMIC: a 款 the catalogue does not have', () => {
    const doc = seed();
    doc.expenditureLines[11]!.economicCode = '30298';
    expect(catalogueForYear(2020).economic.has('30298')).toBe(false);
    expect(validateBudget(doc)).toEqual([
      expect.objectContaining({
        ruleId: 'CODE.UNKNOWN_ECONOMIC',
        severity: 'error',
        location: { kind: 'line', lineId: 'L012', field: 'economicCode' },
      }),
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
    const catalogue = catalogueForYear(2020);
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
    doc.expenditureLines[0]!.functionCode = '2010398';
    doc.expenditureLines[1]!.functionCode = '2010398';
    personnel[0]!.economicCode = '30201'; // a personnel cost on 302
    const everyLine = checkCodes(doc.expenditureLines, catalogue, 2020);
    expect(everyLine.map((f) => f.ruleId).sort()).toEqual(['CODE.KIND_ECONOMIC', 'CODE.UNKNOWN_FUNCTION', 'CODE.UNKNOWN_FUNCTION']);
    expect(checkCodes(doc.expenditureLines, catalogue, 2020, aggregateLines(doc))).toEqual(everyLine);
  });
});
