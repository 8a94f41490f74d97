import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TRow } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';

const under = (template: string, scope: 'department' | 'unit' = 'department'): TDisclosure => {
  const doc = ZBudgetDocument.parse({ ...fixture, template, scope });
  return deriveDisclosure(doc, catalogueForYear(2020));
};
const row = (d: TDisclosure, table: string, key: string): TRow => {
  const found = d.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (found === undefined) throw new Error(`no row ${key} in ${table}`);
  return found;
};
const findings = (d: TDisclosure, id: string) =>
  checkDisclosure(d)
    .filter((f) => f.ruleId === id)
    .map((f) => [f.severity, f.location, f.expected, f.actual, f.message.zh]);

describe('identities the templates imply', () => {
  it('finds nothing on disclosures derived under each template', () => {
    for (const [template, scope] of [['hubei-2020'], ['shanghai-district', 'unit'], ['shanghai-district'], ['jiangsu-province']] as const) {
      const ids = checkDisclosure(under(template, scope)).map((f) => f.ruleId);
      expect(ids.filter((id) => /^(SUMMARY|INCOME|OPERATING|FISCAL)\./.test(id))).toEqual([]);
    }
  });

  it('SUMMARY.SPLIT_VS_EXPENDITURE: the 单位 summary’s 人员经费 and 公用经费 against 支出预算总表’s 基本支出', () => {
    const d = under('shanghai-district', 'unit');
    row(d, 'T1', 'func-total').cells['personnel'] = '1849000.00';
    expect(findings(d, 'SUMMARY.SPLIT_VS_EXPENDITURE')).toEqual([
      ['error', { kind: 'table', table: 'T3', row: 'total', column: 'basic' }, '2075000.00', '2074000.00', '表3「合计」基本支出为 2074000.00 元，表1人员经费与公用经费之和为 2075000.00 元'],
    ]);
  });

  it('INCOME.BY_FUNCTION_VS_EXPENDITURE: a code of 收入预算总表 against the same code of 支出预算总表', () => {
    const d = under('shanghai-district');
    row(d, 'T2', '2010350').cells['total'] = '1436100.00';
    expect(findings(d, 'INCOME.BY_FUNCTION_VS_EXPENDITURE')).toEqual([
      ['error', { kind: 'table', table: 'T2', row: '2010350', column: 'total' }, '1436000.00', '1436100.00', '表2「2010350 事业运行」合计为 1436100.00 元，表3同一科目为 1436000.00 元'],
    ]);
  });

  it('OPERATING.WITHIN_PUBLIC: 机关运行经费 more than the 公用经费 it is part of', () => {
    const d = under('shanghai-district');
    row(d, 'T9', 'amount').cells['operating-costs'] = '226000.01';
    expect(findings(d, 'OPERATING.WITHIN_PUBLIC').map((f) => f.slice(0, 4))).toEqual([
      ['error', { kind: 'table', table: 'T9', row: 'amount', column: 'operating-costs' }, '226000.00', '226000.01'],
    ]);
    const jiangsu = under('jiangsu-province');
    row(jiangsu, 'T10', 'total').cells['amount'] = '2074000.01';
    expect(findings(jiangsu, 'OPERATING.WITHIN_PUBLIC').map((f) => f.slice(0, 2))).toEqual([['error', { kind: 'table', table: 'T10', row: 'total', column: 'amount' }]]);
  });

  it('FISCAL.BY_FUNCTION_VS_BUDGETS: 财政拨款 by function against the budgets it is made of', () => {
    const jiangsu = under('jiangsu-province');
    row(jiangsu, 'T05', '2010350').cells['amount'] = '1437000.00';
    expect(findings(jiangsu, 'FISCAL.BY_FUNCTION_VS_BUDGETS').map((f) => f.slice(0, 4))).toEqual([
      ['error', { kind: 'table', table: 'T05', row: '2010350', column: 'amount' }, '1436000.00', '1437000.00'],
    ]);
    const shanghai = under('shanghai-district');
    row(shanghai, 'T4', 'func:201').cells['general-public'] = '1435000.00';
    expect(findings(shanghai, 'FISCAL.BY_FUNCTION_VS_BUDGETS').map((f) => f.slice(0, 4))).toEqual([
      ['error', { kind: 'table', table: 'T4', row: 'func:201', column: 'general-public' }, '1436000.00', '1435000.00'],
    ]);
  });
});
