import type { TableBody } from './table-parts';
import type { DeriveContext } from './derive-context';
import { incomeSide } from './income-rows';
import { amountColumn } from './table-parts';

/** 表2 收入预算总表: the income side of 表1 on its own. */
export function deriveT2(ctx: DeriveContext): TableBody {
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目' },
    columns: [amountColumn('amount', '预算数')],
    rows: incomeSide(ctx.aggregate.incomeBySource, false).rows,
    preamble: [],
    blocks: [],
  };
}
