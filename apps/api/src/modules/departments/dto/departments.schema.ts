import { findTemplate, TEMPLATES, ZLineText } from '@budgetflow/domain';
import { z } from 'zod';

/** Department and budget-unit codes: digits, 3–12 (e.g. 019001). */
export const ZOrgCode = z.string().regex(/^[0-9]{3,12}$/, 'must be 3 to 12 digits');
const ZName = ZLineText.trim().min(1, 'required').max(200);

export const ZCreateDepartment = z.strictObject({ code: ZOrgCode, name: ZName });
export type TCreateDepartment = z.infer<typeof ZCreateDepartment>;

export const ZRenameDepartment = z.strictObject({ name: ZName });
export type TRenameDepartment = z.infer<typeof ZRenameDepartment>;

export const ZCreateBudgetUnit = z.strictObject({ code: ZOrgCode, name: ZName });
export type TCreateBudgetUnit = z.infer<typeof ZCreateBudgetUnit>;

export const ZDepartment = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export const ZBudgetUnit = z.object({ id: z.uuid(), departmentId: z.uuid(), code: z.string(), name: z.string() });

export const ZIdParams = z.strictObject({ id: z.uuid('must be a uuid') });

export const ZFiscalYearValue = z.coerce.number().int('must be a whole year').min(2000).max(2100);
export const ZYearParams = z.strictObject({ year: ZFiscalYearValue });
// The template in force for the year's new budgets; left out, it stays as it was (hubei-2020 at first).
const ZTemplateId = z.string().refine((id) => findTemplate(id) !== undefined, { message: `not a disclosure template; the templates are ${TEMPLATES.map((t) => t.id).join(', ')}` });
export const ZPutFiscalYear = z.strictObject({ status: z.enum(['open', 'closed']), template: ZTemplateId.optional() });
export type TPutFiscalYear = z.infer<typeof ZPutFiscalYear>;
export const ZFiscalYear = z.object({ year: z.number().int(), status: z.enum(['open', 'closed']), template: z.string() });
export type TFiscalYearView = z.infer<typeof ZFiscalYear>;
