import { checkDisclosure, ZDisclosure } from '@budgetflow/domain';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';
import { formatFindings, hasErrors } from '../format-findings';
import { readJsonInput } from '../read-json-input';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check a disclosure alone (tables and text, e.g. one published elsewhere); exit 1 when it has errors',
  arguments: ['<disclosure.json>'],
  options: [{ name: 'json', description: 'print the findings as JSON instead of text' }],
  async run({ positionals: [file = ''], options }, io) {
    const disclosure = await readJsonInput(io.cwd, file, ZDisclosure, 'disclosure');
    const findings = checkDisclosure(disclosure);
    io.stdout(options.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings));
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  },
};
