import type { TComment, TCommentTarget } from '@budgetflow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const commentsKey = (budgetId: string) => ['budget', budgetId, 'comments'] as const;

export function useComments(budgetId: string) {
  return useQuery({
    queryKey: commentsKey(budgetId),
    queryFn: async () => (await api<{ items: TComment[] }>(`/api/budgets/${budgetId}/comments`)).items,
  });
}

export function useAddComment(budgetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (comment: { target: TCommentTarget; body: string }) =>
      api<TComment>(`/api/budgets/${budgetId}/comments`, { method: 'POST', body: comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: commentsKey(budgetId) }),
  });
}

export function useAnswerComment(budgetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) =>
      api<TComment>(`/api/comments/${id}/answer`, { method: 'POST', body: { answer } }),
    onSuccess: () => client.invalidateQueries({ queryKey: commentsKey(budgetId) }),
  });
}
