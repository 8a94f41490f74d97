import { z } from 'zod';

/** One entry of the audit trail (留痕), as the auditor's search (GET /api/audit) answers it. */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  budgetId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).describe('the facts; an edit names each changed field with {from, to} under `changes`'),
  /** null for the moments between the entry's commit and its chaining (see the API's AuditChainer) */
  hash: z.string().nullable(),
});

/** A page of the audit trail's search, newest first. */
export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  names: z.record(z.string(), z.string()).describe('what a person calls the ids (UUIDs) the entries name: users by username, departments and units by name, budgets and publications by department and year'),
  next: z.string().nullable().describe('pass as `before` for the older page; null at the end'),
});

/**
 * The audit chain's check (GET /api/audit/verify, as `pnpm budget audit-verify`): intact, or the
 * first broken entry and how it broke.
 */
export const ZChainVerdict = z.union([
  z.object({ ok: z.literal(true), checked: z.number().int() }),
  z.object({
    ok: z.literal(false),
    checked: z.number().int().describe('the entries before the broken one, intact'),
    brokenId: z.string(),
    fault: z.enum(['link', 'content']).describe("'link': an entry before it was removed, inserted or reordered; 'content': the entry was altered"),
    reason: z.string(),
  }),
]);

export type TAuditEntry = z.output<typeof ZAuditEntry>;
export type TChainVerdict = z.output<typeof ZChainVerdict>;
export type TAuditPage = z.output<typeof ZAuditPage>;
