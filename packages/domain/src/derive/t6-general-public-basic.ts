import type { TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { addSplits, emptySplit, entry, type BasicProject } from './basic-project-split';
import { amountCell, amountColumn, byCode, makeRow } from './table-parts';

const OF_WHICH = '其中：';

/**
 * 表6 一般公共预算基本支出表: basic lines of the general public budget by economic 类 → 款, split
 * into 人员经费 (basic-personnel) and 日常公用经费 (basic-public).
 */
export function deriveT6(ctx: DeriveContext): TDisclosureTable {
  // 人员经费 counts as `basic`, 日常公用经费 as `project` of the split: two columns summed alike.
  const bySection = new Map<string, BasicProject>();
  for (const c of ctx.aggregate.byEconomic) {
    if (c.family !== 'general-public' || c.kind === 'project') continue;
    const split = entry(bySection, c.economicCode, emptySplit);
    if (c.kind === 'basic-personnel') split.basic += c.fen;
    else split.project += c.fen;
  }
  const byClass = new Map<string, BasicProject>();
  const total = emptySplit();
  for (const [code, split] of bySection) {
    addSplits(entry(byClass, code.slice(0, 3), emptySplit), split);
    addSplits(total, split);
  }
  const cells = (split: BasicProject): TRow['cells'] => ({
    total: amountCell(split.basic + split.project),
    personnel: amountCell(split.basic),
    public: amountCell(split.project),
  });
  const rows: TRow[] = [];
  if (bySection.size > 0) rows.push(makeRow('total', '合计', 0, cells(total), { emphasis: 'total' }));
  let previous = '';
  for (const code of [...bySection.keys()].sort(byCode)) {
    const cls = code.slice(0, 3);
    if (cls !== previous) rows.push(makeRow(cls, nameOf(ctx.catalogue, 'economic', cls), 0, cells(byClass.get(cls) ?? emptySplit()), { code: cls }));
    rows.push(makeRow(code, nameOf(ctx.catalogue, 'economic', code), 1, cells(bySection.get(code) ?? emptySplit()), { code }));
    previous = cls;
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
