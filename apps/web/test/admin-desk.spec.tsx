import './text-encoder.polyfill';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../src/app/providers';
import { AuditPanel } from '../src/features/admin/audit-panel';
import { BureauPanel } from '../src/features/admin/bureau-panel';
import { DepartmentsPanel } from '../src/features/admin/departments-panel';
import { FiscalYearsPanel } from '../src/features/admin/fiscal-years-panel';
import { JobsPanel } from '../src/features/admin/jobs-panel';
import { UsersPanel } from '../src/features/admin/users-panel';
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

describe('the admin desk: the audit trail', () => {
  const ENTRY = { id: '9', at: '2026-12-02T01:00:00.000Z', actor: 'admin', action: 'user.update', entity: 'user', entityId: PREPARER.id, budgetId: null, payload: { changed: ['displayName'], changes: { displayName: { from: '旧名', to: '新名' } } } };

  it('searches by who and what, shows each changed field old → new, and pages further back', async () => {
    const names = { [PREPARER.id]: 'preparer' };
    const requests = fakeApi({ 'GET /api/audit\\?actor=admin&action=user\\.': { entries: [ENTRY], names, next: '9' }, 'GET /api/audit.*before=9': { entries: [{ ...ENTRY, id: '3', payload: { changes: { active: { from: true, to: false } } } }], names, next: null }, 'GET /api/audit': { entries: [], names: {}, next: null } });
    renderPanel(<AuditPanel />);
    expect(await screen.findByText('暂无')).toBeTruthy();
    const search = screen.getByRole('search', { name: '查询' });
    fireEvent.change(within(search).getByLabelText('操作人'), { target: { value: 'admin' } });
    fireEvent.change(within(search).getByLabelText('操作'), { target: { value: 'user.' } });
    fireEvent.click(within(search).getByRole('button', { name: '查询' }));
    const row = await screen.findByRole('row', { name: /修改用户/ });
    // The user by name, each field by its label, never a UUID or a key.
    expect(within(row).getByText('用户 preparer')).toBeTruthy();
    expect(within(row).getByText('修改的项：姓名')).toBeTruthy();
    expect(row.textContent).not.toMatch(/displayName|3333/);
    expect(within(row).getByText('旧名').tagName).toBe('DEL');
    expect(within(row).getByText('新名').tagName).toBe('INS');
    expect(requests.map((r) => r.path)).toContain('/api/audit?actor=admin&action=user.');
    fireEvent.click(screen.getByRole('button', { name: '更早的记录' }));
    expect(await screen.findByText('否')).toBeTruthy();
    expect(requests.map((r) => r.path)).toContain('/api/audit?actor=admin&action=user.&before=9');
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

describe('the audit trail’s facts in words', () => {
  it('names every recorded fact, ids by name, 分 in 元, and shows no JSON, key or UUID', async () => {
    const budget = '44444444-4444-4444-8444-444444444444';
    const session = '55555555-5555-4555-8555-555555555555';
    const entries = [
      { id: '2', at: '2026-12-02T01:00:00.000Z', actor: 'preparer', action: 'auth.login', entity: 'user', entityId: PREPARER.id, budgetId: null, payload: { ip: '::ffff:127.0.0.1', sessionId: session } },
      { id: '1', at: '2026-12-02T00:00:00.000Z', actor: 'reviewer2', action: 'ceilings.issue', entity: 'ceilings', entityId: '019001/2020', budgetId: null, payload: { version: 1, ceilings: { total: '605000000', byFundSource: { 'general-budget-appropriation': '605000000' }, threePublic: { total: '1000000' } }, previous: null, fiscalYear: 2020, departmentCode: '019001' } },
      { id: '4', at: '2026-12-03T00:00:00.000Z', actor: 'reviewer2', action: 'budget.approve', entity: 'budget', entityId: budget, budgetId: budget, payload: { changes: { state: { from: 'submitted', to: 'approved' } } } },
      { id: '3', at: '2026-12-03T01:00:00.000Z', actor: 'system', action: 'publication.record', entity: 'publication', entityId: budget, budgetId: budget, payload: { files: [{ id: session, name: 't5.csv', size: 1499, sha256: '0'.repeat(64) }, { id: session, name: 'correction-notice.txt', size: 300, sha256: '1'.repeat(64) }] } },
      { id: '0', at: '2026-12-01T00:00:00.000Z', actor: 'preparer', action: 'budget.create', entity: 'budget', entityId: budget, budgetId: budget, payload: { fiscalYear: 2020, departmentId: '66666666-6666-4666-8666-666666666666' } },
    ];
    fakeApi({ 'GET /api/audit': { entries, names: { [PREPARER.id]: 'preparer', [budget]: '甲单位 2020年', '66666666-6666-4666-8666-666666666666': '甲单位' }, next: null } });
    renderPanel(<AuditPanel />);
    const login = await screen.findByRole('row', { name: /登录/ });
    expect(within(login).getByText('地址：127.0.0.1')).toBeTruthy();
    expect(within(login).getByText('登录会话：—')).toBeTruthy();
    const ceilings = screen.getByRole('row', { name: /下达控制数/ });
    expect(within(ceilings).getByText('控制数：合计：6,050,000.00；按资金来源：经费拨款（补助）：6,050,000.00；“三公”经费：合计：10,000.00')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /批复/ })).getByText('审核中').tagName).toBe('DEL');
    expect(screen.getByRole('row', { name: /批复/ }).textContent).toContain('状态：审核中 → 已批复');
    const record = screen.getByRole('row', { name: /公开文件存证/ });
    expect(within(record).getByText('系统')).toBeTruthy();
    expect(record.textContent).toContain('名称：开放数据 CSV · 表5');
    expect(record.textContent).toContain('· 更正说明');
    expect(record.textContent).not.toContain('correction-notice');
    const created = screen.getByRole('row', { name: /新建预算/ });
    expect(within(created).getByText('预算 甲单位 2020年')).toBeTruthy();
    expect(within(created).getByText('部门：甲单位')).toBeTruthy();
    const table = screen.getByRole('table', { name: /审计/ });
    // Only the usernames people sign in with are Latin.
    expect(table.textContent?.replace(/preparer|reviewer2|0{64}|CSV/g, '')).not.toMatch(/[A-Za-z]{3,}|[0-9a-f]{8}-[0-9a-f]{4}|[{}"]/);
  });
});
