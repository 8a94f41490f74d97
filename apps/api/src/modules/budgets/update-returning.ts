import type { EntityManager } from 'typeorm';

/**
 * TypeORM answers an UPDATE or DELETE on PostgreSQL with `[rows, rowCount]` instead of the rows:
 * this runs one and hands back the RETURNING rows alone.
 */
export async function updateReturning<T>(m: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const result: [T[], number] = await m.query(sql, [...params]);
  return result[0];
}
