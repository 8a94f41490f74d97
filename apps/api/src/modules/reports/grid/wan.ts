import { parseFen } from '@budgetflow/domain';

/**
 * An exact amount in 元 as the tables print it: 万元, rounded half up (away from zero) to one
 * decimal, in integer arithmetic: 1 tenth of a 万元 is 100,000 分.
 */
export function displayWan(yuan: string): string {
  const fen = BigInt(parseFen(yuan));
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const tenths = (abs + 50_000n) / 100_000n;
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return negative && tenths !== 0n ? `-${text}` : text;
}
