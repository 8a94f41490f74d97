import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { ComplianceTable } from '../bureau/compliance-table';
import { usePublicCompliance } from '../bureau/use-bureau';
import { YearField } from '../bureau/year-field';

/** For anyone: which departments published their budget within 20 days of its 批复. */
export function CompliancePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  // a link from the district search carries its year (?year=)
  const [year, setYear] = useState(() => Number(params.get('year')) || new Date().getFullYear());
  const compliance = usePublicCompliance(year);
  return (
    <main className="page portal" aria-labelledby="compliance-title">
      <h1 id="compliance-title">{t('complianceTitle')}</h1>
      <p className="muted">{t('complianceRule')}</p>
      <div className="toolbar" role="search">
        <YearField year={year} onChange={setYear} />
      </div>
      <QueryView query={compliance} isEmpty={(answer) => answer.items.length === 0}>
        {(answer) => <ComplianceTable entries={answer.items} caption={t('complianceCaption', { today: answer.today })} />}
      </QueryView>
      <p>
        <Link to="/portal">{t('backToList')}</Link>
      </p>
    </main>
  );
}
