import type { TFinding, TFindingLocation, TLocalizedText, TSeverity } from './finding.schema';

/** The families of the rule set, one file each; the UI groups the catalogue by them. */
export type RuleFamily =
  | 'codes'
  | 'lines'
  | 'balance'
  | 'projects'
  | 'prior-years'
  | 'workflow-readiness'
  | 'identities'
  | 'hierarchy'
  | 'three-public'
  | 'text-vs-tables'
  | 'performance'
  | 'empty-tables'
  | 'fiscal-year'
  | 'year-over-year';

/** What a rule runs on: a budget document (validateBudget) or a disclosure (both entry points). */
export type RuleScope = 'document' | 'disclosure';

export interface RuleDefinition {
  readonly id: string;
  readonly severity: TSeverity;
  readonly family: RuleFamily;
  readonly scope: RuleScope;
  /** What the rule checks, for the catalogue the UI and the docs list. */
  readonly description: TLocalizedText;
  /** The finding's message, with {placeholders} that report() fills in. */
  readonly message: TLocalizedText;
  /**
   * Document rules that report the same cause closer to the user's input: when one of them fires,
   * validateBudget leaves this disclosure rule's findings out rather than saying it twice.
   */
  readonly supersededBy?: readonly string[];
}

export type FindingParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a template's {placeholders}, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/**
 * What a message states, whatever its language: its placeholders, a parameter written per
 * language ({kindZh} / {kindEn}) counting as one. The zh and en messages of a rule state the same.
 */
export function statedFacts(template: string): string[] {
  return [...new Set(placeholdersOf(template).map((name) => name.replace(/(Zh|En)$/, '')))].sort();
}

/** What a message says where the data has nothing (an empty code, a blank name), rather than a gap. */
const BLANK = { zh: '（未填写）', en: '(blank)' } as const;

function fill(template: string, params: FindingParams, ruleId: string, language: 'zh' | 'en'): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    // A missing parameter is a bug in the rule, not in the user's data: fail loudly in tests.
    if (value === undefined) throw new Error(`rule ${ruleId}: message parameter {${name}} is missing`);
    const text = String(value);
    return text.trim() === '' ? BLANK[language] : text;
  });
}

export interface Evidence {
  readonly expected?: string;
  readonly actual?: string;
}

/** Builds the finding of a rule at a location, its message in both languages. */
export function report(
  rule: RuleDefinition,
  location: TFindingLocation,
  params: FindingParams = {},
  evidence: Evidence = {},
): TFinding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: { zh: fill(rule.message.zh, params, rule.id, 'zh'), en: fill(rule.message.en, params, rule.id, 'en') },
    location,
    ...(evidence.expected === undefined ? {} : { expected: evidence.expected }),
    ...(evidence.actual === undefined ? {} : { actual: evidence.actual }),
  };
}

/** Declares a family's rules with their family and scope filled in, keyed for use in the rule code. */
export function defineRules<K extends string>(
  family: RuleFamily,
  scope: RuleScope,
  rules: Record<K, Omit<RuleDefinition, 'family' | 'scope'>>,
): Record<K, RuleDefinition> {
  const out = {} as Record<K, RuleDefinition>;
  for (const key of Object.keys(rules) as K[]) out[key] = { ...rules[key], family, scope };
  return out;
}
