import { readFile } from 'node:fs/promises';
import { maskUrl } from '../../../api/src/config/load-config';
import { AUDIT_PAGE_SQL, AUDIT_UNCHAINED_SQL, TAuditRow, TChainVerdict, verifyAuditChain } from '../../../api/src/modules/audit/audit-chain';
import { checkAuditRecord, type TRecordReport } from '../../../api/src/modules/audit/record-check';
import { signedHeadProblem, ZSignedHead } from '../../../api/src/modules/audit/signed-head';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';
import { InputError } from '../input-error';

/** What `pnpm start` uses when nothing is configured and a local server answers. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/budgetflow';

type TClient = import('pg').Client;

export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'recompute the audit trail’s hash chain from the database; with a head kept outside it, also find truncation and forged files or figures; exit 1 naming what is broken',
  arguments: [],
  options: [
    { name: 'database-url', takesValue: true, description: `PostgreSQL URL (default: $DATABASE_URL, else ${DEFAULT_DATABASE_URL})` },
    { name: 'head', takesValue: true, description: 'N:HASH, a head of the chain kept outside the database (entry number and hash)' },
    { name: 'signed-head', takesValue: true, description: 'a signed head as GET /api/public/audit/head answers it (needs --public-key)' },
    { name: 'public-key', takesValue: true, description: 'the Ed25519 public key (PEM, or the JSON of GET /api/public/audit/key) that signed the head' },
  ],
  async run({ options }, io) {
    const url = typeof options['database-url'] === 'string' ? options['database-url'] : (process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL);
    const head = await headOf(options);
    if (head === undefined) return chainOnly(url, io.stdout);
    const report = await withSnapshot(url, (client) => checkAuditRecord(async (sql, params) => (await client.query(sql, params)).rows, head));
    io.stdout(formatReport(report, head));
    return report.findings.length === 0 ? EXIT.ok : EXIT.findings;
  },
};

async function chainOnly(url: string, stdout: (text: string) => void): Promise<typeof EXIT.ok | typeof EXIT.findings> {
  const { verdict, unchained } = await readAuditLog(url);
  // Entries committed in the last moments wait for the API's chainer; they are not checked yet.
  const waiting = unchained === 0 ? '' : `; ${unchained} entries committed but not chained yet`;
  if (verdict.ok) {
    stdout(`audit-verify: chain intact, ${verdict.checked} entries checked${waiting}\n`);
    return EXIT.ok;
  }
  stdout(`audit-verify: BROKEN at entry ${verdict.brokenId}: ${verdict.reason} (${verdict.checked} entries before it are intact)\n`);
  return EXIT.findings;
}

function formatReport(report: TRecordReport, head: { chainNo: string; hash: string }): string {
  const lines = report.findings.map((f) => `audit-verify: BROKEN: ${f}\n`);
  if (report.findings.length === 0) {
    lines.push(`audit-verify: record intact up to entry ${head.chainNo} (${report.chain.checked} entries checked; ${report.publicationsChecked} publications' files and figures match their records)\n`);
  }
  if (report.uncovered.length > 0) lines.push(`audit-verify: not covered by this head (published after it, or before records were kept): ${report.uncovered.join(', ')}\n`);
  return lines.join('');
}

/** The head to check against: --head N:HASH, or a signed head whose signature holds for --public-key. */
async function headOf(options: Readonly<Record<string, string | true>>): Promise<{ chainNo: string; hash: string } | undefined> {
  const given = options['head'];
  if (typeof given === 'string') {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(given);
    if (match === null) throw new InputError('audit-verify: --head must be N:HASH', [{ where: '--head', reason: 'an entry number, a colon and a 64-digit lowercase hex sha256' }]);
    return { chainNo: match[1] as string, hash: match[2] as string };
  }
  const file = options['signed-head'];
  if (typeof file !== 'string') return undefined;
  const keyFile = options['public-key'];
  if (typeof keyFile !== 'string') throw new InputError('audit-verify: --signed-head needs --public-key', [{ where: '--public-key', reason: 'the key published in the portal and at GET /api/public/audit/key' }]);
  const parsed = ZSignedHead.safeParse(await readJson(file));
  if (!parsed.success) throw new InputError('audit-verify: not a signed head', [{ where: file, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }]);
  const problem = signedHeadProblem(publicKeyPem(await readFile(keyFile, 'utf8')), parsed.data);
  if (problem !== undefined) throw new InputError('audit-verify: the signed head does not verify', [{ where: file, reason: problem }]);
  return { chainNo: parsed.data.chainNo, hash: parsed.data.hash };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new InputError('audit-verify: cannot read the signed head', [{ where: file, reason: error instanceof Error ? error.message : String(error) }]);
  }
}

/** A PEM file, or the JSON of GET /api/public/audit/key. */
function publicKeyPem(text: string): string {
  if (text.trimStart().startsWith('-----BEGIN PUBLIC KEY')) return text;
  try {
    const json = JSON.parse(text) as { publicKeyPem?: unknown };
    if (typeof json.publicKeyPem === 'string') return json.publicKeyPem;
  } catch {
    // neither PEM nor JSON: refused below
  }
  throw new InputError('audit-verify: --public-key is neither a PEM public key nor the JSON of /api/public/audit/key');
}

/** Reads audit_log in chain order, a page at a time, and recomputes every hash. */
export async function verifyAuditLog(url: string): Promise<TChainVerdict> {
  return (await readAuditLog(url)).verdict;
}

/** The verdict on the chain, and how many committed entries are not chained yet, from one snapshot. */
async function readAuditLog(url: string): Promise<{ verdict: TChainVerdict; unchained: number }> {
  return withSnapshot(url, async (client) => {
    const verdict = await verifyAuditChain(async (after, limit) => (await client.query<TAuditRow>(AUDIT_PAGE_SQL, [after, limit])).rows);
    const [{ n }] = (await client.query<{ n: number }>(AUDIT_UNCHAINED_SQL)).rows as [{ n: number }];
    return { verdict, unchained: n };
  });
}

/** One read-only snapshot for the whole check, so appends made meanwhile cannot look like a break. */
async function withSnapshot<T>(url: string, work: (client: TClient) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: the other commands start without pg's networking.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new InputError(`audit-verify: cannot connect to the database`, [{ where: maskUrl(url), reason: error instanceof Error ? error.message : String(error) }]);
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}
