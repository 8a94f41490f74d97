import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../src/app/providers';
import { AdminPage } from '../src/features/admin/admin-page';
import { BureauPanel } from '../src/features/admin/bureau-panel';
import { DepartmentsPanel } from '../src/features/admin/departments-panel';
import { FiscalYearsPanel } from '../src/features/admin/fiscal-years-panel';
import { JobsPanel } from '../src/features/admin/jobs-panel';
import { UsersPanel } from '../src/features/admin/users-panel';
import type { TSessionUser } from '../src/lib/api-types';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';

const DEPARTMENTS = [
  { id: '11111111-1111-4111-8111-111111111111', code: '019001', name: '市教育局' },
  { id: '22222222-2222-4222-8222-222222222222', code: '999001', name: '其他部门' },
];
const PREPARER = { id: '33333333-3333-4333-8333-333333333333', username: 'preparer', displayName: '编制人甲', role: 'preparer', departmentCode: '019001', reviewScope: [], active: true };
const SESSION = { id: '44444444-4444-4444-8444-444444444444', createdAt: '2026-12-01T08:00:00.000Z', expiresAt: '2026-12-02T08:00:00.000Z', ip: '127.0.0.1', userAgent: 'Chromium' };

function renderPanel(ui: React.ReactNode, locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}

describe("the admin desk's sections (三员分立)", () => {
  const ADMIN = { id: 'a', username: 'admin', role: 'admin', departmentCode: null, totpEnabled: true, mustEnrolTotp: false, office: null, unit: null } as TSessionUser;

  it.each(['zh', 'en'] as const)('offers accounts, departments, years, the bureau and failed jobs, but not the audit trail, which is the auditor’s (%s)', async (locale) => {
    fakeApi({ 'GET /api/users': [PREPARER], 'GET /api/departments': DEPARTMENTS });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <Providers client={client} locale={locale}>
        <MemoryRouter initialEntries={['/admin/audit']}>
          <Routes>
            <Route path="/admin/:section?" element={<AdminPage user={ADMIN} />} />
          </Routes>
        </MemoryRouter>
      </Providers>,
    );
    // The old address of the audit trail lands on the accounts.
    expect(await screen.findByRole('form', { name: locale === 'zh' ? '新建用户' : 'New user' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: locale === 'zh' ? '系统管理' : 'Administration' });
    const links = within(nav).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')]);
    expect(links).toEqual(
      locale === 'zh'
        ? [['用户', '/admin/users'], ['部门与单位', '/admin/departments'], ['年度、模板与分类科目', '/admin/fiscal-years'], ['财政局与审核流程', '/admin/bureau'], ['失败任务', '/admin/jobs']]
        : [['Users', '/admin/users'], expect.any(Array), expect.any(Array), expect.any(Array), ['Failed jobs', '/admin/jobs']],
    );
    expect(screen.queryByText(locale === 'zh' ? '审计日志' : 'Audit trail')).toBeNull();
  });
});

describe('the admin desk: users', () => {
  it('creates a reviewer with the departments ticked as the review scope', async () => {
    const requests = fakeApi({ 'GET /api/users': [PREPARER], 'GET /api/departments': DEPARTMENTS, 'POST /api/users': { ...PREPARER, id: 'x' } });
    renderPanel(<UsersPanel />);
    expect(await screen.findByRole('cell', { name: '编制人' })).toBeTruthy();
    const form = screen.getByRole('form', { name: '新建用户' });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'rev9' } });
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '审核人九' } });
    fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'long-enough-pw' } });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.click(await within(form).findByLabelText('999001 其他部门'));
    fireEvent.click(within(form).getByRole('button', { name: '创建' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/users',
      body: { username: 'rev9', displayName: '审核人九', password: 'long-enough-pw', role: 'reviewer', reviewScope: ['999001'] },
    });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', '已保存');
  });

  it('offers no password reset for the auditor or the security administrator: they change their own (三员分立)', async () => {
    const auditor = { ...PREPARER, id: '55555555-5555-4555-8555-555555555555', username: 'auditor', displayName: '审计员', role: 'auditor', departmentCode: null };
    fakeApi({ 'GET /api/users': [PREPARER, auditor], 'GET /api/departments': DEPARTMENTS, 'GET /api/users/.*/sessions': [] });
    renderPanel(<UsersPanel />);
    fireEvent.click(await screen.findByRole('button', { name: '管理 auditor' }));
    expect(await screen.findByText('安全保密管理员和安全审计员的密码由本人在“修改密码”中修改（三员分立）。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重置密码' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '管理 preparer' }));
    expect(await screen.findByRole('button', { name: '重置密码' })).toBeTruthy();
  });

  it('deactivates a user, and revokes one of their sessions', async () => {
    const requests = fakeApi({ 'GET /api/users': [PREPARER], 'GET /api/departments': DEPARTMENTS, 'PATCH /api/users/.*': PREPARER, 'GET /api/users/.*/sessions': [SESSION], 'DELETE /api/users/.*': undefined });
    renderPanel(<UsersPanel />);
    fireEvent.click(await screen.findByRole('button', { name: '停用' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PATCH', path: `/api/users/${PREPARER.id}`, body: { active: false } }));
    fireEvent.click(screen.getByRole('button', { name: '管理 preparer' }));
    const sessions = await screen.findByRole('region', { name: '登录会话' });
    expect(await within(sessions).findByText(/127\.0\.0\.1 · Chromium/)).toBeTruthy();
    fireEvent.click(within(sessions).getByRole('button', { name: '注销' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'DELETE', path: `/api/users/${PREPARER.id}/sessions/${SESSION.id}`, body: undefined }));
  });

  it('shows a reviewer’s office with its departments beside the own list, and saves "the office’s only" as no department', async () => {
    const reviewer = { ...PREPARER, id: '55555555-5555-4555-8555-555555555555', username: 'reviewer', role: 'reviewer', departmentCode: null, reviewScope: ['999001'], office: { code: 'yewu-1', name: '行政政法科', departments: ['019001'] } };
    const requests = fakeApi({ 'GET /api/users': [reviewer], 'GET /api/departments': DEPARTMENTS, 'PATCH /api/users/.*': { ...reviewer, reviewScope: [] }, 'GET /api/users/.*/sessions': [] });
    renderPanel(<UsersPanel />);
    expect(await screen.findByRole('cell', { name: '999001；科室「行政政法科」：019001' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '管理 reviewer' }));
    expect(await screen.findByText('所在科室「行政政法科」负责的部门：019001，无论下面如何勾选均可审核；在“财政局与审核流程”中调整。')).toBeTruthy();
    const besides = screen.getByRole('group', { name: '另可审核的部门（不勾选即只审核所在科室的部门）' });
    fireEvent.click(within(besides).getByLabelText('999001 其他部门')); // untick the only own department
    fireEvent.click(screen.getByRole('button', { name: '保存审核范围' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PATCH', path: `/api/users/${reviewer.id}`, body: { reviewScope: [] } }));
    // "All departments" is ticked in so many words for a reviewer of an office.
    fireEvent.click(screen.getByLabelText('全部部门'));
    expect(screen.queryByRole('group', { name: /另可审核的部门/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存审核范围' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PATCH', path: `/api/users/${reviewer.id}`, body: { reviewScope: 'all' } }));
  });

  it('says in the English UI what it says in Chinese', async () => {
    fakeApi({ 'GET /api/users': [PREPARER], 'GET /api/departments': DEPARTMENTS });
    renderPanel(<UsersPanel />, 'en');
    expect(await screen.findByRole('cell', { name: 'Preparer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deactivate' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'New user' })).toBeTruthy();
  });
});

describe('the admin desk: fiscal years and the catalogue', () => {
  const PREVIEW = {
    uploadId: '55555555-5555-4555-8555-555555555555',
    fiscalYear: 2021,
    confirmed: false,
    counts: { functional: 2, economic: 1, governmentEconomic: 0, economicMapping: 0 },
    changes: { lists: [{ list: 'functional', added: [{ code: '2050999', name: '其他教育支出' }], renamed: [{ code: '2050101', from: '行政运行', to: '行政运行（新）' }], removed: [] }], mapping: [] },
  };

  it("sets a year's template, uploads a workbook, shows what it changes and puts it in force", async () => {
    const requests = fakeApi({
      'GET /api/fiscal-years': [{ year: 2021, status: 'open', template: 'hubei-2020' }],
      'PUT /api/fiscal-years/2021': { year: 2021, status: 'open', template: 'shanghai-district' },
      'POST /api/catalogue/2021/uploads': PREVIEW,
      'POST /api/catalogue/2021/uploads/.*/confirm': { uploadId: PREVIEW.uploadId, fiscalYear: 2021, confirmedAt: '2026-12-02T00:00:00Z' },
    });
    renderPanel(<FiscalYearsPanel />);
    fireEvent.change(await screen.findByLabelText('2021 年度公开模板'), { target: { value: 'shanghai-district' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PUT', path: '/api/fiscal-years/2021', body: { status: 'open', template: 'shanghai-district' } }));

    const workbook = new File(['PK'], 'catalogue.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    fireEvent.change(screen.getByLabelText('分类科目工作簿（.xlsx）'), { target: { files: [workbook] } });
    fireEvent.click(screen.getByRole('button', { name: '上传并预览变化' }));
    const preview = await screen.findByRole('region', { name: '2021 年度分类科目的变化' });
    expect(within(preview).getByText('支出功能分类：新增 1，改名 1，删除 0', { exact: false })).toBeTruthy();
    expect(within(preview).getByText('2050101 行政运行 → 行政运行（新）')).toBeTruthy();
    expect(requests.some((r) => r.path.endsWith('/confirm'))).toBe(false);
    fireEvent.click(within(preview).getByRole('button', { name: '确认启用此版本' }));
    expect(await within(preview).findByRole('status')).toHaveProperty('textContent', '此版本已启用');
    expect(requests.filter((r) => r.path === `/api/catalogue/2021/uploads/${PREVIEW.uploadId}/confirm`)).toHaveLength(1);
  });
});

describe('the admin desk: failed jobs', () => {
  it('retries a dead job and links the queue dashboard', async () => {
    const requests = fakeApi({
      'GET /api/admin/jobs/failed': { items: [{ queue: 'budget-render', id: 'outbox:7', name: 'render', failedReason: 'boom', attemptsMade: 5, failedAt: null }] },
      'POST /api/admin/jobs/.*': undefined,
    });
    renderPanel(<JobsPanel />);
    expect(screen.getByRole('link', { name: '任务队列面板' }).getAttribute('href')).toBe('/admin/queues');
    fireEvent.click(await screen.findByRole('button', { name: '重试' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'POST', path: '/api/admin/jobs/budget-render/outbox%3A7/retry', body: undefined }));
  });
});

describe("the admin desk: the bureau's offices and review chain", () => {
  it('shows the chain of a year in order and saves an office’s departments and reviewers', async () => {
    const office = { code: 'yewu-1', name: '行政政法科', kind: 'business', departments: ['019001'], reviewers: ['reviewer'] };
    const budgetOffice = { code: 'yusuanke', name: '预算科', kind: 'budget', departments: [], reviewers: ['reviewer2'] };
    const requests = fakeApi({
      'GET /api/admin/organisation': { bureaus: [{ code: 'district', name: '区财政局', offices: [office, budgetOffice], departments: [] }] },
      'GET /api/fiscal-years': [{ year: 2021, status: 'open', template: 'hubei-2020' }],
      'GET /api/admin/review-chains/district/2021': {
        configured: true,
        chain: { proposalRound: false, stages: [{ key: 'business', name: '业务科室审核', role: 'reviewer', office: { by: 'kind', kind: 'business' } }, { key: 'budget', name: '预算科审核', role: 'reviewer', office: { by: 'office', code: 'yusuanke' } }] },
      },
      'PUT /api/admin/offices/yewu-1': { bureaus: [] },
    });
    renderPanel(<BureauPanel />);
    const stages = await screen.findAllByRole('listitem');
    // The office by its name, not its code.
    expect(stages.map((s) => s.textContent)).toEqual(['业务科室审核 · 负责该部门的业务科室', '预算科审核 · 预算科']);
    fireEvent.change(screen.getByLabelText('行政政法科 负责的部门编码'), { target: { value: '019001、999001' } });
    fireEvent.change(screen.getByLabelText('行政政法科 的审核人用户名'), { target: { value: 'reviewer, reviewer2' } });
    fireEvent.click(screen.getAllByRole('button', { name: '保存' })[0]!);
    await waitFor(() =>
      expect(requests).toContainEqual({ method: 'PUT', path: '/api/admin/offices/yewu-1', body: { bureau: 'district', name: '行政政法科', kind: 'business', departments: ['019001', '999001'], reviewers: ['reviewer', 'reviewer2'] } }),
    );
  });
});

describe('the admin desk: 公开前须审签 beside the review chain', () => {
  it('shows the year’s policy and sets it', async () => {
    const requests = fakeApi({
      'GET /api/admin/organisation': { bureaus: [{ code: 'district', name: '区财政局', offices: [], departments: [] }] },
      'GET /api/fiscal-years': [{ year: 2021, status: 'open', template: 'hubei-2020' }],
      'GET /api/admin/review-chains/district/2021': { configured: false, chain: { proposalRound: false, stages: [{ key: 'bureau', name: '财政局审核', role: 'reviewer', office: { by: 'scope' } }] } },
      'GET /api/admin/publication-policies/district/2021': { bureau: 'district', fiscalYear: 2021, signOffRequired: false, configured: false, version: 0 },
      'PUT /api/admin/publication-policies/district/2021': { bureau: 'district', fiscalYear: 2021, signOffRequired: true, configured: true, version: 1 },
    });
    renderPanel(<BureauPanel />);
    const box = (await screen.findByRole('checkbox', { name: '公开前须审签' })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    await waitFor(() => expect(requests).toContainEqual({ method: 'PUT', path: '/api/admin/publication-policies/district/2021', body: { signOffRequired: true } }));
    expect(await screen.findByRole('status')).toBeTruthy();
  });
});

describe('the admin desk: departments and units', () => {
  it('renames a department and adds a budget unit to it', async () => {
    const [education] = DEPARTMENTS;
    const requests = fakeApi({
      'GET /api/departments': DEPARTMENTS,
      'PATCH /api/departments/.*': education,
      'GET /api/departments/.*/units': [{ id: 'u1', departmentId: education!.id, code: '019001', name: '市教育局本级' }],
      'POST /api/departments/.*/units': { id: 'u2', departmentId: education!.id, code: '019002', name: '市第一中学' },
    });
    renderPanel(<DepartmentsPanel />);
    fireEvent.change(await screen.findByLabelText('部门 019001 的名称'), { target: { value: '市教育局（新）' } });
    fireEvent.click(screen.getAllByRole('button', { name: '保存' })[0]!);
    await waitFor(() => expect(requests).toContainEqual({ method: 'PATCH', path: `/api/departments/${education!.id}`, body: { name: '市教育局（新）' } }));
    fireEvent.click(screen.getByRole('button', { name: '019001 的预算单位' }));
    expect(await screen.findByText('019001 市教育局本级')).toBeTruthy();
    const form = screen.getByRole('form', { name: '新建预算单位' });
    fireEvent.change(within(form).getByLabelText('编码'), { target: { value: '019002' } });
    fireEvent.change(within(form).getByLabelText('名称'), { target: { value: '市第一中学' } });
    fireEvent.click(within(form).getByRole('button', { name: '新建预算单位' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'POST', path: `/api/departments/${education!.id}/units`, body: { code: '019002', name: '市第一中学' } }));
  });
});
