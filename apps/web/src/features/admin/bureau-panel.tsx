import type { OfficeKind, ReviewChain, StageOffice } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api-client';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import { useAdminChange, useFiscalYears } from './use-admin';

/** GET /api/admin/organisation (modules/bureau). */
interface TOffice {
  code: string;
  name: string;
  kind: OfficeKind;
  departments: string[];
  reviewers: string[];
}
interface TOrganisation {
  bureaus: { code: string; name: string; offices: TOffice[]; departments: { code: string; name: string }[] }[];
}

const KIND_KEYS = { budget: 'adminOfficeBudget', business: 'adminOfficeBusiness', assets: 'adminOfficeAssets', performance: 'adminOfficePerformance', other: 'adminOfficeOther' } as const;

/** Codes typed as a list, split on commas, 、 or spaces. */
const listOf = (text: string) => text.split(/[\s,，、]+/).filter((s) => s !== '');

/** Who reviews at a stage, in words: an office by its name among the bureau's (its code is the configuration's). */
function stageOffice(t: TDeskTranslate, office: StageOffice, offices: readonly TOffice[]): string {
  if (office.by === 'scope') return t('adminStageByScope');
  if (office.by === 'kind') return t('adminStageByKind', { kind: t(KIND_KEYS[office.kind]) });
  const named = offices.find((o) => o.code === office.code);
  return named === undefined ? t('adminStageByUnknownOffice') : named.name;
}

/** 财政局与审核流程: each bureau's offices (departments and reviewers assigned) and its review chain of a year. */
export function BureauPanel() {
  const { t } = useDeskI18n();
  const organisation = useQuery({ queryKey: ['admin', 'organisation'], queryFn: () => api<TOrganisation>('/api/admin/organisation') });
  return (
    <section aria-labelledby="admin-bureau-title">
      <h2 id="admin-bureau-title">{t('adminBureau')}</h2>
      <QueryView query={organisation} isEmpty={(o) => o.bureaus.length === 0}>
        {(o) =>
          o.bureaus.map((b) => (
            <section key={b.code} aria-labelledby={`bureau-${b.code}`}>
              <h3 id={`bureau-${b.code}`}>
                {b.name}（{b.code}）
              </h3>
              <table>
                <caption>{t('adminOffices')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('adminName')}</th>
                    <th scope="col">{t('adminOfficeKind')}</th>
                    <th scope="col">{t('adminOfficeDepartments')}</th>
                    <th scope="col">{t('adminOfficeReviewers')}</th>
                    <th scope="col">{t('adminActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.offices.map((office) => (
                    <OfficeRow key={office.code} bureau={b.code} office={office} />
                  ))}
                </tbody>
              </table>
              <ChainOf bureau={b.code} offices={b.offices} />
            </section>
          ))
        }
      </QueryView>
    </section>
  );
}

function OfficeRow({ bureau, office }: { bureau: string; office: TOffice }) {
  const { t } = useDeskI18n();
  const [departments, setDepartments] = useState(office.departments.join('、'));
  const [reviewers, setReviewers] = useState(office.reviewers.join('、'));
  const save = useAdminChange(() => [
    `/api/admin/offices/${office.code}`,
    { method: 'PUT', body: { bureau, name: office.name, kind: office.kind, departments: listOf(departments), reviewers: listOf(reviewers) } },
  ]);
  return (
    <tr>
      <td>{office.name}</td>
      <td>{t(KIND_KEYS[office.kind])}</td>
      <td>
        <input aria-label={t('adminOfficeDepartmentsOf', { name: office.name })} value={departments} onChange={(e) => setDepartments(e.target.value)} />
      </td>
      <td>
        <input aria-label={t('adminOfficeReviewersOf', { name: office.name })} value={reviewers} onChange={(e) => setReviewers(e.target.value)} />
      </td>
      <td>
        <button type="button" onClick={() => save.mutate(undefined)}>
          {t('adminSave')}
        </button>
        {save.isSuccess && <span role="status">{t('adminSaved')}</span>}
        <ErrorBanner error={save.error} />
      </td>
    </tr>
  );
}

function ChainOf({ bureau, offices }: { bureau: string; offices: readonly TOffice[] }) {
  const { t } = useDeskI18n();
  const years = useFiscalYears();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? years.data?.[0]?.year;
  const chain = useQuery({
    queryKey: ['admin', 'chain', bureau, year],
    queryFn: () => api<{ configured: boolean; chain: ReviewChain }>(`/api/admin/review-chains/${bureau}/${year}`),
    enabled: year !== undefined,
  });
  return (
    <section aria-labelledby={`chain-${bureau}`}>
      <h4 id={`chain-${bureau}`}>{t('adminChain')}</h4>
      <label>
        {t('year')}{' '}
        <select value={year ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
          {(years.data ?? []).map((y) => (
            <option key={y.year} value={y.year}>
              {y.year}
            </option>
          ))}
        </select>
      </label>
      <QueryView query={chain} isEmpty={() => false}>
        {(view) => (
          <>
            <p>
              {view.configured ? '' : t('adminChainDefault')}
              {view.chain.proposalRound ? t('adminChainProposalRound') : ''}
            </p>
            <ol>
              {view.chain.stages.map((s) => (
                <li key={s.key}>
                  {s.name} · {stageOffice(t, s.office, offices)}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryView>
      {year !== undefined && <SignOffPolicy key={year} bureau={bureau} year={year} />}
    </section>
  );
}

/** 公开前须审签: the bureau's publication policy of the year, beside its review chain. */
function SignOffPolicy({ bureau, year }: { bureau: string; year: number }) {
  const { t } = useDeskI18n();
  const policy = useQuery({
    queryKey: ['admin', 'publication-policy', bureau, year],
    queryFn: () => api<{ signOffRequired: boolean }>(`/api/admin/publication-policies/${bureau}/${year}`),
  });
  const save = useAdminChange((signOffRequired: boolean) => [`/api/admin/publication-policies/${bureau}/${year}`, { method: 'PUT', body: { signOffRequired } }]);
  // what the administrator ticked shows at once; a refusal puts back what is stored
  const [ticked, setTicked] = useState<boolean | undefined>(undefined);
  return (
    <div className="sign-off-policy">
      <label className="check">
        <input
          type="checkbox"
          checked={ticked ?? policy.data?.signOffRequired ?? false}
          disabled={policy.data === undefined || save.isPending}
          onChange={(e) => {
            setTicked(e.target.checked);
            save.mutate(e.target.checked, { onError: () => setTicked(undefined) });
          }}
        />
        {t('adminSignOffRequired')}
      </label>
      {save.isSuccess && <span role="status">{t('adminSaved')}</span>}
      <ErrorBanner error={save.error ?? policy.error} />
    </div>
  );
}
