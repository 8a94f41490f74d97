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

export { ZAuditPage, type TAuditPage } from '@budgetflow/domain';
