import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TGridBlock, TProjectBlock } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { referencedRow } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
const t8 = (d: TDisclosure, row: string) => referencedRow(d, { table: 'T8', row, column: 'amount' })!.cells;
const vsEconomic = (d: TDisclosure) => checkDisclosure(d).filter((f) => f.ruleId === 'T8.VS_ECONOMIC');

describe('“三公” rules', () => {
  it('T8.VS_ECONOMIC: 公务接待费 0.9 where 表6’s 30217 is 0.8 and no project books it', () => {
    const d = derived();
    t8(d, 'reception').amount = '9000.00';
    t8(d, 'total').amount = '9000.00';
    expect(vsEconomic(d)).toEqual([
      expect.objectContaining({
        severity: 'error',
        location: { kind: 'table', table: 'T8', row: 'reception', column: 'amount' },
        expected: '8000.00',
        actual: '9000.00',
      }),
    ]);
  });

  it('T8.VS_ECONOMIC: a 公务用车运行维护费 that no 30231 line carries', () => {
    const d = derived();
    t8(d, 'vehicle-operation').amount = '5000.00';
    t8(d, 'vehicles').amount = '5000.00';
    t8(d, 'total').amount = '13000.00';
    expect(vsEconomic(d).map((f) => f.location)).toEqual([
      { kind: 'table', table: 'T8', row: 'vehicle-operation', column: 'amount' },
    ]);
  });

  it('a project’s own 公务接待费 (表10 detail on 30217) may add to 表6’s, up to both together', () => {
    const d = derived();
    const project = d.tables.find((t) => t.id === 'T10')!.blocks[0] as TProjectBlock;
    const details = project.blocks.find((b): b is TGridBlock => b.type === 'grid' && b.key === 'details')!;
    details.rows.unshift({
      key: 'extra',
      code: '30217',
      name: '公务接待费',
      level: 0,
      cells: { amount: '10000.00', basis: null, note: null },
    });
    t8(d, 'reception').amount = '18000.00';
    t8(d, 'total').amount = '18000.00';
    expect(vsEconomic(d)).toEqual([]);
    t8(d, 'reception').amount = '18100.00';
    t8(d, 'total').amount = '18100.00';
    expect(vsEconomic(d)).toEqual([
      expect.objectContaining({ expected: '8000.00–18000.00', actual: '18100.00' }),
    ]);
  });
});
