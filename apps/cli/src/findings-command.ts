import type { Finding } from '@budgetflow/domain';
import type { CliCommand } from './cli-command';
import { reportFindings } from './format-findings';
import { readJsonInput, type InputSchema } from './read-json-input';

export interface FindingsCommandSpec<T> {
  name: string;
  summary: string;
  argument: string;
  schema: InputSchema<T>;
  /** what the file must be, for the message when it is not */
  what: string;
  check(input: T): readonly Finding[];
}

/** A command that reads one JSON file, runs part of the rule set on it and exits 1 on errors. */
export function findingsCommand<T>(spec: FindingsCommandSpec<T>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    arguments: [spec.argument],
    options: [{ name: 'json', description: 'print the findings as JSON instead of text' }],
    async run({ positionals: [file = ''], options }, io) {
      const input = await readJsonInput(io.cwd, file, spec.schema, spec.what);
      return reportFindings(io, spec.check(input), options.json === true);
    },
  };
}
