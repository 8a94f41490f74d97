import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { UsersPanel } from '../src/features/admin/users-panel';
import { PreparerHome } from '../src/features/home/preparer-home';
import type { TBudgetSummary, TPage } from '../src/lib/api-types';
import { fakeApi, Problem } from './admin-fake-api';

const DEPARTMENTS = [
  { id: '11111111-1111-4111-8111-111111111111', code: '019001', name: '示例教育局' },
  { id: '22222222-2222-4222-8222-222222222222', code: '999001', name: '其他部门' },
];
const UNITS = [
  { id: 'a1', departmentId: DEPARTMENTS[0]!.id, code: '019001', name: '示例教育局（本级）' },
  { id: 'a2', departmentId: DEPARTMENTS[0]!.id, code: '019001001', name: '示例第一中学' },
];
const SCHOOL_PREPARER = { id: '33333333-3333-4333-8333-333333333333', username: 'school', displayName: '单位编制人', role: 'preparer', departmentCode: '019001', unitCode: '019001001', reviewScope: [], active: true, twoFactor: false };

function renderIn(client: QueryClient, ui: React.ReactNode) {
  render(
    <Providers client={client} locale="zh">
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}
const freshClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

function fillAccount(form: HTMLElement, username: string) {
  fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '新用户' } });
  fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'long-enough-pw' } });
}

describe('the admin desk: the people of unit budgets', () => {
  it("creates a unit's preparer (单位编制人): the unit chosen among the chosen department's units", async () => {
    const requests = fakeApi({
      'GET /api/users': [SCHOOL_PREPARER],
      'GET /api/departments': DEPARTMENTS,
      [`GET /api/departments/${DEPARTMENTS[0]!.id}/units`]: UNITS,
      [`GET /api/departments/${DEPARTMENTS[1]!.id}/units`]: [{ id: 'b1', departmentId: DEPARTMENTS[1]!.id, code: '999001', name: '其他部门（本级）' }],
      'POST /api/users': { ...SCHOOL_PREPARER, id: 'x' },
    });
    renderIn(freshClient(), <UsersPanel />);
    // The unit is shown beside the department of a unit's preparer.
    expect(await screen.findByRole('cell', { name: '019001／单位 019001001' })).toBeTruthy();
    const form = screen.getByRole('form', { name: '新建用户' });
    fillAccount(form, 'school2');
    const unit = within(form).getByLabelText('预算单位') as HTMLSelectElement;
    await waitFor(() => expect(within(unit).getAllByRole('option').map((o) => o.textContent)).toEqual(['不属于单位（编制部门预算）', '019001 示例教育局（本级）', '019001001 示例第一中学']));
    // Another department, its own units; the unit chosen before is let go.
    fireEvent.change(unit, { target: { value: '019001001' } });
    fireEvent.change(within(form).getByLabelText('部门'), { target: { value: '999001' } });
    await waitFor(() => expect(within(unit).getAllByRole('option').map((o) => o.textContent)).toEqual(['不属于单位（编制部门预算）', '999001 其他部门（本级）']));
    expect(unit.value).toBe('');
    fireEvent.change(within(form).getByLabelText('部门'), { target: { value: '019001' } });
    await waitFor(() => expect(within(unit).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(unit, { target: { value: '019001001' } });
    fireEvent.click(within(form).getByRole('button', { name: '创建' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/users',
      body: { username: 'school2', displayName: '新用户', password: 'long-enough-pw', role: 'preparer', departmentCode: '019001', unitCode: '019001001' },
    });
  });

  it('creates a department reviewer (部门审核人) of a department, with no unit, and a department preparer with none', async () => {
    const requests = fakeApi({
      'GET /api/users': [],
      'GET /api/departments': DEPARTMENTS,
      [`GET /api/departments/${DEPARTMENTS[0]!.id}/units`]: UNITS,
      'POST /api/users': { ...SCHOOL_PREPARER, id: 'x' },
    });
    renderIn(freshClient(), <UsersPanel />);
    const form = await screen.findByRole('form', { name: '新建用户' });
    fillAccount(form, 'deptrev');
    const role = within(form).getByLabelText('角色');
    expect(within(role).getByRole('option', { name: '部门审核人' })).toBeTruthy();
    fireEvent.change(role, { target: { value: 'department_reviewer' } });
    expect(within(form).queryByLabelText('预算单位')).toBeNull();
    await waitFor(() => expect((within(form).getByLabelText('部门') as HTMLSelectElement).value).toBe('019001'));
    fireEvent.click(within(form).getByRole('button', { name: '创建' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ username: 'deptrev', displayName: '新用户', password: 'long-enough-pw', role: 'department_reviewer', departmentCode: '019001' });

    fillAccount(form, 'deptprep');
    fireEvent.change(role, { target: { value: 'preparer' } });
    await waitFor(() => expect(within(within(form).getByLabelText('预算单位')).getAllByRole('option')).toHaveLength(3));
    fireEvent.click(within(form).getByRole('button', { name: '创建' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'POST')[1]?.body).toEqual({ username: 'deptprep', displayName: '新用户', password: 'long-enough-pw', role: 'preparer', departmentCode: '019001' });
  });
});

const SCHOOL = { code: '019001001', name: '示例第一中学' };

function budget(fiscalYear: number, state: TBudgetSummary['state'], unit: TBudgetSummary['unit']): TBudgetSummary {
  return { id: `b${fiscalYear}${unit?.code ?? ''}`, department: { id: 'd', code: '019001', name: '示例教育局' }, fiscalYear, state, version: 2, revisionNo: 1, updatedAt: '2020-03-01T02:00:00.000Z', repliedOn: null, unit };
}

/** The preparer's home with their budgets and the open years already in the cache. */
function homeWith(items: TBudgetSummary[], unit: TBudgetSummary['unit']) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const page: TPage<TBudgetSummary> = { items, page: 1, pageSize: 100, total: items.length };
  client.setQueryData(['budgets', {}], page);
  client.setQueryData(['fiscal-years'], [{ year: 2020, status: 'open' }, { year: 2021, status: 'open' }]);
  renderIn(client, <PreparerHome unit={unit} />);
}

describe("a unit's preparer (单位编制人)", () => {
  it('sees the unit budget by its title and state, and is offered the unit budget of an open year, not a start from last year', () => {
    fakeApi({});
    homeWith([budget(2020, 'approved', SCHOOL)], SCHOOL);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('示例第一中学 单位预算');
    const row = screen.getByRole('row', { name: /2020年 示例第一中学 单位预算/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(1, 4)).toEqual(['2020年 示例第一中学 单位预算', '已审核汇总', '已汇总到部门预算']);
    expect(within(row).getByRole('link', { name: '打开 2020 示例第一中学' }).getAttribute('href')).toBe('/budgets/b2020019001001');
    expect(screen.getByRole('button', { name: '新建 2021 年 示例第一中学 单位预算' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /为起点/ })).toBeNull();
  });

  it('is told in words when the department has not started the year (NO_DEPARTMENT_BUDGET)', async () => {
    const requests = fakeApi({ 'POST /api/budgets': new Problem(409, 'NO_DEPARTMENT_BUDGET') });
    homeWith([], SCHOOL);
    fireEvent.click(screen.getByRole('button', { name: '新建 2020 年 示例第一中学 单位预算' }));
    expect((await screen.findByRole('alert')).textContent).toBe('主管部门尚未建立本年度部门预算，暂不能新建单位预算');
    expect(requests).toContainEqual({ method: 'POST', path: '/api/budgets', body: { fiscalYear: 2020 } });
  });

  it("a department's preparer is offered the department budget of a year its units already prepare", () => {
    fakeApi({});
    homeWith([budget(2020, 'approved', null), budget(2021, 'submitted', SCHOOL)], null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('本部门预算');
    expect(screen.getByRole('button', { name: '新建 2021 年预算' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /示例第一中学/ }).textContent).toContain('2021年 示例第一中学 单位预算');
  });
});
