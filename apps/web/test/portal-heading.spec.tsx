import './text-encoder.polyfill';
import type { TDisclosureSearchPage } from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../src/app/providers';
import type { TLocale } from '../src/lib/i18n';
import { PortalListPage } from '../src/features/portal/portal-list-page';

type TItem = TDisclosureSearchPage['items'][number];

const DEPARTMENT_ITEM: TItem = {
  id: '11111111-1111-4111-8111-111111111111',
  budgetId: '11111111-1111-4111-8111-111111111111',
  versionNo: 1,
  revisionNo: 1,
  fiscalYear: 2020,
  department: { code: '019001', name: '武汉市硚口区大数据中心' },
  unit: null,
  publishedAt: '2020-03-01T00:00:00.000Z',
  total: '6044000.00',
  functionClasses: [],
  matchedFunctions: [],
};
/** A unit's own 单位预算, listed under its department (a template with a 单位 scope). */
const UNIT_ITEM: TItem = {
  ...DEPARTMENT_ITEM,
  id: '22222222-2222-4222-8222-222222222222',
  budgetId: '22222222-2222-4222-8222-222222222222',
  unit: { code: '019001002', name: '示例第一中学' },
  total: '100000.00',
};

function renderList(items: TItem[], locale: TLocale) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const found: TDisclosureSearchPage = { items, page: 1, pageSize: 20, total: items.length, years: [2020] };
  client.setQueryData(['public', 'search', { page: 1 }, 20], found);
  return render(
    <Providers client={client} locale={locale}>
      <MemoryRouter initialEntries={['/portal']}>
        <Routes>
          <Route path="/portal" element={<PortalListPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const heading = () => screen.getByRole('heading', { level: 2, name: /^(已公开|Published)/ }).textContent;

describe("the portal list's heading", () => {
  it.each([
    ['zh', '已公开的部门预算'],
    ['en', 'Published department budgets'],
  ] as const)('names the 部门预算 alone where no listed item is a unit’s (%s)', (locale, text) => {
    renderList([DEPARTMENT_ITEM], locale);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(heading()).toBe(text);
  });

  it.each([
    ['zh', '已公开的部门预算和单位预算'],
    ['en', 'Published department and unit budgets'],
  ] as const)('names the 单位预算 too where a listed item is a unit’s (%s)', (locale, text) => {
    renderList([DEPARTMENT_ITEM, UNIT_ITEM], locale);
    expect(heading()).toBe(text);
  });
});
