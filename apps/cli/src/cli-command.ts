import type { CliIo } from './cli-io';
import type { ExitCode } from './exit-codes';

export interface OptionSpec {
  name: string; // without the leading "--"
  /** the values it accepts; absent for a flag */
  values?: readonly string[];
  /** a free value such as a file name */
  takesValue?: boolean;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Readonly<Record<string, string | true>>;
}

/** One `pnpm budget <name>` command; registered in command-registry.ts. */
export interface CliCommand {
  name: string;
  summary: string;
  /** the positional arguments, e.g. ['<file.json>']; a last one ending in '...' takes one or more */
  arguments: readonly string[];
  options: readonly OptionSpec[];
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>;
}
