import { ZCeilings, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZFiscalYearValue } from '../../departments/dto/departments.schema';

const ZFenDigits = z.string().regex(/^-?\d+$/).describe('whole 分 as digits');

export const ZPutCeilingsRequest = z.strictObject({
  ceilings: ZCeilings,
  version: z.number().int().min(0).optional().describe('the version of the ceilings last seen (0: none issued yet); left out, the last write wins'),
});
export type TPutCeilingsRequest = z.infer<typeof ZPutCeilingsRequest>;

export const ZCeilingComparison = z.object({
  ceiling: z.string().describe("'total', 'basic', 'project', 'fundSource.<source>' or 'threePublic.<part>'"),
  name: z.string(),
  ceilingFen: ZFenDigits,
  amountFen: ZFenDigits,
  roomFen: ZFenDigits.describe('what is left; negative: over the ceiling by that much'),
});

export const ZCeilingsAnswer = z.object({
  budgetId: z.uuid(),
  fiscalYear: z.number().int(),
  department: z.object({ code: z.string(), name: z.string() }),
  version: z.number().int().describe('0 while none are issued'),
  setAt: z.string().nullable().describe('when the figures were last filled in (填写控制数); null while none are'),
  issuedAt: z.string().nullable().describe("when they were issued to the department (下达控制数, the answer to its 一上); null before, and in a year without rounds"),
  ceilings: z.record(z.string(), z.unknown()).describe('ZCeilings, amounts as whole 分 in digits'),
  comparison: z.array(ZCeilingComparison),
});
export type TCeilingsAnswer = z.infer<typeof ZCeilingsAnswer>;

export const ZCeilingsYearParams = z.strictObject({ year: ZFiscalYearValue });
export const ZCeilingsUploadParams = z.strictObject({ year: ZFiscalYearValue, uploadId: z.uuid() });
export type TCeilingsUploadParams = z.infer<typeof ZCeilingsUploadParams>;
export const ZCeilingsUploadBody = z.strictObject({ csv: ZText.min(1).max(2_000_000).describe('a header row (部门编码, 支出总额, 基本支出, 项目支出, fund sources, 三公 parts), one row per department, amounts in 元') });

export const ZCeilingsUploadPreview = z.object({
  uploadId: z.uuid(),
  fiscalYear: z.number().int(),
  confirmed: z.boolean(),
  rows: z.array(z.object({ position: z.string(), departmentCode: z.string(), departmentName: z.string().nullable(), ceilings: z.record(z.string(), z.unknown()), current: z.record(z.string(), z.unknown()).nullable() })),
  problems: z.array(z.object({ position: z.string(), column: z.string(), reason: z.string() })),
});
export type TCeilingsUploadPreview = z.infer<typeof ZCeilingsUploadPreview>;

const ZRoundFen = ZFenDigits.nullable().describe('null: the round has no figure of it (not reached, or no ceiling)');
export const ZRoundsAnswer = z.object({
  budgetId: z.uuid(),
  revisions: z.object({ proposal: z.number().int().nullable(), final: z.number().int().nullable(), replied: z.number().int().nullable() }).describe('the revision each round stands for'),
  ceilingsVersion: z.number().int(),
  rows: z.array(z.object({ item: z.string(), name: z.string(), proposalFen: ZRoundFen, ceilingFen: ZRoundFen, finalFen: ZRoundFen, repliedFen: ZRoundFen })),
});
export type TRoundsAnswer = z.infer<typeof ZRoundsAnswer>;
