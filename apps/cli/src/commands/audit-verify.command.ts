import { Client } from 'pg';
import { maskUrl } from '../../../api/src/config/load-config';
import { AUDIT_PAGE_SQL, TAuditRow, TChainVerdict, verifyAuditChain } from '../../../api/src/modules/audit/audit-chain';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';
import { InputError } from '../input-error';

/** What `pnpm start` uses when nothing is configured and a local server answers. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/budgetflow';

export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'recompute the audit trail’s hash chain from the database; exit 1 naming the first broken entry',
  arguments: [],
  options: [{ name: 'database-url', takesValue: true, description: `PostgreSQL URL (default: $DATABASE_URL, else ${DEFAULT_DATABASE_URL})` }],
  async run({ options }, io) {
    const url = typeof options['database-url'] === 'string' ? options['database-url'] : (process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL);
    const verdict = await verifyAuditLog(url);
    if (verdict.ok) {
      io.stdout(`audit-verify: chain intact, ${verdict.checked} entries checked\n`);
      return EXIT.ok;
    }
    io.stdout(`audit-verify: BROKEN at entry ${verdict.brokenId}: ${verdict.reason} (${verdict.checked} entries before it are intact)\n`);
    return EXIT.findings;
  },
};

/** Reads audit_log in id order, a page at a time, and recomputes every hash. */
export async function verifyAuditLog(url: string): Promise<TChainVerdict> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new InputError(`audit-verify: cannot connect to the database`, [{ where: maskUrl(url), reason: error instanceof Error ? error.message : String(error) }]);
  }
  try {
    // One snapshot for the whole walk, so appends made meanwhile cannot look like a break.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verdict = await verifyAuditChain(async (afterId, limit) => (await client.query<TAuditRow>(AUDIT_PAGE_SQL, [afterId, limit])).rows);
    await client.query('COMMIT');
    return verdict;
  } finally {
    await client.end();
  }
}
