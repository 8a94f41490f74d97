import type { CliCommand, ParsedArgs } from './cli-command';
import { InputError } from './input-error';

/** Reads `file --format csv --out x.csv` (or `--format=csv`) against what the command declares. */
export function parseArgs(command: CliCommand, argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = splitOnce(arg.slice(2), '=');
    const spec = command.options.find((o) => o.name === name);
    if (!spec) throw new InputError(`${command.name}: unknown option --${name}`);
    if (!spec.values && !spec.takesValue) {
      if (inline !== undefined) throw new InputError(`${command.name}: --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new InputError(`${command.name}: --${name} needs a value`);
    if (spec.values && !spec.values.includes(value)) {
      throw new InputError(`${command.name}: --${name} must be one of ${spec.values.join(', ')}, not "${value}"`);
    }
    options[name] = value;
  }
  const variadic = command.arguments.at(-1)?.endsWith('...') === true;
  if (variadic ? positionals.length < command.arguments.length : positionals.length !== command.arguments.length) {
    throw new InputError(`${command.name}: expected ${command.arguments.join(' ')}, got ${positionals.length} argument(s)`);
  }
  return { positionals, options };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
