import { validateBudget, ZBudgetDocument } from '@budgetflow/domain';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';
import { formatFindings, hasErrors } from '../format-findings';
import { readJsonInput } from '../read-json-input';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a budget document with the rule set; exit 1 when it has errors',
  arguments: ['<budget.json>'],
  options: [{ name: 'json', description: 'print the findings as JSON instead of text' }],
  async run({ positionals: [file = ''], options }, io) {
    const document = await readJsonInput(io.cwd, file, ZBudgetDocument, 'budget document');
    const findings = validateBudget(document);
    io.stdout(options.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings));
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  },
};
