import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { TNotification } from '@budgetflow/domain';
import { Providers } from '../src/app/providers';
import { NotificationsBell } from '../src/features/home/notifications-bell';
import { ReviewTrail } from '../src/features/review/review-trail';
import { ReviewedList } from '../src/features/home/reviewed-list';
import type { TBudgetReview } from '../src/features/review/use-review';
import type { TLocale } from '../src/lib/i18n';

function renderWith(entries: [readonly unknown[], unknown][], ui: React.ReactNode, locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const [key, data] of entries) client.setQueryData(key, data);
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}

const notice = (
  id: string,
  action: string,
  reason: string | null = null,
  stages: Partial<Pick<TNotification, 'stageName' | 'nextStageName' | 'round' | 'unitName' | 'dueOn'>> = {},
): TNotification => ({
  id: `0000000${id}-0000-4000-8000-000000000000`,
  budgetId: '11111111-1111-4111-8111-111111111111',
  action,
  reason,
  stageName: null,
  nextStageName: null,
  round: null,
  unitName: null,
  dueOn: null,
  ...stages,
  createdAt: '2020-06-01T02:00:00.000Z',
  read: false,
});

describe('the notifications', () => {
  it('name every step in words, an adjustment and the ceilings included, and never show a code', () => {
    renderWith([[['notifications'], [notice('1', 'adjust'), notice('2', 'issue-ceilings'), notice('3', 'something-new')]]], <NotificationsBell />);
    fireEvent.click(screen.getByRole('button', { name: /通知/ }));
    const list = screen.getByRole('region', { name: '通知' });
    expect(within(list).getAllByRole('link').map((l) => l.textContent)).toEqual(['申请预算调整', '已下达控制数', '预算有新进展']);
  });

  it('name an approval that hands the budget on by its stages; only the last stage’s is 已批复', () => {
    const passed = notice('1', 'approve', null, { stageName: '业务科室审核', nextStageName: '预算科审核' });
    const replied = notice('2', 'approve', null, { stageName: '预算科审核', nextStageName: null });
    renderWith([[['notifications'], [passed, replied]]], <NotificationsBell />);
    fireEvent.click(screen.getByRole('button', { name: /通知/ }));
    const list = screen.getByRole('region', { name: '通知' });
    expect(within(list).getAllByRole('link').map((l) => l.textContent)).toEqual(['业务科室审核通过，转预算科审核', '已批复']);
  });

  it("name a unit budget's approval by its department as 主管部门审核, not the bureau's 批复, in either language", () => {
    const unit = notice('1', 'approve', null, { stageName: '主管部门审核', round: 'unit' });
    const replied = notice('2', 'approve', null, { stageName: '预算科审核', round: 'final' });
    for (const [locale, words] of [
      ['zh', ['主管部门已审核（已汇总）', '已批复']],
      ['en', ['Approved by the department (consolidated)', 'Approved']],
    ] as const) {
      renderWith([[['notifications'], [unit, replied]]], <NotificationsBell />, locale);
      fireEvent.click(screen.getByRole('button', { name: locale === 'zh' ? /通知/ : /Notifications/ }));
      const list = screen.getByRole('region', { name: locale === 'zh' ? '通知' : 'Notifications' });
      expect(within(list).getAllByRole('link').map((l) => l.textContent)).toEqual(words);
      cleanup();
    }
  });

  it("name a unit's 单位预算 and its last day when the statutory clock tells of it, in either language", () => {
    const near = notice('1', 'unit-deadline-near', null, { unitName: '示例第一中学', dueOn: '2021-04-04' });
    const overdue = notice('2', 'unit-deadline-overdue', null, { unitName: '示例第一中学', dueOn: '2021-03-21' });
    for (const [locale, words] of [
      ['zh', ['示例第一中学单位预算公开期限将至，请于2021-04-04前公开', '示例第一中学单位预算已超过公开期限（2021-03-21）']],
      ['en', ['Unit budget of 示例第一中学: publish by 2021-04-04', 'Unit budget of 示例第一中学: publication deadline 2021-03-21 passed']],
    ] as const) {
      renderWith([[['notifications'], [near, overdue]]], <NotificationsBell />, locale);
      fireEvent.click(screen.getByRole('button', { name: locale === 'zh' ? /通知/ : /Notifications/ }));
      const list = screen.getByRole('region', { name: locale === 'zh' ? '通知' : 'Notifications' });
      expect(within(list).getAllByRole('link').map((l) => l.textContent)).toEqual(words);
      cleanup();
    }
  });
});

const REVIEW: TBudgetReview = {
  round: 'final',
  chain: { proposalRound: false, stages: [{ key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } }] },
  stage: null,
  yourStage: false,
  proposalRevisionNo: null,
  reply: null,
  trail: [
    {
      id: '1',
      at: '2020-06-01T02:00:00.000Z',
      revisionNo: 1,
      round: 'final',
      stageName: '预算科审核',
      action: 'approve',
      actor: { username: 'reviewer', displayName: '审核人一' },
      onBehalfOf: { username: 'reviewer2', displayName: '审核人二' },
      opinion: '代为审核，同意',
      reason: null,
      documentNo: null,
      repliedOn: null,
      changedSince: false,
    },
  ],
};

describe('the review trail', () => {
  it('says who acted on behalf of whom', () => {
    renderWith([], <ReviewTrail review={REVIEW} state="submitted" />);
    expect(screen.getByRole('listitem').textContent).toContain('审核人一（代审核人二）');
  });

  it('in English too', () => {
    renderWith([], <ReviewTrail review={REVIEW} state="submitted" />, 'en');
    expect(screen.getByRole('listitem').textContent).toContain('审核人一 (on behalf of 审核人二)');
  });

  it('says a returned budget is back with the department, not still in review', () => {
    renderWith([], <ReviewTrail review={REVIEW} state="returned" />);
    expect(screen.getByText(/^所处阶段：/).textContent).toBe('所处阶段：已退回编制单位修改');
  });
});

describe('已审', () => {
  it('shows a budget returned after the reviewer approved it as back with the department', () => {
    const returned = { id: '11111111-1111-4111-8111-111111111111', departmentName: '武汉市硚口区大数据中心', fiscalYear: 2021, state: 'returned', round: 'final', lastAction: 'approve', stageName: '业务科室审核', at: '2021-01-05T02:00:00.000Z' };
    renderWith([[['budgets', 'reviewed'], { items: [returned] }]], <ReviewedList />);
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['武汉市硚口区大数据中心', '2021', expect.stringContaining('审核通过（业务科室审核）'), '已退回编制单位修改', '已退回']);
  });
});
