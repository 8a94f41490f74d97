import { z } from 'zod';
import { ZBudgetDocument } from '../budget/budget-document.schema';
import type { TRevisionDiff } from '../diff/revision-diff';
import { ZDisclosure } from '../disclosure/disclosure.schema';
import { ZFinding } from '../rules/finding.schema';
import { ZUserRef } from './user-ref.schema';

/** A frozen revision without its content, as GET /api/budgets/:id/revisions lists them. */
export const ZRevisionMeta = z.object({
  revisionNo: z.number().int(),
  budgetVersion: z.number().int(),
  sha256: z.string(),
  submittedBy: ZUserRef,
  editorIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});

/** One frozen revision with its content: the document, its derived disclosure, its findings. */
export const ZRevision = ZRevisionMeta.extend({
  document: ZBudgetDocument,
  disclosure: ZDisclosure,
  findings: z.array(ZFinding),
});

export type TRevisionMeta = z.output<typeof ZRevisionMeta>;
export type TRevision = z.output<typeof ZRevision>;

/**
 * GET /api/budgets/:id/diff: two revisions and what changed between them. A type without a schema:
 * the diff is computed by diffRevisions, never parsed.
 */
export interface TRevisionDiffAnswer {
  from: TRevisionMeta;
  to: TRevisionMeta;
  diff: TRevisionDiff;
}
