import { DataSource } from 'typeorm';
import { verifyAuditLog } from '../../../cli/src/commands/audit-verify.command';
import { createDataSource } from '../../src/database/data-source';
import { AuditChainer } from '../../src/modules/audit/audit-chainer';
import { AuditService } from '../../src/modules/audit/audit.service';
import { createTestDatabase, TTestDatabase } from '../utils/test-database';

/** Two API processes on one database: each has its own chainer, and the chain must still be one. */
let db: TTestDatabase;
const processes: { dataSource: DataSource; chainer: AuditChainer; audit: AuditService }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 0; i < 2; i++) {
    const dataSource = createDataSource(db.url, { poolSize: 6 });
    await dataSource.initialize();
    const chainer = new AuditChainer(dataSource);
    processes.push({ dataSource, chainer, audit: new AuditService(dataSource, chainer) });
  }
});
afterAll(async () => {
  for (const { dataSource, chainer } of processes) {
    await chainer.onModuleDestroy();
    await dataSource.destroy();
  }
  await db.drop();
});

it('two processes appending and chaining at once extend one unforked chain, every entry once', async () => {
  await Promise.all(
    Array.from({ length: 60 }, (_, i) => {
      const { audit, dataSource } = processes[i % 2]!;
      return dataSource.transaction((tx) => audit.append(tx, { actor: `p${i % 2}`, action: 'test.append', entity: 'thing', entityId: String(i), payload: { i } }));
    }),
  );
  await Promise.all(processes.map((p) => p.chainer.flush()));
  const rows: { chain_no: string; prev_hash: string; hash: string }[] = await processes[0]!.dataSource.query(
    `SELECT chain_no::text, prev_hash, hash FROM audit_log ORDER BY audit_log.chain_no`,
  );
  expect(rows.map((r) => r.chain_no)).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
  rows.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash));
  await expect(verifyAuditLog(db.url)).resolves.toEqual({ ok: true, checked: 60 });
});
