import { BUDGET_STATES, ROLES, WORKFLOW_ACTIONS, type BudgetState, type Role, type WorkflowAction, type WorkflowActor, type WorkflowContext } from './workflow.types';
import { DEFAULT_REVIEW_CHAIN } from './review-chain';
import { actionsFor, canEdit, transition } from './transition';
import type { Fen } from '../money/fen';

/** A context in which every guard holds, so that the matrix shows roles and states alone. */
const clean: WorkflowContext = {
  departmentCode: '019001',
  submitterId: 'u-preparer',
  editorIds: ['u-preparer'],
  errorCount: 0,
  reason: '项目测算依据不足',
  reviewerScope: 'all',
  round: 'final',
  stage: { index: 0, count: 1, stage: DEFAULT_REVIEW_CHAIN.stages[0]! },
  opinion: '同意',
  reply: { documentNo: '硚财预〔2020〕1号', date: '2020-02-20' },
};
const actorOf = (role: Role): WorkflowActor => ({ userId: `u-${role}-2`, role, departmentCode: role === 'reviewer' ? undefined : '019001' });

/**
 * The whole workflow: for each action and role, the outcome from each state (the next state, or
 * the refusal's code). ROLE = ROLE_NOT_ALLOWED, INVALID = INVALID_TRANSITION.
 */
const MATRIX = `
action    role       draft      submitted  returned   approved   published
submit    preparer   submitted  INVALID    submitted  INVALID    INVALID
submit    reviewer   ROLE       ROLE       ROLE       ROLE       ROLE
submit    publisher  ROLE       ROLE       ROLE       ROLE       ROLE
submit    admin      ROLE       ROLE       ROLE       ROLE       ROLE
withdraw  preparer   INVALID    draft      INVALID    INVALID    INVALID
withdraw  reviewer   ROLE       ROLE       ROLE       ROLE       ROLE
withdraw  publisher  ROLE       ROLE       ROLE       ROLE       ROLE
withdraw  admin      ROLE       ROLE       ROLE       ROLE       ROLE
return    preparer   ROLE       ROLE       ROLE       ROLE       ROLE
return    reviewer   INVALID    returned   INVALID    INVALID    INVALID
return    publisher  ROLE       ROLE       ROLE       ROLE       ROLE
return    admin      ROLE       ROLE       ROLE       ROLE       ROLE
approve   preparer   ROLE       ROLE       ROLE       ROLE       ROLE
approve   reviewer   INVALID    approved   INVALID    INVALID    INVALID
approve   publisher  ROLE       ROLE       ROLE       ROLE       ROLE
approve   admin      ROLE       ROLE       ROLE       ROLE       ROLE
publish   preparer   ROLE       ROLE       ROLE       ROLE       ROLE
publish   reviewer   ROLE       ROLE       ROLE       ROLE       ROLE
publish   publisher  INVALID    INVALID    INVALID    published  INVALID
publish   admin      ROLE       ROLE       ROLE       ROLE       ROLE
revise    preparer   INVALID    INVALID    INVALID    INVALID    draft
revise    reviewer   ROLE       ROLE       ROLE       ROLE       ROLE
revise    publisher  INVALID    INVALID    INVALID    INVALID    draft
revise    admin      ROLE       ROLE       ROLE       ROLE       ROLE
issue-ceilings preparer ROLE    ROLE       ROLE       ROLE       ROLE
issue-ceilings reviewer INVALID INVALID    INVALID    INVALID    INVALID
issue-ceilings publisher ROLE   ROLE       ROLE       ROLE       ROLE
issue-ceilings admin  ROLE      ROLE       ROLE       ROLE       ROLE
`;

const CODES: Readonly<Record<string, string>> = { ROLE: 'ROLE_NOT_ALLOWED', INVALID: 'INVALID_TRANSITION' };
const [headerLine = '', ...rowLines] = MATRIX.trim().split('\n');
const states = headerLine.split(/\s+/).slice(2) as BudgetState[];
const cells = rowLines.flatMap((line) => {
  const [action, role, ...outcomes] = line.split(/\s+/) as [WorkflowAction, Role, ...string[]];
  return outcomes.map((outcome, i) => ({ action, role, state: states[i] as BudgetState, outcome }));
});

describe('the transition matrix', () => {
  it('covers every (state, action, role) exactly once', () => {
    expect(states).toEqual([...BUDGET_STATES]);
    const keys = new Set(cells.map((c) => `${c.state}/${c.action}/${c.role}`));
    expect(keys.size).toBe(BUDGET_STATES.length * WORKFLOW_ACTIONS.length * ROLES.length);
    expect(cells).toHaveLength(keys.size);
  });

  it.each(cells)('$action by $role from $state → $outcome', ({ action, role, state, outcome }) => {
    const result = transition(state, action, actorOf(role), clean);
    if (outcome in CODES) {
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: CODES[outcome] }) });
    } else {
      expect(result).toEqual(expect.objectContaining({ ok: true, next: outcome }));
    }
  });

  it('offers a role exactly the actions that succeed when every guard holds', () => {
    for (const state of BUDGET_STATES) {
      for (const role of ROLES) {
        const succeeding = WORKFLOW_ACTIONS.filter((action) => transition(state, action, actorOf(role), clean).ok);
        expect(actionsFor(state, role, clean)).toEqual(succeeding);
      }
    }
  });
});

describe('guards', () => {
  const preparer = actorOf('preparer');
  const reviewer: WorkflowActor = { userId: 'u-reviewer', role: 'reviewer' };
  const codeOf = (state: BudgetState, action: WorkflowAction, actor: WorkflowActor, context: Partial<WorkflowContext>) => {
    const result = transition(state, action, actor, { ...clean, ...context });
    return result.ok ? `ok:${result.next}` : result.error.code;
  };

  it('a submission with errors is refused; warnings alone do not count as errors', () => {
    expect(codeOf('draft', 'submit', preparer, { errorCount: 2 })).toBe('SUBMISSION_HAS_ERRORS');
    expect(codeOf('returned', 'submit', preparer, { errorCount: 1 })).toBe('SUBMISSION_HAS_ERRORS');
    expect(codeOf('draft', 'submit', preparer, { errorCount: 0 })).toBe('ok:submitted');
  });

  it('preparers and publishers act only on their own department', () => {
    expect(codeOf('draft', 'submit', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('draft', 'submit', { userId: 'u', role: 'preparer' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'withdraw', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('approved', 'publish', { ...actorOf('publisher'), departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
    expect(codeOf('published', 'revise', { ...actorOf('publisher'), departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
  });

  it('the department check comes before the state, so another department learns nothing', () => {
    expect(codeOf('published', 'submit', { ...preparer, departmentCode: '019002' }, {})).toBe('OUT_OF_SCOPE');
  });

  it('reviewers act only within their scope; no scope means none', () => {
    expect(codeOf('submitted', 'approve', reviewer, { reviewerScope: ['019001', '020001'] })).toBe('ok:approved');
    expect(codeOf('submitted', 'approve', reviewer, { reviewerScope: ['020001'] })).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'return', reviewer, { reviewerScope: [] })).toBe('OUT_OF_SCOPE');
    expect(codeOf('submitted', 'return', reviewer, { reviewerScope: undefined })).toBe('OUT_OF_SCOPE');
  });

  it('a return needs a reason, which the preparers are told', () => {
    expect(codeOf('submitted', 'return', reviewer, { reason: undefined })).toBe('RETURN_REASON_REQUIRED');
    expect(codeOf('submitted', 'return', reviewer, { reason: '  ' })).toBe('RETURN_REASON_REQUIRED');
    expect(transition('submitted', 'return', reviewer, { ...clean, reason: ' 补充测算依据 ' })).toEqual({
      ok: true,
      next: 'returned',
      round: 'final',
      stageIndex: null,
      effects: [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'preparers', reason: '补充测算依据' }],
    });
  });

  it('the approver is never the submitter nor anyone who edited the revision', () => {
    expect(codeOf('submitted', 'approve', reviewer, { submitterId: 'u-reviewer' })).toBe('APPROVER_IS_SUBMITTER');
    expect(codeOf('submitted', 'approve', reviewer, { editorIds: ['u-preparer', 'u-reviewer'] })).toBe('APPROVER_EDITED_REVISION');
    expect(codeOf('submitted', 'approve', reviewer, { submitterId: undefined, editorIds: [] })).toBe('ok:approved');
  });

  it('a submission over an issued ceiling is refused with each exceeded ceiling and by how much', () => {
    const over = { ceiling: 'project', name: '项目支出', ceilingFen: 100 as Fen, amountFen: 150 as Fen, excessFen: 50 as Fen };
    const result = transition('draft', 'submit', preparer, { ...clean, ceilingExcesses: [over] });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'OVER_CEILING', details: { guard: 'withinCeilings', exceeded: [over] } }) });
    expect(codeOf('returned', 'submit', preparer, { ceilingExcesses: [over] })).toBe('OVER_CEILING');
    expect(codeOf('draft', 'submit', preparer, { ceilingExcesses: [] })).toBe('ok:submitted');
  });

  it('refusals carry a message that says why', () => {
    const result = transition('published', 'withdraw', preparer, clean);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('a budget in state published (round final) cannot be withdrawn (only from submitted)');
  });
});

describe('effects', () => {
  it.each([
    ['draft', 'submit', 'preparer', [{ type: 'freeze-revision' }, { type: 'notify', who: 'reviewers' }]],
    ['submitted', 'withdraw', 'preparer', [{ type: 'unfreeze-revision' }, { type: 'notify', who: 'reviewers' }]],
    ['submitted', 'approve', 'reviewer', [{ type: 'record-reply' }, { type: 'notify', who: 'preparers' }, { type: 'notify', who: 'publishers' }]],
    ['approved', 'publish', 'publisher', [{ type: 'render-publication' }, { type: 'notify', who: 'preparers' }]],
    ['published', 'revise', 'preparer', [{ type: 'open-revision' }]],
  ] as const)('%s + %s by %s', (state, action, role, effects) => {
    expect(transition(state, action, actorOf(role), clean)).toEqual(expect.objectContaining({ ok: true, effects }));
  });
});

describe('canEdit', () => {
  it.each([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
    ['published', false],
  ] as const)('%s → %s', (state, editable) => {
    expect(canEdit(state)).toBe(editable);
  });
});
