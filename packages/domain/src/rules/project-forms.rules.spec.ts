import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TProjectBlock } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const project = (d: TDisclosure) => d.tables.find((t) => t.id === 'T10')!.blocks[0] as TProjectBlock;
const at = (part: string) => ({ kind: 'table', table: 'T10', row: `P2020-001/${part}` });

describe('表10 forms on a disclosure alone', () => {
  it('T10.DETAIL_VS_AMOUNT and T10.FUND_SOURCES_VS_AMOUNT: a 项目当年预算 above what its parts state', () => {
    const d = derived();
    project(d).amount = '3980000.00';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      ['T10.DETAIL_VS_AMOUNT', 'error', at('details'), '3980000.00', '3970000.00'],
      ['T10.FUND_SOURCES_VS_AMOUNT', 'error', at('fund-sources'), '3980000.00', '3970000.00'],
    ]);
  });

  it('T10.PROCUREMENT_VS_AMOUNT: procurement above a lower 项目当年预算', () => {
    const d = derived();
    project(d).amount = '3960000.00';
    expect(checkDisclosure(d)).toContainEqual(
      expect.objectContaining({
        ruleId: 'T10.PROCUREMENT_VS_AMOUNT',
        severity: 'error',
        location: at('procurement'),
        expected: '3960000.00',
        actual: '3970000.00',
      }),
    );
  });
});
