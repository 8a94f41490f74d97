import { formatAmount, formatFor, parseFen } from '@budgetflow/domain';

/**
 * An exact amount in 元 ("4170800.00") as a table prints it, in its unit and decimals: 万元 half up
 * to the decimals its template prints ("417.1", "417.08"), 元 with 分 or whole.
 */
export function displayAmount(yuan: string, print: { unit?: string; decimals?: number } = {}): string {
  return formatAmount(parseFen(yuan), formatFor(print));
}
