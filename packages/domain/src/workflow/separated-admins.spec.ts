import { actionsFor, transition } from './transition';
import { BUDGET_STATES, SEPARATED_ADMIN_ROLES, WORKFLOW_ACTIONS, type WorkflowContext } from './workflow.types';

/** 三员: the security administrator and the auditor take part in no budget, whatever its state. */
describe('the separated administrators', () => {
  const context: WorkflowContext = { departmentCode: '019001', editorIds: [], errorCount: 0, reviewerScope: 'all' };

  it.each(SEPARATED_ADMIN_ROLES)('%s may take no action from any state', (role) => {
    for (const state of BUDGET_STATES) {
      expect(actionsFor(state, role)).toEqual([]);
      for (const action of WORKFLOW_ACTIONS) {
        const result = transition(state, action, { userId: `u-${role}`, role }, context);
        expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }) });
      }
    }
  });
});
