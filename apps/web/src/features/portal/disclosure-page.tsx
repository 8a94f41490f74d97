import { codePath, partTitles, type TDisclosure, type TDisclosureTable } from '@budgetflow/domain';
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { chinaDateTime } from '../../lib/dates';
import { useI18n, type TTranslate } from '../../lib/i18n';
import { Status } from '../../ui/status';
import { useDocumentTitle } from '../../ui/use-document-title';
import { DisclosureDocument } from '../disclosure/disclosure-document';
import { CorrectionNotice } from './correction-notice';
import { Digest } from './digest';
import { Downloads } from './downloads';
import { tableNumbers } from './file-names';
import { Explore } from './explore';
import { exploreHref } from './explore-href';
import { SupersededNotice } from './superseded-notice';
import { useDisclosure } from './use-disclosures';
import { useBreakdown } from './use-portal';
import { problemText } from '../../lib/problem-text';

const DisclosureCharts = lazy(() => import('./disclosure-charts'));

/** Tables whose rows are 功能 or 经济 codes open them in the drill-down. */
const FUNCTION_ROLES = new Set([
  'expenditure-summary',
  'general-public-function',
  'government-fund-function',
  'fiscal-summary',
]);
const ECONOMIC_ROLES = new Set(['general-public-basic-economic']);

/** The tab's name: 「硚口区大数据中心 2021年部门预算 · 预算公开」 (the portal's name while it loads). */
function pageTitle(meta: TDisclosure['meta'] | undefined, t: TTranslate): string {
  if (meta === undefined) return t('portalTitle');
  const name = meta.shortName ?? meta.departmentName;
  const page = meta.scope === 'unit' ? t('unitBudgetTitle', { unit: name, year: meta.fiscalYear }) : t('disclosureTitle', { department: name, year: meta.fiscalYear });
  return t('pageTitle', { page });
}

/**
 * One published disclosure: a notice when a correction has replaced it; its title, department,
 * year, 公开时间 and a summary; then the drill-down, the charts and the document itself, part for
 * part as its PDF; the downloads in a side panel (after the document on a phone).
 */
export function DisclosurePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const publication = useDisclosure(id);
  const breakdown = useBreakdown(id);
  // The charts' script is fetched and run while the page waits for its data, not on the first
  // click into the drill-down (evaluating it is one long task).
  useEffect(() => void import('./echarts-setup'), []);
  const names = breakdown.data?.names;
  const rowLink = useCallback(
    (table: TDisclosureTable, code: string) => {
      if (names === undefined) return undefined;
      if (FUNCTION_ROLES.has(table.role) && names.functional[code] !== undefined)
        return exploreHref('function', codePath(code, [3, 5, 7]));
      if (ECONOMIC_ROLES.has(table.role) && names.economic[code] !== undefined)
        return exploreHref('economic', codePath(code, [3, 5]));
      return undefined;
    },
    [names],
  );
  useDocumentTitle(pageTitle(publication.data?.disclosure.meta, t));
  if (publication.isPending) return <Status>{t('loading')}</Status>;
  if (publication.isError) return <Status error>{t('error', { reason: problemText(publication.error, t) })}</Status>;
  const p = publication.data;
  const { meta } = p.disclosure;
  return (
    <main className="page portal disclosure-page">
      <p className="no-print">
        <Link to="/portal">← {t('backToList')}</Link>
      </p>
      {!p.latest && <SupersededNotice latest={p.latestVersion} />}
      <header className="disclosure-head" lang="zh-CN">
        <h1>{partTitles(p.disclosure).document}</h1>
        <dl className="disclosure-facts">
          <div>
            <dt>{t('department')}</dt>
            <dd>{meta.departmentName}</dd>
          </div>
          <div>
            <dt>{t('year')}</dt>
            <dd>{meta.fiscalYear}</dd>
          </div>
          <div>
            <dt>{t('publishedAt')}</dt>
            <dd>
              {chinaDateTime(p.publishedAt)}
              {t('chinaTime')}
              {p.versionNo > 1 ? t('versionNo', { n: p.versionNo }) : ''}
            </dd>
          </div>
        </dl>
        {p.correction !== null && <CorrectionNotice correction={p.correction} versionNo={p.versionNo} />}
        <div className="no-print">
          {breakdown.isPending && <Status>{t('loading')}</Status>}
          {breakdown.data !== undefined && <Digest digest={breakdown.data.digest} />}
          <p>
            <a href="#downloads" className="downloads-jump">
              {t('downloadsJump')}
            </a>
          </p>
          <p className="compare-links">
            <Link to={`/portal/departments/${encodeURIComponent(meta.departmentCode)}`}>
              {t('compareYears')}
            </Link>
            <Link
              to={`/portal/compare?year=${meta.fiscalYear}&departments=${encodeURIComponent(meta.departmentCode)}`}
            >
              {t('compareDepartments')}
            </Link>
          </p>
        </div>
      </header>
      <div className="disclosure-layout">
        <div className="disclosure-body">
          {breakdown.data !== undefined && (
            <div className="no-print">
              <Explore data={breakdown.data} />
            </div>
          )}
          <Suspense fallback={null}>
            <div className="no-print">
              <DisclosureCharts disclosure={p.disclosure} />
            </div>
          </Suspense>
          <DisclosureDocument disclosure={p.disclosure} cover={false} rowLink={rowLink} />
        </div>
        <aside id="downloads" className="downloads-panel no-print" aria-labelledby="downloads-title">
          <h2 id="downloads-title">{t('downloads')}</h2>
          <Downloads files={p.files} tables={tableNumbers(p.disclosure.tables)} />
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </aside>
      </div>
    </main>
  );
}
