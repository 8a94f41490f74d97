import { useState, type FormEvent } from 'react';
import type { TRole } from '../../lib/api-types';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import type { TAdminUser } from '../admin/admin-types';
import { useAdminChange, useAdminUsers } from '../admin/use-admin';
import { AccountsTable } from '../admin/accounts-table';
import { RoleChoice } from '../admin/role-choice';
import { WITH_DEPARTMENT, WITH_SCOPE } from '../admin/user-labels';

/** Every role an account can be given here: the 三员 roles only the security administrator gives. */
const ROLES: readonly TRole[] = ['preparer', 'publisher', 'department_reviewer', 'reviewer', 'signer', 'admin', 'security_admin', 'auditor'];

/**
 * 安全保密管理: the security administrator's desk. Accounts with their role and whether they use
 * two-factor sign-in; a role given (with the department or review scope it needs) and a lost
 * second factor reset. The account signs in again either way. Departments are named by code:
 * this role sees no department's data.
 */
export function SecurityPanel({ selfId }: { selfId: string }) {
  const { t } = useDeskI18n();
  const users = useAdminUsers();
  return (
    <section aria-labelledby="security-title">
      <h2 id="security-title">{t('secTitle')}</h2>
      <QueryView query={users} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <AccountsTable
            users={list}
            caption={t('secAccounts', { n: list.length })}
            more={[{ header: t('secTwoFactor'), cell: (user) => (user.twoFactor ? t('secEnrolled') : t('secNotEnrolled')) }]}
            actions={(user, expanded, onToggle) =>
              user.id === selfId ? (
                t('secOwnAccount')
              ) : (
                <button type="button" aria-expanded={expanded} onClick={onToggle}>
                  {t('adminManage', { name: user.username })}
                </button>
              )
            }
            manage={(user) =>
              user.id === selfId ? null : (
                <>
                  <RoleForm user={user} />
                  <TwoFactorReset user={user} />
                </>
              )
            }
          />
        )}
      </QueryView>
    </section>
  );
}

/** Department codes typed as a list: 019001、999001 or 019001, 999001. */
const codesOf = (text: string) => text.split(/[\s,，、;；]+/).filter((code) => code !== '');

function RoleForm({ user }: { user: TAdminUser }) {
  const { t } = useDeskI18n();
  const [role, setRole] = useState<string>(user.role);
  const change = useAdminChange((body: object) => [`/api/users/${user.id}/role`, { method: 'PATCH', body }]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const scope = codesOf(field('reviewScope'));
    change.mutate({
      role,
      ...(WITH_DEPARTMENT.has(role) ? { departmentCode: field('departmentCode') } : {}),
      ...(WITH_SCOPE.has(role) ? { reviewScope: scope.length === 0 ? 'all' : scope } : {}),
    });
  };
  const currentScope = user.reviewScope === 'all' ? '' : user.reviewScope.join('、');
  return (
    <form onSubmit={submit} aria-label={t('secChangeRole', { name: user.username })}>
      <RoleChoice label={t('secNewRole')} roles={ROLES} value={role} onChange={setRole} />
      {WITH_DEPARTMENT.has(role) && (
        <label>
          {t('secDepartmentCode')} <input name="departmentCode" required defaultValue={user.departmentCode ?? ''} inputMode="numeric" />
        </label>
      )}
      {WITH_SCOPE.has(role) && (
        <label>
          {t('secReviewScope')} <input name="reviewScope" defaultValue={currentScope} />
        </label>
      )}
      <button type="submit" disabled={change.isPending}>
        {t('secSaveRole')}
      </button>
      {change.isSuccess && <p role="status">{t('secRoleSaved')}</p>}
      <ErrorBanner error={change.error} />
    </form>
  );
}

function TwoFactorReset({ user }: { user: TAdminUser }) {
  const { t } = useDeskI18n();
  const [asking, setAsking] = useState(false);
  const reset = useAdminChange(() => [`/api/users/${user.id}/totp/reset`, { method: 'POST' }]);
  if (!user.twoFactor && !reset.isSuccess) return <p>{t('secNothingToReset')}</p>;
  return (
    <div>
      {asking ? (
        <p role="alert">
          {t('secResetConfirm', { name: user.username })}{' '}
          <button type="button" onClick={() => (setAsking(false), reset.mutate(undefined))}>
            {t('secResetTotp')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={reset.isPending}>
          {t('secResetTotp')}
        </button>
      )}
      {reset.isSuccess && <p role="status">{t('secTotpReset')}</p>}
      <ErrorBanner error={reset.error} />
    </div>
  );
}
