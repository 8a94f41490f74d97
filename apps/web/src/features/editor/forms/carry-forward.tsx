import type { TCarriedForward } from '@budgetflow/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../../lib/api-client';
import type { TBudgetSummary } from '../../../lib/api-types';
import type { TLocale } from '../../../lib/i18n';
import { useDeskI18n } from '../../../lib/desk-i18n';
import { Status } from '../../../ui/status';
import { problemText } from '../../../lib/problem-text';

/** What POST /api/budgets with fromRevision answers it carried. */
export interface TCarried extends TCarriedForward {
  linesLeftOut: string[];
}

const WORDS = {
  zh: {
    offer: '以 {from} 年预算为起点新建 {year} 年预算',
    title: '已从 {from} 年预算结转',
    carried: '预算单位 {units} 个、主要职能 {functions} 条、人员构成、继续实施的项目 {projects} 个、支出明细 {lines} 条、收入 {income} 条；{from} 年预算数已填入“上年数”。',
    finished: '已完成、未结转的项目：{ids}。',
    leftOut: '本年度科目中已无其科目、未结转的支出明细：{ids}。',
  },
  en: {
    offer: 'New {year} budget starting from the {from} budget',
    title: 'Carried forward from the {from} budget',
    carried: '{units} budget units, {functions} functions, the staffing, {projects} continuing projects, {lines} lines, {income} income lines; the {from} budget fills last year’s figures.',
    finished: 'Finished projects not carried: {ids}.',
    leftOut: 'Lines not carried because this year’s catalogue lacks their codes: {ids}.',
  },
} as const;

function say(locale: TLocale, key: keyof (typeof WORDS)['zh'], values: Record<string, string | number>): string {
  return WORDS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Last year's budget a new year may start from: approved or published. */
export function carrySource(budgets: readonly TBudgetSummary[], year: number): TBudgetSummary | undefined {
  return budgets.find((b) => b.fiscalYear === year - 1 && (b.state === 'approved' || b.state === 'published') && b.revisionNo > 0);
}

/** The offer to start `year` from last year's approved or published revision; opens the new budget saying what it carried. */
export function CarryForwardOffer({ year, source }: { year: number; source: TBudgetSummary }) {
  const { locale, t } = useDeskI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      api<TBudgetSummary & { carried: TCarried }>('/api/budgets', {
        method: 'POST',
        body: { fiscalYear: year, fromRevision: { budgetId: source.id, revisionNo: source.revisionNo } },
      }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['budgets'] });
      void navigate(`/budgets/${created.id}`, { state: { carried: created.carried } });
    },
  });
  return (
    <>
      <button type="button" className="primary" onClick={() => create.mutate()} disabled={create.isPending}>
        {say(locale, 'offer', { from: source.fiscalYear, year })}
      </button>
      {create.isError && <Status error>{problemText(create.error, t)}</Status>}
    </>
  );
}

/** On the editor just after a carried start: what was taken over from last year. */
export function CarriedBanner() {
  const { locale } = useDeskI18n();
  const carried = (useLocation().state as { carried?: TCarried } | null)?.carried;
  if (carried === undefined) return null;
  const values = {
    from: carried.fromYear,
    units: carried.units,
    functions: carried.functions,
    projects: carried.projects.carried.length,
    lines: carried.expenditureLines,
    income: carried.incomeLines,
  };
  return (
    <section className="banner" role="status" aria-label={say(locale, 'title', values)}>
      <strong>{say(locale, 'title', values)}</strong>
      <p>{say(locale, 'carried', values)}</p>
      {carried.projects.finished.length > 0 && <p>{say(locale, 'finished', { ids: carried.projects.finished.join('、') })}</p>}
      {carried.linesLeftOut.length > 0 && <p>{say(locale, 'leftOut', { ids: carried.linesLeftOut.join('、') })}</p>}
    </section>
  );
}
