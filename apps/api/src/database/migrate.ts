import { DataSource } from 'typeorm';

/** Any fixed 64-bit number, the same in every process: it names "the migration lock". */
const MIGRATION_LOCK_KEY = 7_400_202_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that two instances
 * starting at once do not both migrate (the second waits, then finds nothing to do).
 * Returns the names of the migrations it ran.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<string[]> {
  return withSessionLock(dataSource, MIGRATION_LOCK_KEY, async () => {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  });
}

/** Reverts the most recent migration, under the same lock. */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await withSessionLock(dataSource, MIGRATION_LOCK_KEY, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

/** Holds a session-level advisory lock on one dedicated connection while `work` runs on others. */
export async function withSessionLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
