import type { AdjustmentKind, WorkflowAction } from '@budgetflow/domain';
import { useMutation, useQueryClient, type MutateOptions } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, retryTransient } from './api-client';
import type { TActionResult } from './api-types';

/** What an action's body carries besides the version: reason (return, 更正, 调整), opinion, the 批复's number and date, the adjustment's kind. */
export interface TActionFields {
  reason?: string;
  opinion?: string;
  documentNo?: string;
  date?: string;
  kind?: AdjustmentKind;
}

type TWorkflowRequest = { action: WorkflowAction; version: number } & TActionFields;
/** One action as the person took it: its key is made once, when they act, and sent with every try. */
type TKeyedRequest = TWorkflowRequest & { idempotencyKey: string };
type TActOptions = MutateOptions<TActionResult, Error, TKeyedRequest>;

/**
 * A workflow step (submit, withdraw, return, approve, publish …) at the version the person saw.
 * One click is one action: its Idempotency-Key stays the same when a lost answer or a server error
 * is tried again (the API then acts once and replays its answer), and a second click while it is
 * in flight sends nothing — a double click comes before the button greys out, since the component
 * hears that the action is pending only on React Query's next tick.
 */
export function useWorkflowAction(budgetId: string) {
  const client = useQueryClient();
  const inFlight = useRef<Promise<TActionResult> | null>(null);
  const mutation = useMutation({
    mutationFn: ({ action, version, idempotencyKey, ...fields }: TKeyedRequest) =>
      api<TActionResult>(`/api/budgets/${budgetId}/${action}`, { method: 'POST', body: { version, ...fields }, idempotencyKey }),
    // Safe to try again: the same key cannot act twice.
    retry: retryTransient,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['budget', budgetId] }),
        client.invalidateQueries({ queryKey: ['budgets'] }),
        client.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
  /** The action in flight, else a new one: a click while one is in flight joins it. */
  const act = (request: TWorkflowRequest, options?: TActOptions): Promise<TActionResult> => {
    inFlight.current ??= mutation.mutateAsync({ ...request, idempotencyKey: crypto.randomUUID() }, options).finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  };
  return {
    ...mutation,
    // As React Query's mutate: the failure is shown from `error`, not thrown.
    mutate: (request: TWorkflowRequest, options?: TActOptions): void => void act(request, options).catch(() => undefined),
    mutateAsync: act,
  };
}
