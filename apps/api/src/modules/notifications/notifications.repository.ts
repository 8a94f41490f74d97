import type { TNotification } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';

/** Named finders of a user's in-app notifications; every query is scoped to the caller. */
export class NotificationsRepository {
  async listForUser(m: EntityManager, userId: string, limit: number): Promise<TNotification[]> {
    return m.query(
      `SELECT id, budget_id AS "budgetId", action, reason,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", read_at IS NOT NULL AS read
       FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
  }

  /** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
  async markRead(m: EntityManager, userId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected count].
    const [, affected] = (await m.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId])) as [unknown[], number];
    return affected > 0;
  }
}
