import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { migrateUnderLock, revertLastMigration } from '../../src/database/migrate';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestDatabase, TTestDatabase } from '../utils/test-database';

let db: TTestDatabase;
const sources: DataSource[] = [];
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
  await db.drop();
});

async function open(): Promise<DataSource> {
  const ds = createDataSource(db.url, { poolSize: 3 });
  await ds.initialize();
  sources.push(ds);
  return ds;
}

async function tables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[];
  return rows.map((r) => r.tablename);
}

describe('migrations', () => {
  it('two instances migrating a fresh database at once: each migration runs exactly once', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const [ranA, ranB] = await Promise.all([migrateUnderLock(a), migrateUnderLock(b)]);
    expect([...ranA, ...ranB].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    const [{ n }] = await a.query(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(MIGRATIONS.length);
    expect(await tables(a)).toEqual(expect.arrayContaining(['audit_log', 'departments', 'sessions', 'users']));
  });

  it('every migration reverts cleanly, and the schema can be rebuilt after', async () => {
    const ds = await open();
    const built = await tables(ds);
    for (let i = 0; i < MIGRATIONS.length; i += 1) await revertLastMigration(ds);
    expect(await tables(ds)).toEqual(['migrations']);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE s.nspname = 'public'`);
    expect(n).toBe(0);
    await migrateUnderLock(ds);
    expect(await tables(ds)).toEqual(built);
  });

  it('reads numeric(18,2) money and bigserial ids back as exact strings, never floats', async () => {
    const ds = await open();
    const [row] = await ds.query(`SELECT '9999999999999999.99'::numeric(18,2) AS big, '0.10'::numeric(18,2) AS dime, 9007199254740993::bigint AS id`);
    expect(row).toEqual({ big: '9999999999999999.99', dime: '0.10', id: '9007199254740993' });
  });
});
