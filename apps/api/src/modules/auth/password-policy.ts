import { dictionary } from '@zxcvbn-ts/language-common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { hashPassword, verifyPassword } from './password';

/** The ~49,000 most common (breached) passwords of zxcvbn-ts's common list, lower-cased. */
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export interface TPasswordPolicy {
  readonly minLength: number;
  /** How many of the user's previous passwords a new one may not repeat. */
  readonly history: number;
}

/** Which rule a refused password breaks: the client says it in the person's language, with `limit`. */
export type TPasswordRule = 'min-length' | 'common' | 'contains-username' | 'few-characters' | 'reused';

interface TPasswordProblem {
  rule: TPasswordRule;
  /** the policy's number the rule speaks of: the minimum length, or how many past passwords */
  limit?: number;
  message: string;
}

/** Why the policy refuses a password regardless of whose it is (pure), or undefined. */
export function passwordProblem(password: string, username: string, policy: TPasswordPolicy): TPasswordProblem | undefined {
  if ([...password].length < policy.minLength) return { rule: 'min-length', limit: policy.minLength, message: `must be at least ${policy.minLength} characters` };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return { rule: 'common', message: 'is one of the most common (breached) passwords' };
  if (lower.includes(username.toLowerCase())) return { rule: 'contains-username', message: 'must not contain the username' };
  if (new Set(password).size < 4) return { rule: 'few-characters', message: 'must not repeat a few characters' };
  return undefined;
}

/**
 * Checks a new password for a user against the policy and their last `history` passwords, and
 * answers its hash; refuses with PASSWORD_REJECTED naming `field`, and the rule (and its limit) as
 * the problem's `rule` and `limit`.
 */
export async function acceptNewPassword(m: EntityManager, user: { id: string; username: string } | undefined, username: string, password: string, policy: TPasswordPolicy, field: string): Promise<string> {
  const problem = passwordProblem(password, username, policy) ?? (user === undefined ? undefined : await reuseProblem(m, user.id, password, policy.history));
  if (problem !== undefined) {
    throw new AppError('PASSWORD_REJECTED', `The new password ${problem.message}`, [{ path: field, message: problem.message }], undefined, {
      rule: problem.rule,
      ...(problem.limit === undefined ? {} : { limit: problem.limit }),
    });
  }
  return hashPassword(password);
}

async function reuseProblem(m: EntityManager, userId: string, password: string, history: number): Promise<TPasswordProblem | undefined> {
  if (history === 0) return undefined;
  const rows = (await m.query(
    `SELECT password_hash AS hash FROM users WHERE id = $1
     UNION ALL (SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2)`,
    [userId, history - 1],
  )) as { hash: string }[];
  for (const row of rows) if (await verifyPassword(row.hash, password)) return { rule: 'reused', limit: history, message: `must not be one of your last ${history} passwords` };
  return undefined;
}

/** Sets a user's password, keeping the one it replaces in the history. */
export async function storePassword(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
  await m.query(`INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM users WHERE id = $1`, [userId]);
  await m.query(`UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`, [userId, passwordHash]);
}
