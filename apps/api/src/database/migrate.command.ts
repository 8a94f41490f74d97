import { loadConfig } from '../config/load-config';
import { createDataSource } from './data-source';
import { migrateUnderLock, revertLastMigration } from './migrate';
import { locateDatabase } from './postgres-locator';

/**
 * `pnpm --filter @budgetflow/api migrate` runs pending migrations on the database `pnpm start`
 * would use; `… migrate --revert` reverts the most recent one.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await locateDatabase(config);
  const dataSource = createDataSource(database.url, { poolSize: 2, applicationName: 'budgetflow-migrate' });
  await dataSource.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await revertLastMigration(dataSource);
      console.log('Reverted the most recent migration');
    } else {
      const ran = await migrateUnderLock(dataSource);
      console.log(ran.length === 0 ? 'Nothing to migrate' : `Ran: ${ran.join(', ')}`);
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
