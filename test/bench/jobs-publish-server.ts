import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { hashPassword } from '../../apps/api/src/modules/auth/password';
import { DepartmentsRepository } from '../../apps/api/src/modules/departments/departments.repository';
import { UsersRepository } from '../../apps/api/src/modules/users/users.repository';
import { startJobs } from '../../apps/api/src/queue/start-jobs';
import { seedPeople, TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { createTestDatabase } from '../../apps/api/test/utils/test-database';

/** Departments 7000nn with a preparer `prep<n>` and a publisher `pub<n>` of their own (password TEST_PASSWORD). */
async function seedDepartments(
  dataSource: ReturnType<typeof createDataSource>,
  count: number,
): Promise<void> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = new UsersRepository();
  await dataSource.transaction(async (tx) => {
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(3, '0');
      const department = await new DepartmentsRepository().insert(tx, {
        code: `700${n}`,
        name: `测试部门${n}`,
      });
      for (const role of ['preparer', 'publisher'] as const) {
        const username = `${role === 'preparer' ? 'prep' : 'pub'}${n}`;
        await users.insert(tx, {
          username,
          displayName: username,
          passwordHash,
          role,
          departmentId: department.id,
          unitCode: null,
          reviewAll: false,
          reviewDepartmentIds: [],
        });
      }
    }
  });
}

/**
 * `pnpm start` as one process, for jobs-publish.bench.ts: the API and the in-process job driver
 * (which renders the approved revisions) on a fresh database of their own, with the departments the
 * parent asks for (argv[2]). Tells the parent its URL and database; stops and drops the database on 'stop'.
 */
async function main(): Promise<void> {
  const db = await createTestDatabase();
  const dataSource = createDataSource(db.url, { poolSize: 20, applicationName: 'budgetflow-bench' });
  await dataSource.initialize();
  await seedPeople(dataSource);
  await seedDepartments(dataSource, Number(process.argv[2]));
  const config = loadConfig({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'error',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    JOBS_DRIVER: 'in-process',
  });
  const app = await createApp(config, dataSource);
  await app.listen(0, '127.0.0.1');
  const jobs = startJobs(config, dataSource, 'in-process');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void jobs
      .stop()
      .then(() => app.close())
      .then(() => (dataSource.isInitialized ? dataSource.destroy() : undefined))
      .then(() => db.drop())
      .then(() => process.exit(0));
  });
  process.send?.({ url: `http://127.0.0.1:${address.port}`, databaseUrl: db.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
