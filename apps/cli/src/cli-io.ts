/** Where a command writes, and the directory its file arguments are relative to. */
export interface CliIo {
  /** `pnpm budget` runs from the repository root; INIT_CWD is where the user typed the command. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
