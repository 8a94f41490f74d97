import { BUDGET_ROUNDS, BUDGET_STATES, issuesCeilings } from '@budgetflow/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TSessionUser } from '../../lib/api-types';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { Status } from '../../ui/status';
import { fenText } from '../ceilings/fen-text';
import { CeilingsUpload } from './ceilings-upload';
import { ComplianceTable } from './compliance-table';
import { useBureauYears, useOverview, type TOverview, type TOverviewDepartment } from './use-bureau';
import { YearField } from './year-field';

/** The desk's title: the bureau and the reviewer's own office (科室) when they have one. */
function deskTitle(desk: TOverview['desk'] | undefined, t: TDeskTranslate): string {
  if (desk?.office == null) return t('bureauTitle');
  return t('bureauTitleOf', { bureau: desk.bureau ?? t('bureauOfNoName'), office: desk.office });
}

/**
 * The bureau's desk, opened on the newest year with budgets in the reviewer's scope; on the
 * calendar's year while there is none, or when the years could not be read (the desk still works).
 * It waits for the years rather than show one year and jump to another.
 */
export function BureauPage({ user }: { user: TSessionUser }) {
  const { t } = useDeskI18n();
  const years = useBureauYears();
  if (years.isPending) return <Status>{t('loading')}</Status>;
  return <BureauDesk user={user} initialYear={years.data?.defaultYear ?? new Date().getFullYear()} years={years.data?.years ?? []} />;
}

/** The bureau's desk (预算科): every department of a year, where its budget stands, its ceilings, the district's totals, who published on time. */
function BureauDesk({ user, initialYear, years }: { user: TSessionUser; initialYear: number; years: readonly number[] }) {
  const { t } = useDeskI18n();
  const [year, setYear] = useState(initialYear);
  const [state, setState] = useState<string | undefined>(undefined);
  const [round, setRound] = useState<string | undefined>(undefined);
  const [overCeiling, setOverCeiling] = useState<'true' | 'false' | undefined>(undefined);
  const [q, setQ] = useState('');
  const overview = useOverview({ year, state, round, overCeiling, q: q.trim() === '' ? undefined : q.trim() });
  return (
    <main className="page bureau" aria-labelledby="bureau-title">
      <h1 id="bureau-title">{deskTitle(overview.data?.desk, t)}</h1>
      <div className="toolbar" role="search">
        <YearField year={year} onChange={setYear} suggested={years} />
        <label>
          {t('bureauState')}
          <select value={state ?? ''} onChange={(e) => setState(e.target.value === '' ? undefined : e.target.value)}>
            <option value="">{t('bureauAllStates')}</option>
            {BUDGET_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state_${s}`)}
              </option>
            ))}
            <option value="none">{t('bureauNoBudget')}</option>
          </select>
        </label>
        <label>
          {t('bureauRound')}
          <select value={round ?? ''} onChange={(e) => setRound(e.target.value === '' ? undefined : e.target.value)}>
            <option value="">{t('bureauAllRounds')}</option>
            {BUDGET_ROUNDS.map((r) => (
              <option key={r} value={r}>
                {t(`bureauRound_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ceilingsTitle')}
          <select value={overCeiling ?? ''} onChange={(e) => setOverCeiling(e.target.value === '' ? undefined : (e.target.value as 'true' | 'false'))}>
            <option value="">{t('bureauAll')}</option>
            <option value="true">{t('bureauOverCeiling')}</option>
            <option value="false">{t('bureauWithinCeilings')}</option>
          </select>
        </label>
        <label>
          {t('bureauSearch')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      <QueryView query={overview} isEmpty={() => false}>
        {(data) => <Overview data={data} />}
      </QueryView>
      {issuesCeilings(user.office?.kind ?? null) && <CeilingsUpload year={year} />}
    </main>
  );
}

function Overview({ data }: { data: TOverview }) {
  const { t } = useDeskI18n();
  return (
    <>
      <section aria-labelledby="bureau-departments-title">
        <h2 id="bureau-departments-title">{t('bureauDepartments', { n: data.departments.length })}</h2>
        {data.departments.length === 0 ? <p>{t('nothingHere')}</p> : <DepartmentsTable departments={data.departments} />}
      </section>
      <section aria-labelledby="bureau-totals-title">
        <h2 id="bureau-totals-title">{t('bureauTotals', { amount: fenText(data.totals.totalFen) })}</h2>
        <div className="side-by-side">
          <AmountTable caption={t('bureauByFunctionClass')} rows={data.totals.byFunctionClass.map((c) => ({ key: c.code, label: `${c.code} ${c.name}`, fen: c.totalFen }))} />
          <AmountTable caption={t('bureauByDepartment')} rows={data.totals.byDepartment.map((d) => ({ key: d.code, label: d.name, fen: d.totalFen }))} />
        </div>
      </section>
      <section aria-labelledby="bureau-compliance-title">
        <h2 id="bureau-compliance-title">{t('complianceTitle')}</h2>
        {data.compliance.length === 0 ? <p>{t('nothingHere')}</p> : <ComplianceTable entries={data.compliance} caption={t('complianceCaption', { today: data.today })} />}
      </section>
    </>
  );
}

function DepartmentsTable({ departments }: { departments: readonly TOverviewDepartment[] }) {
  const { t } = useDeskI18n();
  return (
    <table className="bureau-table">
      <caption className="visually-hidden">{t('bureauDepartments', { n: departments.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('department')}</th>
          <th scope="col">{t('bureauRound')}</th>
          <th scope="col">{t('bureauState')}</th>
          <th scope="col">{t('bureauStage')}</th>
          <th scope="col">{t('waiting')}</th>
          <th scope="col">{t('totalExpenditure')}</th>
          <th scope="col">{t('ceilingsTitle')}</th>
          <th scope="col">{t('findings')}</th>
        </tr>
      </thead>
      <tbody>
        {departments.map((d) => (
          <tr key={d.department.id} className={d.ceilings.exceeded.length > 0 ? 'over' : undefined}>
            <th scope="row">
              {d.budgetId !== null && d.state !== 'draft' ? <Link to={`/budgets/${d.budgetId}`}>{d.department.name}</Link> : d.department.name}
            </th>
            <td>{d.round === null ? '—' : t(`bureauRound_${d.round}`)}</td>
            <td>{d.state === null ? t('bureauNoBudget') : t(`state_${d.state as (typeof BUDGET_STATES)[number]}`)}</td>
            <td>{d.stage === null ? '—' : `${d.stage.name}（${d.stage.index + 1}/${d.stage.count}）`}</td>
            <td>{d.daysWaiting === null ? '—' : t('days', { n: d.daysWaiting })}</td>
            <td className="num">{d.figures === null ? '—' : fenText(d.figures.totalFen)}</td>
            <td>
              {!d.ceilings.issued
                ? t('ceilingsNotIssued')
                : d.ceilings.exceeded.length === 0
                  ? t('bureauWithinCeilings')
                  : d.ceilings.exceeded.map((e) => t('ceilingExceededBy', { name: e.name, amount: fenText(e.excessFen) })).join('；')}
            </td>
            <td>{d.findings === null ? t('findingsPending') : `${t('errorsCount', { n: d.findings.errors })} · ${t('warningsCount', { n: d.findings.warnings })}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AmountTable({ caption, rows }: { caption: string; rows: readonly { key: string; label: string; fen: string }[] }) {
  const { t } = useDeskI18n();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('bureauItem')}</th>
          <th scope="col">{t('ceilingsYuan')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{fenText(r.fen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
