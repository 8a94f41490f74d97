import type { TDepartmentYears } from '@budgetflow/domain';
import { Link, useParams } from 'react-router';
import { useI18n, type TTranslate } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { useDocumentTitle } from '../../ui/use-document-title';
import { frozenSnap } from '../disclosure/frozen-snap';
import { signedPercent, signedWan, wan } from './amounts';
import { useDepartmentYears } from './use-portal';

/**
 * What a year's change is on (compareYears): the year before as published, else the 上年预算数 the
 * year's own budget states (its first published year, or one after a gap), else nothing.
 */
function basisOf(previous: TDepartmentYears['years'][number]['previous'], t: TTranslate): string {
  if (previous === null) return t('noLastYearBasis');
  return t(previous.stated ? 'comparedWithStated' : 'comparedWithPublished');
}

/** One department across its published years: the total, the change on the year before and the reason it gave. */
export function CompareYearsPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const years = useDepartmentYears(code);
  const department = years.data?.department.name;
  useDocumentTitle(t('pageTitle', { page: department === undefined ? t('compareYears') : t('yearsTitle', { department }) }));
  return (
    <main className="page portal">
      <p>
        <Link to="/portal">← {t('backToList')}</Link>
      </p>
      <QueryView query={years} isEmpty={(d) => d.years.length === 0}>
        {(d) => (
          <>
            <h1>{t('yearsTitle', { department: d.department.name })}</h1>
            <div className="grid-scroll" ref={frozenSnap} tabIndex={0} role="region" aria-labelledby="years-caption">
              <table className="disclosure-grid compare-table years-table">
                <caption id="years-caption">{t('yearsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="frozen">
                      {t('year')}
                    </th>
                    <th scope="col">{t('totalExpenditure')}</th>
                    <th scope="col">{t('changeOnLastYear')}</th>
                    <th scope="col">{t('changeRate')}</th>
                    <th scope="col">{t('changeReason')}</th>
                    <th scope="col">{t('largestClasses')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.years].reverse().map((y) => (
                    <tr key={y.fiscalYear}>
                      <th scope="row" className="cell-year frozen">
                        <Link to={`/portal/${y.publicationId}`}>{y.fiscalYear}</Link>
                      </th>
                      <td className="cell-amount">{wan(y.total)}</td>
                      <td className="cell-amount">
                        {y.change === null ? '—' : signedWan(y.change.amount)}
                        <span className="basis muted">{basisOf(y.previous, t)}</span>
                      </td>
                      <td className="cell-percent">{y.change?.percent == null ? '—' : signedPercent(y.change.percent)}</td>
                      <td className="cell-reason">
                        {y.reason === '' ? <span className="muted">{t('noReasonGiven')}</span> : y.reason}
                      </td>
                      <td className="cell-classes">
                        {y.functionClasses
                          .slice(0, 3)
                          .map((c) => c.name)
                          .join('、')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.years.length >= 2 && (
              <p>
                <Link
                  to={`/portal/compare?year=${d.years.at(-1)?.fiscalYear ?? ''}&departments=${encodeURIComponent(d.department.code)}`}
                >
                  {t('compareDepartments')}
                </Link>
              </p>
            )}
          </>
        )}
      </QueryView>
    </main>
  );
}
