import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { CarriedBanner, type TCarried } from '../src/features/editor/forms/carry-forward';
import { PreparerHome } from '../src/features/home/preparer-home';
import type { TBudgetSummary, TPage } from '../src/lib/api-types';

function budget(state: TBudgetSummary['state']): TBudgetSummary {
  return { id: 'b2020', department: { id: 'd', code: '019001', name: '武汉市硚口区大数据中心' }, fiscalYear: 2020, state, version: 9, revisionNo: 2, updatedAt: new Date().toISOString(), repliedOn: null, unit: null };
}

/** The preparer's home with the API's answers already in the cache: 2020 in `state`, 2021 open. */
function renderHome(state: TBudgetSummary['state']) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const page: TPage<TBudgetSummary> = { items: [budget(state)], page: 1, pageSize: 100, total: 1 };
  client.setQueryData(['budgets', {}], page);
  client.setQueryData(['fiscal-years'], [{ year: 2020, status: 'open' }, { year: 2021, status: 'open' }]);
  render(
    <Providers client={client} locale="zh">
      <MemoryRouter>
        <PreparerHome />
      </MemoryRouter>
    </Providers>,
  );
}

describe('starting a year from last year', () => {
  it.each(['approved', 'published'] as const)('offers to start 2021 from the %s 2020 budget, beside a blank one', (state) => {
    renderHome(state);
    expect(screen.getByRole('button', { name: '以 2020 年预算为起点新建 2021 年预算' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建 2021 年预算' })).toBeTruthy();
  });

  it.each(['draft', 'submitted', 'returned'] as const)('does not offer a %s budget as the start', (state) => {
    renderHome(state);
    expect(screen.queryByRole('button', { name: /为起点/ })).toBeNull();
    expect(screen.getByRole('button', { name: '新建 2021 年预算' })).toBeTruthy();
  });

  it('says on the new budget what was carried, and what was not', () => {
    const carried: TCarried = {
      fromYear: 2020,
      units: 1,
      functions: 5,
      staffing: true,
      projects: { carried: ['P2020-001'], finished: ['P2019-009'] },
      expenditureLines: 30,
      incomeLines: 1,
      priorYear: 2020,
      linesLeftOut: ['L031'],
    };
    const client = new QueryClient();
    render(
      <Providers client={client} locale="zh">
        <MemoryRouter initialEntries={[{ pathname: '/budgets/x', state: { carried } }]}>
          <CarriedBanner />
        </MemoryRouter>
      </Providers>,
    );
    const banner = screen.getByRole('status', { name: '已从 2020 年预算结转' });
    expect(banner.textContent).toContain('预算单位 1 个、主要职能 5 条、人员构成、继续实施的项目 1 个、支出明细 30 条、收入 1 条');
    expect(banner.textContent).toContain('已完成、未结转的项目：P2019-009');
    expect(banner.textContent).toContain('未结转的支出明细：L031');
  });
});
