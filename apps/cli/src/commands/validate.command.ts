import { validateBudget, ZBudgetDocument } from '@budgetflow/domain';
import { findingsCommand } from '../findings-command';

export const validateCommand = findingsCommand({
  name: 'validate',
  summary: 'check a budget document with the rule set; exit 1 when it has errors',
  argument: '<budget.json>',
  schema: ZBudgetDocument,
  what: 'budget document',
  fiscalYear: (document) => document.fiscalYear,
  check: (document, catalogue) => validateBudget(document, catalogue),
});
