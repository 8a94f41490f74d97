import { BUDGET_ROUNDS, ZReviewStage, type ReviewStage } from '@budgetflow/domain';
import { UnrecoverableError } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { ReviewerOfficesRepository } from '../../bureau/reviewer-offices.repository';

export const ZNotifyJobData = z.object({
  budgetId: z.uuid(),
  action: z.string().min(1),
  /** the round the step was taken in (absent in rows written before it was noted) */
  round: z.enum(BUDGET_ROUNDS).optional(),
  who: z.enum(['preparers', 'reviewers', 'publishers']),
  reason: z.string().optional(),
  /** for the reviewers: the stage the budget reached (or left, on withdraw); its office's reviewers hear of it */
  stage: ZReviewStage.optional(),
  /** the names of the stage the step was taken at and of the one the budget now waits on, for everyone notified */
  stageName: z.string().optional(),
  nextStageName: z.string().optional(),
  /** the statutory clock's notice of a 二级单位's 单位预算: the unit, and the last day of its 20 days */
  unitCode: z.string().optional(),
  dueOn: z.iso.date().optional(),
});

/**
 * Who hears of a budget's step: its department's preparers or publishers; the reviewers of the
 * stage (ReviewerOfficesRepository.ofStage); for a row written before stages were named, the
 * reviewers whose scope covers the department (all departments, or those assigned to them).
 */
const RECIPIENTS: Record<z.output<typeof ZNotifyJobData>['who'], string> = {
  // a unit's budget: the unit's preparers; the 部门预算: the department's own (not its units')
  preparers: `SELECT u.id FROM users u JOIN budgets b ON b.department_id = u.department_id
              WHERE b.id = $1 AND u.role = 'preparer' AND u.active AND u.unit_code IS NOT DISTINCT FROM b.unit_code`,
  // the department's publishers, who also publish its units' 单位预算 where the template has a 单位 scope
  publishers: `SELECT u.id FROM users u JOIN budgets b ON b.department_id = u.department_id WHERE b.id = $1 AND u.role = 'publisher' AND u.active`,
  reviewers: `SELECT u.id FROM users u, budgets b WHERE b.id = $1 AND u.role = 'reviewer' AND u.active
              AND (u.review_all OR EXISTS (SELECT 1 FROM reviewer_departments rd WHERE rd.user_id = u.id AND rd.department_id = b.department_id))`,
};

/** In-app notifications of one workflow step, written with the outbox row's `done_at`: once, whatever reruns. */
export class NotifyJob {
  private readonly offices = new ReviewerOfficesRepository();

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: TOutboxJobData): Promise<string> {
    const parsed = ZNotifyJobData.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad notify payload: ${parsed.error.message}`);
    const { budgetId, action, round, who, reason, stage, stageName, nextStageName, unitCode, dueOn } = parsed.data;
    const inserted = await this.dataSource.transaction(async (m) => {
      const recipients = who === 'reviewers' && stage !== undefined ? await this.reviewersOfStage(m, budgetId, stage) : undefined;
      const rows: unknown[] = await m.query(
        `INSERT INTO notifications (user_id, budget_id, action, reason, outbox_id, stage_name, next_stage_name, round, unit_code, due_on)
         SELECT r.id, $1, $2, $3, $4, $5, $6, $7, $8, $9::date FROM (${recipients === undefined ? RECIPIENTS[who] : `SELECT unnest($10::uuid[]) AS id`}) r
         ON CONFLICT (outbox_id, user_id) DO NOTHING RETURNING id`,
        [budgetId, action, reason ?? null, data.outboxId, stageName ?? null, nextStageName ?? null, round ?? null, unitCode ?? null, dueOn ?? null, ...(recipients === undefined ? [] : [recipients])],
      );
      await m.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
      return rows.length;
    });
    return `notified ${inserted} ${who}`;
  }

  private async reviewersOfStage(m: EntityManager, budgetId: string, stage: ReviewStage): Promise<string[]> {
    const rows: { code: string }[] = await m.query(`SELECT d.code FROM budgets b JOIN departments d ON d.id = b.department_id WHERE b.id = $1`, [budgetId]);
    const code = rows[0]?.code;
    return code === undefined ? [] : this.offices.ofStage(m, stage, code);
  }
}
