import { z } from 'zod';
import { ZText } from '../text';
import type { Role } from './workflow.types';

/**
 * 两上两下, the rounds of a budget year:
 * - proposal: 一上, the department's proposal, reviewed by the 预算科, which issues the ceilings;
 * - ceilings: 一下 issued (控制数), the department prepares its 二上 within them;
 * - final: 二上 submitted, in review along the chain (and back with the preparer when returned);
 * - replied: 二下, the bureau's 批复 (document number and date), then publication and corrections;
 * - adjustment: 预算调整 after 批复, a new revision reviewed along the same chain;
 * - unit: a 单位预算, prepared by a second-level unit and reviewed by its 主管部门 (the department),
 *   whose approval consolidates it into the 部门预算; a unit budget stays in this round.
 */
export const BUDGET_ROUNDS = ['proposal', 'ceilings', 'final', 'replied', 'adjustment', 'unit'] as const;
export type BudgetRound = (typeof BUDGET_ROUNDS)[number];
export const ZBudgetRound = z.enum(BUDGET_ROUNDS);

/** 预算调整: 调剂 (between lines, same total), 追加 (an increase), 调减 (a decrease). */
export const ADJUSTMENT_KINDS = ['transfer', 'increase', 'decrease'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ZAdjustmentKind = z.enum(ADJUSTMENT_KINDS);

/** The offices of a finance bureau: 预算科, 业务科室, 资产科, 绩效科, other. */
export const OFFICE_KINDS = ['budget', 'business', 'assets', 'performance', 'other'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
export const ZOfficeKind = z.enum(OFFICE_KINDS);

/**
 * Who issues and edits the ceilings (控制数): the 预算科. A 业务科室 reviews its departments' budgets
 * but does not set their ceilings; a reviewer of no office (a district that has not set up its
 * offices, where one office does everything) does both.
 */
export function issuesCeilings(officeKind: OfficeKind | null): boolean {
  return officeKind === null || officeKind === 'budget';
}

/** An office code as the administrator names it (e.g. `yusuanke`, `yewu-1`). */
export const ZOfficeCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'an office code is 1–32 lowercase letters, digits or hyphens');

/**
 * Who acts at a stage, besides the stage's role:
 * - scope: any reviewer whose review scope covers the department (the chain of a year nobody configured);
 * - kind: a reviewer of an office of this kind that is assigned the department (e.g. its 业务科室);
 * - office: a reviewer of this one office (e.g. the 预算科), whatever it is assigned.
 */
export const ZStageOffice = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('scope') }),
  z.strictObject({ by: z.literal('kind'), kind: ZOfficeKind }),
  z.strictObject({ by: z.literal('office'), code: ZOfficeCode }),
]);
export type StageOffice = z.output<typeof ZStageOffice>;

/**
 * A review stage: the bureau's stages are its reviewers' (what an administrator configures, see
 * ZBureauStage); the 主管部门's review of its units' budgets is the department reviewers'.
 */
export const ZReviewStage = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a stage key is 1–32 lowercase letters, digits or hyphens'),
  name: ZText.trim().min(1).max(50),
  role: z.enum(['reviewer', 'department_reviewer']),
  office: ZStageOffice,
});
export type ReviewStage = z.output<typeof ZReviewStage>;
/** A stage of the bureau's chain: one of its reviewers acts. */
const ZBureauStage = ZReviewStage.extend({ role: z.literal('reviewer') });

/** A bureau's review chain of one year: sequential stages; the last stage's approval is the 批复. */
export const ZReviewChain = z
  .strictObject({
    /** whether the year starts with 一上 (proposals reviewed, then ceilings issued) */
    proposalRound: z.boolean(),
    stages: z.array(ZBureauStage).min(1).max(10),
  })
  .refine((chain) => new Set(chain.stages.map((s) => s.key)).size === chain.stages.length, { message: 'stage keys must be unique', path: ['stages'] });
export type ReviewChain = z.output<typeof ZReviewChain>;

/** The chain of a year that has none configured: one stage, any reviewer in scope (Budgetflow's first process). */
export const DEFAULT_REVIEW_CHAIN: ReviewChain = {
  proposalRound: false,
  stages: [{ key: 'bureau', name: '财政局审核', role: 'reviewer', office: { by: 'scope' } }],
};

/** The stage that reviews a proposal (一上): the 预算科, who then issues the ceilings. */
export const PROPOSAL_STAGE: ReviewStage = { key: 'proposal', name: '预算科（一上）', role: 'reviewer', office: { by: 'kind', kind: 'budget' } };

/**
 * The one stage of a 单位预算: its department's reviewers (主管部门审核), whose review scope is their
 * own department. Its approval consolidates the unit's figures into the 部门预算.
 */
export const UNIT_REVIEW_STAGE: ReviewStage = { key: 'department', name: '主管部门审核', role: 'department_reviewer', office: { by: 'scope' } };

/** The round a new budget of a year starts in. */
export function firstRound(chain: ReviewChain): BudgetRound {
  return chain.proposalRound ? 'proposal' : 'ceilings';
}

/** A reviewer's office, as the stage guard sees it. */
export interface ActorOffice {
  code: string;
  kind: OfficeKind;
  /** the departments assigned to the office */
  departmentCodes: readonly string[];
}

/** Whether someone of this role, office and review scope acts at the stage for the department. */
export function fitsStage(
  stage: ReviewStage,
  who: { role: Role; office?: ActorOffice | undefined; reviewerScope?: 'all' | readonly string[] | undefined },
  departmentCode: string,
): boolean {
  if (who.role !== stage.role) return false;
  switch (stage.office.by) {
    case 'scope':
      return who.reviewerScope === 'all' || (who.reviewerScope?.includes(departmentCode) ?? false);
    case 'kind':
      return who.office?.kind === stage.office.kind && who.office.departmentCodes.includes(departmentCode);
    case 'office':
      return who.office?.code === stage.office.code;
  }
}

/** Where a budget is in its chain while in review. */
export interface StagePosition {
  index: number;
  count: number;
  stage: ReviewStage;
}

/** The stage a budget in review waits on: the proposal stage in 一上, the 主管部门's for a unit budget, else the chain's stage at its index. */
export function stageAt(chain: ReviewChain, round: BudgetRound, index: number): StagePosition | undefined {
  if (round === 'proposal') return { index: 0, count: 1, stage: PROPOSAL_STAGE };
  if (round === 'unit') return { index: 0, count: 1, stage: UNIT_REVIEW_STAGE };
  const stage = chain.stages[index];
  return stage === undefined ? undefined : { index, count: chain.stages.length, stage };
}
