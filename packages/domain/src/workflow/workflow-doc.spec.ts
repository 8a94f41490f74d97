import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_ROUNDS } from './review-chain';
import { renderWorkflowDoc, WORKFLOW_DOC_COMMAND, WORKFLOW_DOC_PATH } from './workflow-doc';
import { GUARDS } from './workflow-guards';
import { WORKFLOW_TRANSITIONS } from './workflow-transitions';
import { BUDGET_STATES, WORKFLOW_ACTIONS } from './workflow.types';

describe('docs/workflow.md', () => {
  const doc = renderWorkflowDoc();
  const rows = (prefix: string) => doc.split('\n').filter((line) => line.startsWith(prefix));

  it('describes every state, round, action and guard once, and has one row per transition', () => {
    for (const state of BUDGET_STATES) expect(rows(`| \`${state}\` |`)).toHaveLength(1);
    for (const round of BUDGET_ROUNDS) expect(rows(`| \`${round}\` |`)).toHaveLength(1);
    for (const action of WORKFLOW_ACTIONS) {
      // one description row, then one row per rule of the action
      expect(rows(`| \`${action}\` |`)).toHaveLength(1 + WORKFLOW_TRANSITIONS.filter((r) => r.action === action).length);
    }
    for (const [name, guard] of Object.entries(GUARDS)) expect(rows(`| ${name} | \`${guard.error}\` |`)).toHaveLength(1);
    expect(doc).toContain(`${WORKFLOW_TRANSITIONS.length} rows.`);
  });

  it('is up to date in the repository', () => {
    const written = readFileSync(join(__dirname, '..', '..', '..', '..', WORKFLOW_DOC_PATH), 'utf8');
    if (written !== doc) throw new Error(`${WORKFLOW_DOC_PATH} is out of date: run ${WORKFLOW_DOC_COMMAND}`);
  });
});
