import type { TDisclosureTable } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { summaryTable } from './summary-table';

/** 表1 收支预算总表: every line, whatever its fund. */
export function deriveT1(ctx: DeriveContext): TDisclosureTable {
  return summaryTable(
    { id: 'T1', number: '表一', title: '收支预算总表', fiscalOnly: false, include: () => true },
    ctx.aggregate,
    ctx.catalogue,
  );
}
