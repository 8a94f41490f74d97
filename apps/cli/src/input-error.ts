/** One reason the input was refused: where (a file, a JSON path) and why. */
export interface InputProblem {
  where: string;
  reason: string;
}

/** The input cannot be used (exit 2): every problem is listed, never a stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly InputProblem[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The message and every problem, one per line, as the CLI prints a refused input. */
export function formatInputError(error: InputError): string {
  return `${error.message}\n${error.problems.map((p) => `  ${p.where}: ${p.reason}\n`).join('')}`;
}
