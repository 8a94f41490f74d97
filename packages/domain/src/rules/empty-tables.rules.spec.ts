import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TDisclosureTable, TTableId } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const table = (d: TDisclosure, id: TTableId): TDisclosureTable => d.tables.find((t) => t.id === id)!;

describe('empty tables', () => {
  it('the derived 表7 of the seed is empty and says so, as the seed prints it', () => {
    const t7 = table(derived(), 'T7');
    expect(t7.rows).toEqual([]);
    expect(t7.emptyStatement).toBe('本单位2020年无此支出预算。');
  });

  it('TABLE.EMPTY_STATEMENT: an empty 表7 without its statement', () => {
    const d = derived();
    delete table(d, 'T7').emptyStatement;
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.EMPTY_STATEMENT',
        severity: 'error',
        location: { kind: 'table', table: 'T7' },
      }),
    ]);
  });

  it('TABLE.EMPTY_STATEMENT: a 表7 of blank rows is empty too', () => {
    const d = derived();
    const t7 = table(d, 'T7');
    delete t7.emptyStatement;
    t7.rows = [{ key: 'total', name: '合计', level: 0, emphasis: 'total', cells: { total: null } }];
    expect(checkDisclosure(d).map((f) => f.ruleId)).toEqual(['TABLE.EMPTY_STATEMENT']);
  });

  it('TABLE.STATEMENT_WITH_DATA: 表6 has figures but claims to be empty', () => {
    const d = derived();
    table(d, 'T6').emptyStatement = '本单位2020年无此支出预算。';
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TABLE.STATEMENT_WITH_DATA',
        severity: 'error',
        location: { kind: 'table', table: 'T6' },
      }),
    ]);
  });
});
