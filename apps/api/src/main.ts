import './common/observability/start-tracing';
import { Logger } from '@nestjs/common';
import { startBudgetflow } from './bootstrap';
import { ConfigError, loadConfig } from './config/load-config';

/**
 * `pnpm start`: Budgetflow on PORT (default 3000), GET /api/health, docs at /api/docs, with the jobs
 * beside it (on Redis, or in process when no Redis answers); with Redis, more workers scale out
 * with `node apps/api/dist/worker.js`.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const running = await startBudgetflow(config, { withJobs: config.apiRunsJobs });
  await running.app.listen(config.port);
  const logger = new Logger('Budgetflow');
  logger.log(`Listening on http://localhost:${config.port} (${config.mode} mode, database: ${running.database.source}, jobs: ${running.jobs?.name ?? 'none'})`);
  const shutdown = (signal: string): void => {
    logger.log(`${signal}: shutting down`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Budgetflow failed to start:', error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
