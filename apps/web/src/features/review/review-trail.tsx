import type { BudgetState, WorkflowAction } from '@budgetflow/domain';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { roundText } from '../../lib/round-text';
import type { TBudgetReview } from './use-review';

/** Every stage sees the whole trail: who, when, at which stage, the opinion or the reason, and whether it changed since. */
export function ReviewTrail({ review, state }: { review: TBudgetReview; state: BudgetState }) {
  const { t } = useDeskI18n();
  return (
    <section aria-labelledby="trail-title">
      <h2 id="trail-title">{t('reviewTrail')}</h2>
      <p className="muted">
        {t('reviewRound')}：{roundText(t, review.round, state)}
        {review.stage !== null && ` · ${t('currentStage')}：${review.stage.stage.name}（${review.stage.index + 1}/${review.stage.count}）`}
        {review.reply !== null && ` · ${t('replyDocument')}：${review.reply.documentNo}（${review.reply.date}）`}
      </p>
      <p className="muted">
        {t('reviewChain')}：{review.chain.stages.map((s) => s.name).join(' → ')}
      </p>
      {review.trail.length === 0 ? (
        <p className="muted">{t('trailEmpty')}</p>
      ) : (
        <ol className="trail">
          {review.trail.map((e) => (
            <li key={e.id} data-action={e.action}>
              <strong>{t(`trail_${e.action as WorkflowAction}`)}</strong> · {formatDateTime(e.at)} · {e.actor.displayName}
              {e.onBehalfOf !== null && t('onBehalfOf', { name: e.onBehalfOf.displayName })}
              {e.stageName !== null && ` · ${e.stageName}`}
              {e.opinion !== null && <p>{t('opinion')}：{e.opinion}</p>}
              {e.reason !== null && <p>{t('reasonLabel')}：{e.reason}</p>}
              {e.documentNo !== null && (
                <p>
                  {t('replyDocument')}：{e.documentNo}（{e.repliedOn}）
                </p>
              )}
              {e.changedSince && <p className="muted">{t('changedSince')}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
