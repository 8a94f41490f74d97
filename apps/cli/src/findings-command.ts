import type { Catalogue, Finding } from '@budgetflow/domain';
import { CATALOGUE_OPTION, catalogueOption } from './catalogue-option';
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
  /** The fiscal year of the input, which a `--catalogue` edition must be of. */
  fiscalYear(input: T): number;
  /** `catalogue`: the edition `--catalogue` names; undefined for the shipped edition of the year. */
  check(input: T, catalogue: Catalogue | undefined): readonly Finding[];
}

/** A command that reads one JSON file, runs part of the rule set on it and exits 1 on errors. */
export function findingsCommand<T>(spec: FindingsCommandSpec<T>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    arguments: [spec.argument],
    options: [{ name: 'json', description: 'print the findings as JSON instead of text' }, CATALOGUE_OPTION],
    async run({ positionals: [file = ''], options }, io) {
      const input = await readJsonInput(io.cwd, file, spec.schema, spec.what);
      const catalogue = await catalogueOption(io.cwd, options, spec.fiscalYear(input));
      return reportFindings(io, spec.check(input, catalogue), options.json === true);
    },
  };
}
