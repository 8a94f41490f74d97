import type { WorkflowAction } from '@budgetflow/domain';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { roundText } from '../../lib/round-text';
import { StateBadge } from '../../ui/state-badge';
import { useReviewed } from '../review/use-review';

/** 已审: what the reviewer approved or returned stays on their desk, with where it is now. */
export function ReviewedList() {
  const { t } = useDeskI18n();
  const reviewed = useReviewed();
  const items = reviewed.data?.items ?? [];
  return (
    <section aria-labelledby="reviewed-title">
      <h2 id="reviewed-title">{t('reviewed')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('reviewedEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('department')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('lastAction')}</th>
              <th scope="col">{t('reviewRound')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/budgets/${b.id}`}>{b.departmentName}</Link>
                </td>
                <td>{b.fiscalYear}</td>
                <td>
                  {t(`trail_${b.lastAction as WorkflowAction}`)}
                  {b.stageName !== null && `（${b.stageName}）`} · {formatDateTime(b.at)}
                </td>
                <td>{roundText(t, b.round, b.state)}</td>
                <td>
                  <StateBadge state={b.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
