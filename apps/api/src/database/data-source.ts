import { DataSource } from 'typeorm';
import { RequestIdTransactionSubscriber } from '../common/observability/request-id.transaction-subscriber';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one way to build a DataSource, for the app, the migrate command and the tests.
 * Never `synchronize`: the schema comes only from the reviewed migrations in ./migrations.
 * Money: pg's default parsers return numeric(18,2) (money, 元) and int8 (bigserial ids) as exact
 * strings; we rely on that (test/integration/migrations.spec.ts checks it) and never install
 * float parsers for them. Entities declare such columns as `string`.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string; connectTimeoutMs?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [RequestIdTransactionSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    useUTC: true,
    // Extensions come from migrations too; uuids default to the built-in gen_random_uuid().
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    poolSize: options.poolSize ?? 10,
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMS: options.connectTimeoutMs }),
    // With the process id, so that pg_stat_activity tells which of many API and worker processes holds a connection.
    applicationName: `${options.applicationName ?? 'budgetflow-api'}:${process.pid}`,
    // TypeORM would log failed queries with their parameters (password hashes, personal data);
    // errors reach the problem filter, which logs what is unexpected.
    logging: false,
  });
}
