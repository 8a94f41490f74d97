import { BUDGET_STATES, type BudgetState } from '@budgetflow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../lib/api-client';
import type { TBudgetSummary } from '../../lib/api-types';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { Status } from '../../ui/status';
import { StateBadge } from '../../ui/state-badge';
import { useBudgets } from './use-budgets';

/** A preparer's budgets by year and state, each with what needs doing next. */
export function PreparerHome() {
  const { t } = useI18n();
  const [state, setState] = useState<BudgetState | ''>('');
  const budgets = useBudgets(state === '' ? {} : { state });
  const client = useQueryClient();
  const navigate = useNavigate();
  const nextYear = new Date().getFullYear() + 1;
  const create = useMutation({
    mutationFn: () => api<TBudgetSummary>('/api/budgets', { method: 'POST', body: { fiscalYear: nextYear } }),
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
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {t('createBudget', { year: nextYear })}
        </button>
        {create.isError && <Status error>{create.error.message}</Status>}
      </div>
      <QueryView query={budgets} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">→</th>
                <th scope="col">{t('updatedAt')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {[...page.items]
                .sort((a, b) => b.fiscalYear - a.fiscalYear)
                .map((b) => (
                  <tr key={b.id}>
                    <td>{b.fiscalYear}</td>
                    <td>{b.department.name}</td>
                    <td>
                      <StateBadge state={b.state} />
                    </td>
                    <td>{t(`todo_${b.state}`)}</td>
                    <td>{formatDateTime(b.updatedAt)}</td>
                    <td>
                      <Link
                        to={`/budgets/${b.id}`}
                        aria-label={`${t('open')} ${b.fiscalYear} ${b.department.name}`}
                      >
                        {t('open')}
                      </Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </main>
  );
}
