import type { TComment, TCommentTarget } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { visibleCondition, visibleParams } from '../budgets/budget-visibility';
import type { TLinesOf } from '../budgets/budget-lines.repository';
import { updateReturning } from '../budgets/update-returning';

const COLUMNS = `c.id, c.budget_id AS "budgetId",
  CASE c.target_kind
    WHEN 'budget' THEN json_build_object('kind', 'budget')
    WHEN 'row' THEN json_build_object('kind', 'row', 'table', c.target_table, 'row', c.target_row)
    ELSE json_build_object('kind', 'line', 'lineId', c.target_line) END AS target,
  c.body, json_build_object('id', a.id, 'username', a.username) AS author,
  to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  CASE WHEN c.answered_at IS NULL THEN NULL ELSE json_build_object(
    'text', c.answer, 'by', json_build_object('id', r.id, 'username', r.username),
    'at', to_char(c.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END AS answer`;
const FROM = `comments c JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.answered_by`;

@Injectable()
export class CommentsRepository {
  async insert(m: EntityManager, budgetId: string, target: TCommentTarget, body: string, authorId: string): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO comments (budget_id, target_kind, target_table, target_row, target_line, body, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        budgetId,
        target.kind,
        target.kind === 'row' ? target.table : null,
        target.kind === 'row' ? target.row : null,
        target.kind === 'line' ? target.lineId : null,
        body,
        authorId,
      ],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('comment insert returned nothing');
    return row.id;
  }

  async find(m: EntityManager, id: string): Promise<TComment | undefined> {
    const rows: TComment[] = await m.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0];
  }

  async listForBudget(m: EntityManager, budgetId: string): Promise<TComment[]> {
    return m.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.budget_id = $1 ORDER BY c.created_at, c.id`, [budgetId]);
  }

  /** The budget of a comment, if the caller may see that budget. */
  async visibleBudgetOf(m: EntityManager, caller: TCaller, commentId: string): Promise<string | undefined> {
    const rows: { budget_id: string }[] = await m.query(
      `SELECT c.budget_id FROM comments c JOIN budgets b ON b.id = c.budget_id WHERE c.id = $1 AND ${visibleCondition(2)}`,
      [commentId, ...visibleParams(caller)],
    );
    return rows[0]?.budget_id;
  }

  /** Answers a comment once; false when it already was. */
  async answer(m: EntityManager, id: string, answer: string, userId: string): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      m,
      `UPDATE comments SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1 AND answered_at IS NULL RETURNING id`,
      [id, answer, userId],
    );
    return rows.length === 1;
  }

  async lineExists(m: EntityManager, budget: TLinesOf, lineId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM expenditure_lines WHERE budget_id = $1 AND fiscal_year = $3 AND line_id = $2
       UNION ALL SELECT 1 FROM income_lines WHERE budget_id = $1 AND fiscal_year = $3 AND line_id = $2`,
      [budget.id, lineId, budget.fiscal_year],
    );
    return rows.length > 0;
  }
}
