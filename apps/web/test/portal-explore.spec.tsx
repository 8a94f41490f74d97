import './text-encoder.polyfill';
import {
  breakdownDataOf,
  catalogueForYear,
  disclosureDigest,
  yearOnYear,
  type TDepartmentComparison,
  type TDepartmentYears,
  type TDisclosureBreakdown,
  type TDisclosureSearchPage,
} from '@budgetflow/domain';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../src/app/providers';
import { CompareDepartmentsPage } from '../src/features/portal/compare-departments-page';
import { CompareYearsPage } from '../src/features/portal/compare-years-page';
import { Explore } from '../src/features/portal/explore';
import { PortalListPage } from '../src/features/portal/portal-list-page';
import { seedDocument } from './budget-fixture';

// jsdom lays nothing out, so it has no scrolling either; a shared link scrolls to the drill-down.
Element.prototype.scrollIntoView = function scrollIntoView() {};

const ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';
/** A unit's own 单位预算, published under its department (a template with a 单位 scope). */
const UNIT_ITEM: TDisclosureSearchPage['items'][number] = {
  id: OTHER_ID,
  budgetId: OTHER_ID,
  versionNo: 1,
  revisionNo: 1,
  fiscalYear: 2020,
  department: { code: '019001', name: '武汉市硚口区大数据中心' },
  unit: { code: '019001002', name: '示例第一中学' },
  publishedAt: '2020-03-02T00:00:00.000Z',
  total: '100000.00',
  functionClasses: [],
  matchedFunctions: [],
};
const seed = seedDocument();
const facts = breakdownDataOf(seed, catalogueForYear(seed.fiscalYear));
const digest = disclosureDigest(seed, facts);
// As the API answers while last year is not published: the seed's own 上年 figure.
const data: TDisclosureBreakdown = { publicationId: ID, ...facts, digest: { ...digest, ...yearOnYear(seed.fiscalYear, digest, undefined) } };

function renderAt(
  url: string,
  ui: ReactNode,
  client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } }),
) {
  return render(
    <Providers client={client} locale="zh">
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/portal" element={ui} />
          <Route path="/portal/compare" element={ui} />
          <Route path="/portal/departments/:code" element={ui} />
          <Route path="/portal/:id" element={ui} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const path = () =>
  within(screen.getByTestId('explore-path'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((th) => th.textContent);

describe('the drill-down', () => {
  it('goes from a 类 to its 款, its 项, the units and the basic/project split, the path shown and the link following', () => {
    renderAt(`/portal/${ID}`, <Explore data={data} />);
    expect(rowNames()).toEqual([
      '一般公共服务支出',
      '社会保障和就业支出',
      '卫生健康支出',
      '资源勘探工业信息等支出',
      '住房保障支出',
    ]);
    fireEvent.click(screen.getByRole('link', { name: '一般公共服务支出' }));
    expect(path()).toEqual(['全部支出', '类 一般公共服务支出']);
    const section = rowNames()[0]!;
    fireEvent.click(screen.getByRole('link', { name: section }));
    const item = rowNames()[0]!;
    fireEvent.click(screen.getByRole('link', { name: item }));
    expect(path()).toHaveLength(4);
    expect(path()[3]).toBe(`项 ${item}`);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toContain('按单位列示');
    fireEvent.click(screen.getByRole('link', { name: '武汉市硚口区大数据中心' }));
    expect(rowNames().every((n) => n === '基本支出' || n === '项目支出')).toBe(true);
    const share = screen.getByTestId('share-link').getAttribute('href') ?? '';
    expect(share).toMatch(
      new RegExp(`^/portal/${ID}\\?by=function&path=201%2C\\d{5}%2C\\d{7}%2C\\w+#explore$`),
    );
  });

  it('opens a shared link on the view it names, and switches to 经济分类, 单位 and 资金来源', () => {
    renderAt(`/portal/${ID}?by=function&path=201,20103#explore`, <Explore data={data} />);
    expect(path()).toEqual(['全部支出', '类 一般公共服务支出', '款 政府办公厅（室）及相关机构事务']);
    fireEvent.click(screen.getByRole('link', { name: '按经济分类' }));
    expect(screen.getByRole('link', { name: '按经济分类' }).getAttribute('aria-current')).toBe('true');
    expect(rowNames()).toContain('工资福利支出');
    fireEvent.click(screen.getByRole('link', { name: '按资金来源' }));
    expect(rowNames()).toContain('经费拨款（补助）');
    fireEvent.click(screen.getByRole('link', { name: '按单位' }));
    expect(rowNames()).toEqual(['武汉市硚口区大数据中心']);
  });

  it('shows a fund source by its Chinese name, with no code column and no English id in the link', () => {
    renderAt(`/portal/${ID}?by=fund-source#explore`, <Explore data={data} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名称', '合计', '基本支出', '项目支出', '占比']);
    expect(table.textContent).not.toMatch(/[a-z]{3,}/);
    fireEvent.click(screen.getByRole('link', { name: '经费拨款（补助）' }));
    expect(path()).toEqual(['全部支出', '资金来源 经费拨款（补助）']);
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')[0]?.textContent).toBe('编码');
    expect(screen.getByTestId('share-link').getAttribute('href')).toBe(`/portal/${ID}?by=fund-source&path=1#explore`);
  });

  it('opens a link shared with a fund source’s id on the same view, and shares it by its key', () => {
    renderAt(`/portal/${ID}?by=fund-source&path=general-budget-appropriation#explore`, <Explore data={data} />);
    expect(path()).toEqual(['全部支出', '资金来源 经费拨款（补助）']);
    expect(screen.getByTestId('share-link').getAttribute('href')).toBe(`/portal/${ID}?by=fund-source&path=1#explore`);
  });
});

const cache = (entries: [unknown[], unknown][]) => {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  entries.forEach(([key, value]) => client.setQueryData(key, value));
  return client;
};

describe('the comparisons', () => {
  it('lists a department’s years newest first, with the change, signed, what it is on, and the reason it gave', () => {
    const years: TDepartmentYears = {
      department: { code: '019001', name: '武汉市硚口区大数据中心' },
      years: [
        {
          publicationId: ID,
          fiscalYear: 2020,
          total: '6044000.00',
          previous: null,
          change: null,
          reason: '',
          functionClasses: [],
        },
        {
          publicationId: ID,
          fiscalYear: 2021,
          total: '12088000.00',
          previous: { total: '6000000.00', stated: true },
          change: { amount: '6088000.00', percent: '101.5' },
          reason: '新增数据平台建设项目',
          functionClasses: [],
        },
        {
          publicationId: ID,
          fiscalYear: 2022,
          total: '9670400.00',
          previous: { total: '12088000.00', stated: false },
          change: { amount: '-2417600.00', percent: '-20.0' },
          reason: '数据平台建成',
          functionClasses: [{ code: '201', name: '一般公共服务支出', amount: '9670400.00' }],
        },
      ],
    };
    renderAt(
      '/portal/departments/019001',
      <CompareYearsPage />,
      cache([[['public', 'years', '019001'], years]]),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('武汉市硚口区大数据中心 历年预算');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2022967.0-241.8（与上年公开数比较）-20.0%数据平台建成一般公共服务支出',
      // 2020 unpublished: against the 上年预算数 that 2021's budget states, and said so.
      '20211208.8+608.8（与本年预算所列上年预算数比较）+101.5%新增数据平台建设项目',
      '2020604.4—（无上年数）—未说明',
    ]);
    // The year stays at the left while the rest scrolls sideways on a phone.
    expect(rows.map((r) => r.querySelector('.frozen')?.textContent)).toEqual(['2022', '2021', '2020']);
  });

  it('puts the chosen departments of a year side by side, and the choice in the address', () => {
    const search: TDisclosureSearchPage = {
      items: [
        ...['019001', '020001'].map((code, i) => ({
        id: `${i}1111111-1111-4111-8111-111111111111`,
        budgetId: ID,
        versionNo: 1,
        revisionNo: 1,
        fiscalYear: 2020,
        department: { code, name: code === '019001' ? '大数据中心' : '档案馆' },
        unit: null,
        publishedAt: '2020-03-01T00:00:00.000Z',
        total: '1.00',
          functionClasses: [],
          matchedFunctions: [],
        })),
        { ...UNIT_ITEM, department: { code: '019001', name: '大数据中心' } },
      ],
      page: 1,
      pageSize: 100,
      total: 2,
      years: [2020],
    };
    const comparison: TDepartmentComparison = {
      fiscalYear: 2020,
      classes: [{ code: '201', name: '一般公共服务支出' }],
      departments: [
        {
          publicationId: ID,
          code: '019001',
          name: '大数据中心',
          total: '6044000.00',
          amounts: ['1436000.00'],
        },
        { publicationId: ID, code: '020001', name: '档案馆', total: '100000.00', amounts: ['0.00'] },
      ],
    };
    renderAt(
      '/portal/compare?year=2020&departments=019001,020001',
      <CompareDepartmentsPage />,
      cache([
        [['public', 'search', { year: 2020, page: 1 }, 100], search],
        [['public', 'compare', 2020, ['019001', '020001']], comparison],
      ]),
    );
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['功能分类（类）', '大数据中心', '档案馆']);
    expect(within(table).getByRole('row', { name: /201 一般公共服务支出/ }).textContent).toBe(
      '201 一般公共服务支出143.60.0',
    );
    expect(screen.getByRole('checkbox', { name: '档案馆' })).toHaveProperty('checked', true);
    // A department is chosen by its 部门预算, whatever its units publish beside it.
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent)).toEqual(['大数据中心', '档案馆']);
  });
});

describe('the district search', () => {
  it('shows what a search found, with its total, the 功能 it matched and the pages', () => {
    const found: TDisclosureSearchPage = {
      items: [
        {
          id: ID,
          budgetId: ID,
          versionNo: 2,
          revisionNo: 3,
          fiscalYear: 2020,
          department: { code: '019001', name: '武汉市硚口区大数据中心' },
          unit: null,
          publishedAt: '2020-03-01T00:00:00.000Z',
          total: '6044000.00',
          functionClasses: [],
          matchedFunctions: [{ code: '201', name: '一般公共服务支出' }],
        },
        UNIT_ITEM,
      ],
      page: 2,
      pageSize: 20,
      total: 41,
      years: [2021, 2020],
    };
    renderAt(
      '/portal?q=一般公共服务&page=2',
      <PortalListPage />,
      cache([[['public', 'search', { q: '一般公共服务', page: 2 }, 20], found]]),
    );
    expect(screen.getByRole('searchbox')).toHaveProperty('value', '一般公共服务');
    const item = screen.getByRole('link', { name: /武汉市硚口区大数据中心 2020年部门预算/ }).closest('li')!;
    expect(item.textContent).toContain('604.4');
    expect(item.textContent).toContain('201 一般公共服务支出');
    // A unit's own 单位预算 is listed under its department, marked as the unit's.
    expect(screen.getByRole('link', { name: '武汉市硚口区大数据中心／示例第一中学 2020年单位预算' }).getAttribute('href')).toBe(`/portal/${OTHER_ID}`);
    expect(screen.getByText('第 2 页，共 3 页')).toBeTruthy();
    expect(screen.getByRole('link', { name: '上一页' }).getAttribute('href')).toBe(
      '/portal?q=%E4%B8%80%E8%88%AC%E5%85%AC%E5%85%B1%E6%9C%8D%E5%8A%A1&page=1',
    );
    expect(screen.getByRole('link', { name: '下一页' }).getAttribute('href')).toContain('page=3');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['全部年度', '2021', '2020']);
    expect(screen.getByRole('link', { name: '预算公开情况' }).getAttribute('href')).toBe('/portal/compliance');
  });
});

describe('the district search, asked for what it cannot find', () => {
  const page = (over: Partial<TDisclosureSearchPage>): TDisclosureSearchPage => ({ items: [], page: 1, pageSize: 20, total: 0, years: [2021, 2020], ...over });

  it('says a year no budget can be of has none published, keeping the years on offer, without asking the API for it', () => {
    renderAt('/portal?year=1999', <PortalListPage />, cache([[['public', 'search', { page: 1 }, 20], page({ total: 2 })]]));
    expect(screen.getByText('1999年暂无公开的部门预算。')).toBeTruthy();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['全部年度', '2021', '2020']);
  });

  it("offers the district's lines of the newest published year before any year is chosen, and of the year chosen after", () => {
    const first = renderAt('/portal', <PortalListPage />, cache([[['public', 'search', { page: 1 }, 20], page({ total: 2 })]]));
    expect(screen.getByText('2021年全区支出明细').closest('p')?.querySelector('a')?.getAttribute('href')).toBe('/api/public/open-data/2021/lines.xlsx');
    first.unmount();
    renderAt('/portal?year=2020', <PortalListPage />, cache([[['public', 'search', { year: 2020, page: 1 }, 20], page({ total: 1 })]]));
    expect(screen.getByText('2020年全区支出明细')).toBeTruthy();
    expect(screen.queryByText('2021年全区支出明细')).toBeNull();
  });

  it('says which year has nothing published', () => {
    renderAt('/portal?year=2005', <PortalListPage />, cache([[['public', 'search', { year: 2005, page: 1 }, 20], page({})]]));
    expect(screen.getByText('2005年暂无公开的部门预算。')).toBeTruthy();
  });

  it('says a page past the last has nothing, and links back to the first', () => {
    renderAt('/portal?page=99', <PortalListPage />, cache([[['public', 'search', { page: 99 }, 20], page({ page: 99, total: 41 })]]));
    expect(screen.getByText(/第 99 页没有内容：共 3 页。/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '回到第一页' }).getAttribute('href')).toBe('/portal?page=1');
  });

  it('takes no more than the 100 characters the API searches, from the field or from an address', () => {
    const long = '大'.repeat(150);
    renderAt(`/portal?q=${long}`, <PortalListPage />, cache([[['public', 'search', { q: '大'.repeat(100), page: 1 }, 20], page({})]]));
    expect(screen.getByRole('searchbox')).toHaveProperty('maxLength', 100);
    expect(screen.getByRole('searchbox')).toHaveProperty('value', '大'.repeat(100));
  });
});
