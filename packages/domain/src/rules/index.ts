export * from './finding.schema';
export { RULE_CATALOGUE, ruleById } from './rule-catalogue';
export type { RuleDefinition, RuleFamily, RuleScope } from './rule-definition';
export { validateBudget, deriveAndValidate, countErrors, type ValidateOptions } from './validate-budget';
export { checkDisclosure } from './check-disclosure';
export { checkBudgetTotals } from './lines.rules';
