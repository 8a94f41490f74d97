import { ZOfficeCode, ZOfficeKind, ZReviewChain, ZText } from '@budgetflow/domain';
import { z } from 'zod';
import { ZFiscalYearValue } from '../../departments/dto/departments.schema';

const ZCode = z.string().regex(/^[0-9]{3,12}$/, 'a code is 3–12 digits');
const ZName = ZText.trim().min(1).max(200);
const ZUsername = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'not a username');

export const ZBureauParams = z.strictObject({ code: ZCode });
export const ZOfficeParams = z.strictObject({ code: ZOfficeCode });
export const ZUnitParams = z.strictObject({ code: ZCode });
export const ZChainParams = z.strictObject({ bureau: ZCode, year: ZFiscalYearValue });

/** A finance bureau (财政局) and the departments whose budgets it reviews. */
export const ZPutBureau = z.strictObject({ name: ZName, departments: z.array(ZCode).max(5_000) });
export type TPutBureau = z.output<typeof ZPutBureau>;

/** An office of a bureau: its kind, the departments it reviews and the reviewers who belong to it. */
export const ZPutOffice = z.strictObject({
  bureau: ZCode,
  name: ZText.trim().min(1).max(100),
  kind: ZOfficeKind,
  departments: z.array(ZCode).max(5_000),
  reviewers: z.array(ZUsername).max(500),
});
export type TPutOffice = z.output<typeof ZPutOffice>;

/** 本级 (the department's own unit) or 二级单位 (a subordinate unit it consolidates). */
export const ZPutUnitLevel = z.strictObject({ level: z.enum(['self', 'subordinate']) });

export const ZPutReviewChain = ZReviewChain;

const ZUnitView = z.object({ code: z.string(), name: z.string(), level: z.enum(['self', 'subordinate']) });
export const ZOrganisation = z.object({
  bureaus: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      offices: z.array(z.object({ code: z.string(), name: z.string(), kind: ZOfficeKind, departments: z.array(z.string()), reviewers: z.array(z.string()) })),
      departments: z.array(z.object({ code: z.string(), name: z.string(), units: z.array(ZUnitView) })),
    }),
  ),
});
export type TOrganisation = z.output<typeof ZOrganisation>;

export const ZChainView = z.object({ bureau: z.string(), fiscalYear: z.number().int(), configured: z.boolean(), version: z.number().int(), chain: ZReviewChain });
export type TChainView = z.output<typeof ZChainView>;

/** A reviewer hands their stage to a colleague for a period (dates inclusive). */
export const ZCreateDelegation = z
  .strictObject({ delegate: ZUsername, startsOn: z.iso.date(), endsOn: z.iso.date(), reason: ZText.trim().max(500).optional() })
  .refine((d) => d.endsOn >= d.startsOn, { message: 'endsOn is before startsOn', path: ['endsOn'] });
export type TCreateDelegation = z.output<typeof ZCreateDelegation>;
export const ZDelegation = z.object({
  id: z.uuid(),
  delegator: z.string(),
  delegatorName: z.string(),
  delegate: z.string(),
  delegateName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string().nullable(),
  revoked: z.boolean(),
});
export type TDelegation = z.output<typeof ZDelegation>;

/** A reviewer one may delegate to (GET /api/delegations/colleagues). */
export const ZColleague = z.object({ username: z.string(), displayName: z.string(), office: z.string().nullable() });
export type TColleague = z.output<typeof ZColleague>;
