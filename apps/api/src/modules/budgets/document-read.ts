import type { TBudgetDocument } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { BudgetLinesRepository } from './budget-lines.repository';
import type { BudgetsRepository } from './budgets.repository';
import { joinDocument } from './mappers/budget-document.mapper';

/** A budget's whole document: its rest and its lines, read one after the other (`m` is often a snapshot transaction, with one connection). */
export async function readDocument(m: EntityManager, budgets: BudgetsRepository, lines: BudgetLinesRepository, id: string): Promise<TBudgetDocument> {
  const rest = await budgets.documentRest(m, id);
  const expenditure = await lines.loadExpenditure(m, id);
  const income = await lines.loadIncome(m, id);
  return joinDocument(rest, expenditure, income);
}
