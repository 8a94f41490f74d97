import { z } from 'zod';
import { ZDisclosure } from '../disclosure/disclosure.schema';
import { ZCorrection } from '../render/correction-notice';
import { ZListedFile } from './listed-file.schema';

/** One published version of a budget, as GET /api/public/disclosures lists them. */
export const ZPublicationSummary = z.object({
  id: z.uuid(),
  budgetId: z.uuid(),
  versionNo: z.number().int(),
  revisionNo: z.number().int(),
  fiscalYear: z.number().int(),
  department: z.object({ code: z.string(), name: z.string() }),
  /** A unit's own 单位预算, listed under its department (templates with a 单位 scope); null for the 部门预算. */
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  publishedAt: z.iso.datetime(),
  /** True for the newest version of its budget; older versions stay readable beside it. */
  latest: z.boolean(),
});

/** One published version with the disclosure of the revision it published and its files. */
export const ZPublication = ZPublicationSummary.extend({
  sha256: z.string(),
  disclosure: ZDisclosure,
  /** Rendered by a job after publication: empty until then. */
  files: z.array(ZListedFile),
  /** 更正说明 of version 2 and later: why, when, and each figure changed against the version before; null for version 1. */
  correction: ZCorrection.nullable(),
  /** The newest version of the same budget (this one while `latest`): where an old link sends its reader. */
  latestVersion: ZPublicationSummary.pick({ id: true, versionNo: true, publishedAt: true }),
});

export type TPublicationSummary = z.output<typeof ZPublicationSummary>;
export type TPublication = z.output<typeof ZPublication>;
