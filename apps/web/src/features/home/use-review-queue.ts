import type { BudgetRound } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface TQueuedBudget {
  id: string;
  department: { code: string; name: string };
  fiscalYear: number;
  round: BudgetRound;
  stage: { index: number; count: number; name: string } | null;
  /** whether the stage is the signed-in reviewer's (or a delegator's of today) */
  yourStage: boolean;
  /** when the budget reached its stage */
  since: string;
  daysWaiting: number;
}

/** The budgets in review by stage (under ['budgets'], so that every workflow action refreshes it). */
export function useReviewQueue() {
  return useQuery({ queryKey: ['budgets', 'queue'], queryFn: () => api<{ items: TQueuedBudget[] }>('/api/reviews/queue') });
}
