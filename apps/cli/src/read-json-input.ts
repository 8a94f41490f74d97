import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, type InputProblem } from './input-error';

/** What the CLI needs of a zod schema (the domain owns zod; the CLI only calls safeParse). */
export interface InputSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Reads a JSON file and checks it against a schema; every problem is listed with its JSON path. */
export async function readJsonInput<T>(cwd: string, file: string, schema: InputSchema<T>, what: string): Promise<T> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${reasonOf(error)}`, [{ where: path, reason: reasonOf(error) }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is not valid JSON`, [{ where: `${file}${positionOf(error, text)}`, reason: reasonOf(error) }]);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue): InputProblem => ({ where: jsonPath(issue.path), reason: issue.message }));
    throw new InputError(`${file} is not a valid ${what} (${problems.length} problem(s))`, problems);
  }
  return result.data;
}

/** `$.expenditureLines[3].amount`: the path as a user finds it in the file. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${text}.${String(key)}` : `${text}[${JSON.stringify(String(key))}]`,
    '$',
  );
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

// Errors may come from another realm (jest's sandbox), so they are read by shape, not instanceof.
function reasonOf(error: unknown): string {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && FILE_ERRORS[code]) return FILE_ERRORS[code];
  return typeof message === 'string' ? message : String(error);
}

/** " line 3, column 7" from the position V8 puts in a JSON.parse message, when it does. */
function positionOf(error: unknown, text: string): string {
  const match = /position (\d+)/.exec(reasonOf(error));
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` line ${line}, column ${column}`;
}
