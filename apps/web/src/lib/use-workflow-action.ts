import type { WorkflowAction } from '@budgetflow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import type { TActionResult } from './api-types';

/**
 * A workflow step (submit, withdraw, return, approve, publish) at the version the person saw,
 * with an Idempotency-Key so that a retried click acts once.
 */
export function useWorkflowAction(budgetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version, reason }: { action: WorkflowAction; version: number; reason?: string }) =>
      api<TActionResult>(`/api/budgets/${budgetId}/${action}`, {
        method: 'POST',
        body: reason === undefined ? { version } : { version, reason },
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['budget', budgetId] }),
        client.invalidateQueries({ queryKey: ['budgets'] }),
        client.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}
