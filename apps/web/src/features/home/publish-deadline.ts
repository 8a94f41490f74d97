import { addDays, PUBLICATION_DAYS } from '@budgetflow/domain';
import type { TBudgetSummary } from '../../lib/api-types';
import { localDate } from '../../lib/dates';

const DAY_MS = 86_400_000;

export interface TPublishDeadline {
  /** the last day to publish, YYYY-MM-DD */
  deadline: string;
  /** days from today to the deadline: 0 on its last day, negative once it has passed */
  daysLeft: number;
  /** whether the clock runs from the 批复's date (else from the approval, for a budget replied without one) */
  fromReply: boolean;
}

/**
 * 预算法 art. 14: 20 days from the 批复, its date as the bureau wrote it, the deadline being the
 * 20th calendar day (the same rule as the bureau's compliance list). A budget approved before
 * replies carried a date counts from its approval, its last change while approved.
 */
export function publishDeadline(budget: Pick<TBudgetSummary, 'repliedOn' | 'updatedAt'>, today: string): TPublishDeadline {
  const from = budget.repliedOn ?? localDate(new Date(budget.updatedAt));
  const deadline = addDays(from, PUBLICATION_DAYS);
  const daysLeft = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  return { deadline, daysLeft, fromReply: budget.repliedOn !== null };
}
