import { SEPARATED_ADMIN_ROLES } from '@budgetflow/domain';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import { AccountsTable } from './accounts-table';
import type { TAdminDepartment, TAdminUser } from './admin-types';
import { useAdminChange, useAdminDepartments, useAdminUsers, useSessions, useUnits } from './use-admin';
import { RoleChoice } from './role-choice';
import { WITH_DEPARTMENT, WITH_SCOPE } from './user-labels';

/** The roles an account is created with; roles added later (三员) show by their own label. */
const CREATABLE_ROLES = ['preparer', 'reviewer', 'department_reviewer', 'signer', 'publisher', 'admin'] as const;

/** 用户管理: accounts, their role and scope, (de)activation, password reset, sessions. */
export function UsersPanel() {
  const { t } = useDeskI18n();
  const users = useAdminUsers();
  const departments = useAdminDepartments();
  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('adminUsers')}</h2>
      <CreateUserForm departments={departments.data ?? []} />
      <QueryView query={users} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <AccountsTable
            users={list}
            caption={t('adminUsers')}
            actions={(user, expanded, onToggle) => <UserActions user={user} expanded={expanded} onToggle={onToggle} />}
            manage={(user) => (
              <>
                {WITH_SCOPE.has(user.role) && <ScopeForm user={user} departments={departments.data ?? []} />}
                {/* 三员分立: a password set here would let the 系统管理员 sign in as the auditor (the API refuses it). */}
                {(SEPARATED_ADMIN_ROLES as readonly string[]).includes(user.role) ? <p>{t('adminPasswordOwnOnly')}</p> : <PasswordReset user={user} />}
                <SessionsList user={user} />
              </>
            )}
          />
        )}
      </QueryView>
    </section>
  );
}

/** 停用/启用 an account, and open its management. */
function UserActions({ user, expanded, onToggle }: { user: TAdminUser; expanded: boolean; onToggle(): void }) {
  const { t } = useDeskI18n();
  const change = useAdminChange((body: object) => [`/api/users/${user.id}`, { method: 'PATCH', body }]);
  return (
    <>
      <button type="button" onClick={() => change.mutate({ active: !user.active })}>
        {user.active ? t('adminDeactivate') : t('adminActivate')}
      </button>{' '}
      <button type="button" aria-expanded={expanded} onClick={onToggle}>
        {t('adminManage', { name: user.username })}
      </button>
      <ErrorBanner error={change.error} />
    </>
  );
}

function CreateUserForm({ departments }: { departments: TAdminDepartment[] }) {
  const { t } = useDeskI18n();
  const [role, setRole] = useState<string>('preparer');
  const [scope, setScope] = useState<string[]>([]);
  // The department chosen (the first until another is), whose units a preparer may belong to.
  const [chosen, setChosen] = useState<string>('');
  const departmentCode = departments.some((d) => d.code === chosen) ? chosen : (departments[0]?.code ?? '');
  const [unitCode, setUnitCode] = useState('');
  const create = useAdminChange((body: object) => ['/api/users', { method: 'POST', body }]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    const target = e.currentTarget;
    create.mutate(
      {
        username: field('username'),
        displayName: field('displayName'),
        password: field('password'),
        role,
        ...(WITH_DEPARTMENT.has(role) ? { departmentCode: field('departmentCode') } : {}),
        ...(role === 'preparer' && unitCode !== '' ? { unitCode } : {}),
        ...(WITH_SCOPE.has(role) ? { reviewScope: scope.length === 0 ? 'all' : scope } : {}),
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="admin-new-user">
      <h3 id="admin-new-user">{t('adminNewUser')}</h3>
      <label>
        {t('username')} <input name="username" required autoComplete="off" />
      </label>
      <label>
        {t('adminDisplayName')} <input name="displayName" required />
      </label>
      <label>
        {t('adminInitialPassword')} <input name="password" type="password" required autoComplete="new-password" />
      </label>
      <RoleChoice label={t('adminRole')} roles={CREATABLE_ROLES} value={role} onChange={setRole} />
      {WITH_DEPARTMENT.has(role) && (
        <label>
          {t('department')}{' '}
          <select
            name="departmentCode"
            required
            value={departmentCode}
            onChange={(e) => {
              setChosen(e.target.value);
              setUnitCode('');
            }}
          >
            {departments.map((d) => (
              <option key={d.id} value={d.code}>
                {d.code} {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {role === 'preparer' && (
        <UnitChoice department={departments.find((d) => d.code === departmentCode) ?? null} value={unitCode} onChange={setUnitCode} />
      )}
      {WITH_SCOPE.has(role) && <DepartmentChecks departments={departments} value={scope} onChange={setScope} />}
      <button type="submit" disabled={create.isPending}>
        {t('adminCreate')}
      </button>
      {create.isSuccess && <p role="status">{t('adminSaved')}</p>}
      <ErrorBanner error={create.error} />
    </form>
  );
}

/**
 * The budget unit (预算单位) a preparer prepares the budget of (单位编制人): one of the department's
 * units, or none, for a preparer of the department budget itself.
 */
function UnitChoice({ department, value, onChange }: { department: TAdminDepartment | null; value: string; onChange(code: string): void }) {
  const { t } = useDeskI18n();
  const units = useUnits(department?.id ?? null);
  return (
    <label>
      {t('adminUnit')}{' '}
      <select name="unitCode" value={value} onChange={(e) => onChange(e.target.value)} disabled={units.isPending}>
        <option value="">{t('adminNoUnit')}</option>
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.code}>
            {u.code} {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A reviewer's departments; none ticked means every department, unless the reviewer has an office (see ScopeForm). */
function DepartmentChecks({
  departments,
  value,
  onChange,
  legend = 'adminReviewScope',
}: {
  departments: TAdminDepartment[];
  value: string[];
  onChange(next: string[]): void;
  legend?: 'adminReviewScope' | 'adminReviewScopeBesidesOffice';
}) {
  const { t } = useDeskI18n();
  return (
    <fieldset>
      <legend>{t(legend)}</legend>
      {departments.map((d) => (
        <label key={d.id}>
          <input type="checkbox" checked={value.includes(d.code)} onChange={(e) => onChange(e.target.checked ? [...value, d.code] : value.filter((c) => c !== d.code))} />
          {d.code} {d.name}
        </label>
      ))}
    </fieldset>
  );
}

function ScopeForm({ user, departments }: { user: TAdminUser; departments: TAdminDepartment[] }) {
  const { t } = useDeskI18n();
  const office = user.office ?? null;
  // A reviewer of an office reviews its departments in any case: "all" is asked for in so many words.
  const [all, setAll] = useState(user.reviewScope === 'all');
  const [scope, setScope] = useState<string[]>(user.reviewScope === 'all' ? [] : user.reviewScope);
  const save = useAdminChange((reviewScope: 'all' | string[]) => [`/api/users/${user.id}`, { method: 'PATCH', body: { reviewScope } }]);
  const chosen = (): 'all' | string[] => (office === null ? (scope.length === 0 ? 'all' : scope) : all ? 'all' : scope);
  return (
    <div>
      {office !== null && (
        <>
          <p>{t('adminOfficeScope', { office: office.name, departments: office.departments.join('、') || '—' })}</p>
          <label>
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('adminAllDepartments')}
          </label>
        </>
      )}
      {!all || office === null ? <DepartmentChecks departments={departments} value={scope} onChange={setScope} legend={office === null ? 'adminReviewScope' : 'adminReviewScopeBesidesOffice'} /> : null}
      <button type="button" onClick={() => save.mutate(chosen())}>
        {t('adminSaveScope')}
      </button>
      {save.isSuccess && <p role="status">{t('adminSaved')}</p>}
      <ErrorBanner error={save.error} />
    </div>
  );
}

function PasswordReset({ user }: { user: TAdminUser }) {
  const { t } = useDeskI18n();
  const reset = useAdminChange((password: string) => [`/api/users/${user.id}`, { method: 'PATCH', body: { password } }]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate(String(new FormData(e.currentTarget).get('password') ?? ''));
      }}
    >
      <label>
        {t('adminNewPassword')} <input name="password" type="password" required autoComplete="new-password" />
      </label>
      <button type="submit">{t('adminResetPassword')}</button>
      {reset.isSuccess && <p role="status">{t('adminPasswordReset')}</p>}
      <ErrorBanner error={reset.error} />
    </form>
  );
}

function SessionsList({ user }: { user: TAdminUser }) {
  const { t } = useDeskI18n();
  const sessions = useSessions(user.id);
  const revoke = useAdminChange((sessionId: string | null) => [sessionId === null ? `/api/users/${user.id}/sessions` : `/api/users/${user.id}/sessions/${sessionId}`, { method: 'DELETE' }]);
  return (
    <section aria-label={t('adminSessions')}>
      <h4>{t('adminSessions')}</h4>
      <QueryView query={sessions} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <>
            <ul>
              {list.map((s) => (
                <li key={s.id}>
                  {formatDateTime(s.createdAt)} · {s.ip ?? '—'} · {s.userAgent ?? '—'}{' '}
                  <button type="button" onClick={() => revoke.mutate(s.id)}>
                    {t('adminRevoke')}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => revoke.mutate(null)}>
              {t('adminRevokeAll')}
            </button>
          </>
        )}
      </QueryView>
      <ErrorBanner error={revoke.error} />
    </section>
  );
}
