import { BUDGET_ROUNDS } from './review-chain';
import { actionsFor, transition } from './transition';
import { BUDGET_STATES, SEPARATED_ADMIN_ROLES, WORKFLOW_ACTIONS, type WorkflowContext } from './workflow.types';

/** 三员: the security administrator and the auditor take part in no budget, whatever its state and round. */
describe('the separated administrators', () => {
  it.each(SEPARATED_ADMIN_ROLES)('%s may take no action from any state of any round', (role) => {
    for (const round of BUDGET_ROUNDS) {
      const context: WorkflowContext = { departmentCode: '019001', editorIds: [], errorCount: 0, reviewerScope: 'all', round };
      for (const state of BUDGET_STATES) {
        expect(actionsFor(state, role)).toEqual([]);
        expect(actionsFor(state, role, { round })).toEqual([]);
        for (const action of WORKFLOW_ACTIONS) {
          const result = transition(state, action, { userId: `u-${role}`, role }, context);
          expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }) });
        }
      }
    }
  });
});
