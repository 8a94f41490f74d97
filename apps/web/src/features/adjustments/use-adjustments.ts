import type { AdjustmentKind } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** One line of an adjustment, amounts in 元 as exact decimal text. */
export interface TAdjustmentLine {
  lineId: string;
  functionCode: string;
  economicCode: string;
  /** 年初预算: the first 批复's 预算指标 */
  original: string;
  /** 调整数 */
  adjustment: string;
  /** 调整后预算: the adjustment's approved figures, or the working copy's while in review */
  adjusted: string;
}

export interface TAdjustment {
  id: string;
  kind: AdjustmentKind;
  reason: string;
  baseRevisionNo: number;
  revisionNo: number | null;
  documentNo: string | null;
  repliedOn: string | null;
  requestedAt: string;
  lines: TAdjustmentLine[];
}

/** The budget's 预算调整, newest first (invalidated with the budget, e.g. by a workflow action). */
export function useAdjustments(budgetId: string) {
  return useQuery({ queryKey: ['budget', budgetId, 'adjustments'], queryFn: () => api<{ items: TAdjustment[] }>(`/api/budgets/${budgetId}/adjustments`) });
}
