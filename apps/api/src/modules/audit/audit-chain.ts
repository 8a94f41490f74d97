import { createHash } from 'node:crypto';

/**
 * The audit chain's hashing, shared by AuditService (append) and `pnpm budget audit-verify`.
 * Pure: no database here, so the CLI can use it with a bare pg client.
 *
 * hash = sha256( canonicalJson({ id, at, actor, action, entity, entityId, budgetId, payload }) + prevHash )
 * The first entry's prevHash is GENESIS_HASH.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface TAuditRow {
  /** bigserial as a decimal string */
  id: string;
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

export function hashAuditEntry(row: Omit<TAuditRow, 'hash'>): string {
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

export type TChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenId: string; reason: string };

/**
 * Walks rows in id order; the first row whose prev_hash does not match its predecessor or
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
        return { ok: false, checked: this.checked, brokenId: row.id, reason: 'prev_hash does not match the previous entry (an entry was removed, inserted or reordered)' };
      }
      if (hashAuditEntry(row) !== row.hash) {
        return { ok: false, checked: this.checked, brokenId: row.id, reason: 'content does not match its hash (the entry was altered)' };
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

/** SQL that reads audit rows for verification, a page at a time after a given id. */
export const AUDIT_PAGE_SQL = `
  SELECT id::text AS id, at, actor, action, entity, entity_id AS "entityId", budget_id AS "budgetId",
         payload, prev_hash AS "prevHash", hash
  FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`;

/** Pages through the chain with any query function (TypeORM here, a bare pg client in the CLI). */
export async function verifyAuditChain(readPage: (afterId: string, limit: number) => Promise<TAuditRow[]>, pageSize = 5000): Promise<TChainVerdict> {
  const verifier = new AuditChainVerifier();
  let afterId = '0';
  for (;;) {
    const rows = await readPage(afterId, pageSize);
    const broken = verifier.feed(rows);
    if (broken !== undefined) return broken;
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return verifier.verdict();
    afterId = last.id;
  }
}
