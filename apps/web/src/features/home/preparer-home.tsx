import { BUDGET_STATES, type BudgetState } from '@budgetflow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api-client';
import type { TBudgetSummary } from '../../lib/api-types';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { Status } from '../../ui/status';
import { StateBadge } from '../../ui/state-badge';
import { CarryForwardOffer, carrySource } from '../editor/forms/carry-forward';
import { BudgetTable } from './budget-table';
import { useBudgets } from './use-budgets';
import { problemText } from '../../lib/problem-text';

/** A preparer's budgets by year and state, each with what needs doing next. */
export function PreparerHome() {
  const { t } = useDeskI18n();
  const [state, setState] = useState<BudgetState | ''>('');
  const budgets = useBudgets(state === '' ? {} : { state });
  const all = useBudgets({});
  const years = useQuery({
    queryKey: ['fiscal-years'],
    queryFn: () => api<{ year: number; status: 'open' | 'closed' }[]>('/api/fiscal-years'),
  });
  const client = useQueryClient();
  const navigate = useNavigate();
  // Open fiscal years this department has no budget for yet.
  const had = new Set((all.data?.items ?? []).map((b) => b.fiscalYear));
  const creatable = (years.data ?? [])
    .filter((y) => y.status === 'open' && !had.has(y.year))
    .map((y) => y.year);
  const create = useMutation({
    mutationFn: (fiscalYear: number) =>
      api<TBudgetSummary>('/api/budgets', { method: 'POST', body: { fiscalYear } }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['budgets'] });
      void navigate(`/budgets/${created.id}`);
    },
  });
  return (
    <main className="page">
      <h1>{t('myBudgets')}</h1>
      <div className="toolbar">
        <label>
          {t('state')}
          <select value={state} onChange={(e) => setState(e.target.value as BudgetState | '')}>
            <option value="">{t('allStates')}</option>
            {BUDGET_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </label>
        {all.isSuccess &&
          creatable.map((year) => {
            const source = carrySource(all.data.items, year);
            return (
              <span key={year}>
                {source !== undefined && <CarryForwardOffer year={year} source={source} />}
                <button type="button" onClick={() => create.mutate(year)} disabled={create.isPending}>
                  {t('createBudget', { year })}
                </button>
              </span>
            );
          })}
        {create.isError && <Status error>{problemText(create.error, t)}</Status>}
      </div>
      <QueryView query={budgets} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <BudgetTable
            budgets={[...page.items].sort((a, b) => b.fiscalYear - a.fiscalYear)}
            columns={[
              { header: t('year'), cell: (b) => b.fiscalYear },
              { header: t('department'), cell: (b) => b.department.name },
              { header: t('state'), cell: (b) => <StateBadge state={b.state} /> },
              { header: t('todo'), cell: (b) => t(`todo_${b.state}`) },
              { header: t('updatedAt'), cell: (b) => formatDateTime(b.updatedAt) },
            ]}
            linkLabel={(b) => ({
              text: t('open'),
              aria: `${t('open')} ${b.fiscalYear} ${b.department.name}`,
            })}
          />
        )}
      </QueryView>
    </main>
  );
}
