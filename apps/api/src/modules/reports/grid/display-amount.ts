import { displayUnitOf, formatAmount, parseFen } from '@budgetflow/domain';

/**
 * An exact amount in 元 ("4170800.00") as a table in `unit` prints it: 万元 half up with one
 * decimal ("417.1"), or 元 with two ("4170800.00") for the tables printed in 元 (表10).
 */
export function displayAmount(yuan: string, unit = '万元'): string {
  return formatAmount(parseFen(yuan), { unit: displayUnitOf({ unit }) });
}
