import type { TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { sumCells } from './line-aggregate';
import { amountCell, amountColumn, byCode, makeRow } from './table-parts';

const OF_WHICH = '其中：';

/**
 * 表3 支出预算总表: per budget unit, then per functional 项 within it: 合计, 基本支出, 项目支出. The
 * columns for 事业单位经营支出, 对附属单位补助支出 and 上缴上级支出 are printed by the standard form;
 * no line kind feeds them, so they stay blank.
 */
export function deriveT3(ctx: DeriveContext): TDisclosureTable {
  const sums = sumCells(
    ctx.aggregate.cells,
    () => true,
    (c) => {
      const part = c.kind === 'project' ? 'project' : 'basic';
      const unit = `unit:${c.unitCode}`;
      const item = `${unit}:func:${c.functionCode}`;
      return ['total', `total|${part}`, unit, `${unit}|${part}`, item, `${item}|${part}`];
    },
  );
  const cells = (key: string): TRow['cells'] => ({
    total: amountCell(sums.get(key)),
    basic: amountCell(sums.get(`${key}|basic`)),
    project: amountCell(sums.get(`${key}|project`)),
    operating: null,
    subordinateSubsidy: null,
    remittance: null,
  });
  const rows: TRow[] = [makeRow('total', '合计', 0, cells('total'), { emphasis: 'total' })];
  const unitCodes = [...new Set(ctx.aggregate.cells.map((c) => c.unitCode))].sort(byCode);
  for (const unitCode of unitCodes) {
    const unit = `unit:${unitCode}`;
    rows.push(makeRow(unit, ctx.unitNames.get(unitCode) ?? unitCode, 0, cells(unit), { code: unitCode }));
    const items = [...sums.keys()].filter((k) => k.startsWith(`${unit}:func:`) && !k.includes('|'));
    for (const key of items.sort()) {
      const code = key.slice(`${unit}:func:`.length);
      rows.push(makeRow(key, nameOf(ctx.catalogue, 'functional', code), 1, cells(key), { code }));
    }
  }
  return {
    id: 'T3',
    number: '表三',
    title: '支出预算总表',
    unit: '万元',
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '单位编码', nameLabel: '单位名称' },
    columns: [
      amountColumn('total', '合计'),
      amountColumn('basic', '基本支出', OF_WHICH),
      amountColumn('project', '项目支出', OF_WHICH),
      amountColumn('operating', '事业单位经营支出', OF_WHICH),
      amountColumn('subordinateSubsidy', '对附属单位补助支出', OF_WHICH),
      amountColumn('remittance', '上缴上级支出', OF_WHICH),
    ],
    rows,
    preamble: [],
    blocks: [],
  };
}
