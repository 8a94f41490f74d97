import { useI18n } from '../../lib/i18n';
import { DistrictSearch } from './district-search';

/** Published budgets of the district, for anyone: searched, filtered by year, paged. */
export function PortalListPage() {
  const { t } = useI18n();
  return (
    <main className="page portal">
      <h1>{t('portalTitle')}</h1>
      <DistrictSearch />
    </main>
  );
}
