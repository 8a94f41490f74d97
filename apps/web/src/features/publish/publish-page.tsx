import { actionsFor, hasUnitScope, type TPublication, type TPublicationSummary } from '@budgetflow/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../lib/api-client';
import type { TPage } from '../../lib/api-types';
import { useDeskI18n } from '../../lib/desk-i18n';
import { OpenedForBanner } from '../editor/opened-for-banner';
import { useWorkflowAction } from '../../lib/use-workflow-action';
import { ReviseButton } from '../editor/revise-button';
import { AdjustmentsPanel } from '../adjustments/adjustments-panel';
import { ErrorBanner } from '../../ui/error-banner';
import { ConfirmModal } from '../../ui/confirm-modal';
import { StateBadge } from '../../ui/state-badge';
import { Status } from '../../ui/status';
import { DisclosureDocument } from '../disclosure/disclosure-document';
import { useBudgetView } from '../editor/use-budget-editor';
import { Downloads } from '../portal/downloads';
import { RevisionFilesCheck, useRevisionFiles } from './revision-files-check';
import { problemText } from '../../lib/problem-text';
import { SignOffPanel, useSignOff } from './sign-off-panel';
import { UNIT_ROUND } from '../units/unit-lines';
import { budgetTitle } from '../units/unit-text';

/** The publication of this budget, once there is one: its files appear when the jobs have rendered them. */
function usePublication(
  budgetId: string,
  filter: { year: number; department: string } | undefined,
  justPublished: string | undefined,
) {
  return useQuery({
    queryKey: ['budget', budgetId, 'publication', justPublished],
    enabled: filter !== undefined,
    queryFn: async (): Promise<TPublication | null> => {
      let id = justPublished;
      if (id === undefined && filter !== undefined) {
        const list = await api<TPage<TPublicationSummary>>(
          `/api/public/disclosures${query({ year: filter.year, department: filter.department })}`,
        );
        id = list.items.find((p) => p.budgetId === budgetId && p.latest)?.id;
      }
      return id === undefined ? null : api<TPublication>(`/api/public/disclosures/${id}`);
    },
    refetchInterval: (q) =>
      q.state.data !== null && q.state.data !== undefined && q.state.data.files.length === 0 ? 3000 : false,
  });
}

/**
 * The publisher's desk: the disclosure as it will appear, publish with confirmation, then its link
 * and files. The signer (审签人) works here too: the 审签 sits beside what it clears.
 */
export default function PublishPage({ budgetId, role }: { budgetId: string; role: 'publisher' | 'signer' }) {
  const { t } = useDeskI18n();
  const view = useBudgetView(budgetId);
  const workflow = useWorkflowAction(budgetId);
  const [confirming, setConfirming] = useState(false);
  const [publishedId, setPublishedId] = useState<string | undefined>(undefined);
  const budget = view.data;
  const publication = usePublication(
    budgetId,
    budget?.state === 'published'
      ? { year: budget.fiscalYear, department: budget.department.code }
      : undefined,
    publishedId,
  );

  const approved = budget?.state === 'approved';
  const revisionFiles = useRevisionFiles(budgetId, budget?.revisionNo ?? 0, approved);
  const checkPassed = revisionFiles.data?.check?.passed === true;
  const signOff = useSignOff(budgetId, approved);
  const awaitsSignOff = signOff.data === undefined || (signOff.data.required && signOff.data.signOff === null);

  if (view.isError) return <Status error>{t('error', { reason: problemText(view.error, t) })}</Status>;
  if (budget === undefined) return <Status>{t('loading')}</Status>;
  // A unit's budget is published as its own 单位预算 only where its template prints a 单位 scope (Shanghai).
  const ownDisclosure = !budget.unit || hasUnitScope({ template: budget.disclosure.meta.template });
  const actions = actionsFor(budget.state, role, budget.unit ? { round: UNIT_ROUND } : undefined).filter((a) => a !== 'publish' || ownDisclosure);
  const published = publication.data ?? null;

  return (
    <main className="page publish" aria-labelledby="publish-title">
      <h1 id="publish-title">
        {budget.unit ? budgetTitle(t, budget) : `${budget.department.name} ${budget.fiscalYear}`} · {t('publishDesk')}{' '}
        <StateBadge state={budget.state} unit={Boolean(budget.unit)} />
      </h1>
      {!ownDisclosure && <p className="muted">{t('unitNoOwnDisclosure')}</p>}
      <OpenedForBanner budget={budget} />
      <div className="toolbar">
        {actions.includes('publish') && (
          <>
            <button
              type="button"
              className="primary"
              disabled={!checkPassed || awaitsSignOff}
              aria-describedby={awaitsSignOff ? 'publish-waits' : undefined}
              onClick={() => setConfirming(true)}
            >
              {t('publish')}
            </button>
            {signOff.data !== undefined && awaitsSignOff && (
              <span id="publish-waits" className="muted">
                {t('signOffRequired')}
              </span>
            )}
          </>
        )}
        {/* A correction after publication: a new revision, reviewed again, published beside the old one. */}
        {actions.includes('revise') && (
          <ReviseButton pending={workflow.isPending} onRevise={(fields) => workflow.mutate({ action: 'revise', version: budget.version, ...fields })} />
        )}
      </div>
      {role === 'publisher' && <ErrorBanner error={workflow.error} />}
      {approved && signOff.data !== undefined && (
        <SignOffPanel view={signOff.data} canSign={actions.includes('sign-off')} version={budget.version} workflow={workflow} />
      )}
      {approved && <RevisionFilesCheck files={revisionFiles.data} />}
      <AdjustmentsPanel budgetId={budgetId} fiscalYear={budget.fiscalYear} />
      {budget.state === 'published' && (
        <section className="card" aria-labelledby="published-title">
          <h2 id="published-title">{t('published')}</h2>
          {published === null ? (
            <Status>{t('loading')}</Status>
          ) : (
            <>
              <p>
                {t('publicLink')}：
                <Link to={`/portal/${published.id}`} data-testid="public-link">
                  {`${window.location.origin}/portal/${published.id}`}
                </Link>
              </p>
              <p className="muted">
                sha256 <code className="hash">{published.sha256}</code>
              </p>
              <Downloads files={published.files} />
            </>
          )}
        </section>
      )}
      <DisclosureDocument disclosure={budget.disclosure} />
      {confirming && (
        <ConfirmModal
          title={t('confirmPublish')}
          confirmLabel={t('publish')}
          disabled={workflow.isPending}
          onConfirm={() =>
            workflow.mutate(
              { action: 'publish', version: budget.version },
              {
                onSuccess: (result) => {
                  setConfirming(false);
                  setPublishedId(result.publication?.id);
                },
              },
            )
          }
          onCancel={() => setConfirming(false)}
        />
      )}
    </main>
  );
}
