import { formatAmount, parseFen } from '@budgetflow/domain';

/** An exact amount in 元 ("4170800.00") as the tables print it: 万元, half up, one decimal ("417.1"). */
export function displayWan(yuan: string): string {
  return formatAmount(parseFen(yuan));
}
