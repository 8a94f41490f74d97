import { ZFiscalYear } from '@budgetflow/domain';
import { z } from 'zod';

/** Lines per page of the JSON API: a page is at most this long; ask for the CSV to have them all. */
export const MAX_LINES_PAGE_SIZE = 1000;

export const ZYearParams = z.strictObject({ year: z.coerce.number().pipe(ZFiscalYear) });

export const ZLinesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_LINES_PAGE_SIZE).default(100),
});
export type TLinesQuery = z.output<typeof ZLinesQuery>;

export const ZPublishedLine = z.object({
  publicationId: z.uuid(),
  functionCode: z.string().describe('功能科目编码 (项)'),
  functionName: z.string(),
  economicCode: z.string().describe('经济科目编码 (款)'),
  economicName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.string().describe('基本支出 | 项目支出'),
  basicKind: z.string().describe('人员经费 | 公用经费 | empty'),
  fundSource: z.string(),
  projectName: z.string(),
  amount: z.string().describe('元, exact, two decimals'),
  fiscalYear: z.number().int(),
  lineId: z.string(),
});
export const ZLinesPage = z.object({ items: z.array(ZPublishedLine), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
