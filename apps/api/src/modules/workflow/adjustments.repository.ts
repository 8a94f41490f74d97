import type { AdjustmentKind } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TAdjustments } from './dto/adjustments.schema';

/** 预算调整: the adjustments of a budget and, per line, 年初预算 / 调整数 / 调整后预算. */
@Injectable()
export class AdjustmentsRepository {
  async open(m: EntityManager, a: { budgetId: string; kind: AdjustmentKind; reason: string; baseRevisionNo: number; requestedBy: string }): Promise<void> {
    await m.query(`INSERT INTO budget_adjustments (budget_id, kind, reason, base_revision_no, requested_by) VALUES ($1, $2, $3, $4, $5)`, [
      a.budgetId,
      a.kind,
      a.reason,
      a.baseRevisionNo,
      a.requestedBy,
    ]);
  }

  /** The open adjustment is approved by the 批复 of `revisionNo`. */
  async approve(m: EntityManager, budgetId: string, revisionNo: number, reply: { documentNo: string; date: string }): Promise<void> {
    await m.query(
      `UPDATE budget_adjustments SET revision_no = $2, document_no = $3, replied_on = $4::date, approved_at = now() WHERE budget_id = $1 AND approved_at IS NULL`,
      [budgetId, revisionNo, reply.documentNo, reply.date],
    );
  }

  /**
   * Each adjustment, newest first, with its lines: 年初预算 is the first 批复's 预算指标, 调整后预算 the
   * adjustment's own (approved) or the working copy's (still in review), 调整数 their difference.
   */
  async list(m: EntityManager, budgetId: string): Promise<TAdjustments['items']> {
    return m.query(
      `WITH original AS (
         SELECT line_id, function_code, economic_code, amount FROM budget_indicators
         WHERE budget_id = $1 AND revision_no = (SELECT min(revision_no) FROM budget_indicators WHERE budget_id = $1)
       )
       SELECT a.id, a.kind, a.reason, a.base_revision_no AS "baseRevisionNo", a.revision_no AS "revisionNo", a.document_no AS "documentNo",
              to_char(a.replied_on, 'YYYY-MM-DD') AS "repliedOn", a.requested_at AS "requestedAt",
              COALESCE((
                SELECT json_agg(json_build_object(
                  'lineId', COALESCE(o.line_id, n.line_id), 'functionCode', COALESCE(n.function_code, o.function_code), 'economicCode', COALESCE(n.economic_code, o.economic_code),
                  'original', COALESCE(o.amount, 0)::text, 'adjustment', (COALESCE(n.amount, 0) - COALESCE(o.amount, 0))::text, 'adjusted', COALESCE(n.amount, 0)::text
                ) ORDER BY COALESCE(o.line_id, n.line_id))
                FROM original o
                FULL JOIN (
                  SELECT line_id, function_code, economic_code, amount FROM budget_indicators WHERE budget_id = $1 AND revision_no = a.revision_no
                  UNION ALL
                  SELECT line_id, function_code, economic_code, amount FROM expenditure_lines
                  WHERE budget_id = $1 AND fiscal_year = (SELECT fiscal_year FROM budgets WHERE id = $1) AND a.revision_no IS NULL
                ) n ON n.line_id = o.line_id
              ), '[]') AS lines
       FROM budget_adjustments a WHERE a.budget_id = $1 ORDER BY a.requested_at DESC, a.id`,
      [budgetId],
    );
  }
}
