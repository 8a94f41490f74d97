import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { TDiffAnswer, TRevisionMeta } from '../../lib/api-types';

export function useRevisions(budgetId: string) {
  return useQuery({ queryKey: ['budget', budgetId, 'revisions'], queryFn: async () => (await api<{ items: TRevisionMeta[] }>(`/api/budgets/${budgetId}/revisions`)).items });
}

export function useDiff(budgetId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['budget', budgetId, 'diff', from, to],
    queryFn: () => api<TDiffAnswer>(`/api/budgets/${budgetId}/diff?from=${from}&to=${to}`),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}
