import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { useDocumentTitle } from '../../ui/use-document-title';
import { frozenSnap } from '../disclosure/frozen-snap';
import { wan } from './amounts';
import { useDepartmentComparison, useDistrictSearch } from './use-portal';

const MAX_DEPARTMENTS = 8;

/** Departments of one year side by side on their 功能 类; which ones is in the address (?year=&departments=). */
export function CompareDepartmentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const yearText = params.get('year');
  const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const chosen = (params.get('departments') ?? '')
    .split(',')
    .filter((c) => /^\w{1,20}$/.test(c))
    .slice(0, MAX_DEPARTMENTS);
  const ofYear = useDistrictSearch({ ...(year === undefined ? {} : { year }), page: 1 }, 100);
  const comparison = useDepartmentComparison(year, chosen);
  useDocumentTitle(t('pageTitle', { page: year === undefined ? t('compareDepartments') : t('compareTitle', { year }) }));
  const toggle = (code: string) => {
    const next = chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code];
    setParams({
      ...(year === undefined ? {} : { year: String(year) }),
      ...(next.length === 0 ? {} : { departments: next.join(',') }),
    });
  };
  return (
    <main className="page portal">
      <p>
        <Link to="/portal">← {t('backToList')}</Link>
      </p>
      <h1>{t('compareTitle', { year: year ?? '' })}</h1>
      <fieldset className="compare-pick">
        <legend>{t('compareChoose', { n: MAX_DEPARTMENTS })}</legend>
        {/* departments compare on their 部门预算: a unit's 单位预算 is consolidated in it */}
        {(ofYear.data?.items ?? [])
          .filter((d) => d.unit === null)
          .map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                checked={chosen.includes(d.department.code)}
                disabled={!chosen.includes(d.department.code) && chosen.length >= MAX_DEPARTMENTS}
                onChange={() => toggle(d.department.code)}
              />
              {d.department.name}
            </label>
          ))}
      </fieldset>
      {chosen.length > 0 && (
        <QueryView query={comparison} isEmpty={(c) => c.departments.length === 0}>
          {(c) => (
            <div className="grid-scroll" ref={frozenSnap} tabIndex={0} role="region" aria-labelledby="compare-caption">
              <table className="disclosure-grid compare-table">
                <caption id="compare-caption">{t('compareCaption', { year: c.fiscalYear })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="frozen">
                      {t('functionClass')}
                    </th>
                    {c.departments.map((d) => (
                      <th key={d.code} scope="col">
                        <Link to={`/portal/${d.publicationId}`}>{d.name}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr className="total">
                    <th scope="row" className="cell-name frozen">
                      {t('totalExpenditure')}
                    </th>
                    {c.departments.map((d) => (
                      <td key={d.code} className="cell-amount">
                        {wan(d.total)}
                      </td>
                    ))}
                  </tr>
                  {c.classes.map((cls, i) => (
                    <tr key={cls.code}>
                      <th scope="row" className="cell-name frozen">
                        {cls.code} {cls.name}
                      </th>
                      {c.departments.map((d) => (
                        <td key={d.code} className="cell-amount">
                          {wan(d.amounts[i] ?? '0.00')}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      )}
    </main>
  );
}
