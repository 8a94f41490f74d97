import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from './audit-chain';
import { appendAuditEntry } from './audit-append';

/** The chain entry that records what a publication made public. */
export const PUBLICATION_RECORD_ACTION = 'publication.record';
/** The outbox topic of the head signed once a publication's record is in the chain. */
export const SIGN_HEAD_TOPIC = 'audit.sign-head';

export interface TPublishedFileRecord {
  id: string;
  name: string;
  sha256: string;
  size: number;
}

/** The payload of a publication's record entry (what audit-verify compares the database with). */
export interface TPublicationRecord {
  revisionNo: number;
  figuresSha256: string;
  files: TPublishedFileRecord[];
}

/** The hash of the published figures: sha256 of the revision's disclosure as canonical JSON. */
export function figuresSha256(disclosure: unknown): string {
  return createHash('sha256').update(canonicalJson(disclosure), 'utf8').digest('hex');
}

/**
 * Called where a publication's files become public, in that transaction: every file's sha256 and the
 * figures' hash become an entry of the chain, and a head is signed (by a job) once it is chained.
 * A file or figure rewritten later, even with its sha256 column, no longer matches the entry.
 */
export async function recordPublication(
  m: EntityManager,
  p: { publicationId: string; budgetId: string; revisionNo: number; disclosure: unknown; files: readonly TPublishedFileRecord[] },
): Promise<void> {
  const record: TPublicationRecord = {
    revisionNo: p.revisionNo,
    figuresSha256: figuresSha256(p.disclosure),
    files: p.files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256, size: f.size })),
  };
  await appendAuditEntry(m, { actor: 'system', action: PUBLICATION_RECORD_ACTION, entity: 'publication', entityId: p.publicationId, budgetId: p.budgetId, payload: { ...record } });
  await m.query(`INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, [SIGN_HEAD_TOPIC, JSON.stringify({ publicationId: p.publicationId })]);
}
