import { fenText } from '../features/ceilings/fen-text';
import { ApiError } from './api-client';
import type { TTranslate } from './i18n';
import type { TMessageKey } from './i18n-messages';
import { problemZh } from './problem-messages';

/** Fields the API names in a refusal that a person would recognise; the rest are counted. */
const NAMED_FIELDS = new Set(['reason', 'opinion', 'documentNo', 'date', 'username', 'password', 'name', 'body']);

interface TExcess {
  name: string;
  excessFen: string;
}

function isKey(key: string): key is TMessageKey & keyof typeof problemZh {
  return key in problemZh;
}

function fieldsText(error: ApiError, t: TTranslate): string {
  const roots = [...new Set(error.fields.map((f) => f.path.split('.')[0] ?? ''))];
  const named = roots.filter((root) => NAMED_FIELDS.has(root)).map((root) => t(`problemField_${root}` as TMessageKey));
  const others = roots.length - named.length;
  return [...named, ...(others > 0 ? [t('problemField_other', { n: others })] : [])].join('、');
}

function overCeilingText(error: ApiError, t: TTranslate): string {
  const exceeded = (Array.isArray(error.extensions['exceeded']) ? error.extensions['exceeded'] : []) as TExcess[];
  const items = exceeded.map((e) => t('ceilingExceededBy', { name: e.name, amount: fenText(e.excessFen) }));
  return t('problem_OVER_CEILING', { exceeded: items.join(t('problem_OVER_CEILING_separator')) });
}

/** The state of a pending unit's budget (null: none yet) in the words the department reads it in. */
const UNIT_STATES: Readonly<Record<string, TMessageKey>> = {
  draft: 'unitState_draft',
  submitted: 'unitState_submitted',
  returned: 'unitState_returned',
  approved: 'unitState_approved',
  published: 'unitState_published',
};

interface TPendingUnit {
  code: string;
  name: string;
  state: string | null;
}

/** UNITS_NOT_APPROVED: each unit whose budget keeps the department budget from being submitted, with its state. */
function unitsNotApprovedText(error: ApiError, t: TTranslate): string {
  const pending = (Array.isArray(error.extensions['pending']) ? error.extensions['pending'] : []) as TPendingUnit[];
  if (pending.length === 0) return t('problem_UNITS_NOT_APPROVED');
  const units = pending.map((u) =>
    t('problem_UNITS_NOT_APPROVED_unit', { name: u.name || u.code, state: t(UNIT_STATES[u.state ?? ''] ?? 'unitState_none') }),
  );
  return t('problem_UNITS_NOT_APPROVED_units', { units: units.join(t('problem_UNITS_NOT_APPROVED_separator')) });
}

/** UNIT_LINES_CONSOLIDATED: the units (by code) whose lines the department budget holds read-only. */
function unitLinesText(error: ApiError, t: TTranslate): string {
  const units = Array.isArray(error.extensions['units']) ? (error.extensions['units'] as unknown[]).map(String) : [];
  if (units.length === 0) return t('problem_UNIT_LINES_CONSOLIDATED');
  return t('problem_UNIT_LINES_CONSOLIDATED_units', { units: units.join(t('problem_UNITS_NOT_APPROVED_separator')) });
}

/** The password policy's rule a refusal names (the API's `rule`), as a message key. */
const PASSWORD_RULES: Readonly<Record<string, TMessageKey>> = {
  'min-length': 'problem_PASSWORD_REJECTED_minLength',
  common: 'problem_PASSWORD_REJECTED_common',
  'contains-username': 'problem_PASSWORD_REJECTED_containsUsername',
  'few-characters': 'problem_PASSWORD_REJECTED_fewCharacters',
  reused: 'problem_PASSWORD_REJECTED_reused',
};

function passwordText(error: ApiError, t: TTranslate): string {
  const rule = PASSWORD_RULES[String(error.extensions['rule'])];
  return rule === undefined ? t('problem_PASSWORD_REJECTED') : t(rule, { n: Number(error.extensions['limit'] ?? 0) });
}

/**
 * What the API (or the network) refused, in the person's language: one message per error code,
 * never the API's English detail or a code in a Chinese screen. OVER_CEILING names each ceiling
 * and its excess in 元, a refused password the policy's rule, UNITS_NOT_APPROVED each unit still
 * pending with its budget's state, UNIT_LINES_CONSOLIDATED the units whose lines are read-only; a
 * refused field is named when a person would know it.
 */
export function problemText(error: unknown, t: TTranslate): string {
  // fetch fails with a TypeError when the server cannot be reached; the client's own errors carry their words.
  if (error instanceof TypeError) return t('problem_network');
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'OVER_CEILING') return overCeilingText(error, t);
  if (error.code === 'PASSWORD_REJECTED') return passwordText(error, t);
  if (error.code === 'UNITS_NOT_APPROVED') return unitsNotApprovedText(error, t);
  if (error.code === 'UNIT_LINES_CONSOLIDATED') return unitLinesText(error, t);
  if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) return t('problem_VALIDATION_FAILED_fields', { fields: fieldsText(error, t) });
  const key = `problem_${error.code}`;
  return isKey(key) ? t(key) : t('problem_unknown', { status: error.status });
}
