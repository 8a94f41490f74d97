import { INestApplication, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp, LOG_LEVELS } from './app.factory';
import { TAppConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { migrateUnderLock } from './database/migrate';
import { locateDatabase, TLocatedDatabase } from './database/postgres-locator';
import { seedDemoBudgets } from './database/seeds/demo-budgets.seed';
import { disableDemoAccounts, seedDemoPeople } from './database/seeds/demo-people.seed';
import type { TJobDriver } from './queue/job-driver';
import { chooseJobDriver, startJobs } from './queue/start-jobs';

const logger = new Logger('Budgetflow');

export interface TRunningBudgetflow {
  app: INestApplication;
  dataSource: DataSource;
  database: TLocatedDatabase;
  /** The jobs running beside the API (`withJobs`: on Redis or in process), undefined when workers run on their own. */
  jobs: TJobDriver | undefined;
  /** Stops the jobs (running ones finish), closes the app, then stops an embedded database if we started one. */
  stop(): Promise<void>;
}

/**
 * Everything `pnpm start` does before listening: find or start the database, migrate it under
 * the advisory lock, load the demo data (demo mode) or switch demo accounts off (production
 * mode), and build the app. Safe to run again on the same database: nothing is applied twice.
 */
function boundedBy(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      logger.warn(`The jobs did not stop within ${ms} ms; leaving them to the reconciler`);
      resolve();
    }, ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface TStartOptions {
  /**
   * Run the jobs in this process too (`pnpm start` on one machine): BullMQ workers when Redis answers
   * at start (or JOBS_DRIVER says so), else the in-process driver. Neither holds the API: while Redis
   * is away the API answers and the outbox keeps the work until it is back.
   */
  withJobs?: boolean;
}

export async function startBudgetflow(config: TAppConfig, options: TStartOptions = {}): Promise<TRunningBudgetflow> {
  Logger.overrideLogger(LOG_LEVELS[config.logLevel]);
  const database = await locateDatabase(config);
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    const ran = await migrateUnderLock(dataSource);
    logger.log(ran.length === 0 ? 'Schema is up to date' : `Ran migrations: ${ran.join(', ')}`);
    const demoPeople = config.mode === 'demo' ? await seedDemoPeople(dataSource, config) : undefined;
    if (config.mode === 'production') await disableDemoAccounts(dataSource);
    const driver = options.withJobs === true ? await chooseJobDriver(config) : undefined;
    if (driver !== undefined) logger.log(`Jobs: ${driver.name} (${driver.reason})`);
    const app = await createApp({ ...config, databaseUrl: database.url, jobsDriver: driver?.name ?? config.jobsDriver }, dataSource);
    try {
      if (demoPeople !== undefined) await seedDemoBudgets(app, dataSource, demoPeople);
    } catch (error) {
      // A failed seed must not leave the app's timers (the audit chainer, the sweeps) running on a closed database.
      await app.close();
      throw error;
    }
    const jobs = driver === undefined ? undefined : startJobs(config, dataSource, driver.name);
    return {
      app,
      dataSource,
      database,
      jobs,
      async stop() {
        // Running jobs get a lock's time to finish; a Redis that is away must not hold the exit forever.
        if (jobs !== undefined) await boundedBy(jobs.stop(), config.jobLockMs);
        await app.close();
        await database.stop();
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    throw error;
  }
}
