import { formatYuan, parseFen } from '@budgetflow/domain';
import { groupYuan } from '../../lib/yuan-text';

/** Whole 分 as the API sends them ("125000000") shown in 元 with separators ("1,250,000.00"), exactly. */
export function fenText(fen: string): string {
  return groupYuan(formatYuan(BigInt(fen)));
}

/** 元 as typed ("1,250,000") as whole 分 for the API ("125000000"); undefined for a blank field. Throws the domain's MoneyError. */
export function fenOfYuanInput(text: string): string | undefined {
  return text.trim() === '' ? undefined : String(parseFen(text.trim()));
}
