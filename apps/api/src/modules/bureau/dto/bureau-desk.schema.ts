import { BUDGET_ROUNDS, BUDGET_STATES, ZFiscalYear } from '@budgetflow/domain';
import { z } from 'zod';

const ZFen = z.string().describe('whole 分 as digits');
const ZStatus = z.enum(['on-time', 'late', 'due', 'overdue', 'not-replied']);

export const ZOverviewQuery = z.strictObject({
  year: z.coerce.number().pipe(ZFiscalYear),
  state: z.enum([...BUDGET_STATES, 'none']).optional().describe("a budget state, or 'none': departments without a budget of the year"),
  round: z.enum(BUDGET_ROUNDS).optional().describe('proposal (一上), ceilings (控制数 issued), final (二上), replied (批复)'),
  overCeiling: z.enum(['true', 'false']).optional().describe('only departments over (true) or within (false) an issued ceiling'),
  q: z.string().trim().min(1).max(100).optional().describe('part of a department code or name'),
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

const ZClock = {
  repliedOn: z.string().nullable().describe('批复 date'),
  deadline: z.string().nullable().describe('the 20th day after the 批复'),
  publishedOn: z.string().nullable(),
  status: ZStatus,
  daysLate: z.number().int().describe('days the publication came after the deadline, or an unpublished one is past it; 0 otherwise'),
};

export const ZUnitComplianceEntry = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  ...ZClock,
  repliedOn: ZClock.repliedOn.describe("the bureau's 批复 date of the unit's 部门预算: the unit's 20 days run from it"),
  publishedOn: ZClock.publishedOn.describe("the first publication of the unit's own 单位预算"),
});

export const ZComplianceEntry = z.object({
  department: z.object({ code: z.string(), name: z.string() }),
  ...ZClock,
  units: z
    .array(ZUnitComplianceEntry)
    .optional()
    .describe("where the department's template prints a 单位 scope (Shanghai's): each 二级单位's own 单位预算, due within the same 20 days; absent elsewhere, and for a department without 二级单位"),
});
export type TComplianceEntry = z.infer<typeof ZComplianceEntry>;

export const ZOverviewDepartment = z.object({
  department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  budgetId: z.uuid().nullable(),
  state: z.string().nullable(),
  round: z.enum(BUDGET_ROUNDS).nullable(),
  stage: z.object({ index: z.number().int(), count: z.number().int(), name: z.string() }).nullable().describe('the review stage a submitted budget waits on'),
  stateSince: z.string().nullable(),
  daysWaiting: z.number().int().nullable().describe('whole days in the current state'),
  figures: z.object({ totalFen: ZFen, basicFen: ZFen, projectFen: ZFen }).nullable(),
  ceilings: z.object({
    issued: z.boolean(),
    exceeded: z.array(z.object({ ceiling: z.string(), name: z.string(), ceilingFen: ZFen, amountFen: ZFen, excessFen: ZFen })),
  }),
  findings: z.object({ errors: z.number().int(), warnings: z.number().int() }).nullable().describe('null while the current version is not derived yet'),
});
export type TOverviewDepartment = z.infer<typeof ZOverviewDepartment>;

export const ZOverview = z.object({
  fiscalYear: z.number().int(),
  today: z.string(),
  /** Whose desk: the reviewer's bureau and office (科室), null for one of no office. */
  desk: z.object({ bureau: z.string().nullable(), office: z.string().nullable() }),
  departments: z.array(ZOverviewDepartment),
  totals: z.object({
    totalFen: ZFen,
    byFunctionClass: z.array(z.object({ code: z.string(), name: z.string(), totalFen: ZFen })),
    byDepartment: z.array(z.object({ code: z.string(), name: z.string(), totalFen: ZFen })),
  }),
  compliance: z.array(ZComplianceEntry),
});
export type TOverview = z.infer<typeof ZOverview>;

/** The years the desk can open on, so that it need not guess one. */
export const ZBureauYears = z.object({
  years: z.array(z.number().int()).describe('the fiscal years with budgets in the caller’s scope, newest first'),
  defaultYear: z.number().int().nullable().describe('the newest of them; null while the scope has no budget'),
});
export type TBureauYears = z.infer<typeof ZBureauYears>;

export const ZComplianceQuery = z.strictObject({ year: z.coerce.number().pipe(ZFiscalYear) });
export const ZPublicCompliance = z.object({ fiscalYear: z.number().int(), today: z.string(), items: z.array(ZComplianceEntry) });
export type TPublicCompliance = z.infer<typeof ZPublicCompliance>;
