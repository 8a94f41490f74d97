import './text-encoder.polyfill';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { WORKFLOW_ACTIONS } from '@budgetflow/domain';
import { Providers } from '../src/app/providers';
import { auditWordsZh } from '../src/features/admin/audit-messages';
import { DeskPage } from '../src/features/home/desk-page';
import type { TSessionUser } from '../src/lib/api-types';
import type { TLocale } from '../src/lib/i18n';
import { fakeApi } from './admin-fake-api';

const SELF = { id: '00000000-0000-4000-8000-000000000001', username: 'secadmin', displayName: '安全保密管理员', role: 'security_admin', departmentCode: null, reviewScope: [], active: true, twoFactor: true };
const PREPARER = { id: '00000000-0000-4000-8000-000000000002', username: 'preparer', displayName: '编制人甲', role: 'preparer', departmentCode: '019001', reviewScope: [], active: true, twoFactor: false };
const PUBLISHER = { id: '00000000-0000-4000-8000-000000000003', username: 'publisher', displayName: '公开人甲', role: 'publisher', departmentCode: '019001', reviewScope: [], active: true, twoFactor: true };

const session = (user: typeof SELF | { id: string; username: string; role: string }): TSessionUser =>
  ({ id: user.id, username: user.username, role: user.role, departmentCode: null, totpEnabled: true, mustEnrolTotp: false, office: null, unit: null }) as TSessionUser;

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
  const ENTRY = { id: '7', at: '2026-12-02T01:00:00.000Z', actor: 'preparer', action: 'budget.submit', entity: 'budget', entityId: 'b-1', budgetId: 'b-1', payload: {} };

  it('reads the audit trail in words, and nothing else', async () => {
    fakeApi({ 'GET /api/audit': { entries: [ENTRY], names: {}, next: null } });
    renderDesk(session({ id: 'a', username: 'auditor', role: 'auditor' }));
    const row = await screen.findByRole('row', { name: /preparer/ });
    expect(within(row).getByText('送审')).toBeTruthy();
    expect(within(row).getByText('预算 b-1')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /账户/ })).toBeNull();
  });

  it('in English too', async () => {
    fakeApi({ 'GET /api/audit': { entries: [ENTRY], names: {}, next: null } });
    renderDesk(session({ id: 'a', username: 'auditor', role: 'auditor' }), 'en');
    const row = await screen.findByRole('row', { name: /preparer/ });
    expect(within(row).getByText('Submitted')).toBeTruthy();
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
