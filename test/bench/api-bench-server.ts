import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { seedPeople } from '../../apps/api/test/utils/seed-people';
import { BENCH_EDITORS } from './api-bench-kit';
import { seedEditors } from './bench-people';
import { createTestDatabase, databaseUrl } from '../../apps/api/test/utils/test-database';

/**
 * An edit as the API makes it but without its audit entry: the baseline the audit's cost is measured
 * against. Swapped on the prototype, which the app's AuditService resolves `append` through at each call.
 */
const appendWithAudit = AuditService.prototype.append;
const appendWithoutAudit: typeof appendWithAudit = async (_manager, input) => ({ ...input, id: '0', at: new Date().toISOString(), budgetId: null, payload: {}, hash: null });

/**
 * The real API on a fresh database of its own, in a child process of the API benches (see
 * apps/api/test/utils/swc-register.cjs for why a child). Tells the parent its URL; `{ audit: false }` turns the
 * audit entries of edits off (and `true` on again), answered 'ok'; stops and drops the database
 * when the parent says 'stop'. With arguments, on the PostgreSQL server of the first (a URL of any of
 * its databases) and reading the public's pages from the streaming replica of the second.
 */
async function main(): Promise<void> {
  const [server, replicaServer] = process.argv.slice(2);
  const db = await createTestDatabase(server === undefined ? {} : { server });
  const replica = replicaServer === undefined ? {} : { DATABASE_REPLICA_URL: databaseUrl(db.name, replicaServer) };
  const dataSource = createDataSource(db.url, { poolSize: 20, applicationName: 'budgetflow-bench' });
  await dataSource.initialize();
  await seedPeople(dataSource);
  await seedEditors(dataSource, BENCH_EDITORS);
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', ...replica });
  const app = await createApp(config, dataSource);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  process.on('message', (message) => {
    if (typeof message === 'object' && message !== null && 'audit' in message) {
      AuditService.prototype.append = (message as { audit: boolean }).audit ? appendWithAudit : appendWithoutAudit;
      process.send?.('ok');
      return;
    }
    if (message !== 'stop') return;
    void app
      .close()
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
