import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { PublisherHome } from '../src/features/home/publisher-home';
import { ReviewerHome } from '../src/features/home/reviewer-home';
import type { TBudgetSummary, TPage } from '../src/lib/api-types';

const DAY = 86_400_000;

function budget(state: TBudgetSummary['state'], daysAgo: number, name: string): TBudgetSummary {
  return {
    id: `${name}-id`,
    department: { id: `${name}-dept`, code: '019001', name },
    fiscalYear: 2020,
    state,
    version: 3,
    revisionNo: 1,
    updatedAt: new Date(Date.now() - daysAgo * DAY - 60_000).toISOString(),
  };
}

/** The list as the API answered it, already in the cache: the page renders it without asking again. */
function withBudgets(filter: object, items: TBudgetSummary[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const page: TPage<TBudgetSummary> = { items, page: 1, pageSize: 100, total: items.length };
  client.setQueryData(['budgets', filter], page);
  return client;
}

function renderWith(client: QueryClient, ui: React.ReactNode) {
  render(
    <Providers client={client} locale="zh">
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}

describe("the publisher's home", () => {
  it('shows the 20-day clock of each approved budget and marks the overdue', () => {
    renderWith(
      withBudgets({ state: 'approved' }, [budget('approved', 5, '甲单位'), budget('approved', 25, '乙单位')]),
      <PublisherHome />,
    );
    const fresh = screen.getByRole('row', { name: /甲单位/ });
    const late = screen.getByRole('row', { name: /乙单位/ });
    expect(within(fresh).getByText('剩余 15 天')).toBeTruthy();
    expect(within(late).getByText('已超期 5 天')).toBeTruthy();
    expect(late.className).toBe('overdue');
    expect(within(fresh).getByRole('link', { name: '公开' }).getAttribute('href')).toBe('/budgets/甲单位-id');
  });
});

describe("the reviewer's queue", () => {
  it('lists submitted budgets longest waiting first, with how long', () => {
    renderWith(
      withBudgets({ state: 'submitted' }, [
        budget('submitted', 1, '新到单位'),
        budget('submitted', 3, '久等单位'),
      ]),
      <ReviewerHome />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['久等单位', '新到单位']);
    expect(within(rows[0]!).getByText('3 天')).toBeTruthy();
  });
});
