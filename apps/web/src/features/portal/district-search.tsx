import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { chinaDateTime } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { QueryView } from '../../ui/query-view';
import { wan } from './amounts';
import { useDistrictSearch } from './use-portal';

const PAGE_SIZE = 20;
/** The longest search the API takes (its `q`): the field stops there rather than refuse. */
const SEARCH_MAX = 100;
/** The years a budget can be of (ZFiscalYear): another one in the address has no disclosures to look for. */
const isFiscalYear = (year: number) => year >= 2000 && year <= 2100;

/**
 * The district's published disclosures (the newest version of each), searched by department name,
 * 功能科目 name or code and year, a page at a time. The search is a plain GET form, so the address
 * says what was searched (a link to share, the back button) and it works before any script.
 */
export function DistrictSearch() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'year']) {
      const value = String(form.get(key) ?? '').trim();
      if (value !== '') next.set(key, value);
    }
    void navigate(`?${next.toString()}`);
  };
  const q = params.get('q')?.trim().slice(0, SEARCH_MAX) || undefined;
  const yearText = params.get('year')?.trim() || null;
  const asked = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const year = asked !== undefined && isFiscalYear(asked) ? asked : undefined;
  // A year no budget can be of (1999, 「明年」) is answered as what it is: none published then.
  const noSuchYear = yearText !== null && year === undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = useDistrictSearch(
    { ...(q === undefined ? {} : { q }), ...(year === undefined ? {} : { year }), page },
    PAGE_SIZE,
  );
  const published = search.data?.years ?? [];
  const linesYear =
    year === undefined
      ? noSuchYear
        ? undefined
        : published[0]
      : published.includes(year)
        ? year
        : undefined;
  const pageHref = (n: number) =>
    `?${new URLSearchParams({ ...(q === undefined ? {} : { q }), ...(year === undefined ? {} : { year: String(year) }), page: String(n) }).toString()}`;
  return (
    <>
      <form
        role="search"
        className="toolbar district-search"
        method="get"
        action="/portal"
        onSubmit={submit}
        key={`${q ?? ''}|${year ?? ''}`}
      >
        <label>
          {t('searchLabel')}
          <input
            type="search"
            name="q"
            defaultValue={q ?? ''}
            placeholder={t('searchPlaceholder')}
            maxLength={SEARCH_MAX}
          />
        </label>
        <label>
          {t('year')}
          <select name="year" defaultValue={year ?? ''}>
            <option value="">{t('allYears')}</option>
            {(search.data?.years ?? []).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      <p>
        <Link to={`/portal/compliance${year === undefined ? '' : `?year=${year}`}`}>
          {t('complianceList')}
        </Link>
        {year !== undefined && (
          <>
            {' · '}
            <Link to={`/portal/compare?year=${year}`}>{t('compareDepartments')}</Link>
          </>
        )}
      </p>
      {/* The district's lines of the year searched, else of the newest year published: one file for a journalist from the first page. */}
      {linesYear !== undefined && <DistrictLines year={linesYear} />}
      {/* 单位预算 are listed beside the 部门预算 where a template has a 单位 scope: the heading names them then. */}
      <h2 id="results-title">
        {t(search.data?.items.some((d) => d.unit !== null) === true ? 'disclosuresWithUnits' : 'disclosures')}
      </h2>
      {noSuchYear ? (
        <p>{t('noDisclosuresOfYear', { year: yearText })}</p>
      ) : (
        <QueryView
          query={search}
          isEmpty={(r) => r.total === 0}
          empty={year === undefined ? undefined : <p>{t('noDisclosuresOfYear', { year })}</p>}
        >
          {(result) =>
            result.items.length === 0 ? (
              <p>
                {t('pageBeyondLast', {
                  page: result.page,
                  pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
                })}{' '}
                <Link to={pageHref(1)}>{t('firstPage')}</Link>
              </p>
            ) : (
              <>
                <p className="muted" aria-live="polite">
                  {t('searchCount', { total: result.total })}
                </p>
                <ul className="disclosure-list" aria-labelledby="results-title">
                  {result.items.map((d) => (
                    <li key={d.id}>
                      <Link to={`/portal/${d.id}`}>
                        {d.unit === null
                          ? t('disclosureTitle', { department: d.department.name, year: d.fiscalYear })
                          : t('unitDisclosureTitle', {
                              department: d.department.name,
                              unit: d.unit.name,
                              year: d.fiscalYear,
                            })}
                        {d.versionNo > 1 ? t('versionNo', { n: d.versionNo }) : ''}
                      </Link>
                      <span>
                        {t('totalExpenditure')} {wan(d.total)} {t('wanAfterAmount')}
                      </span>
                      <span className="muted">
                        {t('publishedAt')} {chinaDateTime(d.publishedAt)}
                      </span>
                      {d.matchedFunctions.length > 0 && (
                        <span className="matched">
                          {t('matchedFunctions')}
                          {d.matchedFunctions
                            .slice(0, 5)
                            .map((f) => `${f.code} ${f.name}`)
                            .join('；')}
                        </span>
                      )}
                      <Link to={`/portal/departments/${encodeURIComponent(d.department.code)}`}>
                        {t('compareYears')}
                      </Link>
                    </li>
                  ))}
                </ul>
                <nav aria-label={t('pages')} className="pager">
                  {result.page > 1 && <Link to={pageHref(result.page - 1)}>{t('previousPage')}</Link>}
                  <span>
                    {t('pageOf', {
                      page: result.page,
                      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
                    })}
                  </span>
                  {result.page * result.pageSize < result.total && (
                    <Link to={pageHref(result.page + 1)}>{t('nextPage')}</Link>
                  )}
                </nav>
              </>
            )
          }
        </QueryView>
      )}
    </>
  );
}

/** The district's lines of the year in one file, for whoever slices them (a journalist, OpenSpending). */
function DistrictLines({ year }: { year: number }) {
  const { t } = useI18n();
  const base = `/api/public/open-data/${year}`;
  return (
    <p>
      <strong>{t('districtLines', { year })}</strong>{' '}
      <a href={`${base}/lines.xlsx`} download>
        {t('districtLinesXlsx')}
      </a>
      {' · '}
      <a href={`${base}/lines.csv`} download>
        {t('formatCsv')}
      </a>
      {' · '}
      <a href={`${base}/datapackage.json`}>{t('districtLinesPackage')}</a>
    </p>
  );
}
