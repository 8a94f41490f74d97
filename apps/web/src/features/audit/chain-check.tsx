import { useMutation } from '@tanstack/react-query';
import type { TChainVerdict } from '@budgetflow/domain';
import { api } from '../../lib/api-client';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { Status } from '../../ui/status';

/**
 * 核验审计链: the 安全审计员 recomputes the whole hash chain on demand (GET /api/audit/verify, what
 * `pnpm budget audit-verify` does) — asked for, not on every visit, since it reads every entry.
 */
export function ChainCheck() {
  const { t } = useDeskI18n();
  const check = useMutation({ mutationFn: () => api<TChainVerdict>('/api/audit/verify') });
  return (
    <section aria-label={t('auditVerify')}>
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? t('auditVerifying') : t('auditVerify')}
      </button>
      {check.data !== undefined && <Status error={!check.data.ok}>{verdictText(t, check.data)}</Status>}
      <ErrorBanner error={check.error} />
    </section>
  );
}

function verdictText(t: TDeskTranslate, verdict: TChainVerdict): string {
  if (verdict.ok) return t('auditChainIntact', { checked: verdict.checked });
  return t(verdict.fault === 'link' ? 'auditChainBrokenLink' : 'auditChainBrokenContent', { id: verdict.brokenId, checked: verdict.checked });
}
