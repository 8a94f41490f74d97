import { parseFen } from '../money/fen';
import type { TProcurementLine } from '../budget/budget-document.schema';
import type { TRow } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { amountCell, amountColumn, makeRow, textColumn, type TableBody } from './table-parts';

/** 采购品目大类 in the order and with the letters of the 政府采购品目分类目录 (A 货物, B 工程, C 服务). */
const CATEGORIES = [
  ['goods', '一、货物A'],
  ['works', '二、工程B'],
  ['services', '三、服务C'],
] as const;

const BLANK = { project: null, economic: null, item: null, method: null };

/**
 * 政府采购预算表 as Jiangsu's 公开表十二 prints it: 合计, each 采购品目大类, under it each project
 * (专项) with the 经济科目 of its purchases, under that each item with its 采购组织形式. Levels make
 * the hierarchy, so 合计 = Σ 大类 = Σ 专项 = Σ items holds exactly in 元.
 */
export function procurementTable(ctx: DeriveContext): TableBody {
  const rows: TRow[] = [];
  let total = 0;
  for (const [category, categoryName] of CATEGORIES) {
    const groups: TRow[] = [];
    let sum = 0;
    for (const project of ctx.doc.projects) {
      // a project's purchases of the category, by 经济科目 in the order first listed
      const byEconomic = new Map<string, TProcurementLine[]>();
      for (const line of project.procurement) {
        if (line.category !== category) continue;
        const key = line.economicCode ?? '';
        byEconomic.set(key, [...(byEconomic.get(key) ?? []), line]);
      }
      for (const [economicCode, lines] of byEconomic) {
        const fen = lines.reduce((n, l) => n + parseFen(l.amount), 0);
        const economic = economicCode === '' ? null : nameOf(ctx.catalogue, 'economic', economicCode);
        groups.push(makeRow(`${category}:${project.id}:${economicCode}`, '', 1, { ...BLANK, project: project.name, economic, amount: amountCell(fen) }));
        lines.forEach((l, i) => groups.push(makeRow(`${category}:${project.id}:${economicCode}:${i}`, '', 2, { ...BLANK, item: l.item, method: l.method ?? null, amount: amountCell(parseFen(l.amount)) })));
        sum += fen;
      }
    }
    if (groups.length === 0) continue;
    total += sum;
    rows.push(makeRow(category, categoryName, 0, { ...BLANK, amount: amountCell(sum) }), ...groups);
  }
  if (rows.length > 0) rows.unshift(makeRow('total', '合计', 0, { ...BLANK, amount: amountCell(total) }, { emphasis: 'total' }));
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '采购品目大类' },
    columns: [textColumn('project', '专项名称'), textColumn('economic', '经济科目'), textColumn('item', '采购物品名称'), textColumn('method', '采购组织形式'), amountColumn('amount', '总计')],
    rows,
    preamble: [],
    blocks: [],
  };
}
