import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { ReviewedList } from './reviewed-list';
import { useReviewQueue, type TQueuedBudget } from './use-review-queue';

/**
 * The finance bureau's queue by stage: what waits on the reviewer's own stage (their office's, or
 * a delegator's) first, then what is at other stages, to follow; each longest waiting first.
 * Below, what the reviewer decided (已审) stays. An administrator acts at no stage: all is to follow,
 * and there is nothing they decided (the API keeps 已审 to reviewers).
 */
export function ReviewerHome({ actsAtStages }: { actsAtStages: boolean }) {
  const { t } = useDeskI18n();
  const queue = useReviewQueue();
  return (
    <main className="page">
      <h1>{t('reviewQueue')}</h1>
      <QueryView query={queue} isEmpty={() => false}>
        {({ items }) => (
          <>
            {actsAtStages && <QueueTable id="queue-yours" title={t('queueYourStage')} empty={t('queueYourStageEmpty')} budgets={items.filter((b) => b.yourStage)} link={t('review')} />}
            <QueueTable id="queue-others" title={t('queueOtherStages')} empty={t('queueOtherStagesEmpty')} budgets={items.filter((b) => !b.yourStage)} link={t('follow')} />
          </>
        )}
      </QueryView>
      {actsAtStages && <ReviewedList />}
    </main>
  );
}

function QueueTable({ id, title, empty, budgets, link }: { id: string; title: string; empty: string; budgets: readonly TQueuedBudget[]; link: string }) {
  const { t } = useDeskI18n();
  const now = new Date();
  const waiting = (b: TQueuedBudget) => {
    const hours = Math.floor((now.getTime() - new Date(b.since).getTime()) / 3_600_000);
    return b.daysWaiting >= 1 ? t('days', { n: b.daysWaiting }) : hours >= 1 ? t('hours', { n: hours }) : t('underAnHour');
  };
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {budgets.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('department')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('reviewRound')}</th>
              <th scope="col">{t('queueStage')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => (
              <tr key={b.id}>
                <td>{b.department.name}</td>
                <td>{b.fiscalYear}</td>
                <td>{t(`round_${b.round}`)}</td>
                <td>{b.stage === null ? '—' : t('queueStageOf', { name: b.stage.name, n: b.stage.index + 1, count: b.stage.count })}</td>
                <td title={formatDateTime(b.since)}>{waiting(b)}</td>
                <td>
                  <Link to={`/budgets/${b.id}`}>{link}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
