import type { TDisclosureTable } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { isFiscal } from './line-aggregate';
import { summaryTable } from './summary-table';

/** 表4 财政拨款收支预算总表: 表1 restricted to fiscal appropriations (including the fiscal carryover). */
export function deriveT4(ctx: DeriveContext): TDisclosureTable {
  return summaryTable(
    { id: 'T4', number: '表四', title: '财政拨款收支预算总表', fiscalOnly: true, include: isFiscal },
    ctx.aggregate,
    ctx.catalogue,
  );
}
