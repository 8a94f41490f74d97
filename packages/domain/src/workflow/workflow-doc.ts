import { BUDGET_ROUNDS, DEFAULT_REVIEW_CHAIN, OFFICE_KINDS, PROPOSAL_STAGE, UNIT_REVIEW_STAGE, type BudgetRound, type OfficeKind } from './review-chain';
import { GUARDS, type GuardName } from './workflow-guards';
import { WORKFLOW_TRANSITIONS, type StageCondition, type StageMove, type TransitionRule } from './workflow-transitions';
import { BUDGET_STATES, WORKFLOW_ACTIONS, type BudgetState, type WorkflowAction, type WorkflowEffect } from './workflow.types';

/** Where the generated description lives, from the repository root, and the command that writes it. */
export const WORKFLOW_DOC_PATH = 'docs/workflow.md';
export const WORKFLOW_DOC_COMMAND = 'pnpm exec tsx --tsconfig tsconfig.base.json packages/domain/scripts/write-workflow-doc.ts';

type Words = { zh: string; en: string };

/** What each name of the table means; Records, so that a new state, action or guard cannot go undescribed. */
const STATES: Record<BudgetState, Words> = {
  draft: { zh: '草稿：编制人编辑', en: 'the preparers edit the working copy' },
  submitted: { zh: '审核中：等待审核链的当前环节', en: 'frozen, waiting on the current stage of its review chain' },
  returned: { zh: '已退回：编制人按退回理由修改', en: 'sent back to the preparers with a reason; editable again' },
  approved: {
    zh: '已批复：等待公开（自批复日起20日内；有单位预算模板的，所属二级单位的单位预算同样自财政批复日起20日内）',
    en: "approved (批复); the department publishes within 20 days of the 批复 date. Where the template has a 单位 scope, each of its 二级单位 owes its 单位预算 within the same 20 days, counted from the bureau's 批复 date, not from the department's reply to its units (GET /api/bureau/overview and /api/public/compliance list each unit under its department)",
  },
  published: { zh: '已公开', en: 'the disclosure is public; a correction starts a new revision' },
};
const ROUNDS: Record<BudgetRound, Words> = {
  proposal: { zh: '一上：部门提出预算建议，预算科审核', en: "the department's proposal, reviewed by the 预算科" },
  ceilings: { zh: '一下：预算科下达控制数，部门编制二上', en: 'ceilings issued; the department prepares its final submission within them' },
  final: { zh: '二上：按审核链逐级审核', en: 'the final submission, reviewed stage by stage along the chain' },
  replied: { zh: '二下：批复（文号、日期、预算指标），公开与更正', en: 'the 批复 (document number, date, approved figures per line); publication and corrections' },
  adjustment: { zh: '预算调整：调剂、追加、调减，按审核链审核', en: 'an adjustment after 批复 (transfer, increase, decrease), reviewed along the chain' },
  unit: {
    zh: '单位预算：二级单位编制，主管部门审核，审核通过即汇总入部门预算；已公开的单位预算可更正（只更正公开内容，不改变已汇总的数据）',
    en: "a unit's budget (单位预算), reviewed by its department (主管部门审核); its approval consolidates it into the department's budget. A published one is corrected (更正) in this round too: its disclosure only, its consolidated figures unchanged",
  },
};
const ACTIONS: Record<WorkflowAction, Words> = {
  submit: { zh: '报送', en: 'submit the budget for review (freezes a revision)' },
  withdraw: { zh: '撤回', en: 'take a submission back before it is decided' },
  return: { zh: '退回（须填理由）', en: 'send back to the preparers; body `{reason}` (required)' },
  approve: { zh: '审核通过（须填意见）；最后环节即批复', en: 'approve at the current stage; body `{opinion}` (required), at the last stage of the 二上 also `{documentNo, date}`: the 批复' },
  publish: { zh: '公开（部门预算；有单位预算模板的，所属单位的单位预算）', en: "publish the approved disclosure: the department's, and where the template has a 单位 scope each unit's own (单位预算)" },
  revise: { zh: '更正（须填理由）', en: 'start a correction of the published budget; body `{reason}` (required)' },
  'issue-ceilings': { zh: '下达控制数（一下）', en: 'the 预算科 answers the proposal; its figures stay as the 一上' },
  adjust: { zh: '申请预算调整（须填类型与理由）', en: 'ask for an adjustment after 批复; body `{kind: transfer|increase|decrease, reason}`' },
  'sign-off': {
    zh: '审签（保密审查，须填意见）',
    en: "clear the approved revision for publication where the bureau's policy of the year requires it (`PUT /api/admin/publication-policies/{bureau}/{year}`); body `{opinion}` (required); `GET /api/budgets/{id}/sign-off` shows it",
  },
};
const GUARD_WORDS: Record<GuardName, Words> = {
  ownDepartment: { zh: '本部门（单位预算：本单位）', en: "the actor's own department; a unit's budget: the unit's own preparers, the department's budget: the department's own people" },
  inReviewScope: { zh: '审核（审签）范围内', en: "within the reviewer's or the signer's scope (else 404)" },
  noErrors: { zh: '无错误', en: 'the rule set finds no error' },
  reasonGiven: { zh: '已填退回理由', en: 'a reason is given' },
  approverIsNotSubmitter: { zh: '审核人非报送人', en: 'the approver did not submit it' },
  approverDidNotEdit: { zh: '审核人未编辑', en: 'the approver did not edit the revision' },
  actsAtStage: { zh: '当前环节的审核人', en: "the actor is who the current stage names (role and office), or their delegate" },
  opinionGiven: { zh: '已填审核意见', en: 'an opinion is given' },
  replyGiven: { zh: '已填批复文号与日期', en: 'the 批复 document number and date are given' },
  reviseReasonGiven: { zh: '已填更正理由', en: 'the correction has a reason' },
  adjustmentGiven: { zh: '已填调整类型与理由', en: 'the adjustment has a kind and a reason' },
  notSignedOff: { zh: '尚未审签', en: 'the approved revision has no sign-off yet (one per revision: a correction is signed anew)' },
  signedOffIfRequired: { zh: '须审签的已审签', en: "where the bureau's policy of the year requires it, the approved revision is signed off" },
  publisherIsNotSigner: { zh: '公开人非审签人', en: 'the publisher did not sign the revision off' },
  withinCeilings: { zh: '未超控制数', en: 'within every issued ceiling (控制数); else OVER_CEILING with each exceeded one' },
  ceilingsSet: { zh: '本年度控制数已填写', en: "the department's ceilings of the year are filled in; else CEILINGS_NOT_SET" },
  unitsApproved: { zh: '所属单位预算均已审核汇总', en: "every unit budget of the department's year is approved and consolidated; else UNITS_NOT_APPROVED with the pending ones" },
  departmentBudgetOpen: { zh: '部门预算尚可修改（草稿或已退回）', en: "the department's budget is a draft or returned, so the unit's figures may change in it" },
  departmentOfUnit: { zh: '主管部门本级人员（代所属单位公开）', en: "the department's own people (not a unit's), acting for the department's unit budgets" },
  templateHasUnitScope: { zh: '公开模板有单位预算', en: 'the disclosure template in force prints a 单位 scope (单位预算, e.g. Shanghai); else NO_UNIT_SCOPE' },
  departmentReplied: { zh: '部门预算已批复', en: "the department's budget has its 批复; else DEPARTMENT_NOT_REPLIED" },
  unitPartKept: {
    zh: '单位预算更正不改变已汇总入部门预算的数据（支出、收入、项目）',
    en: "a unit's 更正 keeps its lines, income and projects as consolidated into the department's budget (only its disclosure changes); else UNIT_PART_CHANGED",
  },
};
const EFFECTS: Record<WorkflowEffect['type'], string> = {
  'freeze-revision': 'freezes the working copy as a new revision',
  'unfreeze-revision': 'makes the working copy editable again',
  'open-revision': 'opens a new draft revision from the published one',
  'render-publication': 'renders the public disclosure as a new version',
  notify: 'notifies',
  'keep-proposal': 'keeps the proposal revision as the 一上 figures',
  'record-reply': 'records the 批复 and the 预算指标 per line; starts the 20-day clock',
  'open-adjustment': 'opens the adjustment, based on the approved revision',
  'record-adjustment': "records the adjustment's 批复; the new revision's figures become the 预算指标",
  'record-sign-off': 'records the sign-off (signer, time, opinion) of the approved revision',
  'consolidate-unit': "consolidates the unit's approved lines, income and projects into the department's budget (replacing the unit's there)",
};
const AT: Record<StageCondition, string> = { 'before-last-stage': 'before the last stage', 'last-stage': 'at the last stage' };
const MOVE: Record<StageMove, string> = { enter: 'enters the first stage', advance: 'moves to the next stage', leave: 'leaves the chain' };
const OFFICES: Record<OfficeKind, string> = { budget: '预算科', business: '业务科室', assets: '资产科', performance: '绩效科', other: '其他科室' };

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');

function effectText(effect: WorkflowEffect): string {
  return effect.type === 'notify' ? `notifies the ${effect.who}` : EFFECTS[effect.type];
}

function ruleRow(rule: TransitionRule): string {
  const where = [rule.rounds === undefined ? 'any round' : list(rule.rounds), rule.at === undefined ? '' : AT[rule.at], rule.correction === true ? "a unit's 更正 (its 单位预算 published)" : '']
    .filter((s) => s !== '')
    .join(', ');
  const to = [`\`${rule.to}\``, rule.toRound === undefined ? '' : `round \`${rule.toRound}\``, rule.stage === undefined ? '' : MOVE[rule.stage]].filter((s) => s !== '').join('; ');
  const guards = rule.guards.map((g) => `${g} (\`${GUARDS[g].error}\`)`).join(', ');
  return `| \`${rule.action}\` | ${list(rule.from)} | ${where} | ${to} | ${list(rule.roles)} | ${guards} | ${rule.effects.map(effectText).join('; ')} |`;
}

/** docs/workflow.md: the states, rounds, stages and actions, and every row of WORKFLOW_TRANSITIONS. */
export function renderWorkflowDoc(): string {
  const lines = [
    '# Workflow: states, rounds, stages and actions',
    '',
    `<!-- Generated from packages/domain/src/workflow by \`${WORKFLOW_DOC_COMMAND}\`; do not edit. -->`,
    '',
    'A budget has a **state**, a **round** of 两上两下 and, while in review, a **stage** of the review chain',
    'it was submitted under. Every action is `POST /api/budgets/{id}/{action}` (optional `Idempotency-Key`',
    'header: a retry acts once and answers the same); a refusal is problem+json with a stable `code`.',
    '',
    '## States',
    '',
    '| State | 说明 | Meaning |',
    '| --- | --- | --- |',
    ...BUDGET_STATES.map((s) => `| \`${s}\` | ${STATES[s].zh} | ${STATES[s].en} |`),
    '',
    '## Rounds',
    '',
    '| Round | 说明 | Meaning |',
    '| --- | --- | --- |',
    ...BUDGET_ROUNDS.map((r) => `| \`${r}\` | ${ROUNDS[r].zh} | ${ROUNDS[r].en} |`),
    '',
    '## Stages',
    '',
    'Per finance bureau and year an administrator sets the review chain (`PUT /api/admin/review-chains/{bureau}/{year}`):',
    'an ordered list of stages, each naming the role and the office that acts. A stage names its office',
    '`by: "kind"` (an office of that kind assigned the department, e.g. its 业务科室), `by: "office"` (one',
    'office, e.g. the 预算科) or `by: "scope"` (any reviewer whose scope covers the department). The stages',
    'are sequential; the approval at the last stage of the 二上 is the 批复. A budget keeps the chain it was',
    'first submitted under. A reviewer may delegate their stage for a period that starts today or later to a',
    'colleague of their finance bureau (`POST /api/delegations`, revoked by `DELETE /api/delegations/{id}`);',
    "the delegate then acts at the stage on the reviewer's behalf (the trail and the audit say so), and is",
    "notified with the stage's own reviewers when a budget reaches it.",
    '',
    `Office kinds: ${OFFICE_KINDS.map((k) => `\`${k}\` ${OFFICES[k]}`).join(', ')}.`,
    '',
    `A year without a chain of its own: ${DEFAULT_REVIEW_CHAIN.stages.map((s) => `${s.name} (\`${s.office.by}\`)`).join(' → ')}, no proposal round.`,
    `In the proposal round the budget waits on the stage ${PROPOSAL_STAGE.name} (an office of kind \`budget\`).`,
    `A unit's budget (round \`unit\`) waits on the one stage ${UNIT_REVIEW_STAGE.name}: a \`department_reviewer\` of its own department.`,
    '',
    '## Actions',
    '',
    '| Action | 说明 | Meaning |',
    '| --- | --- | --- |',
    ...WORKFLOW_ACTIONS.map((a) => `| \`${a}\` | ${ACTIONS[a].zh} | ${ACTIONS[a].en} |`),
    '',
    '## Guards',
    '',
    '| Guard | Refused with | 说明 | Meaning |',
    '| --- | --- | --- | --- |',
    ...(Object.keys(GUARD_WORDS) as GuardName[]).map((g) => `| ${g} | \`${GUARDS[g].error}\` | ${GUARD_WORDS[g].zh} | ${GUARD_WORDS[g].en} |`),
    '',
    '## The transition table',
    '',
    'The first row that matches the action, the state, the round and the stage position decides. Who may act',
    '(role, then department or review scope) is checked before the state, so that nothing leaks about',
    'another department; a role that no row of the action lists gets `ROLE_NOT_ALLOWED`, a state or round',
    'no row covers `INVALID_TRANSITION`.',
    '',
    '| Action | From | Where | To | Roles | Guards (code) | Effects |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...WORKFLOW_TRANSITIONS.map(ruleRow),
    '',
    `${WORKFLOW_TRANSITIONS.length} rows.`,
    '',
  ];
  return lines.join('\n');
}
