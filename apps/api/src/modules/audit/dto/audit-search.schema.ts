import { ZLineText } from '@budgetflow/domain';
import { z } from 'zod';

const ZFilterText = ZLineText.trim().min(1).max(64);

/** Filters of the audit trail's search (who, what, object, when); each optional, all combined with AND. */
export const ZAuditSearch = z.strictObject({
  actor: ZFilterText.optional().describe('username, exact'),
  action: ZFilterText.optional().describe("dotted verb or its prefix, e.g. 'user.' or 'budget.submit'"),
  entity: ZFilterText.optional(),
  entityId: ZFilterText.optional(),
  budgetId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Paging backwards: the entries older than this id (the `next` of the previous page). */
  before: z.string().regex(/^[1-9][0-9]{0,18}$/, 'an entry id').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditSearch = z.infer<typeof ZAuditSearch>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  budgetId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).describe('the facts; an edit names each changed field with {from, to} under `changes`'),
  hash: z.string().nullable(),
});
export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  names: z.record(z.string(), z.string()).describe('what a person calls the ids (UUIDs) the entries name: users by username, departments and units by name, budgets and publications by department and year'),
  next: z.string().nullable().describe('pass as `before` for the older page; null at the end'),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
