import type { BudgetRound, BudgetState, ReviewChain, StagePosition } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

interface TPerson {
  username: string;
  displayName: string;
}

export interface TTrailEntry {
  id: string;
  at: string;
  revisionNo: number;
  round: BudgetRound;
  stageName: string | null;
  action: string;
  actor: TPerson;
  onBehalfOf: TPerson | null;
  opinion: string | null;
  reason: string | null;
  documentNo: string | null;
  repliedOn: string | null;
  changedSince: boolean;
}

export interface TBudgetReview {
  round: BudgetRound;
  chain: ReviewChain;
  stage: StagePosition | null;
  /** Whether the current stage is the signed-in reviewer's (or a delegator's of today). */
  yourStage: boolean;
  proposalRevisionNo: number | null;
  reply: { documentNo: string; date: string } | null;
  trail: TTrailEntry[];
}

/** The budget's round, chain, stage and the whole review trail (invalidated with the budget). */
export function useReview(budgetId: string) {
  return useQuery({ queryKey: ['budget', budgetId, 'review'], queryFn: () => api<TBudgetReview>(`/api/budgets/${budgetId}/review`) });
}

export interface TReviewedBudget {
  id: string;
  departmentName: string;
  fiscalYear: number;
  state: BudgetState;
  round: BudgetRound;
  lastAction: string;
  stageName: string | null;
  at: string;
}

/** 已审: the budgets the reviewer decided. */
export function useReviewed() {
  return useQuery({ queryKey: ['budgets', 'reviewed'], queryFn: () => api<{ items: TReviewedBudget[] }>('/api/reviews/reviewed') });
}
