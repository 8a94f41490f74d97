import { useState, type ReactNode } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import type { TAdminUser } from './admin-types';
import { roleLabel, scopeText } from './user-labels';

export interface TAccountColumn {
  header: string;
  cell(user: TAdminUser): ReactNode;
}

/**
 * The accounts as the 用户管理 and the 安全保密管理 desks list them: who, their role and scope, the
 * desk's own columns, whether active, and the desk's actions; an account's management opens in a
 * row below it, one account at a time.
 */
export function AccountsTable({
  users,
  caption,
  more = [],
  actions,
  manage,
}: {
  users: readonly TAdminUser[];
  caption: string;
  more?: readonly TAccountColumn[];
  actions(user: TAdminUser, expanded: boolean, onToggle: () => void): ReactNode;
  manage(user: TAdminUser): ReactNode;
}) {
  const { t } = useDeskI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('username')}</th>
          <th scope="col">{t('adminDisplayName')}</th>
          <th scope="col">{t('adminRole')}</th>
          <th scope="col">{t('adminScope')}</th>
          {more.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          <th scope="col">{t('adminStatus')}</th>
          <th scope="col">{t('adminActions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const expanded = open === user.id;
          return (
            <AccountRows key={user.id} columns={6 + more.length} details={expanded ? manage(user) : null}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{roleLabel(t, user.role)}</td>
              <td>{scopeText(t, user)}</td>
              {more.map((c) => (
                <td key={c.header}>{c.cell(user)}</td>
              ))}
              <td>{user.active ? t('adminActive') : t('adminInactive')}</td>
              <td>{actions(user, expanded, () => setOpen(expanded ? null : user.id))}</td>
            </AccountRows>
          );
        })}
      </tbody>
    </table>
  );
}

function AccountRows({ columns, details, children }: { columns: number; details: ReactNode; children: ReactNode }) {
  return (
    <>
      <tr>{children}</tr>
      {details !== null && (
        <tr>
          <td colSpan={columns}>{details}</td>
        </tr>
      )}
    </>
  );
}
