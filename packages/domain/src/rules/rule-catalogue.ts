import { BALANCE_RULES } from './balance.rules';
import { CATALOGUE_NAME_RULES } from './catalogue-names.rules';
import { CODE_RULES } from './codes.rules';
import { CROSS_TABLE_RULES } from './cross-tables.rules';
import { EMPTY_TABLE_RULES } from './empty-tables.rules';
import { FISCAL_YEAR_RULES } from './fiscal-year.rules';
import { HIERARCHY_RULES } from './hierarchy.rules';
import { LINE_RULES } from './lines.rules';
import { OTHER_MATTERS_RULES } from './other-matters.rules';
import { PERFORMANCE_RULES } from './performance.rules';
import { PRIOR_YEAR_RULES } from './prior-years.rules';
import { PROJECT_FORM_RULES } from './project-forms.rules';
import { PROJECT_RULES } from './projects.rules';
import type { RuleDefinition } from './rule-definition';
import { T1_RULES, T4_RULES } from './summary-tables.rules';
import { TEMPLATE_IDENTITY_RULES } from './template-identities.rules';
import { TEXT_RULES } from './text-vs-tables.rules';
import { THREE_PUBLIC_RULES } from './three-public.rules';
import { READINESS_RULES } from './workflow-readiness.rules';
import { YEAR_OVER_YEAR_RULES } from './year-over-year.rules';

/**
 * Every rule of the rule set, for the UI's findings panel and the docs: id, severity, family,
 * what it checks and its message template, in Chinese and English.
 */
export const RULE_CATALOGUE: readonly RuleDefinition[] = [
  CODE_RULES,
  CATALOGUE_NAME_RULES,
  LINE_RULES,
  BALANCE_RULES,
  PROJECT_RULES,
  PRIOR_YEAR_RULES,
  READINESS_RULES,
  T1_RULES,
  T4_RULES,
  CROSS_TABLE_RULES,
  TEMPLATE_IDENTITY_RULES,
  HIERARCHY_RULES,
  THREE_PUBLIC_RULES,
  PERFORMANCE_RULES,
  TEXT_RULES,
  OTHER_MATTERS_RULES,
  PROJECT_FORM_RULES,
  EMPTY_TABLE_RULES,
  FISCAL_YEAR_RULES,
  YEAR_OVER_YEAR_RULES,
].flatMap((family) => Object.values(family));

const BY_ID = new Map(RULE_CATALOGUE.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}
