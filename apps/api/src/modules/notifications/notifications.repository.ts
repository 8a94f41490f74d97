import type { TNotification } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { TDepartmentScope } from '../../common/scope/department-scope';

/** Named finders of a user's in-app notifications; every query is scoped to the caller. */
export class NotificationsRepository {
  /**
   * The user's notifications about budgets they may still see: a notification was sent to the
   * scope of its day, and a reviewer whose departments were narrowed since must not keep seeing
   * (and following) those of a department now out of scope.
   */
  async listForUser(m: EntityManager, userId: string, scope: TDepartmentScope, limit: number): Promise<TNotification[]> {
    return m.query(
      `SELECT n.id, n.budget_id AS "budgetId", n.action, n.reason, n.stage_name AS "stageName", n.next_stage_name AS "nextStageName", n.round,
              bu.name AS "unitName", to_char(n.due_on, 'YYYY-MM-DD') AS "dueOn",
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", n.read_at IS NOT NULL AS read
       FROM notifications n JOIN budgets b ON b.id = n.budget_id LEFT JOIN budget_units bu ON bu.code = n.unit_code
       WHERE n.user_id = $1 AND ($3::boolean OR b.department_id = ANY($4::uuid[]))
       ORDER BY n.created_at DESC, n.id LIMIT $2`,
      [userId, limit, scope.all, scope.all ? [] : [...scope.departmentIds]],
    );
  }

  /** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
  async markRead(m: EntityManager, userId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected count].
    const [, affected] = (await m.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId])) as [unknown[], number];
    return affected > 0;
  }
}
