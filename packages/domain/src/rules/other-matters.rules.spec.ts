import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import type { TDisclosure, TFigure, TGridBlock, TProjectBlock } from '../disclosure/disclosure.schema';
import { checkDisclosure } from './check-disclosure';
import { figuresOf } from './figures';

const derived = (): TDisclosure => deriveDisclosure(ZBudgetDocument.parse(fixture), catalogueForYear(2020));
/** Restates a figure of Part 3 (value and text), its paragraph following. */
const restate = (d: TDisclosure, key: string, value: string, text: string): TFigure => {
  const { figure, paragraph } = figuresOf(d).find((p) => p.figure.key === key)!;
  paragraph.text = paragraph.text.replace(`${figure.text}${figure.unit}`, `${text}${figure.unit}`);
  Object.assign(figure, { value, text });
  return figure;
};
const text = (key: string) => ({ kind: 'text', section: `other/${key}` });

describe('其他重要事项 (identity 9)', () => {
  it('TEXT.OPERATING_COSTS: 机关运行经费 22.7 against 表6’s 日常公用经费 22.6', () => {
    const d = derived();
    delete restate(d, 'operating-costs', '227000.00', '22.7').source; // a typed figure that cites nothing
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.OPERATING_COSTS',
        severity: 'error',
        location: text('operating-costs'),
        expected: '226000.00',
        actual: '227000.00',
      }),
    ]);
  });

  it('TEXT.PROCUREMENT_SUM: 政府采购 397 ≠ 货物 2.6 + 服务 394.48', () => {
    const d = derived();
    restate(d, 'procurement-goods', '26000.00', '2.6');
    const findings = checkDisclosure(d);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'TEXT.PROCUREMENT_SUM',
        severity: 'error',
        location: text('procurement-total'),
        expected: '3970800.00',
        actual: '3970000.00',
      }),
    );
    // goods no longer match the projects’ goods either
    expect(findings.map((f) => f.ruleId)).toEqual(['TEXT.PROCUREMENT_SUM', 'TEXT.PROCUREMENT_VS_PROJECTS']);
  });

  it('TEXT.PROCUREMENT_VS_PROJECTS: 表10 files a goods purchase under services, Part 3 still says goods 2.5', () => {
    const d = derived();
    const project = d.tables.find((t) => t.id === 'T10')!.blocks[0] as TProjectBlock;
    const procurement = project.blocks.find(
      (b): b is TGridBlock => b.type === 'grid' && b.key === 'procurement',
    )!;
    procurement.rows[0]!.cells.category = '服务';
    expect(checkDisclosure(d).map((f) => [f.ruleId, f.severity, f.location, f.expected, f.actual])).toEqual([
      ['TEXT.PROCUREMENT_VS_PROJECTS', 'error', text('procurement-goods'), '24300.00', '25200.00'],
      ['TEXT.PROCUREMENT_VS_PROJECTS', 'error', text('procurement-services'), '3945700.00', '3944800.00'],
    ]);
  });

  it('TEXT.NEW_ASSETS: 新增资产 2.6 against 资本性支出 2.52', () => {
    const d = derived();
    restate(d, 'new-assets', '26000.00', '2.6');
    expect(checkDisclosure(d)).toEqual([
      expect.objectContaining({
        ruleId: 'TEXT.NEW_ASSETS',
        severity: 'error',
        location: text('new-assets'),
        expected: '25200.00',
        actual: '26000.00',
      }),
    ]);
  });
});
