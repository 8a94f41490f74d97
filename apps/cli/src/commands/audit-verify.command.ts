import { maskUrl } from '../../../api/src/config/load-config';
import { AUDIT_PAGE_SQL, AUDIT_UNCHAINED_SQL, TAuditRow, TChainVerdict, verifyAuditChain } from '../../../api/src/modules/audit/audit-chain';
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
    const { verdict, unchained } = await readAuditLog(url);
    // Entries committed in the last moments wait for the API's chainer; they are not checked yet.
    const waiting = unchained === 0 ? '' : `; ${unchained} entries committed but not chained yet`;
    if (verdict.ok) {
      io.stdout(`audit-verify: chain intact, ${verdict.checked} entries checked${waiting}\n`);
      return EXIT.ok;
    }
    io.stdout(`audit-verify: BROKEN at entry ${verdict.brokenId}: ${verdict.reason} (${verdict.checked} entries before it are intact)\n`);
    return EXIT.findings;
  },
};

/** Reads audit_log in chain order, a page at a time, and recomputes every hash. */
export async function verifyAuditLog(url: string): Promise<TChainVerdict> {
  return (await readAuditLog(url)).verdict;
}

/** The verdict on the chain, and how many committed entries are not chained yet, from one snapshot. */
async function readAuditLog(url: string): Promise<{ verdict: TChainVerdict; unchained: number }> {
  // Loaded here, not at the top: the other commands start without pg's networking.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new InputError(`audit-verify: cannot connect to the database`, [{ where: maskUrl(url), reason: error instanceof Error ? error.message : String(error) }]);
  }
  try {
    // One snapshot for the whole walk, so appends made meanwhile cannot look like a break.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verdict = await verifyAuditChain(async (after, limit) => (await client.query<TAuditRow>(AUDIT_PAGE_SQL, [after, limit])).rows);
    const [{ n }] = (await client.query<{ n: number }>(AUDIT_UNCHAINED_SQL)).rows as [{ n: number }];
    await client.query('COMMIT');
    return { verdict, unchained: n };
  } finally {
    await client.end();
  }
}
