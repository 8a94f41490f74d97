import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TTableId } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';
import { validateBudget } from './validate-budget';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const row = (d: TDisclosure, table: TTableId, key: string) =>
  referencedRow(d, { table, row: key, column: '' })!;

describe('codes and names in the tables', () => {
  it('TABLE.CODE_NAME: the seed’s 表1 calls 215 「资源勘探信息等支出」, the 2020 catalogue 「资源勘探工业信息等支出」', () => {
    const d = derived();
    expect(row(d, 'T1', 'func:215').name).toBe('资源勘探工业信息等支出');
    row(d, 'T1', 'func:215').name = '资源勘探信息等支出';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.CODE_NAME',
        severity: 'warning',
        location: { kind: 'table', table: 'T1', row: 'func:215' },
        expected: '资源勘探工业信息等支出',
        actual: '资源勘探信息等支出',
      }),
    ]);
  });

  it('TABLE.CODE_NAME: a name of another year (2019’s 行政事业单位离退休 in a 2020 表5)', () => {
    const d = derived();
    row(d, 'T5', '20805').name = '行政事业单位离退休';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.location])).toEqual([
      ['TABLE.CODE_NAME', { kind: 'table', table: 'T5', row: '20805' }],
    ]);
    // the same table checked against the 2019 edition finds that name right and 2020's wrong
    const with2019 = checkDisclosure(d, catalogueForYear(2019)).map((f) => f.location);
    expect(with2019).not.toContainEqual({ kind: 'table', table: 'T5', row: '20805' });
  });

  it('TABLE.CODE_NAME ignores spaces and the width of parentheses', () => {
    const d = derived();
    row(d, 'T6', '30213').name = '维修(护) 费';
    expect(checkDisclosure(d)).toEqual([]);
  });

  it('TABLE.UNKNOWN_CODE: a 款 in 表6 the catalogue does not have', () => {
    const d = derived();
    row(d, 'T6', '30299').code = '30298';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.UNKNOWN_CODE',
        severity: 'error',
        location: { kind: 'table', table: 'T6', row: '30299' },
      }),
    ]);
  });

  it('on a document, an unknown code is said once, on its line', () => {
    const doc = ZBudgetDocument.parse(fixture);
    doc.expenditureLines[25]!.economicCode = '30298';
    expect(validateBudget(doc).map((f) => f.ruleId)).toEqual(['CODE.UNKNOWN_ECONOMIC']);
  });
});
