import { checkDisclosure, ZDisclosure } from '@budgetflow/domain';
import { findingsCommand } from '../findings-command';

export const checkCommand = findingsCommand({
  name: 'check',
  summary: 'check a disclosure alone (tables and text, e.g. one published elsewhere); exit 1 when it has errors',
  argument: '<disclosure.json>',
  schema: ZDisclosure,
  what: 'disclosure',
  fiscalYear: (disclosure) => disclosure.meta.fiscalYear,
  check: (disclosure, catalogue) => checkDisclosure(disclosure, catalogue),
});
