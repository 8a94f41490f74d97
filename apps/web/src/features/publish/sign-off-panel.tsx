import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api-client';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { useWorkflowAction } from '../../lib/use-workflow-action';
import { ErrorBanner } from '../../ui/error-banner';

/** GET /api/budgets/:id/sign-off: whether the bureau's policy of the year requires a 审签, and the current revision's. */
export interface TSignOffView {
  required: boolean;
  signOff: { revisionNo: number; signer: { username: string; displayName: string }; at: string; opinion: string } | null;
}

export function useSignOff(budgetId: string, enabled: boolean) {
  return useQuery({ queryKey: ['budget', budgetId, 'sign-off'], enabled, queryFn: () => api<TSignOffView>(`/api/budgets/${budgetId}/sign-off`) });
}

/**
 * 审签 (保密审查) of an approved budget, where the policy requires it: the signer writes an opinion
 * and signs; everyone sees who signed and when. A budget whose year needs none says so.
 */
export function SignOffPanel({
  view,
  canSign,
  version,
  workflow,
}: {
  view: TSignOffView;
  canSign: boolean;
  version: number;
  workflow: ReturnType<typeof useWorkflowAction>;
}) {
  const { t } = useDeskI18n();
  const [opinion, setOpinion] = useState('');
  const { signOff } = view;
  return (
    <section className="card sign-off" aria-labelledby="sign-off-title" data-testid="sign-off-panel">
      <h2 id="sign-off-title">{t('signOffTitle')}</h2>
      {signOff !== null ? (
        <>
          <p role="status">{t('signedOffBy', { name: signOff.signer.displayName, at: formatDateTime(signOff.at) })}</p>
          <p>
            {t('signOffOpinion')}：{signOff.opinion}
          </p>
        </>
      ) : (
        <p className="muted">{view.required ? t('signOffWaiting') : t('signOffNotRequired')}</p>
      )}
      {canSign && signOff === null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            workflow.mutate({ action: 'sign-off', version, opinion });
          }}
        >
          <label>
            {t('signOffOpinion')}
            <textarea name="signOffOpinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={workflow.isPending || opinion.trim() === ''}>
            {t('signOffButton')}
          </button>
          <ErrorBanner error={workflow.error} />
        </form>
      )}
    </section>
  );
}
