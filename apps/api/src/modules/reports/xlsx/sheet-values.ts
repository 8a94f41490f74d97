import { formatYuan, parseFen, type Fen } from '@budgetflow/domain';

/**
 * A spreadsheet stores every number as a binary double, so an amount must become one to be summed
 * there. Every amount of a budget (below 2^53 分) has a shortest decimal form with at most two
 * decimals, so the stored number reads back exactly through `sheetNumberToFen`.
 */
export function yuanToSheetNumber(yuan: string): number {
  return Number(formatYuan(parseFen(yuan)));
}

/** The amount a sheet cell holds, exact in 分; refuses what is not a plain amount of 元. */
export function sheetNumberToFen(value: unknown): Fen {
  return parseFen(typeof value === 'number' ? value : String(value ?? '').trim());
}
