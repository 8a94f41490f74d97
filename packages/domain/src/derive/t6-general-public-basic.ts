import type { TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { sumCells } from './line-aggregate';
import { amountCell, amountColumn, byCode, makeRow } from './table-parts';

const OF_WHICH = '其中：';

/**
 * 表6 一般公共预算基本支出表: basic lines of the general public budget by economic 类 → 款, split
 * into 人员经费 (basic-personnel) and 日常公用经费 (basic-public).
 */
export function deriveT6(ctx: DeriveContext): TDisclosureTable {
  const sums = sumCells(
    ctx.aggregate.cells,
    (c) => c.family === 'general-public' && c.kind !== 'project',
    (c) => {
      const part = c.kind === 'basic-personnel' ? 'personnel' : 'public';
      const keys = ['total', c.economicCode.slice(0, 3), c.economicCode];
      return [...keys, ...keys.map((k) => `${k}|${part}`)];
    },
  );
  const cells = (key: string): TRow['cells'] => ({
    total: amountCell(sums.get(key)),
    personnel: amountCell(sums.get(`${key}|personnel`)),
    public: amountCell(sums.get(`${key}|public`)),
  });
  const codes = [...sums.keys()].filter((k) => /^\d+$/.test(k));
  const rows: TRow[] = [];
  if (sums.has('total')) rows.push(makeRow('total', '合计', 0, cells('total'), { emphasis: 'total' }));
  for (const cls of codes.filter((k) => k.length === 3).sort(byCode)) {
    rows.push(makeRow(cls, nameOf(ctx.catalogue, 'economic', cls), 0, cells(cls), { code: cls }));
    for (const section of codes.filter((k) => k.length === 5 && k.startsWith(cls)).sort(byCode)) {
      rows.push(makeRow(section, nameOf(ctx.catalogue, 'economic', section), 1, cells(section), { code: section }));
    }
  }
  return {
    id: 'T6',
    number: '表六',
    title: '一般公共预算基本支出表',
    unit: '万元',
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '科目编码', nameLabel: '科目名称' },
    columns: [amountColumn('total', '预算数'), amountColumn('personnel', '人员经费', OF_WHICH), amountColumn('public', '日常公用经费', OF_WHICH)],
    rows,
    ...(rows.length === 0 ? { emptyStatement: `本单位${ctx.doc.fiscalYear}年无此支出预算。` } : {}),
    preamble: [],
    blocks: [],
  };
}
