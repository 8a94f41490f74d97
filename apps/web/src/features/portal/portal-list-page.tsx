import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { DistrictSearch } from './district-search';

/** Published budgets of the district, for anyone: searched, filtered by year, paged. */
export function PortalListPage() {
  const { t } = useI18n();
  useDocumentTitle(t('portalTitle'));
  return (
    <main className="page portal">
      <h1>{t('portalTitle')}</h1>
      <DistrictSearch />
    </main>
  );
}
