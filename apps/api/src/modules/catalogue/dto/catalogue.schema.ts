import { ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZFiscalYearValue } from '../../departments/dto/departments.schema';

/** 支出功能分类 (functional) or 部门预算支出经济分类 (economic), as the domain names them. */
export const ZClassificationKind = z.enum(['functional', 'economic']);

export const ZCatalogueParams = z.strictObject({ year: ZFiscalYearValue, kind: ZClassificationKind });
export type TCatalogueParams = z.infer<typeof ZCatalogueParams>;

export const ZCatalogueCsv = ZText.min(1, 'the CSV body is empty').describe('CSV with the header `code,name`');

export const ZCatalogueEntry = z.object({ code: z.string(), name: z.string(), level: z.enum(['class', 'section', 'item']), parentCode: z.string().optional() });

export const ZCatalogueList = z.object({
  fiscalYear: z.number().int(),
  kind: ZClassificationKind,
  source: z.enum(['upload', 'built-in']).describe('an administrator upload for this year, or the domain’s built-in edition'),
  editionId: z.uuid().nullable(),
  entries: z.array(ZCatalogueEntry),
});
export type TCatalogueList = z.infer<typeof ZCatalogueList>;

export const ZCatalogueUploadResult = z.object({ editionId: z.uuid(), fiscalYear: z.number().int(), kind: ZClassificationKind, entryCount: z.number().int() });
export type TCatalogueUploadResult = z.infer<typeof ZCatalogueUploadResult>;
