import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TBudgetSummary } from '../../lib/api-types';

export interface TBudgetColumn {
  header: string;
  cell(budget: TBudgetSummary): ReactNode;
}

/**
 * Budgets as a desk lists them: the columns the role needs, then a link to the budget's desk.
 * `rowClass` marks rows (overdue, due soon).
 */
export function BudgetTable({
  budgets,
  columns,
  linkLabel,
  rowClass,
}: {
  budgets: readonly TBudgetSummary[];
  columns: readonly TBudgetColumn[];
  linkLabel(budget: TBudgetSummary): { text: string; aria?: string };
  rowClass?: (budget: TBudgetSummary) => string | undefined;
}) {
  return (
    <table className="list">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {budgets.map((b) => {
          const link = linkLabel(b);
          return (
            <tr key={b.id} className={rowClass?.(b)}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(b)}</td>
              ))}
              <td>
                <Link to={`/budgets/${b.id}`} aria-label={link.aria}>
                  {link.text}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
