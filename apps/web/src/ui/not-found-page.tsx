import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';

/**
 * An address no page answers (a mistyped or outdated link): said as such, with the ways on, rather
 * than the portal's list shown as if it were what the link meant.
 */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <main className="page portal" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('pageNotFound')}</h1>
      <p>{t('pageNotFoundHint')}</p>
      <p>
        <Link to="/portal">{t('backToList')}</Link>
      </p>
    </main>
  );
}
