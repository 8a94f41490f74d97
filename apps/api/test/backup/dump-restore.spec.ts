import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { RenderPublicationJob } from '../../src/modules/publications/jobs/render-publication.job';
import { createSeededBudget } from '../e2e/budget-test-kit';
import { insertPublishedBudget, renderPublication, waitFor } from '../jobs/jobs-fixtures';
import { seedDisclosure } from '../jobs/seed-disclosure';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { createTestDatabase, type TTestDatabase } from '../utils/test-database';

const run = promisify(execFile);
const REPO = join(__dirname, '../../../..');
const LINE = { id: 'BACKUP', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation' };

/** What a restore must give back, read the same way from either database. */
async function inventory(ds: DataSource): Promise<Record<string, unknown>> {
  const q = (sql: string): Promise<unknown[]> => ds.query(sql);
  return {
    budgets: await q(`SELECT id, state, version, revision_no, md5(document::text) AS document FROM budgets ORDER BY id`),
    lines: await q(`SELECT budget_id, count(*)::int AS n, sum(amount)::text AS total FROM expenditure_lines GROUP BY budget_id ORDER BY budget_id`),
    revisions: await q(`SELECT budget_id, revision_no, sha256, md5(disclosure::text) AS disclosure FROM revisions ORDER BY budget_id, revision_no`),
    publications: await q(`SELECT id, budget_id, version_no, revision_no FROM publications ORDER BY id`),
    files: await q(`SELECT publication_id, name, sha256 FROM publication_files ORDER BY publication_id, name`),
    audit: await q(`SELECT id, chain_no, hash, prev_hash, action FROM audit_log ORDER BY chain_no`),
  };
}

/**
 * The logical backup of infra/README.md ("Backups"): pg_dump of a database with budgets, lines,
 * revisions, a rendered publication and its audit trail, restored with pg_restore into a new
 * database, gives back every row, every publication file with the content its sha256 names, and an
 * audit chain that `pnpm budget audit-verify` finds intact.
 */
describe('a dump restored into a new database', () => {
  let t: TTestApp;
  let restored: TTestDatabase;
  let restoredDs: DataSource;
  const dir = mkdtempSync(join(tmpdir(), 'bf-backup-'));

  beforeAll(async () => {
    t = await createTestApp();
    restored = await createTestDatabase({ migrate: false });
  }, 60_000);

  afterAll(async () => {
    if (restoredDs?.isInitialized) await restoredDs.destroy();
    await restored?.drop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every budget, revision, publication file (by sha256) and audit entry, and the chain verifies', async () => {
    const preparer = await t.login('preparer');
    const edited = await createSeededBudget(t, preparer);
    await t.http().patch(`/api/budgets/${edited.id}/lines`).set(preparer.headers).send({ version: edited.version, upsertExpenditure: [{ ...LINE, amount: '77.70' }] }).expect(200);
    const published = await insertPublishedBudget(t.dataSource, t.people, seedDisclosure(), 2021);
    const outboxId = await renderPublication(t.dataSource, published);
    expect(await new RenderPublicationJob(t.dataSource).handle({ outboxId, topic: 'budget.render-publication', payload: { ...published } })).toBe('published the revision files');
    // The chainer links entries moments after their commit: the backup is of a settled chain.
    await waitFor('the audit chain to settle', async () => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE chain_no IS NULL`)) as { n: number }[])[0]?.n === 0);

    const before = await inventory(t.dataSource);
    expect((before['files'] as unknown[]).length).toBe(17);
    expect((before['audit'] as unknown[]).length).toBeGreaterThanOrEqual(3);

    const dump = join(dir, 'budgetflow.dump');
    await run('pg_dump', ['--format=custom', '--file', dump, t.db.url]);
    await run('pg_restore', ['--exit-on-error', '--no-owner', '--dbname', restored.url, dump]);

    restoredDs = createDataSource(restored.url, { poolSize: 2 });
    await restoredDs.initialize();
    expect(await inventory(restoredDs)).toEqual(before);
    // Each file's bytes, not only its recorded digest, came back.
    const contents = (await restoredDs.query(`SELECT sha256, content FROM publication_files`)) as { sha256: string; content: Buffer }[];
    expect(contents).toHaveLength(17);
    for (const file of contents) expect(createHash('sha256').update(file.content).digest('hex')).toBe(file.sha256);
    // The restored database is a working one: the migrations find nothing to do.
    expect(await restoredDs.showMigrations()).toBe(false);

    const verify = await run(process.execPath, [join(REPO, 'apps/cli/bin/budget.cjs'), 'audit-verify', '--database-url', restored.url]);
    expect(verify.stdout).toBe(`audit-verify: chain intact, ${(before['audit'] as unknown[]).length} entries checked\n`);
  }, 180_000);
});
