/** The exit codes scripts rely on. */
export const EXIT = {
  ok: 0, // no error (warnings allowed)
  findings: 1, // the rule set found errors
  input: 2, // the input could not be read or parsed, or the command line is wrong
  internal: 3, // a bug: reported without a stack trace, with the message
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
