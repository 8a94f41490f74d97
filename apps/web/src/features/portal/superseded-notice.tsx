import type { TPublication } from '@budgetflow/domain';
import { Link } from 'react-router';
import { chinaDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';

/**
 * At the top of a version a correction has replaced: an old link (a bookmark, a search engine)
 * would otherwise show superseded figures as if they stood.
 */
export function SupersededNotice({ latest }: { latest: TPublication['latestVersion'] }) {
  const { t } = useI18n();
  return (
    <p className="banner superseded-notice" role="note">
      {t('supersededNotice', { n: latest.versionNo, date: chinaDate(latest.publishedAt) })}
      <Link to={`/portal/${latest.id}`}>{t('supersededLink')}</Link>
    </p>
  );
}
