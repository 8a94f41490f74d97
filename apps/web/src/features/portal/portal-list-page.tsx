import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { useDisclosures } from './use-disclosures';

/** Published budgets by year and department, for anyone. */
export function PortalListPage() {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const all = useDisclosures({});
  const filtered = useDisclosures({
    ...(year === undefined ? {} : { year }),
    ...(department === undefined ? {} : { department }),
  });
  const everything = all.data?.items ?? [];
  const years = [...new Set(everything.map((d) => d.fiscalYear))].sort((a, b) => b - a);
  const departments = [...new Map(everything.map((d) => [d.department.code, d.department.name])).entries()];
  return (
    <main className="page portal">
      <h1>{t('portalTitle')}</h1>
      <div className="toolbar" role="search">
        <label>
          {t('year')}
          <select
            value={year ?? ''}
            onChange={(e) => setYear(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">{t('allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('department')}
          <select
            value={department ?? ''}
            onChange={(e) => setDepartment(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">{t('allDepartments')}</option>
            {departments.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p>
        <Link to="/portal/compliance">{t('complianceLink')}</Link>
      </p>
      <h2>{t('disclosures')}</h2>
      <QueryView query={filtered} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <ul className="disclosure-list">
            {page.items.map((d) => (
              <li key={d.id}>
                <Link to={`/portal/${d.id}`}>
                  {t('disclosureTitle', { department: d.department.name, year: d.fiscalYear })}
                  {d.versionNo > 1 ? t('versionNo', { n: d.versionNo }) : ''}
                </Link>
                <span className="muted">
                  {t('publishedAt')} {formatDateTime(d.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </main>
  );
}
