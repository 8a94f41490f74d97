import { formatYuan, parseFen } from '@budgetflow/domain';
import type { TAdjustmentLine } from './use-adjustments';

/** One row of 年初预算 / 调整数 / 调整后预算, in 元 with two decimals. */
export interface TComparisonRow {
  key: string;
  functionCode: string;
  economicCode: string | null;
  original: string;
  adjustment: string;
  adjusted: string;
}

interface TSums {
  original: bigint;
  adjusted: bigint;
}

const fen = (yuan: string) => BigInt(parseFen(yuan));
const row = (key: string, functionCode: string, economicCode: string | null, s: TSums): TComparisonRow => ({
  key,
  functionCode,
  economicCode,
  original: formatYuan(s.original),
  adjustment: formatYuan(s.adjusted - s.original),
  adjusted: formatYuan(s.adjusted),
});

/**
 * The adjustment side by side, per 功能科目 (lines of one code added up) or per line (功能 and
 * 经济 科目), in code order, and the total; added in integer 分, so every figure is exact. 调整数 is
 * recomputed from the other two, so the three always agree.
 */
export function compareAdjustment(lines: readonly TAdjustmentLine[], by: 'function' | 'line'): { rows: TComparisonRow[]; total: TComparisonRow } {
  const groups = new Map<string, { functionCode: string; economicCode: string | null; sums: TSums }>();
  for (const line of lines) {
    const key = by === 'function' ? line.functionCode : line.lineId;
    const group = groups.get(key) ?? { functionCode: line.functionCode, economicCode: by === 'function' ? null : line.economicCode, sums: { original: 0n, adjusted: 0n } };
    group.sums.original += fen(line.original);
    group.sums.adjusted += fen(line.adjusted);
    groups.set(key, group);
  }
  const ordered = [...groups].sort(([ka, a], [kb, b]) => a.functionCode.localeCompare(b.functionCode) || (a.economicCode ?? '').localeCompare(b.economicCode ?? '') || ka.localeCompare(kb));
  const total = ordered.reduce<TSums>((t, [, g]) => ({ original: t.original + g.sums.original, adjusted: t.adjusted + g.sums.adjusted }), { original: 0n, adjusted: 0n });
  return { rows: ordered.map(([key, g]) => row(key, g.functionCode, g.economicCode, g.sums)), total: row('total', '', null, total) };
}
