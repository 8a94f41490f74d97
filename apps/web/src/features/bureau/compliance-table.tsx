import { useI18n } from '../../lib/i18n';
import type { TComplianceEntry } from './use-bureau';

/** Per department: its 批复 date, the last day to publish, when it published, and whether on time. */
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
          <tr key={e.department.code} className={`compliance-${e.status}`}>
            <th scope="row">{e.department.name}</th>
            <td>{e.repliedOn ?? '—'}</td>
            <td>{e.deadline ?? '—'}</td>
            <td>{e.publishedOn ?? '—'}</td>
            <td>{t(`compliance_${e.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
