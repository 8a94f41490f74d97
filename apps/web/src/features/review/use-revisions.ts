import type { TRevision, TRevisionDiffAnswer, TRevisionMeta } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export function useRevisions(budgetId: string) {
  return useQuery({
    queryKey: ['budget', budgetId, 'revisions'],
    queryFn: async () => (await api<{ items: TRevisionMeta[] }>(`/api/budgets/${budgetId}/revisions`)).items,
  });
}

export function useDiff(budgetId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['budget', budgetId, 'diff', from, to],
    queryFn: () => api<TRevisionDiffAnswer>(`/api/budgets/${budgetId}/diff?from=${from}&to=${to}`),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

/** One frozen revision with its document (its lines), for reading them as submitted. */
export function useRevision(budgetId: string, no: number | undefined) {
  return useQuery({
    queryKey: ['budget', budgetId, 'revision', no],
    queryFn: () => api<TRevision>(`/api/budgets/${budgetId}/revisions/${no}`),
    enabled: no !== undefined,
    staleTime: Infinity, // a revision never changes
  });
}
