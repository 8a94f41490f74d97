import type { BudgetState } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api-client';
import type { TBudgetSummary, TPage } from '../../lib/api-types';

/** Budgets the caller may see (the API filters by role and department); asked for once `enabled`. */
export function useBudgets(filter: { year?: number; state?: BudgetState }, enabled = true) {
  return useQuery({
    queryKey: ['budgets', filter],
    enabled,
    queryFn: () =>
      api<TPage<TBudgetSummary>>(
        `/api/budgets${query({ year: filter.year, state: filter.state, pageSize: 100 })}`,
      ),
  });
}
