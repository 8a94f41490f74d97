import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../cli/src/run';
import { figuresSha256 } from '../../src/modules/audit/published-record';
import { newSigningKeyPem, signedHeadProblem, type TSignedHead } from '../../src/modules/audit/signed-head';
import { jobHandlers } from '../../src/queue/job-handlers';
import { createTestApp, type TTestApp } from '../utils/test-app';
import { withSuperuser } from '../utils/test-database';
import { startTestJobs } from './job-drivers';
import { insertPublishedBudget, renderPublication, waitFor, type TPublished } from './jobs-fixtures';
import { seedDisclosure } from './seed-disclosure';

/**
 * Issue 13, defect 6: a database superuser could delete the newest audit entries, or replace a
 * published file together with its sha256, or change the published figures, and audit-verify stayed
 * green. Now each publication's files and figures are chain entries, the head is signed with a key
 * the database does not hold, and audit-verify checks the record against a head kept outside.
 */
let t: TTestApp;
let published: TPublished;
let head: TSignedHead;
let publicKey: { publicKeyPem: string; keyId: string };
const dir = mkdtempSync(join(tmpdir(), 'bf-audit-record-'));
const headFile = join(dir, 'head.json');
const keyFile = join(dir, 'key.json');

beforeAll(async () => {
  t = await createTestApp({ env: { AUDIT_SIGNING_KEY: newSigningKeyPem() } });
  published = await insertPublishedBudget(t.dataSource, t.people, seedDisclosure(), 2020);
  await renderPublication(t.dataSource, published);
  const jobs = startTestJobs('in-process', { dataSource: t.dataSource, prefix: 'unused', handlers: jobHandlers(t.dataSource, t.config.auditKey) });
  try {
    await waitFor('the head signed after the publication', async () => (await t.dataSource.query(`SELECT 1 FROM audit_heads WHERE publication_id = $1`, [published.publicationId])).length > 0, 120_000);
  } finally {
    await jobs.stop();
  }
  // Later work: entries after the signed head (the newest ones, which truncation deletes).
  await t.login('preparer');
  await t.login('reviewer');
  head = (await t.http().get('/api/public/audit/head').expect(200)).body as TSignedHead;
  publicKey = (await t.http().get('/api/public/audit/key').expect(200)).body as { publicKeyPem: string; keyId: string };
  writeFileSync(headFile, JSON.stringify(head));
  writeFileSync(keyFile, JSON.stringify(publicKey));
}, 180_000);
afterAll(() => t.close());

async function auditVerify(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await run(['audit-verify', '--database-url', t.db.url, ...args], { cwd: process.cwd(), stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
  return { code, out: out.join('') };
}

/** What a database superuser can do: anything, with the append-only triggers switched off. */
async function asSuperuser(table: string, trigger: string, sql: string, params: unknown[]): Promise<void> {
  await withSuperuser(t.db.url, async (su) => {
    await su.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await su.query(sql, params);
    await su.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  });
}

describe('the published record against a signed head', () => {
  it('signs the head at publication with a key the database does not hold, and publishes it with the public key and the manifest', async () => {
    expect(head).toMatchObject({ reason: 'publication', publicationId: published.publicationId, keyId: publicKey.keyId });
    expect(signedHeadProblem(publicKey.publicKeyPem, head)).toBeUndefined();
    expect(signedHeadProblem(publicKey.publicKeyPem, { ...head, chainNo: String(Number(head.chainNo) - 1) })).toMatch(/signature does not match/);
    const keyInDatabase = await t.dataSource.query(`SELECT 1 FROM audit_heads WHERE signature LIKE '%PRIVATE%'`);
    expect(keyInDatabase).toEqual([]);

    const manifest = (await t.http().get(`/api/public/disclosures/${published.publicationId}/manifest`).expect(200)).body as {
      figuresSha256: string;
      files: { name: string; sha256: string }[];
      record: { chainNo: string };
      signedHead: TSignedHead;
    };
    const listed = (await t.http().get(`/api/public/disclosures/${published.publicationId}`).expect(200)).body as { files: { name: string; sha256: string }[]; disclosure: unknown };
    expect(manifest.files.map((f) => [f.name, f.sha256]).sort()).toEqual(listed.files.map((f) => [f.name, f.sha256]).sort());
    expect(manifest.files).toHaveLength(17);
    expect(manifest.figuresSha256).toBe(figuresSha256((await t.dataSource.query(`SELECT disclosure FROM revisions WHERE budget_id = $1`, [published.budgetId]))[0].disclosure));
    expect(BigInt(manifest.record.chainNo)).toBeLessThanOrEqual(BigInt(head.chainNo));
    expect(manifest.signedHead).toEqual(head);
  });

  it('audit-verify finds the record intact against the signed head and against --head N:HASH', async () => {
    const signed = await auditVerify('--signed-head', headFile, '--public-key', keyFile);
    expect(signed).toMatchObject({ code: 0, out: expect.stringContaining(`record intact up to entry ${head.chainNo}`) });
    expect(signed.out).toContain('1 publications');
    expect(await auditVerify('--head', `${head.chainNo}:${head.hash}`)).toMatchObject({ code: 0 });
    // A head whose signature does not hold is refused, not trusted.
    writeFileSync(join(dir, 'forged-head.json'), JSON.stringify({ ...head, hash: 'f'.repeat(64) }));
    expect(await auditVerify('--signed-head', join(dir, 'forged-head.json'), '--public-key', keyFile)).toMatchObject({ code: 2, out: expect.stringContaining('signature does not match') });
  });

  it('finds a published file replaced together with its sha256 by a superuser', async () => {
    const [file] = (await t.dataSource.query(`SELECT id, name, sha256, content FROM publication_files WHERE publication_id = $1 AND format = 'csv' ORDER BY name LIMIT 1`, [published.publicationId])) as {
      id: string;
      name: string;
      sha256: string;
      content: Buffer;
    }[];
    const forged = Buffer.from('项目,金额\n伪造,1\n', 'utf8');
    await asSuperuser('publication_files', 'publication_files_append_only', `UPDATE publication_files SET content = $2, sha256 = encode(sha256($2), 'hex'), size = $3 WHERE id = $1`, [file!.id, forged, forged.length]);
    // The portal serves the forgery, and the chain alone cannot tell.
    const served = await t.http().get(`/api/public/files/${file!.id}`).expect(200);
    expect(served.text).toContain('伪造');
    expect(await auditVerify()).toMatchObject({ code: 0, out: expect.stringContaining('chain intact') });

    const checked = await auditVerify('--signed-head', headFile, '--public-key', keyFile);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(`file ${file!.name} is not the one published`);
    await asSuperuser('publication_files', 'publication_files_append_only', `UPDATE publication_files SET content = $2, sha256 = $3, size = $4 WHERE id = $1`, [file!.id, file!.content, file!.sha256, file!.content.length]);
    expect(await auditVerify('--signed-head', headFile, '--public-key', keyFile)).toMatchObject({ code: 0 });
  });

  it('finds published figures changed by a superuser', async () => {
    const [before] = (await t.dataSource.query(`SELECT disclosure FROM revisions WHERE budget_id = $1`, [published.budgetId])) as { disclosure: Record<string, unknown> }[];
    const changed = { ...before!.disclosure, meta: { ...(before!.disclosure['meta'] as object), departmentName: '伪造单位' } };
    await asSuperuser('revisions', 'revisions_append_only', `UPDATE revisions SET disclosure = $2 WHERE budget_id = $1`, [published.budgetId, JSON.stringify(changed)]);
    expect(await auditVerify()).toMatchObject({ code: 0 });
    const checked = await auditVerify('--head', `${head.chainNo}:${head.hash}`);
    expect(checked).toMatchObject({ code: 1, out: expect.stringContaining('the published figures were changed') });
    await asSuperuser('revisions', 'revisions_append_only', `UPDATE revisions SET disclosure = $2 WHERE budget_id = $1`, [published.budgetId, JSON.stringify(before!.disclosure)]);
    expect(await auditVerify('--head', `${head.chainNo}:${head.hash}`)).toMatchObject({ code: 0 });
  });

  it('finds the newest entries deleted (truncation), which the chain alone cannot', async () => {
    await asSuperuser('audit_log', 'audit_log_append_only', `DELETE FROM audit_log WHERE chain_no >= $1::bigint`, [head.chainNo]);
    // What audit-verify saw before: a shorter chain is still a well-linked chain.
    expect(await auditVerify()).toMatchObject({ code: 0, out: expect.stringContaining('chain intact') });
    const checked = await auditVerify('--signed-head', headFile, '--public-key', keyFile);
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(new RegExp(`the head names entry ${head.chainNo}, but the chain ends at entry \\d+: its newest entries were deleted`));
  });
});
