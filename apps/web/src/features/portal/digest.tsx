import { LARGEST_CLASSES, parseFen, shareOfTotal, type TDisclosureBreakdown } from '@budgetflow/domain';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { signedPercent, signedWan, wan } from './amounts';
import { exploreHref } from './explore-href';

/**
 * The first screen's summary: the total, its change on last year and why, and the three largest 功能 类.
 * Last year is as published where it is (the department's reason may explain its own 上年 figure).
 */
export function Digest({ digest }: { digest: TDisclosureBreakdown['digest'] }) {
  const { t } = useI18n();
  const total = parseFen(digest.total);
  return (
    <section className="digest" aria-labelledby="digest-title">
      <h2 id="digest-title" className="visually-hidden">
        {t('digestTitle')}
      </h2>
      <dl className="digest-figures">
        <div>
          <dt>{t('totalExpenditure')}</dt>
          <dd data-testid="digest-total">
            <strong>{wan(digest.total)}</strong> {t('wanAfterAmount')}
          </dd>
        </div>
        <div>
          <dt>
            {digest.lastYear === null
              ? t('changeOnLastYear')
              : t('changeOnYear', { year: digest.lastYear.year })}
          </dt>
          <dd>
            {digest.change === null
              ? t('noLastYear')
              : `${signedWan(digest.change.amount)} ${t('wanAfterAmount')}${digest.change.percent === null ? '' : `（${signedPercent(digest.change.percent)}）`}`}
            {digest.lastYear !== null && !digest.lastYear.stated && <span className="muted"> {t('comparedWithPublished')}</span>}
          </dd>
        </div>
        {digest.changeReason !== '' && (
          <div className="digest-reason">
            <dt>{t('changeReason')}</dt>
            <dd>{digest.changeReason}</dd>
          </div>
        )}
      </dl>
      <h3 className="digest-subtitle">{t('largestClasses')}</h3>
      <ol className="digest-classes">
        {digest.functionClasses.slice(0, LARGEST_CLASSES).map((c) => (
          <li key={c.code}>
            <Link to={exploreHref('function', [c.code])}>{c.name}</Link> {wan(c.amount)} {t('wanAfterAmount')}
            <span className="muted">
              （{total === 0 ? '0.0' : shareOfTotal(parseFen(c.amount), total)}%）
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
