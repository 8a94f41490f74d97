import type { TAuditEntry } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';

/** The QueryRunner.data flag an append sets, so its transaction's commit wakes the chainer. */
export const AUDIT_APPENDED = 'auditAppended';

export interface TAuditInput {
  /** Username of the person acting, or 'anonymous' / 'system'. */
  actor: string;
  /** Dotted verb, e.g. 'auth.login', 'budget.submit', 'budget.lines.edit'. */
  action: string;
  entity: string;
  entityId: string;
  budgetId?: string | null;
  /** Ids and facts, not personal data; must be JSON (money as strings). */
  payload?: Record<string, unknown>;
}

export type { TAuditEntry };

/**
 * The append itself, in the caller's (active) transaction; the commit wakes this process's chainer,
 * if it has one. Used by AuditService and by the jobs, which run without Nest's container.
 */
export async function appendAuditEntry(manager: EntityManager, input: TAuditInput): Promise<TAuditEntry> {
    // Millisecond precision, so the timestamp survives the round trip through timestamptz exactly.
    const at = new Date(Date.now());
    const payload = normalisePayload(input.payload ?? {});
    const [{ id }] = (await manager.query(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, budget_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [at, input.actor, input.action, input.entity, input.entityId, input.budgetId ?? null, JSON.stringify(payload)],
    )) as [{ id: string }];
    if (manager.queryRunner !== undefined) manager.queryRunner.data[AUDIT_APPENDED] = true;
    return { id, at: at.toISOString(), actor: input.actor, action: input.action, entity: input.entity, entityId: input.entityId, budgetId: input.budgetId ?? null, payload, hash: null };
}

/** What jsonb will give back: a JSON round trip drops undefined and turns Dates into strings. */
function normalisePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}
