import { useState } from 'react';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { groupYuan } from '../../lib/yuan-text';
import { useCatalogueInForce } from '../editor/use-catalogue';
import { compareAdjustment, type TComparisonRow } from './adjustment-comparison';
import { useAdjustments, type TAdjustment } from './use-adjustments';

/**
 * 预算调整 as every desk of the budget shows it: each adjustment's kind, reason and 批复, and its
 * 年初预算 / 调整数 / 调整后预算 per 功能科目 or per line. Nothing when the budget has none.
 */
export function AdjustmentsPanel({ budgetId, fiscalYear }: { budgetId: string; fiscalYear: number }) {
  const { t } = useDeskI18n();
  const adjustments = useAdjustments(budgetId);
  const items = adjustments.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="adjustments-title" className="adjustments">
      <h2 id="adjustments-title">{t('adjustmentsTitle')}</h2>
      {items.map((a) => (
        <Adjustment key={a.id} adjustment={a} fiscalYear={fiscalYear} />
      ))}
    </section>
  );
}

function Adjustment({ adjustment: a, fiscalYear }: { adjustment: TAdjustment; fiscalYear: number }) {
  const { t } = useDeskI18n();
  const [by, setBy] = useState<'function' | 'line'>('function');
  const catalogue = useCatalogueInForce(fiscalYear);
  // A code with its name in the year's catalogue; the code alone while it loads or lacks one.
  const named = (code: string, names: ReadonlyMap<string, { name: string }> | undefined) => [code, names?.get(code)?.name].filter((part) => part !== undefined).join(' ');
  const { rows, total } = compareAdjustment(a.lines, by);
  const title = t('adjustmentOf', { kind: t(`adjustKind_${a.kind}`), reason: a.reason });
  return (
    <article aria-label={title}>
      <h3>{title}</h3>
      <p className="muted">
        {t('adjustmentRequestedAt')}：{formatDateTime(a.requestedAt)} · {t('adjustmentBase', { n: a.baseRevisionNo })} ·{' '}
        {a.documentNo === null ? t('adjustmentInReview') : t('adjustmentReplied', { documentNo: a.documentNo, date: a.repliedOn ?? '' })}
      </p>
      <div className="toolbar" role="group" aria-label={title}>
        {(['function', 'line'] as const).map((view) => (
          <button key={view} type="button" aria-pressed={by === view} onClick={() => setBy(view)}>
            {view === 'function' ? t('adjustmentByFunction') : t('adjustmentByLine')}
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('adjustmentNoLines')}</p>
      ) : (
        <table className="list">
          <caption className="muted">{t('adjustmentUnit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('functionCode')}</th>
              {by === 'line' && <th scope="col">{t('economicCode')}</th>}
              <th scope="col" className="cell-amount">
                {t('adjustmentOriginal')}
              </th>
              <th scope="col" className="cell-amount">
                {t('adjustmentChange')}
              </th>
              <th scope="col" className="cell-amount">
                {t('adjustmentAdjusted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.adjustment === '0.00' ? undefined : 'changed'}>
                <th scope="row">{named(r.functionCode, catalogue?.functional)}</th>
                {by === 'line' && r.economicCode !== null && <td>{named(r.economicCode, catalogue?.economic)}</td>}
                <Amounts row={r} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={by === 'line' ? 2 : 1}>
                {t('adjustmentTotal')}
              </th>
              <Amounts row={total} />
            </tr>
          </tfoot>
        </table>
      )}
    </article>
  );
}

function Amounts({ row }: { row: TComparisonRow }) {
  return (
    <>
      <td className="cell-amount">{groupYuan(row.original)}</td>
      <td className="cell-amount">{groupYuan(row.adjustment)}</td>
      <td className="cell-amount">{groupYuan(row.adjusted)}</td>
    </>
  );
}
