import type { TBudgetJob } from '@budgetflow/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api-client';
import { budgetKey } from '../editor/use-budget-editor';
import { totalsFinished } from './job-progress';

export const budgetJobsKey = (budgetId: string) => ['budget', budgetId, 'jobs'] as const;

/** How often the list is asked for once the event stream has failed. */
export const JOBS_POLL_MS = 5_000;

const NO_JOBS: readonly TBudgetJob[] = [];

/**
 * The budget's recent background jobs, newest first, kept live by the API's event stream (the
 * session cookie authenticates it: same origin). When a recompute finishes, the budget is read
 * again so that the totals shown are the new ones.
 */
export function useBudgetJobs(budgetId: string): readonly TBudgetJob[] {
  const client = useQueryClient();
  const [streamFailedFor, setStreamFailedFor] = useState<string | null>(null);
  const polling = streamFailedFor === budgetId;

  const receive = useCallback(
    (items: TBudgetJob[]): TBudgetJob[] => {
      if (totalsFinished(client.getQueryData<TBudgetJob[]>(budgetJobsKey(budgetId)), items))
        void client.invalidateQueries({ queryKey: budgetKey(budgetId), exact: true });
      return items;
    },
    [client, budgetId],
  );

  useEffect(() => {
    if (polling) return;
    const source = new EventSource(`/api/budgets/${budgetId}/events`);
    source.addEventListener('jobs', (event) => {
      const { items } = JSON.parse(event.data as string) as { items: TBudgetJob[] };
      client.setQueryData(budgetJobsKey(budgetId), receive(items));
    });
    // The browser would reconnect on its own, again and again if the session is refused; asking
    // every few seconds instead keeps the progress coming whatever went wrong with the stream.
    source.addEventListener('error', () => {
      source.close();
      setStreamFailedFor(budgetId);
    });
    return () => source.close();
  }, [budgetId, client, receive, polling]);

  const jobs = useQuery({
    queryKey: budgetJobsKey(budgetId),
    queryFn: async () => receive((await api<{ items: TBudgetJob[] }>(`/api/budgets/${budgetId}/jobs`)).items),
    enabled: polling,
    refetchInterval: JOBS_POLL_MS,
  });
  return jobs.data ?? NO_JOBS;
}
