import { useDeskI18n } from '../../lib/desk-i18n';
import type { TBudgetView } from '../../lib/api-types';

/**
 * Why this revision is being worked on, when a 更正 or a 预算调整 opened it: the reason its actor gave,
 * shown to everyone on the budget until the revision is approved (a return's reason has its own banner).
 */
export function OpenedForBanner({ budget }: { budget: Pick<TBudgetView, 'state' | 'openedFor'> }) {
  const { t } = useDeskI18n();
  const opened = budget.openedFor;
  if (opened === null || budget.state === 'approved' || budget.state === 'published') return null;
  return (
    <p className="banner" role="note">
      <strong>{opened.action === 'revise' ? t('openedForRevise') : t('openedForAdjust')}</strong>
      {opened.reason}
      {opened.action === 'revise' && <span className="muted"> {t('openedForPublishedStays')}</span>}
    </p>
  );
}
