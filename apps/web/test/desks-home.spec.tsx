import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { PublisherHome } from '../src/features/home/publisher-home';
import { ReviewerHome } from '../src/features/home/reviewer-home';
import type { TBudgetSummary, TPage } from '../src/lib/api-types';
import { localDate } from '../src/lib/dates';

const DAY = 86_400_000;

function budget(state: TBudgetSummary['state'], daysAgo: number, name: string, repliedDaysAgo?: number): TBudgetSummary {
  return {
    id: `${name}-id`,
    department: { id: `${name}-dept`, code: '019001', name },
    fiscalYear: 2020,
    state,
    version: 3,
    revisionNo: 1,
    updatedAt: new Date(Date.now() - daysAgo * DAY - 60_000).toISOString(),
    repliedOn: repliedDaysAgo === undefined ? null : localDate(new Date(Date.now() - repliedDaysAgo * DAY)),
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
      withBudgets({ state: 'approved' }, [budget('approved', 5, '甲单位', 5), budget('approved', 25, '乙单位', 25)]),
      <PublisherHome />,
    );
    const fresh = screen.getByRole('row', { name: /甲单位/ });
    const late = screen.getByRole('row', { name: /乙单位/ });
    expect(within(fresh).getByText('剩余 15 天')).toBeTruthy();
    expect(within(late).getByText('已超期 5 天')).toBeTruthy();
    expect(late.className).toBe('overdue');
    expect(within(fresh).getByRole('link', { name: '公开' }).getAttribute('href')).toBe('/budgets/甲单位-id');
  });

  it('runs the clock from the 批复 date, not from the budget’s last change', () => {
    // Replied 25 days ago but touched (approved in the system) 2 days ago: 5 days overdue, the deadline the 20th day after the reply.
    renderWith(withBudgets({ state: 'approved' }, [budget('approved', 2, '丙单位', 25), budget('approved', 30, '丁单位', 20)]), <PublisherHome />);
    const replied = screen.getByRole('row', { name: /丙单位/ });
    expect(within(replied).getByText(localDate(new Date(Date.now() - 25 * DAY)))).toBeTruthy();
    expect(within(replied).getByText(localDate(new Date(Date.now() - 5 * DAY)))).toBeTruthy();
    expect(within(replied).getByText('已超期 5 天')).toBeTruthy();
    expect(replied.className).toBe('overdue');
    // Its last day: still due, 0 days left.
    const lastDay = screen.getByRole('row', { name: /丁单位/ });
    expect(within(lastDay).getByText('剩余 0 天')).toBeTruthy();
    expect(lastDay.className).toBe('due-soon');
  });

  it('counts a budget approved without a 批复 date from the day of its approval', () => {
    const approved = { ...budget('approved', 0, '戊单位'), updatedAt: new Date(`${localDate(new Date(Date.now() - 3 * DAY))}T12:00:00`).toISOString() };
    renderWith(withBudgets({ state: 'approved' }, [approved]), <PublisherHome />);
    const row = screen.getByRole('row', { name: /戊单位/ });
    expect(within(row).getByText('剩余 17 天')).toBeTruthy();
    expect(within(row).getByText('—')).toBeTruthy();
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
