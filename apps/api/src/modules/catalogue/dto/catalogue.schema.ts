import { ZCatalogueEdition, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZFiscalYearValue } from '../../departments/dto/departments.schema';

/** 支出功能分类 (functional) or 部门预算支出经济分类 (economic), as the domain names them. */
export const ZClassificationKind = z.enum(['functional', 'economic', 'government-economic']);

export const ZCatalogueParams = z.strictObject({ year: ZFiscalYearValue, kind: ZClassificationKind });
export type TCatalogueParams = z.infer<typeof ZCatalogueParams>;
export const ZCatalogueYearParams = z.strictObject({ year: ZFiscalYearValue });
export const ZUploadParams = z.strictObject({ year: ZFiscalYearValue, uploadId: z.uuid() });
export type TUploadParams = z.infer<typeof ZUploadParams>;

const ZListCsv = (what: string) => ZText.min(1, `the ${what} CSV is empty`).max(2_000_000).describe(`${what} as CSV (header code,name or 科目编码,科目名称)`);

/** The official lists of a year, one CSV text each; the 政府 list and the 对照表 come together or not at all. */
export const ZCatalogueUploadBody = z.strictObject({
  functional: ZListCsv('支出功能分类'),
  economic: ZListCsv('部门预算支出经济分类'),
  governmentEconomic: ZListCsv('政府预算支出经济分类').optional(),
  economicMapping: ZText.min(1).max(2_000_000).optional().describe('两套经济分类对照表 as CSV with the columns dept_code and gov_code'),
});

export const ZCatalogueEntry = z.object({ code: z.string(), name: z.string(), level: z.enum(['class', 'section', 'item']), parentCode: z.string().optional() });

export const ZCatalogueList = z.object({
  fiscalYear: z.number().int(),
  kind: ZClassificationKind,
  source: z.enum(['upload', 'built-in']).describe('a confirmed administrator upload for this year, or the domain’s shipped edition'),
  editionId: z.uuid().nullable(),
  completeness: z.enum(['partial', 'complete']).describe('shipped editions are partial: a code they lack may exist'),
  entries: z.array(ZCatalogueEntry),
});
export type TCatalogueList = z.infer<typeof ZCatalogueList>;

export const ZEditionInForce = ZCatalogueEdition.extend({
  source: z.enum(['upload', 'built-in']),
  uploadId: z.uuid().nullable(),
  editionYear: z.number().int().describe('the year of the edition: a shipped one may be of an earlier year'),
});
export type TEditionInForce = z.infer<typeof ZEditionInForce>;

const ZListChanges = z.object({
  list: z.enum(['functional', 'economic', 'government-economic']),
  added: z.array(z.object({ code: z.string(), name: z.string() })),
  renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
  removed: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const ZUploadPreview = z.object({
  uploadId: z.uuid(),
  fiscalYear: z.number().int(),
  confirmed: z.boolean(),
  counts: z.object({ functional: z.number().int(), economic: z.number().int(), governmentEconomic: z.number().int(), economicMapping: z.number().int() }),
  against: z.object({ source: z.enum(['upload', 'built-in']), uploadId: z.uuid().nullable(), completeness: z.enum(['partial', 'complete']) }).describe('the edition in force it is compared with'),
  changes: z.object({
    lists: z.array(ZListChanges),
    mapping: z.array(z.object({ departmentCode: z.string(), from: z.array(z.string()), to: z.array(z.string()) })),
  }),
});
export type TUploadPreview = z.infer<typeof ZUploadPreview>;

export const ZConfirmResult = z.object({ uploadId: z.uuid(), fiscalYear: z.number().int(), confirmedAt: z.string() });
export type TConfirmResult = z.infer<typeof ZConfirmResult>;
