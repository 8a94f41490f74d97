import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { Status } from '../../ui/status';
import { DisclosureDocument } from '../disclosure/disclosure-document';
import { Downloads } from './downloads';
import { useDisclosure } from './use-disclosures';

const DisclosureCharts = lazy(() => import('./disclosure-charts'));

/** One published disclosure as a page: downloads, charts, then the document itself. */
export function DisclosurePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const publication = useDisclosure(id);
  if (publication.isPending) return <Status>{t('loading')}</Status>;
  if (publication.isError) return <Status error>{t('error', { reason: publication.error.message })}</Status>;
  const p = publication.data;
  return (
    <main className="page portal">
      <p className="no-print">
        <Link to="/portal">← {t('backToList')}</Link>
      </p>
      <div className="portal-tools no-print">
        <section aria-labelledby="downloads-title">
          <h2 id="downloads-title">{t('downloads')}</h2>
          <Downloads files={p.files} />
          <p className="muted">
            {t('publishedAt')} {formatDateTime(p.publishedAt)} · sha256{' '}
            <code className="hash">{p.sha256}</code>
          </p>
        </section>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <Suspense fallback={<Status>{t('loading')}</Status>}>
        <div className="no-print">
          <DisclosureCharts disclosure={p.disclosure} />
        </div>
      </Suspense>
      <DisclosureDocument disclosure={p.disclosure} />
    </main>
  );
}
