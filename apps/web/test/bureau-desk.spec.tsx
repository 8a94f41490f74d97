import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { Providers } from '../src/app/providers';
import { BureauPage } from '../src/features/bureau/bureau-page';
import type { TComplianceEntry, TOverview } from '../src/features/bureau/use-bureau';
import { CeilingsPanel } from '../src/features/ceilings/ceilings-panel';
import type { TCeilingsAnswer } from '../src/features/ceilings/use-ceilings';
import { CompliancePage } from '../src/features/portal/compliance-page';
import type { TSessionUser } from '../src/lib/api-types';
import { fakeApi } from './admin-fake-api';

const YEAR = new Date().getFullYear();

function cached(entries: [readonly unknown[], unknown][]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const [key, data] of entries) client.setQueryData(key, data);
  return client;
}

/** Where the page's router is: its query string. */
function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}

function renderWith(client: QueryClient, ui: React.ReactNode) {
  render(
    <Providers client={client} locale="zh">
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}

const ceilings: TCeilingsAnswer = {
  budgetId: 'b1',
  fiscalYear: 2020,
  department: { code: '019001', name: '甲单位' },
  version: 2,
  setAt: '2020-01-09T02:00:00.000Z',
  issuedAt: '2020-01-10T02:00:00.000Z',
  ceilings: { total: '600000000', project: '100000000', byFundSource: {}, threePublic: {} },
  comparison: [
    { ceiling: 'total', name: '支出总额', ceilingFen: '600000000', amountFen: '604400000', roomFen: '-4400000' },
    { ceiling: 'project', name: '项目支出', ceilingFen: '100000000', amountFen: '39700000', roomFen: '60300000' },
  ],
};

describe('the ceilings beside the totals', () => {
  it('show each ceiling, the budget’s figure and the room left in 元, the exceeded one marked', () => {
    renderWith(cached([[['budget', 'b1', 'ceilings', 7], ceilings]]), <CeilingsPanel budgetId="b1" budgetVersion={7} editable={false} />);
    const total = screen.getByRole('row', { name: /支出总额/ });
    expect(total.className).toBe('over');
    expect(within(total).getByText('6,000,000.00')).toBeTruthy();
    expect(within(total).getByText('超出 44,000.00')).toBeTruthy();
    const project = screen.getByRole('row', { name: /项目支出/ });
    expect(within(project).getByText('603,000.00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '修改控制数' })).toBeNull();
  });

  it('follow the editor’s lines as they are typed, before any save', () => {
    const client = cached([[['budget', 'b1', 'ceilings', 7], ceilings]]);
    const line = (id: string, amount: string, kind: 'project' | 'basic-public') =>
      ({ id, unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind, fundSource: 'general-budget-appropriation', amount, ...(kind === 'project' ? { projectId: 'P1' } : {}) }) as const;
    const panel = (lines: readonly ReturnType<typeof line>[]) => (
      <Providers client={client} locale="zh">
        <MemoryRouter>
          <CeilingsPanel budgetId="b1" budgetVersion={7} editable={false} lines={lines} />
        </MemoryRouter>
      </Providers>
    );
    const view = render(panel([line('A', '5000000.00', 'basic-public'), line('B', '800000.00', 'project')]));
    const total = () => screen.getByRole('row', { name: /支出总额/ });
    expect(within(total()).getByText('5,800,000.00')).toBeTruthy();
    expect(within(total()).getByText('200,000.00')).toBeTruthy();
    expect(total().className).toBe('');
    // One amount typed up: the figure and the room follow, and the ceiling is now exceeded.
    view.rerender(panel([line('A', '5300000.50', 'basic-public'), line('B', '800000.00', 'project')]));
    expect(within(total()).getByText('6,100,000.50')).toBeTruthy();
    expect(within(total()).getByText('超出 100,000.50')).toBeTruthy();
    expect(total().className).toBe('over');
    expect(within(screen.getByRole('row', { name: /项目支出/ })).getByText('200,000.00')).toBeTruthy();
  });

  it('say none is issued yet while the editor’s lines are typed, with no row of figures', () => {
    const none: TCeilingsAnswer = { ...ceilings, version: 0, setAt: null, issuedAt: null, ceilings: { byFundSource: {}, threePublic: {} }, comparison: [] };
    const line = { id: 'A', unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '5000000.00' } as const;
    renderWith(cached([[['budget', 'b1', 'ceilings', 7], none]]), <CeilingsPanel budgetId="b1" budgetVersion={7} editable={false} lines={[line]} />);
    expect(screen.getByText('尚未填写控制数。')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /支出总额/ })).toBeNull();
  });

  it('refuse a ceiling that is no amount naming the field, in Chinese, and send nothing', async () => {
    renderWith(cached([[['budget', 'b1', 'ceilings', 7], ceilings]]), <CeilingsPanel budgetId="b1" budgetVersion={7} editable />);
    screen.getByRole('button', { name: '修改控制数' }).click();
    const form = await screen.findByRole('form', { name: '修改控制数' });
    fireEvent.change(within(form).getByLabelText('基本支出'), { target: { value: '12a' } });
    fireEvent.submit(form);
    const basic = within(form).getByLabelText('基本支出');
    expect(basic.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(basic.getAttribute('aria-describedby')!)?.textContent).toBe('金额无效：不是金额');
  });

  it('offer the 预算科 to change them', () => {
    renderWith(cached([[['budget', 'b1', 'ceilings', 7], ceilings]]), <CeilingsPanel budgetId="b1" budgetVersion={7} editable />);
    screen.getByRole('button', { name: '修改控制数' }).click();
    return screen.findByRole('form', { name: '修改控制数' }).then((form) => {
      expect((within(form).getByLabelText('支出总额') as HTMLInputElement).value).toBe('6000000.00');
      expect((within(form).getByLabelText('基本支出') as HTMLInputElement).value).toBe('');
    });
  });
});

const overview: TOverview = {
  fiscalYear: YEAR,
  today: `${YEAR}-03-01`,
  desk: { bureau: '某区财政局', office: '预算科' },
  departments: [
    {
      department: { id: 'd1', code: '019001', name: '甲单位' },
      budgetId: 'b1',
      state: 'submitted',
      round: 'final',
      stage: { index: 0, count: 2, name: '业务科室' },
      stateSince: null,
      daysWaiting: 3,
      figures: { totalFen: '604400000', basicFen: '207400000', projectFen: '397000000' },
      ceilings: { issued: true, exceeded: [{ ceiling: 'total', name: '支出总额', ceilingFen: '600000000', amountFen: '604400000', excessFen: '4400000' }] },
      findings: { errors: 0, warnings: 2 },
    },
    { department: { id: 'd2', code: '019002', name: '乙单位' }, budgetId: null, state: null, round: null, stage: null, stateSince: null, daysWaiting: null, figures: null, ceilings: { issued: false, exceeded: [] }, findings: null },
  ],
  totals: { totalFen: '604400000', byFunctionClass: [{ code: '201', name: '一般公共服务支出', totalFen: '143600000' }], byDepartment: [{ code: '019001', name: '甲单位', totalFen: '604400000' }] },
  compliance: [{ department: { code: '019001', name: '甲单位' }, repliedOn: `${YEAR}-02-01`, deadline: `${YEAR}-02-21`, publishedOn: null, status: 'overdue', daysLate: 8 }],
};

/** A department under a template with a 单位 scope: its 二级单位's 单位预算 are due by its own deadline. */
const WITH_UNITS: TComplianceEntry = {
  department: { code: '019002', name: '乙单位' },
  repliedOn: `${YEAR}-02-01`,
  deadline: `${YEAR}-02-21`,
  publishedOn: `${YEAR}-02-10`,
  status: 'on-time',
  daysLate: 0,
  units: [
    { unit: { code: '019002002', name: '示例第一中学' }, repliedOn: `${YEAR}-02-01`, deadline: `${YEAR}-02-21`, publishedOn: `${YEAR}-02-20`, status: 'on-time', daysLate: 0 },
    { unit: { code: '019002003', name: '示例幼儿园' }, repliedOn: `${YEAR}-02-01`, deadline: `${YEAR}-02-21`, publishedOn: `${YEAR}-02-25`, status: 'late', daysLate: 4 },
    { unit: { code: '019002004', name: '示例小学' }, repliedOn: `${YEAR}-02-01`, deadline: `${YEAR}-02-21`, publishedOn: null, status: 'overdue', daysLate: 8 },
  ],
};

/** The rows' headers of the compliance table, in order, and each unit row's status. */
function complianceRows(table: HTMLElement): [string, string][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent ?? '', row.lastElementChild?.textContent ?? '']);
}

function reviewerOf(office: TSessionUser['office']): TSessionUser {
  return { id: 'u1', username: 'reviewer', role: 'reviewer', departmentCode: null, totpEnabled: false, mustEnrolTotp: false, office, unit: null };
}
const overviewKey = (year: number) => ['bureau', 'overview', { year, state: undefined, round: undefined, overCeiling: undefined, q: undefined }];
const OVERVIEW_KEY = overviewKey(YEAR);
const YEARS_KEY = ['bureau', 'years'];
const THIS_YEAR_ONLY = { years: [YEAR], defaultYear: YEAR };

describe("the bureau's desk", () => {
  it('lists every department with its state, wait, figures against ceilings and findings, then the totals and the compliance', () => {
    renderWith(cached([[YEARS_KEY, THIS_YEAR_ONLY], [OVERVIEW_KEY, overview]]), <BureauPage user={reviewerOf({ code: 'yusuanke', name: '预算科', kind: 'budget' })} />);
    expect(screen.getByRole('heading', { level: 1, name: '某区财政局工作台（预算科）' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '各部门（2 个）' })).toBeTruthy();
    const first = screen.getByRole('row', { name: /甲单位 二上 审核中 业务科室（1\/2）/ });
    expect(first.className).toBe('over');
    expect(within(first).getByText('3 天')).toBeTruthy();
    expect(within(first).getByText('6,044,000.00')).toBeTruthy();
    expect(within(first).getByText('支出总额超出 44,000.00 元')).toBeTruthy();
    expect(within(first).getByText('0 个错误 · 2 个提示')).toBeTruthy();
    const second = screen.getByRole('row', { name: /乙单位/ });
    expect(within(second).getAllByText('未建预算')).toHaveLength(1);
    expect(within(second).getByText('未下达')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '全区汇总：6,044,000.00 元' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /201 一般公共服务支出 1,436,000.00/ })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: `截至 ${YEAR}-03-01` })).getByText('逾期未公开（逾期 8 天）')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '批量下达控制数' })).toBeTruthy();
  });

  it('lists each department and each 二级单位’s 单位预算 under it, with the days it is late by', () => {
    renderWith(cached([[YEARS_KEY, THIS_YEAR_ONLY], [OVERVIEW_KEY, { ...overview, compliance: [...overview.compliance, WITH_UNITS] }]]), <BureauPage user={reviewerOf(null)} />);
    expect(complianceRows(screen.getByRole('table', { name: `截至 ${YEAR}-03-01` }))).toEqual([
      ['甲单位', '逾期未公开（逾期 8 天）'],
      ['乙单位', '按时公开'],
      ['示例第一中学（单位预算）', '按时公开'],
      ['示例幼儿园（单位预算）', '逾期公开（逾期 4 天）'],
      ['示例小学（单位预算）', '逾期未公开（逾期 8 天）'],
    ]);
    const late = screen.getByRole('row', { name: /示例幼儿园/ });
    expect(within(late).getByText(`${YEAR}-02-25`)).toBeTruthy();
    expect(within(late).getByText(`${YEAR}-02-21`)).toBeTruthy();
  });

  it('offers the bulk upload of ceilings to the 预算科 alone, not to a 业务科室', () => {
    renderWith(cached([[YEARS_KEY, THIS_YEAR_ONLY], [OVERVIEW_KEY, { ...overview, desk: { bureau: '某区财政局', office: '行政政法科' } }]]), <BureauPage user={reviewerOf({ code: 'yewu-1', name: '行政政法科', kind: 'business' })} />);
    expect(screen.getByRole('heading', { level: 1, name: '某区财政局工作台（行政政法科）' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '批量下达控制数' })).toBeNull();
  });
});

describe('the year the desk opens on', () => {
  const reviewer = reviewerOf(null);
  const yearField = () => screen.getByLabelText('年度') as HTMLInputElement;

  it('is the newest year with budgets, not the calendar’s; the others are offered, and any may be typed', async () => {
    const requests = fakeApi({ 'GET /api/bureau/overview\\?year=2018': { ...overview, fiscalYear: 2018, departments: [] } });
    renderWith(cached([[YEARS_KEY, { years: [2019, 2018], defaultYear: 2019 }], [overviewKey(2019), { ...overview, fiscalYear: 2019 }]]), <BureauPage user={reviewer} />);
    expect(yearField().value).toBe('2019');
    const offered = document.getElementById(yearField().getAttribute('list')!)?.querySelectorAll('option') ?? [];
    expect([...offered].map((o) => o.getAttribute('value'))).toEqual(['2019', '2018']);
    expect(screen.getByRole('table', { name: '各部门（2 个）' })).toBeTruthy();
    fireEvent.change(yearField(), { target: { value: '2018' } });
    await waitFor(() => expect(requests.map((r) => r.path)).toEqual(['/api/bureau/overview?year=2018']));
    expect(await screen.findByRole('heading', { name: '各部门（0 个）' })).toBeTruthy();
  });

  it('is the calendar’s year while the scope has no budget, and the desk asks for it', async () => {
    const requests = fakeApi({ 'GET /api/bureau/years': { years: [], defaultYear: null }, [`GET /api/bureau/overview\\?year=${YEAR}`]: overview });
    renderWith(cached([]), <BureauPage user={reviewer} />);
    expect(await screen.findByRole('table', { name: '各部门（2 个）' })).toBeTruthy();
    expect(yearField().value).toBe(String(YEAR));
    expect(yearField().getAttribute('list')).toBeNull();
    expect(requests.map((r) => r.path)).toEqual(['/api/bureau/years', `/api/bureau/overview?year=${YEAR}`]);
  });
});

describe('the public compliance list', () => {
  const complianceOf = (year: number, publishedOn: string | null) => ({ fiscalYear: year, today: `${YEAR}-03-01`, items: [{ department: { code: '019001', name: '甲单位' }, repliedOn: `${year}-02-01`, deadline: `${year}-02-21`, publishedOn, status: publishedOn === null ? 'overdue' : 'on-time', daysLate: publishedOn === null ? 10 : 0 }] });
  /** The district search's first page, whose years the list opens on. */
  const publishedYears = (years: number[]): [readonly unknown[], unknown] => [['public', 'search', { page: 1 }, 20], { items: [], page: 1, pageSize: 20, total: 0, years }];
  const yearField = () => screen.getByLabelText('年度') as HTMLInputElement;

  it('shows each department’s 批复 date, deadline, publication and status', () => {
    renderWith(cached([publishedYears([YEAR]), [['public', 'compliance', YEAR], complianceOf(YEAR, `${YEAR}-02-10`)]]), <CompliancePage />);
    const row = screen.getByRole('row', { name: /甲单位/ });
    expect(within(row).getByText('按时公开')).toBeTruthy();
    expect(within(row).getByText(`${YEAR}-02-10`)).toBeTruthy();
  });

  it('shows each 二级单位’s 单位预算 under its department, and says the units’ 20 days run from the bureau’s 批复', () => {
    renderWith(cached([publishedYears([YEAR]), [['public', 'compliance', YEAR], { fiscalYear: YEAR, today: `${YEAR}-03-01`, items: [WITH_UNITS] }]]), <CompliancePage />);
    expect(complianceRows(screen.getByRole('table'))).toEqual([
      ['乙单位', '按时公开'],
      ['示例第一中学（单位预算）', '按时公开'],
      ['示例幼儿园（单位预算）', '逾期公开（逾期 4 天）'],
      ['示例小学（单位预算）', '逾期未公开（逾期 8 天）'],
    ]);
    expect(within(screen.getByRole('row', { name: /示例小学/ })).getAllByText('—')).toHaveLength(1);
    expect(screen.getByText(/所属二级单位的单位预算同样自财政部门批复之日起 20 日内公开/)).toBeTruthy();
  });

  it('opens on the newest year anything was published, not the calendar’s; the others are offered, and any may be typed, into the address too', async () => {
    const requests = fakeApi({ 'GET /api/public/compliance\\?year=2018': complianceOf(2018, null) });
    renderWith(
      cached([publishedYears([2020, 2019]), [['public', 'compliance', 2020], complianceOf(2020, '2020-02-10')]]),
      <>
        <CompliancePage />
        <Address />
      </>,
    );
    expect(yearField().value).toBe('2020');
    expect(within(screen.getByRole('row', { name: /甲单位/ })).getByText('2020-02-10')).toBeTruthy();
    const offered = document.getElementById(yearField().getAttribute('list')!)?.querySelectorAll('option') ?? [];
    expect([...offered].map((o) => o.getAttribute('value'))).toEqual(['2020', '2019']);
    fireEvent.change(yearField(), { target: { value: '2018' } });
    expect(await screen.findByText('逾期未公开（逾期 10 天）')).toBeTruthy();
    expect(requests.map((r) => r.path)).toEqual(['/api/public/compliance?year=2018']);
    expect(screen.getByTestId('address').textContent).toBe('?year=2018');
  });

  it('opens on the calendar’s year while nothing is published', async () => {
    const requests = fakeApi({ 'GET /api/public/search\\?page=1&pageSize=20': { items: [], page: 1, pageSize: 20, total: 0, years: [] }, [`GET /api/public/compliance\\?year=${YEAR}`]: { fiscalYear: YEAR, today: `${YEAR}-03-01`, items: [] } });
    renderWith(cached([]), <CompliancePage />);
    expect(await screen.findByText('暂无')).toBeTruthy();
    expect(yearField().value).toBe(String(YEAR));
    expect(yearField().getAttribute('list')).toBeNull();
    expect(requests.map((r) => r.path)).toEqual(['/api/public/search?page=1&pageSize=20', `/api/public/compliance?year=${YEAR}`]);
  });
});
