import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { ComplianceTable } from '../bureau/compliance-table';
import { usePublicCompliance } from '../bureau/use-bureau';

/** For anyone: which departments published their budget within 20 days of its 批复. */
export function CompliancePage() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const compliance = usePublicCompliance(year);
  return (
    <main className="page portal" aria-labelledby="compliance-title">
      <h1 id="compliance-title">{t('complianceTitle')}</h1>
      <p className="muted">{t('complianceRule')}</p>
      <div className="toolbar" role="search">
        <label>
          {t('year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
        </label>
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
