import { AUDIT_PAGE_SQL, verifyAuditChain, type TAuditRow, type TChainVerdict } from './audit-chain';
import { figuresSha256, PUBLICATION_RECORD_ACTION, type TPublicationRecord } from './published-record';

/** Any query function: a bare pg client in the CLI, TypeORM in the API. */
export type TQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

export interface TRecordReport {
  chain: TChainVerdict;
  /** What makes the record untrustworthy: a truncated or rewritten chain, a forged file or figures. */
  findings: string[];
  /** Publications whose files no record up to the head covers (published after it, or before records were kept). */
  uncovered: string[];
  /** Publications whose files and figures were compared with their record. */
  publicationsChecked: number;
}

/**
 * Checks the audit record against a head kept outside the database (entry number and hash, e.g. from
 * a signed head): the chain must reach that entry with that hash (so deleting the newest entries or
 * recomputing the chain is found), and every publication recorded up to it must still have the files
 * (their content's sha256, not just the column) and the figures its record names.
 */
export async function checkAuditRecord(query: TQuery, head: { chainNo: string; hash: string } | undefined): Promise<TRecordReport> {
  const findings: string[] = [];
  const chain = await verifyAuditChain(async (after, limit) => (await query(AUDIT_PAGE_SQL, [after, limit])) as TAuditRow[]);
  if (!chain.ok) findings.push(`the chain is broken at entry ${chain.brokenId}: ${chain.reason}`);
  if (head !== undefined) findings.push(...(await headFindings(query, head)));
  const records = (await query(
    `SELECT entity_id AS "publicationId", payload FROM audit_log
     WHERE action = $1 AND chain_no IS NOT NULL AND ($2::bigint IS NULL OR chain_no <= $2::bigint) ORDER BY chain_no`,
    [PUBLICATION_RECORD_ACTION, head?.chainNo ?? null],
  )) as { publicationId: string; payload: TPublicationRecord }[];
  for (const record of records) findings.push(...(await publicationFindings(query, record.publicationId, record.payload)));
  const recorded = new Set(records.map((r) => r.publicationId));
  const withFiles = (await query(`SELECT DISTINCT publication_id::text AS id FROM publication_files ORDER BY 1`, [])) as { id: string }[];
  return { chain, findings, uncovered: withFiles.map((p) => p.id).filter((id) => !recorded.has(id)), publicationsChecked: records.length };
}

async function headFindings(query: TQuery, head: { chainNo: string; hash: string }): Promise<string[]> {
  const [entry] = (await query(`SELECT hash FROM audit_log WHERE chain_no = $1::bigint`, [head.chainNo])) as { hash: string }[];
  if (entry === undefined) {
    const [{ last }] = (await query(`SELECT max(chain_no)::text AS last FROM audit_log`, [])) as [{ last: string | null }];
    return [`the head names entry ${head.chainNo}, but the chain ends at entry ${last ?? 0}: its newest entries were deleted (truncated)`];
  }
  if (entry.hash !== head.hash) return [`entry ${head.chainNo} has hash ${entry.hash}, not the head's ${head.hash}: the chain was rewritten up to there`];
  return [];
}

async function publicationFindings(query: TQuery, publicationId: string, record: TPublicationRecord): Promise<string[]> {
  const findings: string[] = [];
  // The content's hash computed by the database from the bytes it serves, not the sha256 column alone.
  const files = (await query(
    `SELECT id::text AS id, name, sha256, encode(sha256(content), 'hex') AS actual FROM publication_files WHERE publication_id = $1 ORDER BY id`,
    [publicationId],
  )) as { id: string; name: string; sha256: string; actual: string }[];
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const expected of record.files) {
    const file = byId.get(expected.id);
    if (file === undefined) findings.push(`publication ${publicationId}: file ${expected.name} (${expected.id}) was removed`);
    else if (file.actual !== expected.sha256 || file.sha256 !== expected.sha256) {
      findings.push(`publication ${publicationId}: file ${file.name} is not the one published (sha256 ${file.actual}, recorded ${expected.sha256})`);
    }
    byId.delete(expected.id);
  }
  for (const extra of byId.values()) findings.push(`publication ${publicationId}: file ${extra.name} (${extra.id}) was not published (not in its record)`);
  const [published] = (await query(
    `SELECT r.disclosure FROM publications p JOIN revisions r ON r.budget_id = p.budget_id AND r.revision_no = p.revision_no WHERE p.id = $1`,
    [publicationId],
  )) as { disclosure: unknown }[];
  if (published === undefined) findings.push(`publication ${publicationId}: the publication or its revision was removed`);
  else if (figuresSha256(published.disclosure) !== record.figuresSha256) findings.push(`publication ${publicationId}: the published figures were changed (their hash is not the recorded ${record.figuresSha256})`);
  return findings;
}
