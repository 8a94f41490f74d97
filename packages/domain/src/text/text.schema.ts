import { z } from 'zod';

/**
 * Text Budgetflow stores and prints. PostgreSQL cannot hold NUL (U+0000) in text or JSON, a lone
 * UTF-16 surrogate is no character at all (it cannot be encoded as UTF-8), and the other C0
 * controls are invisible in every screen and file yet make two equal-looking names differ: all are
 * refused at input, with the field named, rather than failing at the database with a 500.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F]/;
// With the u flag a well-formed pair is one code point; only a surrogate on its own is category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `text` may not be stored, or undefined when it may. `lineBreaks`: whether tab, LF and CR are allowed. */
export function textProblem(text: string, lineBreaks: boolean): string | undefined {
  const control = (lineBreaks ? CONTROL_IN_TEXT : CONTROL_IN_LINE).exec(text);
  if (control !== null) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return code === 'U+0000' ? 'may not contain NUL (U+0000)' : `may not contain the control character ${code}`;
  }
  if (LONE_SURROGATE.test(text)) return 'may not contain a lone UTF-16 surrogate (not a character)';
  return undefined;
}

function cleanText(lineBreaks: boolean) {
  return z.string().superRefine((text, ctx) => {
    const problem = textProblem(text, lineBreaks);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * Free text: paragraphs, comments, notes, reasons (tab and line breaks allowed). The base of every
 * text field of every input schema: `ZText.trim().min(1).max(5_000)`.
 */
export const ZText = cleanText(true);

/** One line of text: names, usernames, titles, keys (no control character at all). */
export const ZLineText = cleanText(false);
