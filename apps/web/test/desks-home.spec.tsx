import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { PublisherHome } from '../src/features/home/publisher-home';
import { ReviewerHome } from '../src/features/home/reviewer-home';
import { SignerHome } from '../src/features/home/signer-home';
import type { TQueuedBudget } from '../src/features/home/use-review-queue';
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
    unit: null,
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

describe("the signer's home", () => {
  it('lists the approved budgets to sign off (待审签), each opening on its 审签', () => {
    renderWith(withBudgets({ state: 'approved' }, [budget('approved', 3, '甲单位', 3)]), <SignerHome />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('待审签预算');
    const row = screen.getByRole('row', { name: /甲单位/ });
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/budgets/甲单位-id');
  });
});

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
  const queued = (name: string, daysAgo: number, yourStage: boolean, stage: TQueuedBudget['stage']): TQueuedBudget => ({
    id: `${name}-id`,
    department: { code: '019001', name },
    fiscalYear: 2021,
    round: 'final',
    stage,
    yourStage,
    since: new Date(Date.now() - daysAgo * DAY - 60_000).toISOString(),
    daysWaiting: daysAgo,
  });
  const withQueue = (items: TQueuedBudget[]) => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    client.setQueryData(['budgets', 'queue'], { items });
    return client;
  };
  const QUEUE = [
    queued('久等单位', 3, true, { index: 0, count: 2, name: '业务科室审核' }),
    queued('新到单位', 0, true, { index: 0, count: 2, name: '业务科室审核' }),
    queued('预算科单位', 5, false, { index: 1, count: 2, name: '预算科审核' }),
  ];
  const rowsOf = (region: HTMLElement) => within(region).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

  it("lists the budgets at the reviewer's stage first, then those at other stages to follow, with stage and days waiting", () => {
    renderWith(withQueue(QUEUE), <ReviewerHome actsAtStages />);
    expect(rowsOf(screen.getByRole('region', { name: '待本环节审核' }))).toEqual([
      ['久等单位', '2021', '二上（审核中）', '业务科室审核（1/2）', '3 天', '审核'],
      ['新到单位', '2021', '二上（审核中）', '业务科室审核（1/2）', '不到 1 小时', '审核'],
    ]);
    expect(rowsOf(screen.getByRole('region', { name: '其他环节（可跟踪）' }))).toEqual([['预算科单位', '2021', '二上（审核中）', '预算科审核（2/2）', '5 天', '查看']]);
    expect(screen.getByRole('region', { name: '已审' })).toBeTruthy();
  });

  it('says when nothing waits on the stage; an administrator, at no stage, only follows', () => {
    renderWith(withQueue([QUEUE[2]!]), <ReviewerHome actsAtStages />);
    expect(within(screen.getByRole('region', { name: '待本环节审核' })).getByText('没有等待您所在环节审核的预算')).toBeTruthy();
    cleanup();
    renderWith(withQueue(QUEUE), <ReviewerHome actsAtStages={false} />);
    expect(screen.queryByRole('region', { name: '待本环节审核' })).toBeNull();
    // Nor 已审: an administrator decides nothing, and the API answers 已审 to reviewers alone.
    expect(screen.queryByRole('region', { name: '已审' })).toBeNull();
  });
});
