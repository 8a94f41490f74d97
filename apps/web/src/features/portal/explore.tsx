import {
  BREAKDOWN_DIMENSIONS,
  drillDown,
  shareOfTotal,
  parseFen,
  type TBreakdownDimension,
  type TDisclosureBreakdown,
} from '@budgetflow/domain';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import type { TMessageKey } from '../../lib/i18n-messages';
import { wan } from './amounts';
import { frozenSnap } from '../disclosure/frozen-snap';
import { exploreHref, exploreOf } from './explore-href';

const ExploreChart = lazy(() => import('./explore-chart'));

const DIMENSION_LABELS: Record<TBreakdownDimension, TMessageKey> = {
  function: 'byFunction',
  economic: 'byEconomic',
  unit: 'byUnit',
  'fund-source': 'byFundSource',
};

/**
 * The drill-down (支出明细): the published expenditure shown by function, economic class, unit or
 * fund source; a row opens what it is made of, down to the basic/project split. The view lives in
 * the address (?by=…&path=…), so every view has a link to share, and works as plain links without
 * the chart's script. The 编码 column only where the rows have official codes (a fund source has none).
 */
export function Explore({ data }: { data: TDisclosureBreakdown }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const location = useLocation();
  const { by, path } = exploreOf(params);
  const view = useMemo(() => drillDown(data, by, path), [data, by, path.join(',')]);
  const codes = view.path.map((s) => s.code);
  useEffect(() => {
    // A shared link opens on the view it names.
    if (location.hash === '#explore') document.getElementById('explore')?.scrollIntoView();
  }, [location.hash, location.search]);
  const total = parseFen(view.total.total);
  return (
    <section id="explore" className="explore" aria-labelledby="explore-title">
      <h2 id="explore-title">{t('exploreTitle')}</h2>
      <nav aria-label={t('exploreBy')} className="explore-switch">
        {BREAKDOWN_DIMENSIONS.map((d) => (
          <Link
            key={d}
            to={exploreHref(d, [])}
            aria-current={d === by ? 'true' : undefined}
            className={d === by ? 'current' : undefined}
          >
            {t(DIMENSION_LABELS[d])}
          </Link>
        ))}
      </nav>
      <nav aria-label={t('explorePath')}>
        <ol className="breadcrumb" data-testid="explore-path">
          <li>
            <Link to={exploreHref(by, [])}>{t('allExpenditure')}</Link>
          </li>
          {view.path.map((step, i) => (
            <li key={step.code}>
              {i === view.path.length - 1 ? (
                <span aria-current="location">
                  {step.level} {step.name}
                </span>
              ) : (
                <Link to={exploreHref(by, codes.slice(0, i + 1))}>
                  {step.level} {step.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <p>
        {t('exploreTotal', {
          total: wan(view.total.total),
          basic: wan(view.total.basic),
          project: wan(view.total.project),
        })}
      </p>
      {view.rows.length > 1 && (
        <Suspense fallback={null}>
          <ExploreChart view={view} />
        </Suspense>
      )}
      <div className="grid-scroll" ref={frozenSnap} tabIndex={0} role="region" aria-labelledby="explore-caption">
        <table className="disclosure-grid explore-table">
          <caption id="explore-caption">
            {view.rowLevel === undefined ? t('exploreSplit') : t('exploreRows', { level: view.rowLevel })}（
            {t('unitWan')}）
          </caption>
          <thead>
            <tr>
              {view.rowCodes && <th scope="col">{t('code')}</th>}
              <th scope="col" className="frozen">
                {t('name')}
              </th>
              <th scope="col">{t('amountTotal')}</th>
              <th scope="col">{t('basic')}</th>
              <th scope="col">{t('projectSpend')}</th>
              <th scope="col">{t('share')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.code}>
                {view.rowCodes && <td className="cell-code">{row.code}</td>}
                <th scope="row" className="cell-name frozen">
                  {view.rowLevel === undefined ? (
                    row.name
                  ) : (
                    <Link to={exploreHref(by, [...codes, row.code])}>{row.name}</Link>
                  )}
                </th>
                <td className="cell-amount">{wan(row.total)}</td>
                <td className="cell-amount">{wan(row.basic)}</td>
                <td className="cell-amount">{wan(row.project)}</td>
                <td className="cell-percent">
                  {total === 0 ? '' : `${shareOfTotal(parseFen(row.total), total)}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="share-link">
        {t('shareLink')}{' '}
        <a href={`${location.pathname}${exploreHref(by, codes)}`} data-testid="share-link">
          {`${window.location.origin}${location.pathname}${exploreHref(by, codes)}`}
        </a>
      </p>
    </section>
  );
}
