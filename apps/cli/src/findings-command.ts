import type { Catalogue, Finding } from '@budgetflow/domain';
import { CATALOGUE_OPTION, catalogueOption } from './catalogue-option';
import type { CliCommand } from './cli-command';
import type { CliIo } from './cli-io';
import { EXIT, type ExitCode } from './exit-codes';
import { formatFindings, hasErrors, reportFindings } from './format-findings';
import { formatInputError, InputError } from './input-error';
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

/** What one file of many gave: its findings, or why it could not be read. */
type TFileOutcome = { file: string; findings: readonly Finding[] } | { file: string; error: InputError };

/**
 * A command that reads JSON files, runs part of the rule set on each and exits with the worst
 * outcome: 1 when one has errors, 2 when one could not be read (the others are still checked).
 * One file prints as it always did; several print one section (or JSON entry) per file.
 */
export function findingsCommand<T>(spec: FindingsCommandSpec<T>): CliCommand {
  return {
    name: spec.name,
    summary: `${spec.summary} (several files in one call: a report for each)`,
    arguments: [`${spec.argument}...`],
    options: [{ name: 'json', description: 'print the findings as JSON instead of text' }, CATALOGUE_OPTION],
    async run({ positionals, options }, io) {
      const asJson = options.json === true;
      const checkFile = async (file: string) => {
        const input = await readJsonInput(io.cwd, file, spec.schema, spec.what);
        return spec.check(input, await catalogueOption(io.cwd, options, spec.fiscalYear(input)));
      };
      if (positionals.length === 1) return reportFindings(io, await checkFile(positionals[0] ?? ''), asJson);
      const outcomes: TFileOutcome[] = [];
      for (const file of positionals) {
        try {
          outcomes.push({ file, findings: await checkFile(file) });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          outcomes.push({ file, error });
        }
      }
      return reportMany(io, outcomes, asJson);
    },
  };
}

function reportMany(io: CliIo, outcomes: readonly TFileOutcome[], asJson: boolean): ExitCode {
  if (asJson) {
    const entries = outcomes.map((o) => ('error' in o ? { file: o.file, error: o.error.message, problems: o.error.problems } : o));
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  }
  for (const outcome of outcomes) {
    if ('error' in outcome) io.stderr(formatInputError(outcome.error));
    else if (!asJson) io.stdout(`== ${outcome.file}\n${formatFindings(outcome.findings)}`);
  }
  return outcomes.reduce<ExitCode>((worst, o) => Math.max(worst, 'error' in o ? EXIT.input : hasErrors(o.findings) ? EXIT.findings : EXIT.ok) as ExitCode, EXIT.ok);
}
