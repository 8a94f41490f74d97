import { Fragment } from 'react';
import { useI18n, type TTranslate } from '../../lib/i18n';
import type { TComplianceEntry, TUnitComplianceEntry } from './use-bureau';

/**
 * Per department: its 批复 date, the last day to publish, when it published, and whether on time;
 * under it, where its template prints a 单位 scope, each 二级单位's own 单位预算, due by the same day.
 */
export function ComplianceTable({ entries, caption }: { entries: readonly TComplianceEntry[]; caption: string }) {
  const { t } = useI18n();
  return (
    <table className="compliance-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('department')}</th>
          <th scope="col">{t('repliedOn')}</th>
          <th scope="col">{t('publishDeadline')}</th>
          <th scope="col">{t('publishedOn')}</th>
          <th scope="col">{t('complianceStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <Fragment key={e.department.code}>
            <tr className={`compliance-${e.status}`}>
              <th scope="row">{e.department.name}</th>
              <td>{e.repliedOn ?? '—'}</td>
              <td>{e.deadline ?? '—'}</td>
              <td>{e.publishedOn ?? '—'}</td>
              <td>{statusText(t, e)}</td>
            </tr>
            {e.units?.map((u) => <UnitRow key={u.unit.code} entry={u} />)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** The status in words, with the days it is late by, if any. */
function statusText(t: TTranslate, entry: TComplianceEntry | TUnitComplianceEntry): string {
  const status = t(`compliance_${entry.status}`);
  return entry.daysLate > 0 ? t('complianceDaysLate', { status, days: entry.daysLate }) : status;
}

/** A 二级单位's 单位预算, under its department. */
function UnitRow({ entry }: { entry: TUnitComplianceEntry }) {
  const { t } = useI18n();
  return (
    <tr className={`compliance-unit compliance-${entry.status}`}>
      <th scope="row">{t('complianceUnit', { unit: entry.unit.name })}</th>
      <td>{entry.repliedOn ?? '—'}</td>
      <td>{entry.deadline ?? '—'}</td>
      <td>{entry.publishedOn ?? '—'}</td>
      <td>{statusText(t, entry)}</td>
    </tr>
  );
}
