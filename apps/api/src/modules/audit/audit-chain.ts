import { createHash } from 'node:crypto';
import type { TChainVerdict } from '@budgetflow/domain';

/**
 * The audit chain's hashing, shared by the chainer (AuditChainer) and `pnpm budget audit-verify`.
 * Pure: no database here, so the CLI can use it with a bare pg client.
 *
 * hash = sha256( canonicalJson({ id, at, actor, action, entity, entityId, budgetId, payload }) + prevHash )
 * Entries are chained in the order of their place `chainNo` (given after commit, see AuditChainer);
 * the first entry's prevHash is GENESIS_HASH.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface TAuditRow {
  /** bigserial as a decimal string */
  id: string;
  /** the entry's place in the chain, a decimal string (not hashed: the links fix the order) */
  chainNo: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  budgetId: string | null;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export function hashAuditEntry(row: Omit<TAuditRow, 'hash' | 'chainNo'>): string {
  const body = canonicalJson({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    budgetId: row.budgetId,
    payload: row.payload,
  });
  return createHash('sha256').update(body + row.prevHash, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every level, so the same value always gives the same text
 * (jsonb does not keep key order). `undefined` members are dropped, as JSON and jsonb do.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot hash a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type { TChainVerdict };

/**
 * Walks rows in chain order; the first row whose prev_hash does not match its predecessor or
 * whose stored hash does not match its content is the broken one.
 * Feed it in pages: pass the last verdict's head to continue.
 */
export class AuditChainVerifier {
  private prevHash = GENESIS_HASH;
  private checked = 0;

  /** Returns a broken verdict at the first bad row, or undefined if these rows are intact. */
  feed(rows: readonly TAuditRow[]): TChainVerdict | undefined {
    for (const row of rows) {
      if (row.prevHash !== this.prevHash) {
        return { ok: false, checked: this.checked, brokenId: row.id, fault: 'link', reason: 'prev_hash does not match the previous entry (an entry was removed, inserted or reordered)' };
      }
      if (hashAuditEntry(row) !== row.hash) {
        return { ok: false, checked: this.checked, brokenId: row.id, fault: 'content', reason: 'content does not match its hash (the entry was altered)' };
      }
      this.prevHash = row.hash;
      this.checked += 1;
    }
    return undefined;
  }

  verdict(): TChainVerdict {
    return { ok: true, checked: this.checked };
  }
}

/** SQL that reads chained audit rows for verification, a page at a time after a given place. */
export const AUDIT_PAGE_SQL = `
  SELECT id::text AS id, chain_no::text AS "chainNo", at, actor, action, entity, entity_id AS "entityId",
         budget_id AS "budgetId", payload, prev_hash AS "prevHash", hash
  FROM audit_log WHERE chain_no > $1::bigint ORDER BY chain_no LIMIT $2`;

/** Entries committed but not chained yet: the chainer links them within moments of their commit. */
export const AUDIT_UNCHAINED_SQL = `SELECT count(*)::int AS n FROM audit_log WHERE chain_no IS NULL`;

/** Pages through the chain with any query function (TypeORM here, a bare pg client in the CLI). */
export async function verifyAuditChain(readPage: (afterChainNo: string, limit: number) => Promise<TAuditRow[]>, pageSize = 5000): Promise<TChainVerdict> {
  const verifier = new AuditChainVerifier();
  let after = '0';
  for (;;) {
    const rows = await readPage(after, pageSize);
    const broken = verifier.feed(rows);
    if (broken !== undefined) return broken;
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return verifier.verdict();
    after = last.chainNo;
  }
}

/** What the chainer writes to an entry: its place, the hash it links to and its own hash. */
export interface TChainLink {
  id: string;
  chainNo: string;
  prevHash: string;
  hash: string;
}

/**
 * Links `rows` (committed entries not chained yet, in the order they are to take) after the chain's
 * head (undefined: the chain is empty). Pure, so the links are what the verifier recomputes.
 */
export function linkAfter(head: { chainNo: string; hash: string } | undefined, rows: readonly Omit<TAuditRow, 'hash' | 'chainNo' | 'prevHash'>[]): TChainLink[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let chainNo = BigInt(head?.chainNo ?? '0');
  return rows.map((row) => {
    chainNo += 1n;
    const hash = hashAuditEntry({ ...row, prevHash });
    const link = { id: row.id, chainNo: chainNo.toString(), prevHash, hash };
    prevHash = hash;
    return link;
  });
}
