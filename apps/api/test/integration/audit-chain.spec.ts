import { DataSource } from 'typeorm';
import { verifyAuditLog } from '../../../cli/src/commands/audit-verify.command';
import { run } from '../../../cli/src/run';
import { createDataSource } from '../../src/database/data-source';
import { AuditChainer } from '../../src/modules/audit/audit-chainer';
import { AuditService } from '../../src/modules/audit/audit.service';
import { createTestDatabase, TTestDatabase, withSuperuser } from '../utils/test-database';

let db: TTestDatabase;
let dataSource: DataSource;
let audit: AuditService;
let chainer: AuditChainer;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = createDataSource(db.url, { poolSize: 20 });
  await dataSource.initialize();
  chainer = new AuditChainer(dataSource);
  audit = new AuditService(dataSource, chainer);
});
afterAll(async () => {
  await chainer.onModuleDestroy();
  await dataSource.destroy();
  await db.drop();
});

/** The chain as stored, in its order. */
async function chainRows(): Promise<{ id: string; chain_no: string | null; prev_hash: string | null; hash: string | null }[]> {
  return dataSource.query(`SELECT id::text, chain_no::text, prev_hash, hash FROM audit_log ORDER BY audit_log.chain_no NULLS LAST, audit_log.id`);
}

describe('audit trail', () => {
  it('50 parallel appends from separate transactions form one unforked chain once committed', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        dataSource.transaction(async (tx) => {
          await tx.query('SELECT pg_sleep(0.001)');
          return audit.append(tx, { actor: `user${i}`, action: 'test.append', entity: 'thing', entityId: String(i), payload: { i, amount: '12.50' } });
        }),
      ),
    );
    await chainer.flush();
    const rows = await chainRows();
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(50);
    rows.forEach((row, i) => {
      expect(row.chain_no).toBe(String(i + 1));
      expect(row.prev_hash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash);
    });
    await expect(verifyAuditLog(db.url)).resolves.toEqual({ ok: true, checked: 50 });
    await expect(audit.verifyChain()).resolves.toEqual({ ok: true, checked: 50 });
  });

  it('appends do not wait for each other: one commits while another is still open, and both are chained', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const open = new Promise<void>((resolve) => (appended = resolve));
    const slow = dataSource.transaction(async (tx) => {
      await audit.append(tx, { actor: 'slow', action: 'test.held-open', entity: 'thing', entityId: 'slow' });
      appended();
      await held;
    });
    await open;
    // With a lock held until commit, this append would wait for the open transaction forever.
    await audit.append(dataSource.manager, { actor: 'quick', action: 'test.not-waiting', entity: 'thing', entityId: 'quick' });
    release();
    await slow;
    // Woken by the commits, the chainer links both without being asked.
    for (let unchained = 1; unchained > 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
      [{ unchained }] = await dataSource.query(`SELECT count(*)::int AS unchained FROM audit_log WHERE chain_no IS NULL`);
    }
    const rows = await chainRows();
    expect(rows.slice(-2).map((r) => r.chain_no)).toEqual(['51', '52']);
    await expect(verifyAuditLog(db.url)).resolves.toEqual({ ok: true, checked: 52 });
  });

  it('an entry is chained once: the database refuses to rechain it or to change an unchained one', async () => {
    const [{ id: chained }] = await dataSource.query(`SELECT id::text AS id FROM audit_log WHERE chain_no IS NOT NULL LIMIT 1`);
    await expect(dataSource.query(`UPDATE audit_log SET hash = repeat('f', 64) WHERE id = $1`, [chained])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(
      dataSource.transaction(async (tx) => {
        const entry = await audit.append(tx, { actor: 'x', action: 'test.unchained', entity: 'thing', entityId: 'u' });
        await tx.query(`UPDATE audit_log SET actor = 'mallory', chain_no = 999, prev_hash = repeat('0', 64), hash = repeat('e', 64) WHERE id = $1`, [entry.id]);
      }),
    ).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it('an entry rolls back with the transaction that wrote it, and the chain stays intact', async () => {
    await expect(
      dataSource.transaction(async (tx) => {
        await audit.append(tx, { actor: 'x', action: 'test.rolled-back', entity: 'thing', entityId: 'r' });
        throw new Error('the change it recorded failed');
      }),
    ).rejects.toThrow('the change it recorded failed');
    await audit.append(dataSource.manager, { actor: 'y', action: 'test.after-rollback', entity: 'thing', entityId: 'a', budgetId: '00000000-0000-4000-8000-000000000001' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.rolled-back'`);
    expect(n).toBe(0);
    await chainer.flush();
    await expect(verifyAuditLog(db.url)).resolves.toEqual({ ok: true, checked: 53 });
    const forBudget = await audit.search({ budgetId: '00000000-0000-4000-8000-000000000001', limit: 10 });
    expect(forBudget.entries).toEqual([expect.objectContaining({ actor: 'y', action: 'test.after-rollback', entityId: 'a', payload: {} })]);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET actor = 'mallory' WHERE id = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(dataSource.query(`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it('audit-verify names the first tampered entry (trigger disabled by a superuser) and exits 1', async () => {
    const [{ id: victim }] = await dataSource.query(`SELECT id::text AS id FROM audit_log ORDER BY chain_no OFFSET 20 LIMIT 1`);
    await withSuperuser(db.url, async (su) => {
      await su.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await su.query(`UPDATE audit_log SET payload = jsonb_set(payload, '{amount}', '"99999.00"') WHERE id = $1`, [victim]);
      await su.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    await expect(verifyAuditLog(db.url)).resolves.toEqual({ ok: false, checked: 20, brokenId: victim, fault: 'content', reason: expect.stringMatching(/altered/) });

    const out: string[] = [];
    const code = await run(['audit-verify', '--database-url', db.url], { cwd: process.cwd(), stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(1);
    expect(out.join('')).toContain(`BROKEN at entry ${victim}`);
  });

  it('a deleted entry breaks the link of the one after it', async () => {
    const [{ id: removed }, { id: next }] = await dataSource.query(`SELECT id::text AS id FROM audit_log ORDER BY chain_no OFFSET 5 LIMIT 2`);
    await withSuperuser(db.url, async (su) => {
      await su.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await su.query(`DELETE FROM audit_log WHERE id = $1`, [removed]);
      await su.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    await expect(verifyAuditLog(db.url)).resolves.toMatchObject({ ok: false, brokenId: next, fault: 'link', reason: expect.stringMatching(/removed/) });
  });
});
