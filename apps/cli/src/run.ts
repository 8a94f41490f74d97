import type { CliCommand } from './cli-command';
import type { CliIo } from './cli-io';
import { COMMANDS } from './command-registry';
import { EXIT, type ExitCode } from './exit-codes';
import { formatInputError, InputError } from './input-error';
import { parseArgs } from './parse-args';

/** Runs `budget <command> …` and answers the exit code; main.ts only wires the process to it. */
export async function run(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.stdout(usage(commands));
    return name === undefined ? EXIT.input : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`unknown command "${name}"\n\n${usage(commands)}`);
    return EXIT.input;
  }
  if (rest.includes('--help')) {
    io.stdout(commandUsage(command));
    return EXIT.ok;
  }
  try {
    return await command.run(parseArgs(command, rest), io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(formatInputError(error));
      if (error.problems.length === 0) io.stderr(`\n${commandUsage(command)}`);
      return EXIT.input;
    }
    // A bug, not the user's input: say what happened without a stack trace.
    io.stderr(`budget ${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: pnpm budget <command> [arguments]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 no error, 1 errors found, 2 input unreadable or wrong usage, 3 internal failure',
    '',
  ].join('\n');
}

function commandUsage(command: CliCommand): string {
  const options = command.options.map((o) => {
    const value = o.values ? ` ${o.values.join('|')}` : o.takesValue ? ' <value>' : '';
    return `  --${o.name}${value}  ${o.description}`;
  });
  return [`usage: pnpm budget ${command.name} ${command.arguments.join(' ')}`, `  ${command.summary}`, ...options, ''].join('\n');
}
