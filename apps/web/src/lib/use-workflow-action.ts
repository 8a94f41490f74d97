import type { AdjustmentKind, WorkflowAction } from '@budgetflow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import type { TActionResult } from './api-types';

/** What an action's body carries besides the version: reason (return, 更正, 调整), opinion, the 批复's number and date, the adjustment's kind. */
export interface TActionFields {
  reason?: string;
  opinion?: string;
  documentNo?: string;
  date?: string;
  kind?: AdjustmentKind;
}

/**
 * A workflow step (submit, withdraw, return, approve, publish …) at the version the person saw,
 * with an Idempotency-Key so that a retried click acts once.
 */
export function useWorkflowAction(budgetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version, ...fields }: { action: WorkflowAction; version: number } & TActionFields) =>
      api<TActionResult>(`/api/budgets/${budgetId}/${action}`, {
        method: 'POST',
        body: { version, ...fields },
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
