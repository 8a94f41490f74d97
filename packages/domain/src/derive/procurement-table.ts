import { parseFen } from '../money/fen';
import type { TRow } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { amountCell, amountColumn, makeRow, textColumn, type TableBody } from './table-parts';

const CATEGORY_NAMES = { goods: '货物', services: '服务', works: '工程' } as const;
const CATEGORIES = ['goods', 'services', 'works'] as const;

/**
 * 政府采购预算表: the projects' procurement lines by 采购品目大类 (货物 / 服务 / 工程), then project and
 * item, with 合计 first, as Jiangsu's 公开表十二 prints them.
 */
export function procurementTable(ctx: DeriveContext): TableBody {
  const rows: TRow[] = [];
  let total = 0;
  for (const category of CATEGORIES) {
    const items: TRow[] = [];
    let sum = 0;
    for (const project of ctx.doc.projects) {
      project.procurement.forEach((line, i) => {
        if (line.category !== category) return;
        const fen = parseFen(line.amount);
        sum += fen;
        items.push(makeRow(`${category}:${project.id}:${i}`, line.item, 1, { project: project.name, quantity: line.quantity, amount: amountCell(fen) }));
      });
    }
    if (items.length === 0) continue;
    total += sum;
    rows.push(makeRow(category, CATEGORY_NAMES[category], 0, { project: null, quantity: null, amount: amountCell(sum) }), ...items);
  }
  if (rows.length > 0) rows.unshift(makeRow('total', '合计', 0, { project: null, quantity: null, amount: amountCell(total) }, { emphasis: 'total' }));
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '采购品目' },
    columns: [textColumn('project', '专项名称'), textColumn('quantity', '数量'), amountColumn('amount', '总计')],
    rows,
    preamble: [],
    blocks: [],
  };
}
