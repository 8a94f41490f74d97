import type { TExpenditureKind } from '../src/budget/budget-document.schema';
import { transcribedTable } from '../src/templates/transcribed/transcribed-tables';
import type { TTranscription } from '../src/templates/transcribed/transcription.schema';
import { codeAmounts, draftsOf, fenOf, northWestCorner, OTHER_GOODS_AND_SERVICES, sameMarginals, type LineDraft, type Marginal } from './sample-lines';

/**
 * Shanghai: 项 × 基本/项目 from 表3 (all 一般公共预算: 表5 equals it, 表6 and 表7 are empty), 基本
 * by 款 × 人员/公用 from 表8; the 单位 version's 表1 splits each 类's 基本 into 人员/公用, which the
 * pairing keeps (per 类 first, then per 款). Project lines are booked on 其他商品和服务支出: the
 * sample prints no economic breakdown of projects, and none of its 三公 is project money.
 */
export function shanghaiLines(s: TTranscription): LineDraft[] {
  for (const id of ['T6', 'T7']) if ((transcribedTable(s, id).rows ?? []).length > 0) throw new Error(`${id}: government-fund and SOE lines are not supported`);
  const basic = codeAmounts(s, 'T3', '项', '基本支出');
  const project = codeAmounts(s, 'T3', '项', '项目支出');
  sameMarginals('表3/表5 基本支出', basic, codeAmounts(s, 'T5', '项', '基本支出'));
  sameMarginals('表3/表5 项目支出', project, codeAmounts(s, 'T5', '项', '项目支出'));
  const personnel = codeAmounts(s, 'T8', '款', '人员经费');
  const pub = codeAmounts(s, 'T8', '款', '公用经费');
  // 基本 of each 项 split into 人员/公用: per 类 where 表1 prints the split, else over the whole.
  const t1 = transcribedTable(s, 'T1');
  const classes = codeAmounts(s, 'T3', '类', '合计');
  const bySplit = (t1.expenditure ?? []).map((row, i) => ({ code: classes[i]?.key ?? '', amounts: row.amounts }));
  const split = bySplit.every((c) => '基本支出_人员经费' in c.amounts)
    ? bySplit.map((c) => ({
        items: basic.filter((b) => b.key.startsWith(c.code)),
        personnel: fenOf(c.amounts['基本支出_人员经费'], t1.unit),
        public: fenOf(c.amounts['基本支出_公用经费'], t1.unit),
      }))
    : [{ items: basic, personnel: personnel.reduce((n, m) => n + m.fen, 0), public: pub.reduce((n, m) => n + m.fen, 0) }];
  const personnelOfItem: Marginal<string>[] = [];
  const publicOfItem: Marginal<string>[] = [];
  for (const group of split) {
    for (const cell of northWestCorner(group.items, [
      { key: 'personnel', fen: group.personnel },
      { key: 'public', fen: group.public },
    ])) {
      (cell.column === 'personnel' ? personnelOfItem : publicOfItem).push({ key: cell.row, fen: cell.fen });
    }
  }
  const column = (kind: TExpenditureKind) => (m: Marginal<string>) => ({ key: { code: m.key, kind }, fen: m.fen });
  return [
    ...draftsOf(northWestCorner(personnelOfItem, personnel.map(column('basic-personnel')))),
    ...draftsOf(northWestCorner(publicOfItem, pub.map(column('basic-public')))),
    ...draftsOf(project.map((p) => ({ row: p.key, column: { code: OTHER_GOODS_AND_SERVICES, kind: 'project' as const }, fen: p.fen })).filter((c) => c.fen > 0)),
  ];
}
