import type { BudgetRound, ReviewStage, WorkflowEffect } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The transactional outbox: rows written in the transaction of the change that causes them, so a
 * notification or a rendering is queued if and only if the change committed. A relay (the jobs'
 * worker) reads `WHERE processed_at IS NULL ORDER BY id`, enqueues each row under the job id
 * `outbox:<id>` and sets processed_at.
 *
 * Topics: `budget.notify` {budgetId, action, round, who, reason?, stage?, stageName?, nextStageName?} and `budget.render-revision`
 * {budgetId, revisionNo} at approval (addApproved); `budget.render-publication` rows are no longer
 * written (publish copies the checked files itself) but those of before are still worked. The revision
 * effects (freeze, unfreeze, open), keep-proposal and record-reply are
 * carried out inside the transaction itself and need no relay.
 */
@Injectable()
export class OutboxRepository {
  async add(m: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await m.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [topic, JSON.stringify(payload)]);
  }

  /** The approved revision's files are rendered at once, so that the publisher reads what publishing would publish. */
  async addApproved(m: EntityManager, budgetId: string, revisionNo: number): Promise<void> {
    await this.add(m, 'budget.render-revision', { budgetId, revisionNo });
  }

  /**
   * The outbox rows of a transition's effects; revision effects return nothing to relay. `stage` is
   * the one the reviewers hear of: the stage reached, the one left on withdraw, the first for an adjustment;
   * `stageName` the stage acted at and `nextStageName` the one reached, which every notified person reads;
   * `round` the round acted in (a unit's approval by its department is not the bureau's 批复).
   */
  async addEffects(
    m: EntityManager,
    effects: readonly WorkflowEffect[],
    facts: { budgetId: string; action: string; round: BudgetRound; stage: ReviewStage | undefined; stageName?: string | undefined; nextStageName?: string | undefined },
  ): Promise<void> {
    for (const effect of effects) {
      switch (effect.type) {
        case 'notify':
          await this.add(m, 'budget.notify', {
            budgetId: facts.budgetId,
            action: facts.action,
            round: facts.round,
            who: effect.who,
            ...(effect.reason === undefined ? {} : { reason: effect.reason }),
            ...(effect.who === 'reviewers' && facts.stage !== undefined ? { stage: facts.stage } : {}),
            ...(facts.stageName === undefined ? {} : { stageName: facts.stageName }),
            ...(facts.nextStageName === undefined ? {} : { nextStageName: facts.nextStageName }),
          });
          break;
        // Publishing copies the revision's checked files in its own transaction (PublicationGate).
        case 'render-publication':
        case 'freeze-revision':
        case 'unfreeze-revision':
        case 'open-revision':
        case 'keep-proposal':
        case 'record-reply':
        case 'open-adjustment':
        case 'record-adjustment':
        case 'record-sign-off':
        case 'consolidate-unit':
          break;
      }
    }
  }
}
