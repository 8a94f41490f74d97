import type { BudgetRound, ReviewChain, WorkflowAction } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TDepartmentScope } from '../../common/scope/department-scope';
import type { TIndicators, TReviewed } from './dto/review-trail.schema';

export interface TTrailEntry {
  budgetId: string;
  revisionNo: number;
  round: BudgetRound;
  stageIndex: number | null;
  stageName: string | null;
  action: WorkflowAction;
  actorId: string;
  onBehalfOfId: string | null;
  opinion: string | null;
  reason: string | null;
  documentNo: string | null;
  repliedOn: string | null;
}

export interface TTrailRow {
  id: string;
  at: Date;
  revisionNo: number;
  round: BudgetRound;
  stageIndex: number | null;
  stageName: string | null;
  action: WorkflowAction;
  actor: { username: string; displayName: string };
  onBehalfOf: { username: string; displayName: string } | null;
  opinion: string | null;
  reason: string | null;
  documentNo: string | null;
  repliedOn: string | null;
  /** whether the budget's content now (its latest revision) differs from the one the step saw */
  changedSince: boolean;
}

export interface TInReviewRow {
  id: string;
  department_code: string;
  department_name: string;
  fiscal_year: number;
  round: BudgetRound;
  stage_index: number | null;
  /** null for a budget submitted before chains existed */
  review_chain: ReviewChain | null;
  /** a unit's budget (in a department reviewer's queue): its unit */
  unit_code: string | null;
  unit_name: string | null;
  since: Date;
}

/** Where a budget stands in the two rounds and its chain, as stored beside its state. */
export interface TChainPlace {
  round: BudgetRound;
  stageIndex: number | null;
  chain: ReviewChain | null;
  proposalRevisionNo: number | null;
  reply: { documentNo: string; date: string } | null;
}

/** The review trail (append-only) and the budget's place in its chain. */
@Injectable()
export class ReviewTrailRepository {
  async append(m: EntityManager, e: TTrailEntry): Promise<void> {
    await m.query(
      `INSERT INTO budget_reviews (budget_id, revision_no, round, stage_index, stage_name, action, actor_id, on_behalf_of_id, opinion, reason, document_no, replied_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [e.budgetId, e.revisionNo, e.round, e.stageIndex, e.stageName, e.action, e.actorId, e.onBehalfOfId, e.opinion, e.reason, e.documentNo, e.repliedOn],
    );
  }

  async list(m: EntityManager, budgetId: string): Promise<TTrailRow[]> {
    return m.query(
      `SELECT r.id::text, r.at, r.revision_no AS "revisionNo", r.round, r.stage_index AS "stageIndex", r.stage_name AS "stageName", r.action,
              json_build_object('username', a.username, 'displayName', a.display_name) AS actor,
              CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('username', b.username, 'displayName', b.display_name) END AS "onBehalfOf",
              r.opinion, r.reason, r.document_no AS "documentNo", to_char(r.replied_on, 'YYYY-MM-DD') AS "repliedOn",
              COALESCE(seen.sha256 <> latest.sha256, false) AS "changedSince"
       FROM budget_reviews r JOIN users a ON a.id = r.actor_id LEFT JOIN users b ON b.id = r.on_behalf_of_id
       -- A newer revision is no change when its content is the same (a return answered by resubmitting as it was).
       LEFT JOIN revisions seen ON seen.budget_id = r.budget_id AND seen.revision_no = r.revision_no
       LEFT JOIN LATERAL (SELECT sha256 FROM revisions WHERE budget_id = r.budget_id ORDER BY revision_no DESC LIMIT 1) latest ON true
       WHERE r.budget_id = $1 ORDER BY r.id`,
      [budgetId],
    );
  }

  async place(m: EntityManager, budgetId: string): Promise<TChainPlace> {
    const rows: { round: BudgetRound; stage_index: number | null; review_chain: ReviewChain | null; proposal_revision_no: number | null; reply_document_no: string | null; replied_on: string | null }[] =
      await m.query(
        `SELECT round, stage_index, review_chain, proposal_revision_no, reply_document_no, to_char(replied_on, 'YYYY-MM-DD') AS replied_on FROM budgets WHERE id = $1`,
        [budgetId],
      );
    const row = rows[0];
    if (row === undefined) throw new Error(`budget ${budgetId} vanished`);
    return {
      round: row.round,
      stageIndex: row.stage_index,
      chain: row.review_chain,
      proposalRevisionNo: row.proposal_revision_no,
      reply: row.reply_document_no === null || row.replied_on === null ? null : { documentNo: row.reply_document_no, date: row.replied_on },
    };
  }

  /**
   * Moves the budget in its rounds and chain, under the row lock of the transition. The chain is
   * copied at the first submission and kept: an administrator's later edit does not touch it.
   */
  async move(
    m: EntityManager,
    budgetId: string,
    to: { round: BudgetRound; stageIndex: number | null; chain: ReviewChain | null; keepProposal: boolean; reply: { documentNo: string; date: string } | null },
  ): Promise<void> {
    await m.query(
      `UPDATE budgets SET round = $2, stage_index = $3, review_chain = COALESCE(review_chain, $4::jsonb),
              proposal_revision_no = CASE WHEN $5::boolean THEN revision_no ELSE proposal_revision_no END,
              reply_document_no = COALESCE($6, reply_document_no), replied_on = COALESCE($7::date, replied_on)
       WHERE id = $1`,
      [budgetId, to.round, to.stageIndex, to.chain === null ? null : JSON.stringify(to.chain), to.keepProposal, to.reply?.documentNo ?? null, to.reply?.date ?? null],
    );
  }

  /** 预算指标: the approved revision's expenditure lines, each with the 批复 it was approved by. */
  async recordIndicators(m: EntityManager, budgetId: string, revisionNo: number, reply: { documentNo: string; date: string }): Promise<void> {
    await m.query(
      `INSERT INTO budget_indicators (budget_id, revision_no, line_id, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, document_no, replied_on)
       SELECT r.budget_id, r.revision_no, l->>'id', l->>'unitCode', l->>'functionCode', l->>'economicCode', l->>'kind', l->>'projectId', l->>'fundSource',
              (l->>'amount')::numeric(18,2), $3, $4::date
       FROM revisions r, jsonb_array_elements(r.document->'expenditureLines') l
       WHERE r.budget_id = $1 AND r.revision_no = $2`,
      [budgetId, revisionNo, reply.documentNo, reply.date],
    );
  }

  async indicators(m: EntityManager, budgetId: string): Promise<TIndicators['items']> {
    return m.query(
      `SELECT revision_no AS "revisionNo", line_id AS "lineId", unit_code AS "unitCode", function_code AS "functionCode", economic_code AS "economicCode",
              kind, project_id AS "projectId", fund_source AS "fundSource", amount::text AS amount, document_no AS "documentNo", to_char(replied_on, 'YYYY-MM-DD') AS "repliedOn"
       FROM budget_indicators WHERE budget_id = $1 ORDER BY revision_no, line_id`,
      [budgetId],
    );
  }

  /** The budgets in review within a scope, with the chain and stage they wait on and since when (their latest step). */
  async inReview(m: EntityManager, scope: TDepartmentScope, units: boolean): Promise<TInReviewRow[]> {
    return m.query(
      `SELECT b.id, d.code AS department_code, d.name AS department_name, b.fiscal_year, b.round, b.stage_index, b.review_chain,
              b.unit_code, bu.name AS unit_name,
              COALESCE((SELECT max(r.at) FROM budget_reviews r WHERE r.budget_id = b.id), b.updated_at) AS since
       FROM budgets b JOIN departments d ON d.id = b.department_id LEFT JOIN budget_units bu ON bu.code = b.unit_code
       WHERE b.state = 'submitted' AND ($1::boolean OR b.department_id = ANY($2::uuid[])) AND (b.unit_code IS NOT NULL) = $3
       ORDER BY since, b.id`,
      [scope.all, scope.all ? [] : [...scope.departmentIds], units],
    );
  }

  /** 已审: the budgets the reviewer (or a delegate on their behalf) approved or returned, with their state now; the latest act first. */
  async reviewedBy(m: EntityManager, userId: string): Promise<TReviewed['items']> {
    return m.query(
      `SELECT DISTINCT ON (b.id) b.id, d.code AS "departmentCode", d.name AS "departmentName", b.fiscal_year AS "fiscalYear", b.state, b.round,
              r.action AS "lastAction", r.stage_name AS "stageName", r.at
       FROM budget_reviews r JOIN budgets b ON b.id = r.budget_id JOIN departments d ON d.id = b.department_id
       WHERE (r.actor_id = $1 OR r.on_behalf_of_id = $1) AND r.action IN ('approve', 'return', 'issue-ceilings')
       ORDER BY b.id, r.id DESC`,
      [userId],
    ).then((rows: TReviewed['items']) => rows.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime()));
  }
}
