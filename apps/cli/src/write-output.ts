import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { InputError } from './input-error';

/** Writes a command's result to --out (relative to where the user is) or, if it is text, to stdout. */
export async function writeOutput(io: CliIo, out: string | true | undefined, content: string | Buffer): Promise<void> {
  if (typeof out !== 'string') {
    if (typeof content !== 'string') throw new InputError('a PDF or workbook is a file: name it with --out FILE');
    io.stdout(content);
    return;
  }
  const path = resolve(io.cwd, out);
  try {
    await writeFile(path, content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot write ${out}`, [{ where: path, reason }]);
  }
  io.stderr(`wrote ${path}\n`);
}
