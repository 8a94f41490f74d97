import type { TBudgetDocument } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import type { BudgetLinesRepository, TLinesOf } from './budget-lines.repository';
import type { BudgetsRepository } from './budgets.repository';
import { joinDocument } from './mappers/budget-document.mapper';

/** A budget's whole document: its rest and its lines, read one after the other (`m` is often a snapshot transaction, with one connection). */
export async function readDocument(m: EntityManager, budgets: BudgetsRepository, lines: BudgetLinesRepository, budget: TLinesOf): Promise<TBudgetDocument> {
  const rest = await budgets.documentRest(m, budget.id);
  const expenditure = await lines.loadExpenditure(m, budget);
  const income = await lines.loadIncome(m, budget);
  return joinDocument(rest, expenditure, income);
}
