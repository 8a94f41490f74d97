import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkflowDoc, WORKFLOW_DOC_PATH } from '../src/workflow/workflow-doc';

// Writes docs/workflow.md from the transition table; workflow-doc.spec.ts fails until it is run after the table changes.
const target = join(__dirname, '..', '..', '..', WORKFLOW_DOC_PATH);
writeFileSync(target, renderWorkflowDoc());
console.log(`wrote ${target}`);
