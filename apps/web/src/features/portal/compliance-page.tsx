import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { Status } from '../../ui/status';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ComplianceTable } from '../bureau/compliance-table';
import { usePublicCompliance } from '../bureau/use-bureau';
import { YearField } from '../bureau/year-field';
import { usePublishedYears } from './use-portal';

/**
 * The public compliance list, opened on the year a link from the district search carries (?year=),
 * else on the newest year anything was published: the calendar's year has nothing to report for
 * months. The calendar's year stands in only while nothing is published or the years could not be
 * read. It waits for the years rather than show one year and jump to another.
 */
export function CompliancePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const years = usePublishedYears();
  useDocumentTitle(t('complianceTitle'));
  if (years.isPending) return <Status>{t('loading')}</Status>;
  const known = years.data ?? [];
  const initialYear = Number(params.get('year')) || known[0] || new Date().getFullYear();
  return <Compliance initialYear={initialYear} years={known} />;
}

/**
 * For anyone: which departments published their budget within 20 days of its 批复. The year chosen
 * is written into the address, so the view can be shared and the back button returns to it.
 */
function Compliance({ initialYear, years }: { initialYear: number; years: readonly number[] }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const [, setParams] = useSearchParams();
  const choose = (next: number) => {
    setYear(next);
    setParams({ year: String(next) });
  };
  const compliance = usePublicCompliance(year);
  return (
    <main className="page portal" aria-labelledby="compliance-title">
      <h1 id="compliance-title">{t('complianceTitle')}</h1>
      <p className="muted">{t('complianceRule')}</p>
      <div className="toolbar" role="search">
        <YearField year={year} onChange={choose} suggested={years} />
      </div>
      <QueryView query={compliance} isEmpty={(answer) => answer.items.length === 0}>
        {(answer) => (
          <ComplianceTable entries={answer.items} caption={t('complianceCaption', { today: answer.today })} />
        )}
      </QueryView>
      <p>
        <Link to="/portal">{t('backToList')}</Link>
      </p>
    </main>
  );
}
