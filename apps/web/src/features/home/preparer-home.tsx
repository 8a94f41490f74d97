import { BUDGET_STATES, type BudgetState } from '@budgetflow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api-client';
import type { TBudgetSummary, TUnitRef } from '../../lib/api-types';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { Status } from '../../ui/status';
import { StateBadge } from '../../ui/state-badge';
import { CarryForwardOffer, carrySource } from '../editor/forms/carry-forward';
import { BudgetTable } from './budget-table';
import { useBudgets } from './use-budgets';
import { problemText } from '../../lib/problem-text';
import { budgetTitle } from '../units/unit-text';

/**
 * A preparer's budgets by year and state, each with what needs doing next. A unit's preparer
 * (单位编制人, `unit`) prepares their unit's budget (单位预算), which starts from the department
 * budget's lines of the unit and goes to the department's reviewer, not the finance bureau.
 */
export function PreparerHome({ unit = null }: { unit?: TUnitRef | null }) {
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
  // Open fiscal years this department (or this unit) has no budget of its own for yet.
  const own = (b: TBudgetSummary) => (unit === null ? !b.unit : b.unit?.code === unit.code);
  const had = new Set((all.data?.items ?? []).filter(own).map((b) => b.fiscalYear));
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
      <h1>{unit === null ? t('myBudgets') : t('unitBudgetsOf', { unit: unit.name })}</h1>
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
            // A unit budget starts from the department budget's lines of the unit, not from last year.
            const source = unit === null ? carrySource(all.data.items.filter(own), year) : undefined;
            return (
              <span key={year}>
                {source !== undefined && <CarryForwardOffer year={year} source={source} />}
                <button type="button" onClick={() => create.mutate(year)} disabled={create.isPending}>
                  {unit === null ? t('createBudget', { year }) : t('createUnitBudget', { year, unit: unit.name })}
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
              unit === null
                ? { header: t('department'), cell: (b) => (b.unit ? budgetTitle(t, b) : b.department.name) }
                : { header: t('unitBudget'), cell: (b) => budgetTitle(t, b) },
              { header: t('state'), cell: (b) => <StateBadge state={b.state} unit={Boolean(b.unit)} /> },
              { header: t('todo'), cell: (b) => (b.unit ? t(`unitTodo_${b.state}`) : t(`todo_${b.state}`)) },
              { header: t('updatedAt'), cell: (b) => formatDateTime(b.updatedAt) },
            ]}
            linkLabel={(b) => ({
              text: t('open'),
              aria: `${t('open')} ${b.fiscalYear} ${b.unit?.name ?? b.department.name}`,
            })}
          />
        )}
      </QueryView>
    </main>
  );
}
