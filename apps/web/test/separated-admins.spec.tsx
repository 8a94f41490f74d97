import './text-encoder.polyfill';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { WORKFLOW_ACTIONS } from '@budgetflow/domain';
import { Providers } from '../src/app/providers';
import { auditWordsZh } from '../src/features/audit/audit-messages';
import { DeskPage } from '../src/features/home/desk-page';
import type { TSessionUser } from '../src/lib/api-types';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';

const SELF = { id: '00000000-0000-4000-8000-000000000001', username: 'secadmin', displayName: '安全保密管理员', role: 'security_admin', departmentCode: null, reviewScope: [], active: true, twoFactor: true };
const PREPARER = { id: '00000000-0000-4000-8000-000000000002', username: 'preparer', displayName: '编制人甲', role: 'preparer', departmentCode: '019001', reviewScope: [], active: true, twoFactor: false };
const PUBLISHER = { id: '00000000-0000-4000-8000-000000000003', username: 'publisher', displayName: '公开人甲', role: 'publisher', departmentCode: '019001', reviewScope: [], active: true, twoFactor: true };

const session = (user: typeof SELF | { id: string; username: string; role: string }): TSessionUser =>
  ({ id: user.id, username: user.username, role: user.role, departmentCode: null, totpEnabled: true, mustEnrolTotp: false, office: null, unit: null }) as TSessionUser;
const AUDITOR = session({ id: '00000000-0000-4000-8000-000000000004', username: 'auditor', role: 'auditor' });

function renderDesk(user: TSessionUser, locale: TLocale = 'zh') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client} locale={locale}>
      <MemoryRouter>
        <DeskPage user={user} />
      </MemoryRouter>
    </Providers>,
  );
}

describe("the security administrator's desk (安全保密管理员)", () => {
  it('lists the accounts with their two-factor state, and offers nothing on their own account', async () => {
    fakeApi({ 'GET /api/users': [SELF, PREPARER, PUBLISHER] });
    renderDesk(session(SELF));
    const table = await screen.findByRole('table', { name: '账户（3 个）' });
    const own = within(table).getByRole('row', { name: /secadmin/ });
    expect(within(own).getByText('本人账户')).toBeTruthy();
    expect(within(own).queryByRole('button')).toBeNull();
    expect(within(within(table).getByRole('row', { name: /编制人甲/ })).getByText('未启用')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /公开人甲/ })).getByText('已启用')).toBeTruthy();
    // Nothing of a budget or of the audit trail on this desk.
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('makes a preparer a reviewer of two departments, typed as codes', async () => {
    const requests = fakeApi({ 'GET /api/users': [SELF, PREPARER], 'PATCH /api/users/.*/role': { ...PREPARER, role: 'reviewer', departmentCode: null, reviewScope: ['019001', '999001'] } });
    renderDesk(session(SELF));
    fireEvent.click(await screen.findByRole('button', { name: '管理 preparer' }));
    const form = screen.getByRole('form', { name: '变更 preparer 的角色' });
    fireEvent.change(within(form).getByLabelText('新角色'), { target: { value: 'reviewer' } });
    fireEvent.change(within(form).getByLabelText(/审核范围/), { target: { value: '019001、999001' } });
    fireEvent.click(within(form).getByRole('button', { name: '变更角色' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'PATCH', path: `/api/users/${PREPARER.id}/role`, body: { role: 'reviewer', reviewScope: ['019001', '999001'] } }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', '角色已变更，该用户需重新登录');
  });

  it('resets a lost second factor only once asked to confirm', async () => {
    const requests = fakeApi({ 'GET /api/users': [SELF, PUBLISHER], 'POST /api/users/.*/totp/reset': undefined });
    renderDesk(session(SELF));
    fireEvent.click(await screen.findByRole('button', { name: '管理 publisher' }));
    fireEvent.click(screen.getByRole('button', { name: '重置双因素认证' }));
    expect(screen.getByRole('alert').textContent).toContain('确定重置 publisher 的双因素认证吗');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '重置双因素认证' }));
    await waitFor(() => expect(requests).toContainEqual({ method: 'POST', path: `/api/users/${PUBLISHER.id}/totp/reset`, body: undefined }));
    expect(await screen.findByText('双因素认证已重置，该用户下次登录时重新绑定')).toBeTruthy();
  });

  it('says in the English UI what it says in Chinese', async () => {
    fakeApi({ 'GET /api/users': [SELF, PREPARER] });
    renderDesk(session(SELF), 'en');
    expect(await screen.findByRole('table', { name: 'Accounts (2)' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Two-factor sign-in' })).toBeTruthy();
  });
});

describe("the auditor's desk (安全审计员)", () => {
  const EDIT = { id: '9', at: '2026-12-02T01:00:00.000Z', actor: 'admin', action: 'user.update', entity: 'user', entityId: PREPARER.id, budgetId: null, payload: { changed: ['displayName'], changes: { displayName: { from: '旧名', to: '新名' } } } };
  const ENTRY = { id: '7', at: '2026-12-02T01:00:00.000Z', actor: 'preparer', action: 'budget.submit', entity: 'budget', entityId: 'b-1', budgetId: 'b-1', payload: {} };

  it('reads the audit trail in words, and nothing else', async () => {
    fakeApi({ 'GET /api/audit': { entries: [ENTRY], names: {}, next: null } });
    renderDesk(AUDITOR);
    const row = await screen.findByRole('row', { name: /preparer/ });
    expect(within(row).getByText('送审')).toBeTruthy();
    expect(within(row).getByText('预算 b-1')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /账户/ })).toBeNull();
  });

  it('in English too', async () => {
    fakeApi({ 'GET /api/audit': { entries: [ENTRY], names: {}, next: null } });
    renderDesk(AUDITOR, 'en');
    const row = await screen.findByRole('row', { name: /preparer/ });
    expect(within(row).getByText('Submitted')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify the audit chain' })).toBeTruthy();
  });

  it('searches by who and what, shows each changed field old → new, and pages further back', async () => {
    const names = { [PREPARER.id]: 'preparer' };
    const requests = fakeApi({ 'GET /api/audit\\?actor=admin&action=user\\.': { entries: [EDIT], names, next: '9' }, 'GET /api/audit.*before=9': { entries: [{ ...EDIT, id: '3', payload: { changes: { active: { from: true, to: false } } } }], names, next: null }, 'GET /api/audit': { entries: [], names: {}, next: null } });
    renderDesk(AUDITOR);
    expect(await screen.findByText('暂无')).toBeTruthy();
    const search = screen.getByRole('search', { name: '查询' });
    fireEvent.change(within(search).getByLabelText('操作人'), { target: { value: 'admin' } });
    fireEvent.change(within(search).getByLabelText('操作'), { target: { value: 'user.' } });
    fireEvent.click(within(search).getByRole('button', { name: '查询' }));
    const row = await screen.findByRole('row', { name: /修改用户/ });
    // The user by name, each field by its label, never a UUID or a key.
    expect(within(row).getByText('用户 preparer')).toBeTruthy();
    expect(within(row).getByText('修改的项：姓名')).toBeTruthy();
    expect(row.textContent).not.toMatch(/displayName/);
    expect(row.textContent).not.toContain(PREPARER.id);
    expect(within(row).getByText('旧名').tagName).toBe('DEL');
    expect(within(row).getByText('新名').tagName).toBe('INS');
    expect(requests.map((r) => r.path)).toContain('/api/audit?actor=admin&action=user.');
    fireEvent.click(screen.getByRole('button', { name: '更早的记录' }));
    expect(await screen.findByText('否')).toBeTruthy();
    expect(requests.map((r) => r.path)).toContain('/api/audit?actor=admin&action=user.&before=9');
  });

  it('names every recorded fact, ids by name, 分 in 元, and shows no JSON, key or UUID', async () => {
    const budget = '44444444-4444-4444-8444-444444444444';
    const sessionId = '55555555-5555-4555-8555-555555555555';
    const entries = [
      { id: '2', at: '2026-12-02T01:00:00.000Z', actor: 'preparer', action: 'auth.login', entity: 'user', entityId: PREPARER.id, budgetId: null, payload: { ip: '::ffff:127.0.0.1', sessionId } },
      { id: '1', at: '2026-12-02T00:00:00.000Z', actor: 'reviewer2', action: 'ceilings.issue', entity: 'ceilings', entityId: '019001/2020', budgetId: null, payload: { version: 1, ceilings: { total: '605000000', byFundSource: { 'general-budget-appropriation': '605000000' }, threePublic: { total: '1000000' } }, previous: null, fiscalYear: 2020, departmentCode: '019001' } },
      { id: '4', at: '2026-12-03T00:00:00.000Z', actor: 'reviewer2', action: 'budget.approve', entity: 'budget', entityId: budget, budgetId: budget, payload: { changes: { state: { from: 'submitted', to: 'approved' } } } },
      { id: '3', at: '2026-12-03T01:00:00.000Z', actor: 'system', action: 'publication.record', entity: 'publication', entityId: budget, budgetId: budget, payload: { files: [{ id: sessionId, name: 't5.csv', size: 1499, sha256: '0'.repeat(64) }, { id: sessionId, name: 'correction-notice.txt', size: 300, sha256: '1'.repeat(64) }] } },
      { id: '0', at: '2026-12-01T00:00:00.000Z', actor: 'preparer', action: 'budget.create', entity: 'budget', entityId: budget, budgetId: budget, payload: { fiscalYear: 2020, departmentId: '66666666-6666-4666-8666-666666666666' } },
    ];
    fakeApi({ 'GET /api/audit': { entries, names: { [PREPARER.id]: 'preparer', [budget]: '甲单位 2020年', '66666666-6666-4666-8666-666666666666': '甲单位' }, next: null } });
    renderDesk(AUDITOR);
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

  it('verifies the chain when asked, not on every visit, and says where it broke and how', async () => {
    let verdict: object = { ok: true, checked: 42 };
    const requests = fakeApi({ 'GET /api/audit/verify': () => verdict, 'GET /api/audit': { entries: [], names: {}, next: null } });
    renderDesk(AUDITOR);
    const check = await screen.findByRole('button', { name: '核验审计链' });
    expect(requests.map((r) => r.path)).not.toContain('/api/audit/verify');
    fireEvent.click(check);
    expect((await screen.findByText('审计链完整：已核验全部 42 条记录。')).getAttribute('role')).toBe('status');
    verdict = { ok: false, checked: 20, brokenId: '21', fault: 'content', reason: 'content does not match its hash (the entry was altered)' };
    fireEvent.click(screen.getByRole('button', { name: '核验审计链' }));
    expect((await screen.findByText('审计链在第 21 号记录处断裂：该记录的内容被改动（其前 20 条完整）。')).getAttribute('role')).toBe('alert');
    expect(requests.filter((r) => r.path === '/api/audit/verify')).toHaveLength(2);
  });
});

/** Every TypeScript file under a directory, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the words for the audit trail', () => {
  it('name every action and every kind of object the API records', () => {
    const api = sources(join(__dirname, '../../api/src')).map((file) => readFileSync(file, 'utf8'));
    const recorded = (pattern: RegExp) => new Set(api.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1] as string)));
    const actions = [...recorded(/\baction: (?:kind === 'refused' \? )?'([a-z][a-z.-]+)'/g), ...recorded(/: '(auth\.login\.throttled)'/g), ...WORKFLOW_ACTIONS.map((a) => `budget.${a}`), 'publication.record'];
    const entities = [...recorded(/\bentity: '([a-z][a-z-]+)'/g)];
    expect(actions.length).toBeGreaterThan(30);
    expect(entities.length).toBeGreaterThan(10);
    const missing = [...actions.map((a) => `audit_${a}`), ...entities.map((e) => `audit_entity_${e}`)].filter((key) => !(key in auditWordsZh));
    expect(missing).toEqual([]);
  });
});
