import { z } from 'zod';

/**
 * The transcription format of shared/samples/disclosures: a published disclosure typed table by
 * table from its PDF's text layer. Figures are as printed (JSON numbers in the table's unit, or the
 * printed text where a table was kept raw); a blank cell is null, a printed 0 is 0. Only what the
 * converter reads is typed; the rest (pages, provenance …) passes through.
 */
const ZPrinted = z.union([z.number(), z.string(), z.null()]);

const ZCodeRow = z.object({
  code: z.string(),
  level: z.enum(['类', '款', '项']),
  name: z.string(),
  amounts: z.record(z.string(), ZPrinted).optional(), // per printed column
  amount: ZPrinted.optional(), // a table of one 金额 column
});

const ZNamedAmount = z.object({ name: z.string(), amount: ZPrinted });
const ZNamedAmounts = z.object({ name: z.string(), amounts: z.record(z.string(), ZPrinted) });

export const ZTranscribedTable = z.looseObject({
  title: z.string(),
  unit: z.enum(['元', '万元']),
  note: z.string().nullable().optional(), // the empty-table statement, where printed
  columns: z.array(z.string()).optional(),
  rows: z.array(ZCodeRow).optional(),
  total: z.union([z.record(z.string(), ZPrinted), ZPrinted]).optional(),
  income: z.array(ZNamedAmount).optional(),
  expenditure: z.array(ZNamedAmounts).optional(),
  expenditure_by_function: z.array(ZNamedAmount).optional(),
  expenditure_by_use: z.array(ZNamedAmount).optional(),
  totals: z.record(z.string(), z.union([ZPrinted, z.record(z.string(), ZPrinted)])).optional(),
  values: z.record(z.string(), ZPrinted).optional(), // a table of one row of named figures (三公)
  raw_rows: z.array(z.array(z.string().nullable())).optional(),
  header_rows: z.array(z.array(z.string().nullable())).optional(),
  value_rows: z.array(z.array(z.string().nullable())).optional(),
});

export const ZTranscription = z.looseObject({
  department: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  scope: z.enum(['部门预算', '单位预算']).optional(),
  tables: z.record(z.string().regex(/^T\d+_/, 'a table key is the template table id, "_", and a description'), ZTranscribedTable),
  // 编制说明 / 第三部分 as the text layer gives it, and what follows it (Shanghai: 其他相关情况说明)
  narrative: z.looseObject({ text: z.string(), other_notes_text: z.string().optional() }).optional(),
});

export type TTranscribedTable = z.output<typeof ZTranscribedTable>;
export type TTranscription = z.output<typeof ZTranscription>;
export type TPrinted = z.output<typeof ZPrinted>;
